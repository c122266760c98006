"""Decide: the movement's ballots, elections and their counts."""
