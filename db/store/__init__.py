"""The store: opening a database, its schema, records, validation, every write."""
