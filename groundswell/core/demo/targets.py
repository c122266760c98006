"""Demo target seats: PLACEHOLDER until built (writes nothing)."""

import random


def write_targets(rng: random.Random) -> int:
    """Choose the demo movement's target seats (and their sign-ups); returns how many.
    Called after write_events."""
    return 0
