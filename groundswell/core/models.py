"""Core has no tables of its own."""
