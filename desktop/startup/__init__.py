"""Start-up machinery, applied from the entry point (see its module docs)."""
