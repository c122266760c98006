"""Reading a postcode file: our shared extract (postcode,lat,lon) or a real ONS NSPL download (pcds,lat,long,...).

Accepts .csv, .csv.gz or the ONS .zip, and yields rows in batches so 2.7 million postcodes never sit in memory
as Python objects all at once.
"""

import csv
import gzip
import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

# Header names we recognise, first match wins: ONS NSPL names, then our shared extract's.
_COLUMNS: dict[str, tuple[str, ...]] = {
    "postcode": ("pcds", "postcode", "pcd", "pcd2"),
    "lat": ("lat", "latitude"),
    "lng": ("long", "lon", "lng", "longitude"),
    "terminated": ("doterm",),
    "area": ("pcon",),
}
_NO_LATITUDE = 99.0  # NSPL writes 99.999999 where a postcode has no grid reference


class PostcodeFileError(ValueError):
    pass


@dataclass
class Batch:
    postcodes: list[str] = field(default_factory=list)
    lats: list[float | None] = field(default_factory=list)
    lngs: list[float | None] = field(default_factory=list)
    terminated: list[bool] = field(default_factory=list)
    areas: list[str] = field(
        default_factory=list
    )  # the file's own constituency code, "" when absent


def tidy_postcode(raw: str) -> str:
    """ "AB101AA" or "AB10  1AA" -> "AB10 1AA": the inward code is always the last three characters."""
    compact = raw.replace(" ", "").upper()
    return f"{compact[:-3]} {compact[-3:]}"


@contextmanager
def open_postcode_file(path: Path) -> Iterator[TextIO]:
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as archive:
            name = _main_csv(archive)
            with archive.open(name) as raw:
                yield io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
    elif path.suffix.lower() == ".gz":
        with gzip.open(path, "rt", encoding="utf-8-sig", newline="") as text:
            yield text
    else:
        with path.open(encoding="utf-8-sig", newline="") as text:
            yield text


def _main_csv(archive: zipfile.ZipFile) -> str:
    """The ONS zip holds lookups and documents too; the postcode file is by far the largest CSV."""
    csvs = [info for info in archive.infolist() if info.filename.lower().endswith(".csv")]
    if not csvs:
        raise PostcodeFileError("The zip file holds no CSV file.")
    return max(csvs, key=lambda info: info.file_size).filename


def _column_positions(header: list[str]) -> dict[str, int]:
    names = [name.strip().lower() for name in header]
    positions = {}
    for key, candidates in _COLUMNS.items():
        match = next((names.index(c) for c in candidates if c in names), None)
        if match is not None:
            positions[key] = match
    missing = {"postcode", "lat", "lng"} - positions.keys()
    if missing:
        raise PostcodeFileError(f"The postcode file has no {', '.join(sorted(missing))} column.")
    return positions


def _coordinate(text: str) -> float | None:
    return float(text) if text.strip() else None


def read_batches(path: Path, size: int = 100_000) -> Iterator[Batch]:
    with open_postcode_file(path) as text:
        rows = csv.reader(text)
        at = _column_positions(next(rows, []))
        batch = Batch()
        for row in rows:
            if not row or not row[at["postcode"]].strip():
                continue
            _append(batch, row, at)
            if len(batch.postcodes) >= size:
                yield batch
                batch = Batch()
        if batch.postcodes:
            yield batch


def _append(batch: Batch, row: list[str], at: dict[str, int]) -> None:
    lat, lng = _coordinate(row[at["lat"]]), _coordinate(row[at["lng"]])
    if lat is None or lng is None or lat >= _NO_LATITUDE:
        lat = lng = None
    batch.postcodes.append(tidy_postcode(row[at["postcode"]]))
    batch.lats.append(lat)
    batch.lngs.append(lng)
    batch.terminated.append(bool(row[at["terminated"]].strip()) if "terminated" in at else False)
    batch.areas.append(row[at["area"]].strip() if "area" in at else "")
