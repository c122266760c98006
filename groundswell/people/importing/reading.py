"""Streaming the rows of a stored CSV file, numbered as a spreadsheet numbers them (the header is row 1)."""

import csv
import io
from collections.abc import Iterator
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from groundswell.people.models import ImportJob


class UnreadableRow(ValueError):
    """A row the csv module cannot parse (an unclosed quote running to the end, a giant cell)."""


def iter_rows(stream: BinaryIO, encoding: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """Yield (row number, cells) for every non-blank row after the header, one at a time."""
    text = io.TextIOWrapper(stream, encoding=encoding, newline="")
    reader = csv.reader(text, delimiter=delimiter)
    number = 1
    try:
        next(reader, None)
        for number, cells in enumerate(reader, start=2):  # noqa: B007 - read in the except
            if any(cells) and any(cell.strip() for cell in cells):
                yield number, cells
    except csv.Error as error:
        raise UnreadableRow(f"Row {number + 1} cannot be read as CSV ({error}).") from None
    finally:
        text.detach()


def sample_rows(stream: BinaryIO, encoding: str, delimiter: str, count: int = 3) -> list[list[str]]:
    """The first few data rows, for the mapping page's examples."""
    samples = []
    for _, cells in iter_rows(stream, encoding, delimiter):
        samples.append(cells)
        if len(samples) == count:
            break
    return samples


def rows_of(job: "ImportJob", stream: BinaryIO) -> Iterator[tuple[int, list[str]]]:
    """The rows of a job's stored file, read as its sniffed encoding and delimiter."""
    return iter_rows(stream, job.encoding, job.delimiter)
