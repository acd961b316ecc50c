"""The dossier as pure data: the model, its vocabulary, call profiles, units, records, validation."""
