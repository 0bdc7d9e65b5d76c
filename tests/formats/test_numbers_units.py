"""Every number form (FORMATS.md §2) and unit label (§3), read through the whole pipeline
in a one-line-per-row page and in an xlsx sheet with the cell stored as text: a passing
example (the row adds up) and a failing one (it does not, or the form is malformed)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import budget_checks

PAGE = "Doel 1.1.1 Voorbeeld\nOverzicht baten en lasten{unit}\nLasten\tBaten\tSaldo\nDoel 1.1.1 Een\t{lasten}\t{baten}\t{saldo}\n"

# (form, lasten, baten, saldo that adds up, saldo that does not)
NEGATIVES = [
    ("minus sign", "1.000", "1.234", "-234", "-243"),
    ("minus and space", "1.000", "1.234", "- 234", "- 243"),
    ("trailing minus", "1.000", "1.234", "234-", "243-"),
    ("euro sign and minus", "1.000", "1.234", "€ -234", "€ -243"),
    ("N before, spaced", "1.000", "1.234", "N 234", "N 243"),
    ("N before, glued", "1.000", "1.234", "N234", "N243"),
    ("N after", "1.000", "1.234", "234 N", "243 N"),
    ("V after a positive", "1.234", "1.000", "234 V", "243 V"),
    ("dotted thousands", "2.345.678", "1.000.000", "1.345.678", "1.345.687"),
    ("no separator", "2345678", "1000000", "1345678", "1345687"),
    ("comma thousands beside dotted", "17,473", "1.000", "16.473", "16.437"),
]
EMPTIES = ["0", "-", "–", ""]
PLACEHOLDERS = ["PM", "-PM", "n.v.t.", "nb", "n.n.b.", "?"]
MALFORMED = ["-3..305", "49.72", "360.ooo", "1,5"]


def check_page(tmp_path: Path, text: str, as_xlsx: bool) -> list[tuple[str, str, str]]:
    tmp_path.mkdir(parents=True, exist_ok=True)
    if as_xlsx:
        path = tmp_path / "page.xlsx"
        path.write_bytes(_workbook(text))
    else:
        path = tmp_path / "page.txt"
        path.write_text(text, encoding="utf-8")
    report = budget_checks.check(str(path), lang="en")
    return [(f.code, f.row, f.column) for f in report.findings if f.code not in ("UN101", "RD101")]


def _workbook(text: str) -> bytes:
    """The page as a sheet, every cell stored as text (as a portal's export does)."""
    from openpyxl import Workbook

    book = Workbook()
    for line in text.splitlines():
        book.active.append(line.split("\t"))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize("as_xlsx", [False, True], ids=["text", "xlsx"])
@pytest.mark.parametrize(("form", "lasten", "baten", "good", "bad"), NEGATIVES, ids=[n[0] for n in NEGATIVES])
def test_number_forms(form, lasten, baten, good, bad, as_xlsx, tmp_path: Path) -> None:
    assert check_page(tmp_path / "good", PAGE.format(unit="", lasten=lasten, baten=baten, saldo=good), as_xlsx) == []
    assert ("BL101", "Doel 1.1.1 Een", "Saldo") in check_page(tmp_path / "bad", PAGE.format(unit="", lasten=lasten, baten=baten, saldo=bad), as_xlsx)


@pytest.mark.parametrize("empty", EMPTIES, ids=["zero", "dash", "en dash", "blank"])
def test_zero_and_empty(empty: str, tmp_path: Path) -> None:
    assert check_page(tmp_path / "good", PAGE.format(unit="", lasten="1.000", baten=empty, saldo="1.000"), False) == []
    assert ("BL101", "Doel 1.1.1 Een", "Saldo") in check_page(tmp_path / "bad", PAGE.format(unit="", lasten="1.000", baten=empty, saldo="900"), False)


@pytest.mark.parametrize("placeholder", PLACEHOLDERS)
def test_placeholders_are_neither_numbers_nor_errors(placeholder: str, tmp_path: Path) -> None:
    """A placeholder leaves its identity unverifiable; a wrong figure elsewhere is still found."""
    assert check_page(tmp_path / "good", PAGE.format(unit="", lasten="1.000", baten=placeholder, saldo="1.000"), False) == []
    page = PAGE + "Doel 1.1.2 Twee\t500\t100\t300\n"
    found = check_page(tmp_path / "bad", page.format(unit="", lasten="1.000", baten=placeholder, saldo="1.000"), False)
    assert found == [("BL101", "Doel 1.1.2 Twee", "Saldo")]


@pytest.mark.parametrize("bad", MALFORMED)
def test_malformed_values_are_findings_not_crashes(bad: str, tmp_path: Path) -> None:
    assert check_page(tmp_path / "good", PAGE.format(unit="", lasten="1.000", baten="40", saldo="960"), False) == []
    assert ("NU101", "Doel 1.1.1 Een", "Baten") in check_page(tmp_path / "bad", PAGE.format(unit="", lasten="1.000", baten=bad, saldo="960"), False)


def test_a_dash_before_a_label_is_a_bullet_not_a_sign(tmp_path: Path) -> None:
    page = "Doel 1.1.1 Voorbeeld\nOverzicht baten en lasten\nLasten\tBaten\tSaldo\n- waarvan subsidies\t100\t20\t{s}\n"
    assert check_page(tmp_path / "good", page.format(s="80"), False) == []
    assert check_page(tmp_path / "bad", page.format(s="70"), False) == [("BL101", "- waarvan subsidies", "Saldo")]


def test_years_and_codes_are_not_amounts(tmp_path: Path) -> None:
    """A row label holding a year or a code keeps it; the values after it are the amounts."""
    page = "Doel 1.1.1 Voorbeeld\nOverzicht baten en lasten\nLasten\tBaten\tSaldo\nTaakveld 0.10 Mutaties reserves 2026\t100\t20\t{s}\n"
    assert check_page(tmp_path / "good", page.format(s="80"), False) == []
    assert check_page(tmp_path / "bad", page.format(s="70"), False) == [("BL101", "Taakveld 0.10 Mutaties reserves 2026", "Saldo")]


THOUSANDS = ["(x € 1.000)", "x €1.000", "(bedragen x € 1.000)", "bedragen x € 1.000,-", "(bedragen x € 1.000,--)", "(x 1.000 euro)",
             "bedragen in 1.000 euro's", "(bedragen in € 1.000)", "in duizenden euro's", "Bedragen * € 1000", "Bedragen × € 1.000",
             "Duizend euro", "(bedragen x € 1.000"]
MILLIONS = ["x € 1.000.000", "x € 1 mln", "€ mln"]
EUROS = ["(bedragen in €)", "In euro's"]


def table_scale(tmp_path: Path, page: str) -> tuple[int | None, list[str]]:
    tmp_path.mkdir(parents=True, exist_ok=True)
    path = tmp_path / "page.txt"
    path.write_text(page, encoding="utf-8")
    report = budget_checks.check(str(path), lang="en")
    tables = [t for d in report.documents for p in d.pages for t in p.tables if t.kind]
    return (tables[0].scale if tables else None), [f.code for f in report.findings]


@pytest.mark.parametrize(("label", "scale"), [(u, 1_000) for u in THOUSANDS] + [(u, 1_000_000) for u in MILLIONS] + [(u, 1) for u in EUROS])
@pytest.mark.parametrize("where", ["title", "first header cell", "below the table"])
def test_unit_labels(label: str, scale: int, where: str, tmp_path: Path) -> None:
    if where == "title":
        page = f"Doel 1.1.1 Voorbeeld\nOverzicht baten en lasten {label}\nLasten\tBaten\tSaldo\nDoel 1.1.1 Een\t100\t20\t80\n"
    elif where == "first header cell":
        page = f"Doel 1.1.1 Voorbeeld\nOverzicht baten en lasten\n{label}\tLasten\tBaten\tSaldo\nDoel 1.1.1 Een\t100\t20\t80\n"
    else:
        page = f"Doel 1.1.1 Voorbeeld\nOverzicht baten en lasten\nLasten\tBaten\tSaldo\nDoel 1.1.1 Een\t100\t20\t80\n{label}\n"
    found, codes = table_scale(tmp_path, page)
    assert found == scale
    assert "UN101" not in codes and "UN102" not in codes


@pytest.mark.parametrize("label", ["(bedragen x € 500)", "(bedragen in guldens)"])
def test_a_unit_label_that_is_not_understood_is_reported(label: str, tmp_path: Path) -> None:
    page = f"Doel 1.1.1 Voorbeeld\nOverzicht baten en lasten {label}\nLasten\tBaten\tSaldo\nDoel 1.1.1 Een\t100\t20\t80\n"
    assert table_scale(tmp_path / "bad", page) == (1, ["UN102"])
    page = "Doel 1.1.1 Voorbeeld\nOverzicht baten en lasten\nLasten\tBaten\tSaldo\nDoel 1.1.1 Een\t100\t20\t80\n"
    assert table_scale(tmp_path / "none", page) == (1, ["UN101"])


def test_the_unit_in_the_next_tables_title_is_not_this_tables_unit(tmp_path: Path) -> None:
    """Cell per line, no prose between: the kredieten title's unit stays with the kredieten table."""
    page = ("Doel 1.1.1 Voorbeeld\nOverzicht baten en lasten\nLasten\nBaten\nSaldo\nDoel 1.1.1 Een\n100\n20\n80\n"
            "Overzicht kredieten (x €1.000)\nOmvang krediet\nGerealiseerd t/m 2024\nResterend krediet\nKrediet A\n10\n4\n6\n")
    (tmp_path / "page.txt").write_text(page, encoding="utf-8")
    report = budget_checks.check(str(tmp_path / "page.txt"), lang="en")
    scales = {t.kind: t.scale for d in report.documents for p in d.pages for t in p.tables}
    assert scales == {"baten_en_lasten": 1, "kredieten": 1_000}
    assert [(f.code, f.table) for f in report.findings if f.code.startswith("UN")] == [("UN101", "Overzicht baten en lasten")]


def test_a_unit_note_under_the_table_is_not_a_row(tmp_path: Path) -> None:
    page = "Doel 1.1.1 Voorbeeld\nOverzicht baten en lasten\nLasten\tBaten\tSaldo\nDoel 1.1.1 Een\t100\t20\t80\n(bedragen x € 1.000)\n"
    (tmp_path / "page.txt").write_text(page, encoding="utf-8")
    report = budget_checks.check(str(tmp_path / "page.txt"), lang="en")
    [table] = [t for d in report.documents for p in d.pages for t in p.tables]
    assert (table.scale, table.rows) == (1_000, 1) and report.findings == []
