"""The guided path: forms, parts and edits, progress and assessor hints, budget, guidance, labels."""
