"""Reading and writing ballots in the BLT format, refusing a malformed file with its line number and the reason.

Format: a line `candidates seats`; optional lines `-n` withdrawing candidate n; one line per ballot, `weight pref
pref ... 0` (an optional `(id)` first, the closing 0 may be left off); a line `0`; one name per candidate, quoted
(`""` for a quote inside; a name quoted twice over is unquoted twice) or not, anything after a closing quote (such
as a quoted party) ignored; then the title.
Blank lines and lines starting with `#` are skipped anywhere; on number lines, a `#` starts a comment. Where the
name lines are missing, comments `# ALTERNATIVE NAME n: name` (as in the Glasgow 2007 files) give the names.
"""

import re
from collections.abc import Iterator
from pathlib import Path

from .ballots import Ballot, Election

_NUMBERS = re.compile(r"[0-9 \t]*")
_ALTERNATIVE_NAME = re.compile(r"#\s*ALTERNATIVE NAME\s+(\d+)\s*:\s*(.*)", re.IGNORECASE)


class BltError(ValueError):
    """A malformed BLT file: `line` is the 1-based line number where reading stopped."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(f"line {line}: {reason}")
        self.line = line
        self.reason = reason


def read_blt(path: str | Path) -> Election:
    data = Path(path).read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")  # older counting programs wrote Windows-1252 names
    return parse_blt(text)


def parse_blt(text: str) -> Election:
    """The election in `text`: read at once when the ballot lines are plain numbers (see fastblt), else line by
    line, which also names the line and the reason when the file is malformed."""
    from .fastblt import parse_fast  # imported here: fastblt builds on this module

    return parse_fast(text) or parse_blt_lines(text)


def parse_blt_lines(text: str) -> Election:
    alternatives: dict[int, str] = {}
    lines = _content_lines(text, alternatives)
    line_no, header = _next(lines, 1, "the file is empty")
    n_candidates, seats = _header(line_no, header)
    withdrawn, ballots, line_no = _body(lines, line_no, n_candidates, seats)
    rest = list(lines)
    names, title = _names_and_title(rest, line_no, n_candidates, alternatives)
    return Election(tuple(names), seats, tuple(ballots), frozenset(withdrawn), title)


def format_blt(election: Election) -> str:
    out = [f"{len(election.candidates)} {election.seats}"]
    if election.withdrawn:
        out.append(" ".join(f"-{c}" for c in sorted(election.withdrawn)))
    out.extend(" ".join(map(str, (b.weight, *b.prefs, 0))) for b in election.ballots)
    out.append("0")
    out.extend(_quote(name) for name in election.candidates)
    out.append(_quote(election.title))
    return "\n".join(out) + "\n"


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _content_lines(
    text: str, alternatives: dict[int, str], first: int = 1
) -> Iterator[tuple[int, str]]:
    """Numbered lines (from `first`) that are neither blank nor comments, noting alternative names as they pass."""
    for number, raw in enumerate(text.splitlines(), start=first):
        line = raw.strip()
        if not line.startswith("#"):
            if line:
                yield number, line
        elif match := _ALTERNATIVE_NAME.match(line):
            alternatives[int(match[1])] = match[2].strip()


def _next(lines: Iterator[tuple[int, str]], after: int, missing: str) -> tuple[int, str]:
    for item in lines:
        return item
    raise BltError(after, missing)


def _whole_numbers(line_no: int, line: str) -> list[int]:
    body = line.split("#", 1)[0]
    if not _NUMBERS.fullmatch(body):
        bad = next((t for t in body.split() if not t.isascii() or not t.isdigit()), body)
        if "=" in bad:
            raise BltError(line_no, f"equal rankings ({bad!r}) are not supported")
        raise BltError(line_no, f"{bad!r} is not a whole number")
    return [int(token) for token in body.split()]


def _header(line_no: int, line: str) -> tuple[int, int]:
    numbers = _whole_numbers(line_no, line)
    if len(numbers) != 2:
        raise BltError(line_no, "the first line must give the number of candidates and of seats")
    n_candidates, seats = numbers
    if n_candidates < 1 or seats < 1:
        raise BltError(line_no, "there must be at least one candidate and one seat")
    if seats > n_candidates:
        raise BltError(line_no, f"{seats} seats but only {n_candidates} candidates")
    return n_candidates, seats


def _body(
    lines: Iterator[tuple[int, str]], line_no: int, n_candidates: int, seats: int
) -> tuple[set[int], list[Ballot], int]:
    withdrawn: set[int] = set()
    ballots: list[Ballot] = []
    while True:
        line_no, line = _next(lines, line_no, "the ballots never end (no line '0')")
        if line.startswith("-") and not ballots:
            _withdraw(line_no, line, n_candidates, seats, withdrawn)
            continue
        if line.startswith("("):  # a ballot id, as some programs write: "(7) 1 3 2 0"
            line = line.partition(")")[2]
        numbers = _whole_numbers(line_no, line)
        if numbers == [0]:
            if not ballots:
                raise BltError(line_no, "there are no ballots")
            return withdrawn, ballots, line_no
        ballots.append(_ballot(line_no, numbers, n_candidates))


def _withdraw(line_no: int, line: str, n_candidates: int, seats: int, withdrawn: set[int]) -> None:
    for token in line.split("#", 1)[0].split():
        number = token[1:]
        if not (token.startswith("-") and number.isascii() and number.isdigit()):
            raise BltError(line_no, f"{token!r} is not a withdrawal such as '-2'")
        candidate = int(number)
        if not 1 <= candidate <= n_candidates:
            raise BltError(line_no, f"withdrawn candidate {candidate} is not on the ballot")
        withdrawn.add(candidate)
    if n_candidates - len(withdrawn) < seats:
        raise BltError(line_no, f"fewer candidates left standing than the {seats} seats")


def _ballot(line_no: int, numbers: list[int], n_candidates: int) -> Ballot:
    if not numbers:
        raise BltError(line_no, "empty ballot line")
    weight, prefs = numbers[0], numbers[1:]
    if weight < 1:
        raise BltError(line_no, "a ballot's weight must be at least 1")
    if 0 in prefs:
        end = prefs.index(0)
        if end != len(prefs) - 1:
            raise BltError(line_no, "preferences after the closing 0")
        prefs = prefs[:end]
    if prefs and max(prefs) > n_candidates:
        raise BltError(line_no, f"preference for candidate {max(prefs)} of {n_candidates}")
    if len(set(prefs)) != len(prefs):
        repeated = next(c for c in prefs if prefs.count(c) > 1)
        raise BltError(line_no, f"candidate {repeated} is ranked twice")
    return Ballot(weight, tuple(prefs))


def _names_and_title(
    rest: list[tuple[int, str]], line_no: int, n_candidates: int, alternatives: dict[int, str]
) -> tuple[list[str], str]:
    if len(rest) < n_candidates and set(alternatives) >= set(range(1, n_candidates + 1)):
        names = [alternatives[c] for c in range(1, n_candidates + 1)]
    else:
        if len(rest) < n_candidates:
            last = rest[-1][0] if rest else line_no
            raise BltError(last, f"{n_candidates} candidate names expected, {len(rest)} found")
        names = [_unquote(number, line) for number, line in rest[:n_candidates]]
        for (number, _line), name in zip(rest, names, strict=False):
            if not name:
                raise BltError(number, "a candidate's name is empty")
        rest = rest[n_candidates:]
    if len(rest) > 1:
        raise BltError(rest[1][0], "unexpected text after the title")
    title = _unquote(*rest[0]) if rest else ""
    return names, title


def _unquote(line_no: int, line: str) -> str:
    if not line.startswith('"'):
        return line
    chars: list[str] = []
    i = 1
    while i < len(line):
        if line[i] == '"':
            if line[i + 1 : i + 2] != '"':
                inner = "".join(chars).strip()
                if len(inner) > 1 and inner[0] == inner[-1] == '"':
                    return _unquote(line_no, inner)  # quoted twice over, as some 2022 files are
                return inner
            i += 1  # a doubled quote stands for one quote
        chars.append(line[i])
        i += 1
    raise BltError(line_no, "a quoted name has no closing quote")
