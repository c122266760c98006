"""Demo events: PLACEHOLDER until built (writes nothing)."""

import random


def write_events(rng: random.Random) -> int:
    """Create the demo movement's events; returns how many. Called after groups and logins exist."""
    return 0
