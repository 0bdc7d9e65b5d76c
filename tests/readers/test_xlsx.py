"""The xlsx reader: every sheet, cached values only, numbers as the number parser reads them."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

import budget_checks
from budget_checks.model import Row
from budget_checks.readers import ReadError
from budget_checks.readers.xlsx import read_xlsx


def workbook(build) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    build(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def texts(page) -> list[list[str]]:
    return [[c.text for c in item.cells] for item in page.items if isinstance(item, Row)]


def test_every_sheet_in_order_with_refs_and_several_tables_per_sheet() -> None:
    def build(book):
        first = book.create_sheet("Doel 1.1.1")
        first.append(["Doel 1.1.1 Voorbeeld"])
        first.append(["Overzicht baten en lasten (x € 1.000)"])
        first.append([None, "Lasten", "Baten", "Saldo"])
        first.append(["Doel 1.1.1 Een", 100, 20, 80])
        first.append([])
        first.append(["Overzicht kredieten"])
        first.append([None, "Omvang krediet", "Gerealiseerd tot en met 2023", "Resterend krediet"])
        first.append(["Doel 1.1.1 Een", 1000, 400, 600])
        second = book.create_sheet("Blad 2")
        second["C3"] = "Indicatoren"

    page = read_xlsx(workbook(build), "b.xlsx")
    assert page.title == "Doel 1.1.1 Voorbeeld" and page.source_format == "xlsx"
    assert texts(page) == [
        ["Doel 1.1.1"], ["Overzicht baten en lasten (x € 1.000)"], ["", "Lasten", "Baten", "Saldo"], ["Doel 1.1.1 Een", "100", "20", "80"],
        ["Overzicht kredieten"], ["", "Omvang krediet", "Gerealiseerd tot en met 2023", "Resterend krediet"],
        ["Doel 1.1.1 Een", "1000", "400", "600"], ["Blad 2"], ["Indicatoren"]]
    assert page.items[3].cells[3].ref == "'Doel 1.1.1'!D4"
    assert page.items[-1].cells[0].ref == "'Blad 2'!C3"


def test_numbers_stored_as_numbers_or_text_never_lose_digits() -> None:
    def build(book):
        sheet = book.create_sheet("Blad1")
        sheet.append(["Label", 1234567, 1234567.0, "1.234.567", 123456789012345, -5, 0.5, 1e20])
        sheet.append(["Procent", 0.426, 0.4267, 1234.567, 1234.5, 0.1 + 0.2])
        for column, fmt in zip("BCDE", ("0.0%", "0%", "#,##0", "#,##0.00")):
            sheet[f"{column}2"].number_format = fmt
        sheet.append(["Datum", date(2025, 1, 2), True])

    rows = texts(read_xlsx(workbook(build), "b.xlsx"))
    assert rows[1] == ["Label", "1234567", "1234567", "1.234.567", "123456789012345", "-5", "0,5", "100000000000000000000"]
    assert rows[2] == ["Procent", "42,6%", "43%", "1235", "1234,50", "0,3"]
    assert rows[3] == ["Datum", "02-01-2025", "WAAR"]


def test_merged_cells_a_label_spans_rows_a_title_spans_columns() -> None:
    def build(book):
        sheet = book.create_sheet("Blad1")
        sheet.append(["Programma 2 Voorbeeld"])
        sheet.append(["Overzicht baten en lasten"])
        sheet.merge_cells("A2:D2")
        sheet.append(["Programma", "Taakveld", "Lasten", "Baten"])
        sheet.append(["02 Wonen", "2.1 Bouwen", 100, 20])
        sheet.append([None, "2.2 Huren", 50, 10])
        sheet.merge_cells("A4:A5")
        sheet.append(["Totaal", None, 150, 30])
        sheet.merge_cells("C6:C7")
        sheet.append(["Rest", None, None, 1])

    rows = texts(read_xlsx(workbook(build), "b.xlsx"))
    assert rows[1:] == [["Overzicht baten en lasten"], ["Programma", "Taakveld", "Lasten", "Baten"], ["02 Wonen", "2.1 Bouwen", "100", "20"],
                        ["02 Wonen", "2.2 Huren", "50", "10"], ["Totaal", "", "150", "30"], ["Rest", "", "", "1"]]


def test_formulas_are_never_evaluated_only_cached_values_are_read() -> None:
    def build(book):
        sheet = book.create_sheet("Blad1")
        sheet.append(["Doel 1.1.1 Een", 100, 20, "=B1-C1"])  # openpyxl stores no cached value

    assert texts(read_xlsx(workbook(build), "b.xlsx"))[1] == ["Doel 1.1.1 Een", "100", "20"]


def test_a_cached_formula_value_is_read(tmp_path: Path) -> None:
    """A workbook saved by a spreadsheet program holds the formula and its last value."""
    import zipfile

    data = workbook(lambda book: book.create_sheet("Blad1").append(["Saldo", 100, 20, "=B1-C1"]))
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = content.replace(b"<f>B1-C1</f><v></v>", b"<f>B1-C1</f><v>80</v>").replace(b"<f>B1-C1</f><v/>", b"<f>B1-C1</f><v>80</v>")
                assert b"<v>80</v>" in content
            target.writestr(item, content)
    assert texts(read_xlsx(out.getvalue(), "b.xlsx"))[1] == ["Saldo", "100", "20", "80"]


def test_a_unit_above_or_inside_the_header_and_findings_located_by_cell(tmp_path: Path) -> None:
    def build(book):
        sheet = book.create_sheet("Baten en lasten")
        sheet.append(["Doel 1.1.1 Voorbeeld"])
        sheet.append(["Overzicht baten en lasten"])
        sheet.append(["(bedragen x € 1.000)", "Lasten", "Baten", "Saldo"])
        sheet.append(["Doel 1.1.1 Een", 100, 20, 90])

    path = tmp_path / "b.xlsx"
    path.write_bytes(workbook(build))
    report = budget_checks.check(str(path), lang="en")
    [finding] = [f for f in report.findings if f.code == "BL101"]
    assert (finding.cell, finding.row, finding.column, finding.scale) == ("'Baten en lasten'!D4", "Doel 1.1.1 Een", "Saldo", 1000)


@pytest.mark.parametrize("cut", [100, 1000, -200])
def test_a_truncated_workbook_is_a_read_error(cut: int) -> None:
    data = workbook(lambda book: book.create_sheet("Blad1").append(["a", 1]))
    with pytest.raises(ReadError):
        read_xlsx(data[:cut], "b.xlsx")
