"""UK postcode validation and normalisation: pure, so importers and forms can share it without Django.

Typos are never silently fixed: a postcode that would only be valid with a letter read as a digit (or the
reverse) is rejected with a suggestion, because guessing could file someone under a stranger's address.
"""

import re
from dataclasses import dataclass
from itertools import product
from typing import Literal

Kind = Literal["full", "district", "bfpo"]

# Royal Mail's rules per position: which letters may stand where. Digits are always "0-9".
_FIRST = "ABCDEFGHIJKLMNOPRSTUWYZ"  # never Q, V, X
_SECOND = "ABCDEFGHKLMNOPQRSTUVWXY"  # never I, J, Z
# The letter in A9A; M, N, R, V, X, Y only in terminated London W1 districts still in the ONS file.
_THIRD = "ABCDEFGHJKMNPRSTUVWXY"
_FOURTH = "ABEHMNPRVWXY"  # the letter in AA9A
_INWARD = "ABDEFGHJLNPQRSTUWXYZ"  # never C, I, K, M, O, V
_DIGIT = "0123456789"

# Each outward shape as the allowed characters per position (A9, A99, AA9, AA99, A9A, AA9A).
_OUTWARD_SHAPES: tuple[tuple[str, ...], ...] = (
    (_FIRST, _DIGIT),
    (_FIRST, _DIGIT, _DIGIT),
    (_FIRST, _SECOND, _DIGIT),
    (_FIRST, _SECOND, _DIGIT, _DIGIT),
    (_FIRST, _DIGIT, _THIRD),
    (_FIRST, _SECOND, _DIGIT, _FOURTH),
)
_INWARD_SHAPE: tuple[str, ...] = (_DIGIT, _INWARD, _INWARD)

# Characters people (and OCR) confuse; each maps to what it is often mistaken for.
_LOOKALIKES: dict[str, str] = {
    "O": "0",
    "0": "O",
    "I": "1",
    "L": "1",
    "1": "I",
    "S": "5",
    "5": "S",
    "Z": "2",
    "2": "Z",
    "B": "8",
    "8": "B",
    "G": "6",
    "6": "G",
}
_MAX_TYPOS = 2

_BFPO = re.compile(r"^BFPO ?(\d{1,4})$")
_FOREIGN = (
    re.compile(r"^\d[\d -]*$"),  # US ZIP, German PLZ, French, Australian...
    re.compile(r"^[A-Z]\d[A-Z] ?\d[A-Z]\d$"),  # Canada
    re.compile(r"^\d{4} ?[A-Z]{2}$"),  # Netherlands
)


class PostcodeError(ValueError):
    """A postcode we cannot accept; the message is fit to show the person who typed it."""

    def __init__(
        self, message: str, suggestion: str | None = None, alternatives: tuple[str, ...] = ()
    ) -> None:
        super().__init__(message)
        self.suggestion = suggestion
        # Every validly shaped reading, likeliest first: a caller that knows which districts exist can pick.
        self.alternatives = alternatives or ((suggestion,) if suggestion else ())


@dataclass(frozen=True)
class UKPostcode:
    """A parsed postcode: a full one, a bare district (outward code) or a BFPO number."""

    outward: str
    inward: str
    kind: Kind

    @property
    def text(self) -> str:
        if self.kind == "district":
            return self.outward
        return f"{self.outward} {self.inward}"

    @property
    def district(self) -> str:
        return "" if self.kind == "bfpo" else self.outward

    @property
    def geographic(self) -> bool:
        """False for codes that name no place: BFPO numbers and Girobank's GIR 0AA."""
        return self.kind != "bfpo" and self.outward != "GIR"

    def __str__(self) -> str:
        return self.text


def _fits(chars: str, shape: tuple[str, ...]) -> bool:
    return len(chars) == len(shape) and all(
        c in allowed for c, allowed in zip(chars, shape, strict=True)
    )


# Outward codes outside the pattern: Girobank's GIR 0AA and Newport's pre-1984 NPT (terminated).
_SPECIAL_OUTWARDS = frozenset({"GIR", "NPT"})


def is_outward(chars: str) -> bool:
    """Whether `chars` (upper case, no spaces) is shaped like an outward code such as SW1A."""
    return chars in _SPECIAL_OUTWARDS or any(_fits(chars, shape) for shape in _OUTWARD_SHAPES)


def _is_full(compact: str) -> bool:
    outward, inward = compact[:-3], compact[-3:]
    if compact == "GIR0AA":
        return True
    if outward == "GIR":
        return False
    return is_outward(outward) and _fits(inward, _INWARD_SHAPE)


def _variants(chars: str) -> list[tuple[int, str]]:
    """Every reading of `chars` with up to _MAX_TYPOS look-alikes swapped, as (swaps, text)."""
    options = [(c, _LOOKALIKES[c]) if c in _LOOKALIKES else (c,) for c in chars]
    found = []
    for combo in product(*options):
        swaps = sum(a != b for a, b in zip(combo, chars, strict=True))
        if 0 < swaps <= _MAX_TYPOS:
            found.append((swaps, "".join(combo)))
    return sorted(found)


def outward_lookalikes(outward: str) -> list[str]:
    """Validly shaped outward codes one or two look-alike swaps from `outward`, likeliest first."""
    return [candidate for _, candidate in _variants(outward) if is_outward(candidate)]


def _readings(compact: str, full: bool) -> tuple[str, ...]:
    if full:
        return tuple(f"{c[:-3]} {c[-3:]}" for _, c in _variants(compact) if _is_full(c))
    return tuple(c for _, c in _variants(compact) if is_outward(c))


def invalid(text: str, alternatives: tuple[str, ...] = ()) -> PostcodeError:
    """The error for a malformed postcode, suggesting the first of `alternatives` if any."""
    if alternatives:
        return PostcodeError(
            f"“{text.strip()}” isn't a valid postcode. Did you mean {alternatives[0]}?",
            alternatives[0],
            alternatives,
        )
    return PostcodeError(f"“{text.strip()}” isn't a valid UK postcode (for example SW1A 1AA).")


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text.strip().upper())


def _reject(text: str, compact: str) -> PostcodeError:
    spaced = re.sub(r"\s+", " ", text.strip().upper())
    if any(pattern.match(spaced) for pattern in _FOREIGN) or not compact.isalnum():
        return PostcodeError(
            f"“{text.strip()}” isn't a UK postcode. We only recognise UK postcodes."
        )
    alternatives = _readings(compact, len(compact) >= 5) if 2 <= len(compact) <= 7 else ()
    if alternatives:
        return invalid(text, alternatives)
    if len(compact) > 7:
        return PostcodeError(f"“{text.strip()}” is too long for a UK postcode.")
    parts = text.split()
    if len(compact) < 2 or (len(parts) == 2 and len(parts[1]) < 3):
        return PostcodeError(f"“{text.strip()}” is too short for a UK postcode.")
    return invalid(text)


def parse(text: str) -> UKPostcode:
    """Parse a full postcode ("sw1a1aa"), a bare district ("SW1A") or a BFPO number ("BFPO 1234")."""
    if not text or not text.strip():
        raise PostcodeError("Please enter a postcode.")
    compact = _compact(text)
    bfpo = _BFPO.match(re.sub(r"\s+", " ", text.strip().upper()))
    if bfpo:
        return UKPostcode("BFPO", bfpo.group(1), "bfpo")
    if len(compact) >= 5 and _is_full(compact):
        return UKPostcode(compact[:-3], compact[-3:], "full")
    if len(compact) <= 4 and is_outward(compact):
        return UKPostcode(compact, "", "district")
    raise _reject(text, compact)


def normalise(text: str) -> str:
    """The canonical form ("SW1A 1AA", "SW1A", "BFPO 1234"), or PostcodeError."""
    return parse(text).text


def is_valid(text: str) -> bool:
    try:
        parse(text)
    except PostcodeError:
        return False
    return True
