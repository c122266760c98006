"""Splitting pasted text into clauses: one clause per paragraph (blank-line separated), with any
numbering the author typed ("3.", "3)", "(3)", "Clause 3:") removed, since the numbers are ours."""

import re

NUMBERING = re.compile(
    r"^\s*(?:clause\s+\d+(?:\.\d+)*[.):]?|\(\d+(?:\.\d+)*\)|\d+(?:\.\d+)*[.)])\s+", re.IGNORECASE
)
MAX_CLAUSES = 500
MAX_CLAUSE_CHARS = 5000


class SplitError(ValueError):
    """The text cannot be made into clauses; the message says why."""


def split_clauses(text: str) -> list[str]:
    paragraphs = re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip())
    clauses = [clean_clause(p) for p in paragraphs]
    clauses = [c for c in clauses if c]
    if not clauses:
        raise SplitError("Paste the text: at least one clause, clauses separated by a blank line.")
    if len(clauses) > MAX_CLAUSES:
        raise SplitError(f"A document may have at most {MAX_CLAUSES} clauses.")
    return clauses


def clean_clause(text: str, *, numbered: bool = True) -> str:
    """One clause's text: spaces tidied, control characters refused and, for pasted clauses
    (`numbered`), the typed numbering removed."""
    if any(ord(ch) < 32 and ch not in "\n\t" for ch in text):
        raise SplitError("The text contains control characters; paste plain text.")
    lines = [" ".join(line.split()) for line in text.strip().split("\n")]
    joined = "\n".join(line for line in lines if line)
    if numbered:
        joined = NUMBERING.sub("", joined, count=1).strip()
    if len(joined) > MAX_CLAUSE_CHARS:
        raise SplitError(f"A clause may be at most {MAX_CLAUSE_CHARS} characters.")
    return joined
