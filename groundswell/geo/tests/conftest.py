"""Slices of the real postcode file, read once per test run, so geo tests stay fast."""

import gzip
import random
from collections import defaultdict
from pathlib import Path

import pytest

from groundswell.core.testing import shared_data

# Districts with something to prove: Westminster, terminated London W1V and Newport NPT, Shetland, a
# postcode on the Greenwich meridian (BN10), the Isles of Scilly (TR21), Belfast (BT1), Aberdeen's old AB1.
KNOWN_DISTRICTS = {"SW1A", "W1V", "NPT", "ZE2", "BN10", "TR21", "BT1", "AB1"}


@pytest.fixture(scope="session")
def postcode_lines() -> dict[str, list[str]]:
    """district -> its lines of the shared NSPL extract, for the known districts and a random 40 more."""
    path = shared_data("geo", "postcodes-nspl-2025-05.csv.gz")
    by_district: dict[str, list[str]] = defaultdict(list)
    with gzip.open(path, "rt", encoding="utf-8") as text:
        next(text)
        for line in text:
            code = line[: line.index(",")].replace(" ", "")
            by_district[code[:-3]].append(line)
    wanted = KNOWN_DISTRICTS | set(random.Random(2024).sample(sorted(by_district), 40))
    return {district: by_district[district] for district in wanted}


def write_slice(path: Path, lines: list[str], header: str = "postcode, lat, lon\n") -> Path:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding="utf-8") as out:
        out.write(header)
        out.writelines(lines)
    return path
