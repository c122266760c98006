"""Reading a big BLT file at once: the ballot lines parsed together with numpy and equal rankings merged.

A million ballot lines read one by one in Python take seconds; as one array of bytes they take a fraction of one.
This path takes only files whose ballot lines are plain numbers (digits, spaces, tabs, line ends) closed by a line
`0`, and gives up (returns None) on anything else or anything wrong, so that the line-by-line reader in blt.py reads
the file instead and reports any fault with its line and reason exactly as before.
"""

import numpy as np

from .ballots import Election
from .blt import BltError, _content_lines, _header, _names_and_title, _withdraw
from .rankings import EXACT_LIMIT, Ints, Rankings, exact_sums

# line breaks to splitlines() that this path does not number
_ODD_BREAKS = "\v\f\x1c\x1d\x1e\x85\u2028\u2029"


def parse_fast(text: str) -> Election | None:
    """The election in `text`, or None if the fast path does not apply (the caller then reads line by line)."""
    try:
        head = _head(text)
        if head is None:
            return None
        n_candidates, seats, withdrawn, start, alternatives = head
        end = _section_end(text, start)
        if end is None:
            return None
        table = _ballot_table(text[start:end], n_candidates)
        if table is None:
            return None
        line_no = text.count("\n", 0, end) + 1
        rest = list(_content_lines(text[end:], alternatives, first=line_no))[1:]
        names, title = _names_and_title(rest, line_no, n_candidates, alternatives)
        return Election(tuple(names), seats, Rankings(*table), frozenset(withdrawn), title)
    except (BltError, ValueError, UnicodeEncodeError):
        return None


Head = tuple[int, int, set[int], int, dict[int, str]]


def _head(text: str) -> Head | None:
    """The header and withdrawals, and the offset where the ballot lines start."""
    alternatives: dict[int, str] = {}
    header: tuple[int, int] | None = None
    withdrawn: set[int] = set()
    offset, line_no = 0, 0
    while offset < len(text):
        stop = text.find("\n", offset)
        stop = len(text) if stop < 0 else stop + 1
        raw, line_no = text[offset:stop], line_no + 1
        if any(c in raw for c in _ODD_BREAKS) or "\r" in raw.rstrip("\r\n"):
            return None
        lines = list(_content_lines(raw, alternatives, first=line_no))
        if lines and header is None:
            header = _header(line_no, lines[0][1])
        elif lines and header and lines[0][1].startswith("-"):
            _withdraw(line_no, lines[0][1], header[0], header[1], withdrawn)
        elif lines and header:
            return header[0], header[1], withdrawn, offset, alternatives
        offset = stop
    return None


def _section_end(text: str, start: int) -> int | None:
    """Offset of the line `0` closing the ballots, if it is a bare `0`."""
    for closing in ("\n0\n", "\n0\r\n"):
        end = text.find(closing, start)
        if end >= 0:
            return end + 1
    if text.endswith("\n0"):
        return len(text) - 1
    return None


def _ballot_table(section: str, n_candidates: int) -> tuple[Ints, Ints] | None:
    """The distinct rankings and their weights, or None unless every line is `weight pref ... 0`, valid."""
    data = section.encode("ascii").replace(b"\r\n", b"\n")
    if data.translate(None, b"0123456789 \t\n") or not data.endswith(b"\n"):
        return None
    chars = np.frombuffer(data, dtype=np.uint8)
    breaks = np.flatnonzero(chars == 10)
    if breaks[0] < 2 or np.any(chars[breaks - 1] != 48) or np.any(chars[breaks - 2] > 32):
        return None  # a line not closed by a separate 0, or a blank line
    values = np.fromstring(data, dtype=np.int64, sep=" ")
    ends = np.flatnonzero(values == 0)
    if len(ends) != len(breaks):
        return None  # a 0 within a line: a zero weight, a line ' 0', a preference after a 0
    starts = np.concatenate(([0], ends[:-1] + 1))
    return _rows(values, starts, ends, n_candidates)


def _rows(values: Ints, starts: Ints, ends: Ints, n_candidates: int) -> tuple[Ints, Ints] | None:
    """Ballot lines `weight pref ... 0` (the numbers from `starts` to `ends`), equal rankings merged."""
    lengths = ends - starts - 1
    width, base = int(lengths.max()), n_candidates + 1
    weights = values[starts]
    if lengths.min() < 0 or width > n_candidates or base**width >= 2**63:
        return None
    if int(weights.max()) * len(weights) >= EXACT_LIMIT:
        return None  # also a number too big for int64, which numpy reads as the largest int64
    # each line's ranking read as one number in base `base`, first preference the highest digit; past the
    # end of a line the digit is its closing 0
    plain = int(values.max()) <= n_candidates  # else some number is above n: check column by column
    keys = np.zeros(len(starts), dtype=np.int64)
    closing = starts + lengths + 1
    for column in range(1, width + 1):
        digit = values[np.minimum(starts + column, closing)]
        if not plain and int(digit.max()) > n_candidates:
            return None
        keys = keys * base + digit
    if int(weights.max()) == 1:  # one paper a line, as most files have: counting is enough
        distinct, totals = np.unique(keys, return_counts=True)
    else:
        distinct, inverse = np.unique(keys, return_inverse=True)
        totals = exact_sums(inverse.reshape(-1), weights, len(distinct))
    prefs = _digits(distinct, base, width)
    ordered = np.sort(prefs, axis=1)
    if np.any((ordered[:, 1:] == ordered[:, :-1]) & (ordered[:, 1:] > 0)):
        return None  # a candidate ranked twice
    return prefs, totals.astype(np.int64)


def _digits(keys: Ints, base: int, width: int) -> Ints:
    prefs = np.zeros((len(keys), width), dtype=np.int64)
    for column in range(width):
        prefs[:, column] = keys // base ** (width - 1 - column) % base
    return prefs
