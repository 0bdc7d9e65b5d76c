"""The format comes from the content first and the file name second."""

from __future__ import annotations

import io
import zipfile

from unittest.mock import patch

import pytest
from hypothesis import example, given, strategies as st

from budget_checks import readers
from budget_checks.readers import READERS, ReadError, detect_format, read_page

HTML = b"<!DOCTYPE html><html><body><h1>Doel 1.1.1 Voorbeeld</h1></body></html>"
CSV = "Doel 1.1.1 Voorbeeld\n;Lasten;Baten;Saldo\nDoel 1.1.1 Een;100;20;80\nDoel 1.1.2 Twee;10;5;5\n".encode()
MARKDOWN = b"# Doel 1.1.1\n\n| | Lasten | Baten |\n|---|---|---|\n| Doel 1.1.1 | 100 | 20 |\n"
TEXT = "Doel 1.1.1 Voorbeeld\n\nOverzicht baten en lasten\n\nLasten\n\n100\n".encode()


def xlsx_bytes() -> bytes:
    from openpyxl import Workbook

    out = io.BytesIO()
    book = Workbook()
    book.active.append(["Doel 1.1.1 Voorbeeld"])
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize(("name", "data", "expected"), [
    ("page.txt", TEXT, "text"),
    ("page.txt", HTML, "html"),  # content wins over the extension
    ("page", CSV, "csv"),
    ("page.txt", CSV, "csv"),
    ("page.md", MARKDOWN, "markdown"),
    ("page.txt", MARKDOWN, "markdown"),
    ("page.html", b"<p>Doel 1.1.1</p>", "html"),
    ("page.htm", b"\xef\xbb\xbf  <html><body></body></html>", "html"),
    ("export.dat", b"", "text"),
])
def test_detect_from_content(name: str, data: bytes, expected: str) -> None:
    assert detect_format(name, data) == expected


def test_xlsx_is_found_by_its_content_whatever_its_name() -> None:
    data = xlsx_bytes()
    assert detect_format("budget.xlsx", data) == "xlsx"
    assert detect_format("budget.bin", data) == "xlsx"
    assert read_page(data, "budget.bin").source_format == "xlsx"


def test_csv_extension_decides_when_the_content_is_plain() -> None:
    assert detect_format("one-line.csv", b"Doel 1.1.1 Voorbeeld\n") == "csv"
    assert detect_format("one-line.txt", b"Doel 1.1.1 Voorbeeld\n") == "text"


def test_prose_with_commas_is_not_csv() -> None:
    prose = "Dit is een zin, met een komma.\nEn nog een zin zonder.\nDrie, vier, vijf woorden hier.\nKort.\n".encode()
    assert detect_format("page.txt", prose) == "text"


def test_rows_of_amounts_with_decimal_commas_are_not_csv() -> None:
    # four amounts in thousands with one decimal on every line: four commas each, all between digits
    page = ("Verwachte ontwikkeling (in duizenden €) 2025 2026 2027 2028\n"
            "Resultaat eerste rapportage 3.1 -1.166,3 -3.349,4 -3.149,3 -3.062,3\n"
            "Bijstellingen 3.1 -1.397,6 984,1 1.010,0 1.184,0\n"
            "Nieuw beleid 3.2 0,0 -62,5 -62,5 -62,5\n"
            "Resultaat zonder maatregelen 3.3 -2.563,8 -2.427,8 -2.201,8 -1.940,7\n").encode()
    assert detect_format("page.txt", page) == "text"
    assert detect_format("page.txt", b"a,b,c\n1,2,3\n4,5,6\n7,8,9\n") == "csv"  # fields apart by commas still are


@pytest.mark.parametrize(("data", "reason"), [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, ".xls"),
    (b"%PDF-1.7\n...", "PDF"),
    (b"\x1f\x8b\x08\x00junk", "compressed"),
    (b"\x00\x01\x02binary\x00", "binary"),
    (b"PK\x03\x04truncated", "damaged"),
])
def test_what_no_reader_reads_is_a_clear_error(data: bytes, reason: str) -> None:
    with pytest.raises(ReadError) as error:
        read_page(data, "page.txt")
    assert reason.lower() in error.value.message.lower()


def test_a_zip_inside_a_document_and_a_word_file_are_named() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("page.txt", "Doel 1.1.1")
    with pytest.raises(ReadError, match="zip archive"):
        detect_format("inner.zip", out.getvalue())
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w/>")
    with pytest.raises(ReadError, match="Word"):
        detect_format("page.docx", out.getvalue())


def test_every_reader_is_registered() -> None:
    assert set(READERS) == {"text", "markdown", "html", "xlsx", "csv"}


_LINES = st.lists(st.tuples(st.text(alphabet="ab|; ", max_size=30), st.sampled_from(["\n", "\r\n", "\r", "\x0c", "\u2028", ""])),
                  max_size=12).map(lambda parts: "".join(line + end for line, end in parts))


@given(_LINES, st.integers(min_value=0, max_value=12))
@example("a" * 20, 1)  # the one line runs past the start that is split
@example("a" * 15 + "\r\nb\nc", 2)  # the start ends inside a line break
def test_the_sniffed_lines_are_the_first_lines_of_the_text(text, count):
    """Only the start of a page is split to sniff its format: the lines must be those of the whole text."""
    with patch.object(readers, "_SNIFF_CHARS", 16):  # a short start, so texts cross it
        assert readers._first_lines(text, count) == text.splitlines()[:count]
