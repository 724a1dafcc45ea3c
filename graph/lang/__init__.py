"""Language data, kept apart from the algorithms that use it (as spaCy keeps `lang/`)."""
