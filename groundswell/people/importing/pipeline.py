"""Rows to checked, placed and matched candidates, a chunk at a time: shared by the dry run and the
import, so both find exactly the same problems."""

import gc
from collections.abc import Generator, Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from itertools import islice

from groundswell.geo.queries import LocationError
from groundswell.people.importing.firstseen import FirstSeen
from groundswell.people.importing.matching import Owners, match
from groundswell.people.importing.places import PlaceBook, apply_place
from groundswell.people.importing.readahead import read_ahead
from groundswell.people.importing.scope import ImportScope
from groundswell.people.importing.validation import Candidate, RowValidator

CHUNK_ROWS = 5000


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause automatic garbage collection for a bulk run, collecting young garbage once a chunk
    instead (Pipeline.run). An import allocates millions of small objects, and automatic
    collections kept re-walking the survivors: ~40% of a profile."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@dataclass
class Rejected:
    number: int
    cells: list[str]
    problems: list[str]


@dataclass
class Chunk:
    rows: int
    candidates: list[Candidate] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    outside: int = 0  # rows matching people the importer may not change: left alone
    owners: Owners = field(default_factory=Owners)


class Pipeline:
    def __init__(self, validator: RowValidator, scope: ImportScope, postcode_header: str) -> None:
        self.validator, self.scope = validator, scope
        self.postcode_header = postcode_header
        self.places = PlaceBook()
        self.seen = FirstSeen()

    def run(
        self, rows: Iterable[tuple[int, list[str]]], size: int = 0
    ) -> Generator[Chunk, None, None]:
        """Chunks of `size` rows. Reading and checking (pure Python) run a chunk ahead in a thread;
        placing and matching (queries) run in the caller's thread, on its connection."""
        with closing(read_ahead(self._checked(rows, size or CHUNK_ROWS))) as checked:
            for chunk, cells in checked:
                yield self._finish(chunk, cells)
                # The few reference cycles (exceptions caught with their tracebacks, which hold
                # the frames that hold a chunk) must not wait for a collection that is paused.
                gc.collect(0)

    def _checked(
        self, rows: Iterable[tuple[int, list[str]]], size: int
    ) -> Iterator[tuple[Chunk, dict[int, list[str]]]]:
        iterator = iter(rows)
        while batch := tuple(islice(iterator, size)):
            chunk = Chunk(rows=len(batch))
            for number, row in batch:
                candidate, problems = self.validator.check(number, row)
                if candidate is None:
                    chunk.rejected.append(Rejected(number, row, problems))
                else:
                    chunk.candidates.append(candidate)
            yield chunk, dict(batch)

    def _finish(self, chunk: Chunk, cells: dict[int, list[str]]) -> Chunk:
        for step in (self._place, self._deduplicate):
            chunk.candidates = self._keep(chunk, cells, step(chunk.candidates))
        chunk.owners = match(chunk.candidates)
        outside = self.scope.outside({c.person_id for c in chunk.candidates if c.person_id})
        kept = [c for c in chunk.candidates if c.person_id not in outside]
        chunk.outside, chunk.candidates = len(chunk.candidates) - len(kept), kept
        chunk.candidates = self._keep(chunk, cells, self._same_person(kept))
        chunk.rejected.sort(key=lambda r: r.number)
        return chunk

    @staticmethod
    def _keep(
        chunk: Chunk, cells: dict[int, list[str]], problems: dict[int, str]
    ) -> list[Candidate]:
        chunk.rejected += [Rejected(n, cells[n], [problem]) for n, problem in problems.items()]
        return [c for c in chunk.candidates if c.number not in problems]

    def _place(self, candidates: list[Candidate]) -> dict[int, str]:
        places = self.places.resolve(c.raw_postcode for c in candidates if c.raw_postcode)
        problems = {}
        for candidate in candidates:
            place = places.get(candidate.raw_postcode) if candidate.raw_postcode else None
            if isinstance(place, LocationError):
                problems[candidate.number] = f"{self.postcode_header}: {place}"
            elif place is not None:
                apply_place(candidate.details, place)
        return problems

    def _deduplicate(self, candidates: list[Candidate]) -> dict[int, str]:
        """A later row with an email or mobile an earlier row used is a duplicate in the file."""
        problems = {}
        for candidate in candidates:
            keys = [("email address", candidate.details.email)] if candidate.details.email else []
            keys += [("mobile number", number) for number in candidate.mobiles]
            clash = next(((what, n) for what, key in keys if (n := self.seen.earlier(key))), None)
            if clash:
                problems[candidate.number] = f"duplicate in file: same {clash[0]} as row {clash[1]}"
                continue
            for _, key in keys:
                self.seen.claim(key, candidate.number)
        return problems

    def _same_person(self, candidates: list[Candidate]) -> dict[int, str]:
        problems = {}
        for candidate in candidates:
            if candidate.person_id is None:
                continue
            key = f"person:{candidate.person_id}"
            earlier = self.seen.earlier(key)
            if earlier:
                problems[candidate.number] = (
                    f"duplicate in file: matches the same person on record as row {earlier}"
                )
            else:
                self.seen.claim(key, candidate.number)
        return problems
