"""The tags an import may use: existing ones (matched case-insensitively), and new ones if allowed."""

from collections import Counter
from collections.abc import Iterable

TAG_MAX = 100


class TagBook:
    def __init__(self, existing: Iterable[str], create_new: bool) -> None:
        self.known = {name.lower(): name for name in existing}
        self.create_new = create_new
        self.new: dict[str, str] = {}  # lower-case -> the first spelling seen, to create
        self.unknown: Counter[str] = Counter()  # names refused, with how many rows used them

    def resolve(self, names: list[str]) -> tuple[list[str], list[str]]:
        """(the tags as they will be stored, problems)."""
        found, problems = [], []
        for name in names:
            key = name.lower()
            canonical = self.known.get(key) or self.new.get(key)
            if canonical is None and len(name) > TAG_MAX:
                problems.append(f"the tag “{name[:40]}…” is longer than {TAG_MAX} characters")
            elif canonical is None and not self.create_new:
                self.unknown[name] += 1
                problems.append(f"unknown tag “{name}” (tick “create new tags” to add it)")
            else:
                canonical = canonical or self.new.setdefault(key, name)
                found.append(canonical)
        return found, problems
