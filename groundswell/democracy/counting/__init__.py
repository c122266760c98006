"""Counting ranked ballots: Scottish STV, ERS97, Meek STV and instant runoff, exactly as each rule prescribes.

Pure Python with no Django import, so a count can be run, tested and benchmarked alone:

    election = read_blt("ward.blt")
    result = count(election, "scottish", seed=42)

Every tie decided by lot is drawn from `seed` and recorded in the result; counting again with the same seed
repeats the count exactly. See docs/counting.md.
"""

import secrets
from collections.abc import Callable

from .ballots import Ballot, Election
from .blt import BltError, format_blt, parse_blt, read_blt
from .ers97 import count_ers97
from .irv import count_irv
from .meek import count_meek
from .result import Result, Stage
from .scottish import count_scottish
from .ties import Lot, TieBreaker

RULES: dict[str, Callable[[Election, TieBreaker], Result]] = {
    "scottish": count_scottish,
    "ers97": count_ers97,
    "meek": count_meek,
    "irv": count_irv,
}

__all__ = [
    "RULES",
    "Ballot",
    "BltError",
    "Election",
    "Lot",
    "Result",
    "Stage",
    "count",
    "format_blt",
    "parse_blt",
    "read_blt",
]


def count(election: Election, rule: str, seed: int | None = None) -> Result:
    """Count `election` by `rule` (one of RULES). With no seed, one is drawn and recorded in the result."""
    if rule not in RULES:
        raise ValueError(f"unknown rule {rule!r}; choose from {', '.join(RULES)}")
    if seed is None:
        seed = secrets.randbelow(2**32)
    return RULES[rule](election, TieBreaker(seed))
