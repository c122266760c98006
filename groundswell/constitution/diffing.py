"""A word-by-word comparison of a clause's old and new text, for showing an amendment's effect."""

import difflib
import re


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """Pieces (kind, text) with kind "same", "removed" or "added", in reading order."""
    a, b = re.findall(r"\S+\s*", old), re.findall(r"\S+\s*", new)
    pieces: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            pieces.append(("same", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(("removed", "".join(a[i1:i2])))
        if j2 > j1:
            pieces.append(("added", "".join(b[j1:j2])))
    return pieces
