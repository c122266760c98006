"""Which uploads are CSV files we can read: encodings, delimiters, and hostile files refused."""

import io
import zipfile

import pytest

from groundswell.people.importing.fields import guess_mapping
from groundswell.people.importing.reading import iter_rows
from groundswell.people.importing.sniffing import NotCSVError, sniff

from .test_import_support import csv_bytes


def sniffed(content: bytes):  # type: ignore[no-untyped-def]
    return sniff(io.BytesIO(content))


def rows(content: bytes) -> list[list[str]]:
    found = sniffed(content)
    return [cells for _, cells in iter_rows(io.BytesIO(content), found.encoding, found.delimiter)]


def test_it_reads_windows_1252_names_correctly():
    content = (
        "first_name,last_name,email\nZoë,Brontë,zoe@example.org\nJosé,Núñez,jose@example.org\n"
    )
    found = sniffed(content.encode("cp1252"))
    assert found.encoding == "cp1252"
    assert found.encoding_label == "Windows-1252"
    assert rows(content.encode("cp1252"))[0][:2] == ["Zoë", "Brontë"]


def test_it_reads_utf8_with_a_bom_and_still_maps_the_first_header():
    content = "\ufeffemail,first_name\njo@example.org,Jo\n".encode()
    found = sniffed(content)
    assert found.encoding == "utf-8-sig"
    assert found.headers == ["email", "first_name"]
    assert guess_mapping(found.headers, []) == ["email", "given_name"]


def test_it_reads_plain_utf8():
    found = sniffed("email,name\nzoë@example.org,Zoë Brontë\n".encode())
    assert found.encoding == "utf-8"


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_it_detects_the_delimiter(delimiter):
    content = csv_bytes(
        [["email", "first_name", "tags"], ["a@example.org", "A", "x, y"]], delimiter=delimiter
    )
    found = sniffed(content)
    assert found.delimiter == delimiter
    assert found.headers == ["email", "first_name", "tags"]


def test_a_one_column_file_is_fine():
    assert sniffed(b"email\na@example.org\n").headers == ["email"]


def test_it_refuses_an_excel_workbook_renamed_csv():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as workbook:
        workbook.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(NotCSVError, match=r"Excel workbook \(.xlsx\)"):
        sniffed(buffer.getvalue())


def test_it_refuses_a_binary_file():
    with pytest.raises(NotCSVError, match="binary file"):
        sniffed(b"email,name\n" + bytes(range(256)) * 10)


def test_it_refuses_an_image():
    with pytest.raises(NotCSVError, match="image"):
        sniffed(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)


def test_it_refuses_an_empty_file():
    with pytest.raises(NotCSVError, match="empty"):
        sniffed(b"")
    with pytest.raises(NotCSVError, match="empty"):
        sniffed(b"\r\n \n")


def test_it_refuses_a_file_whose_first_row_is_data():
    with pytest.raises(NotCSVError, match="looks like data"):
        sniffed(b"jo@example.org,Jo,Bloggs\nsam@example.org,Sam,Smith\n")


def test_it_refuses_a_header_with_no_rows():
    with pytest.raises(NotCSVError, match="no rows of people"):
        sniffed(b"email,first_name\n")


def test_it_refuses_utf16_with_a_hint():
    with pytest.raises(NotCSVError, match="UTF-16"):
        sniffed("email,name\na@example.org,A\n".encode("utf-16"))


def test_it_numbers_rows_as_a_spreadsheet_does_skipping_blank_lines():
    content = b'email,name\na@example.org,A\n\n,\nb@example.org,"B, with comma"\n'
    numbered = list(iter_rows(io.BytesIO(content), "utf-8", ","))
    assert numbered == [(2, ["a@example.org", "A"]), (5, ["b@example.org", "B, with comma"])]


def test_it_guesses_action_network_and_nationbuilder_headers():
    headers = [
        "first_name",
        "last_name",
        "email",
        "zip_code",
        "can2_phone",
        "can2_subscription_status",
        "tag_list",
        "mobile_number",
        "Favourite colour",
    ]
    assert guess_mapping(headers, [("colour", "Favourite colour")]) == [
        "given_name", "family_name", "email", "postal_code", "phone", "consent_email", "tags", "phone", "custom:colour",
    ]  # fmt: skip
