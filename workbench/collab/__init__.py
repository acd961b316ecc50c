"""Working together: workshops, consent, comments and reviews, readiness, Word comments."""
