"""Is an upload a CSV file we can read? Its encoding, delimiter and column names, from a streamed look.

Pure (no Django): it reads a binary stream in chunks and never holds the whole file in memory.
"""

import codecs
import csv
import io
import re
from dataclasses import dataclass
from typing import BinaryIO

HEAD_BYTES = 64 * 1024
_CHUNK = 1024 * 1024
_UTF8_BOM = codecs.BOM_UTF8
DELIMITERS = (",", ";", "\t")
_SAVE_AS = "Save it from your spreadsheet as “CSV UTF-8 (comma delimited)” and upload that."
_SIGNATURES = (
    (b"PK\x03\x04", "This is an Excel workbook (.xlsx) or a zip archive, not a CSV file."),
    (b"\xd0\xcf\x11\xe0", "This is an Excel 97–2003 workbook (.xls), not a CSV file."),
    (b"%PDF", "This is a PDF document, not a CSV file."),
    (b"\x89PNG", "This is an image, not a CSV file."),
    (b"\xff\xd8\xff", "This is an image, not a CSV file."),
    (b"GIF8", "This is an image, not a CSV file."),
    (b"\x1f\x8b", "This is a compressed (gzip) file, not a CSV file."),
    (b"\xff\xfe", "This file is saved as UTF-16 (“Unicode text”), not as a CSV file."),
    (b"\xfe\xff", "This file is saved as UTF-16 (“Unicode text”), not as a CSV file."),
)
_LOOKS_LIKE_DATA = re.compile(r"^(\S+@\S+\.\S+|[+\d][\d\s().-]{5,})$")
ENCODING_LABELS = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 (with BOM)", "cp1252": "Windows-1252"}


class NotCSVError(ValueError):
    """The upload is not a CSV file we can import; the message says why, fit to show the uploader."""


@dataclass(frozen=True)
class Sniffed:
    encoding: str  # a Python codec name: utf-8-sig, utf-8 or cp1252
    delimiter: str
    headers: list[str]
    line_count: int  # newlines in the file: an estimate of the rows, for progress bars

    @property
    def encoding_label(self) -> str:
        return ENCODING_LABELS.get(self.encoding, self.encoding)


def sniff(stream: BinaryIO) -> Sniffed:
    """Check and describe a CSV upload, or raise NotCSVError. Leaves the stream at its start."""
    stream.seek(0)
    head = stream.read(HEAD_BYTES)
    _refuse_binary(head)
    stream.seek(0)
    encoding, line_count = _detect_encoding(stream)
    stream.seek(0)
    rows, complete = _head_rows(head, encoding)
    delimiter = detect_delimiter(rows)
    records = [
        cells for cells in csv.reader(rows, delimiter=delimiter) if any(c.strip() for c in cells)
    ]
    headers = _checked_headers(records, complete)
    return Sniffed(encoding, delimiter, headers, line_count)


def _refuse_binary(head: bytes) -> None:
    if not head.strip(b" \t\r\n" + _UTF8_BOM):
        raise NotCSVError("The file is empty.")
    for signature, message in _SIGNATURES:
        if head.startswith(signature):
            raise NotCSVError(f"{message} {_SAVE_AS}")
    controls = sum(head.count(bytes([b])) for b in range(32) if b not in (9, 10, 12, 13))
    if b"\x00" in head or controls > len(head) // 100:
        raise NotCSVError(f"This is a binary file, not a CSV (text) file. {_SAVE_AS}")


def _detect_encoding(stream: BinaryIO) -> tuple[str, int]:
    """UTF-8 (with or without a BOM) if every byte decodes as UTF-8, else Windows-1252."""
    has_bom = stream.read(len(_UTF8_BOM)) == _UTF8_BOM
    if not has_bom:
        stream.seek(0)
    decoder = codecs.getincrementaldecoder("utf-8")()
    lines, offset, utf8 = 0, 0, True
    while chunk := stream.read(_CHUNK):
        lines += chunk.count(b"\n")
        if utf8:
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as error:
                utf8, bad_at = False, offset + error.start
        offset += len(chunk)
    if utf8:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            utf8, bad_at = False, offset
    if utf8:
        return ("utf-8-sig" if has_bom else "utf-8"), lines
    if has_bom:
        raise NotCSVError(
            f"The file starts like UTF-8 but byte {bad_at + 1} is not UTF-8. {_SAVE_AS}"
        )
    _check_windows_1252(stream)
    return "cp1252", lines


def _check_windows_1252(stream: BinaryIO) -> None:
    stream.seek(0)
    decoder = codecs.getincrementaldecoder("cp1252")()
    try:
        while chunk := stream.read(_CHUNK):
            decoder.decode(chunk)
    except UnicodeDecodeError:
        raise NotCSVError(
            f"The file is neither UTF-8 nor Windows-1252 text, so its letters cannot be read. {_SAVE_AS}"
        ) from None


def _head_rows(head: bytes, encoding: str) -> tuple[list[str], bool]:
    """The complete lines at the start of the file, and whether they are the whole file."""
    complete = len(head) < HEAD_BYTES
    text = codecs.getincrementaldecoder(encoding)(errors="replace").decode(head, final=complete)
    lines = io.StringIO(text, newline="").readlines()
    if not complete and len(lines) > 1:
        lines = lines[:-1]  # cut off mid-line
    return lines, complete


def detect_delimiter(lines: list[str]) -> str:
    """The delimiter that splits the first lines into the same number (>1) of columns, most columns
    winning; a comma when nothing splits (a one-column file)."""
    sample = lines[:50]
    best, best_score = ",", (False, 1)
    for delimiter in DELIMITERS:
        counts = [len(cells) for cells in csv.reader(sample, delimiter=delimiter) if cells]
        if not counts or counts[0] < 2:
            continue
        score = (all(n == counts[0] for n in counts), counts[0])
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _checked_headers(records: list[list[str]], complete: bool) -> list[str]:
    if not records:
        raise NotCSVError("The file has no rows.")
    headers = [cell.strip() for cell in records[0]]
    if not any(headers):
        raise NotCSVError(
            "The first row is empty: it should name the columns (email, first_name, ...)."
        )
    data_like = next((h for h in headers if _LOOKS_LIKE_DATA.match(h)), None)
    if data_like:
        raise NotCSVError(
            f"The first row looks like data (“{data_like[:60]}”), not column names. Add a first row "
            "naming the columns, such as email, first_name, last_name, postcode."
        )
    if complete and len(records) < 2:
        raise NotCSVError("The file names its columns but has no rows of people under them.")
    return headers
