"""The CSV reader: delimiters, Dutch and plain numbers, encodings, quoting."""

from __future__ import annotations

from pathlib import Path

import pytest

import budget_checks
from budget_checks.model import Row
from budget_checks.readers.csv import read_csv


def texts(data: bytes) -> list[list[str]]:
    page = read_csv(data, "p.csv")
    return [[c.text for c in item.cells] for item in page.items if isinstance(item, Row) and len(item.cells) > 1]


@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
def test_delimiters(delimiter: str) -> None:
    rows = [["Doel 1.1.1 Voorbeeld"], ["", "Lasten", "Baten", "Saldo"], ["Doel 1.1.1 Een", "100", "", "100"]]
    data = "\n".join(delimiter.join(r) for r in rows).encode()
    assert texts(data) == [["", "Lasten", "Baten", "Saldo"], ["Doel 1.1.1 Een", "100", "", "100"]]


def test_dutch_numbers_are_left_as_they_are() -> None:
    data = "T\n;Lasten;Baten\nA;1.234.567;42,8\nB;-1.234;12,1%\n".encode()
    assert texts(data)[1:] == [["A", "1.234.567", "42,8"], ["B", "-1.234", "12,1%"]]


def test_plain_numbers_are_written_the_dutch_way() -> None:
    data = 'T\n,Lasten,Baten,Aandeel\nA,1234567,1234.5,12.5%\nB,"1,234,567",-0.25,7\n'.encode()
    assert texts(data)[1:] == [["A", "1234567", "1234,5", "12,5%"], ["B", "1234567", "-0,25", "7"]]


def test_ambiguous_dotted_numbers_stay_dutch_when_nothing_says_plain() -> None:
    data = "T\n,Lasten,Baten\nA,1.234,567\n".encode()
    assert texts(data)[1:] == [["A", "1.234", "567"]]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_encodings(encoding: str) -> None:
    data = "Doel 1.1.1 Één\n;Lasten;Baten\nDoel 1.1.1 Één;1;2\n".encode(encoding)
    assert texts(data)[1] == ["Doel 1.1.1 Één", "1", "2"]


def test_quoted_fields_with_delimiters_and_line_breaks_keep_their_line() -> None:
    data = 'T\n;Lasten;Baten\n"Doel 1; met\nregelovergang";1;2\nDoel 2;3;4\n'.encode()
    page = read_csv(data, "p.csv")
    rows = [item for item in page.items if isinstance(item, Row) and len(item.cells) > 1]
    assert [c.text for c in rows[1].cells] == ["Doel 1; met\nregelovergang", "1", "2"]
    assert (rows[1].cells[0].line, rows[2].cells[0].line) == (3, 5)


def test_a_csv_page_is_checked_and_located_by_line(tmp_path: Path) -> None:
    path = tmp_path / "page.csv"
    path.write_text("Doel 1.1.1 Voorbeeld\nOverzicht baten en lasten\n;Lasten;Baten;Saldo\nDoel 1.1.1 Een;100;20;90\n", encoding="utf-8")
    [finding] = [f for f in budget_checks.check(str(path), lang="en").findings if f.code == "BL101"]
    assert (finding.line, finding.row, finding.column) == (4, "Doel 1.1.1 Een", "Saldo")
