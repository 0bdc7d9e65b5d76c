"""The Excel report, opened with openpyxl: sheets, headers, counts, number formats, links, no formulas."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

import budget_checks
from budget_checks.cli import app
from budget_checks.findings import Severity
from budget_checks.reports.excel import ExcelReporter
from budget_checks.reports.excel_cells import AMOUNT_FORMAT, FILL
from tests.conftest import SAMPLES, write_page

SHEETS = {"nl": ["Samenvatting", "Bevindingen", "Aansluiting", "Niet gecontroleerd"],
          "en": ["Summary", "Findings", "Reconciliation", "Not checked"]}
FINDING_HEADERS = ["Severity", "Code", "Rule", "Document", "Page", "Page title", "Table", "Row", "Column", "Expected",
                   "Actual", "Difference", "Unit", "Message", "Line", "Cell", "Known (baseline)", "Fingerprint"]
# formula-like text in a checked table (a row label and malformed amounts) and in a block no rule recognises
HOSTILE = """
Doel 1.1.1 Voorbeeld
Overzicht baten en lasten
Lasten\tBaten\tSaldo\tToevoeging aan reserves\tOnttrekking aan reserves\tGeraamd resultaat
=HYPERLINK("http://example.invalid")\t14.573.052\t0\t14.573.062\t43.389\t184.071\t14.432.380
Doel 1.1.2\t=1+2\t+5\t-3..305\t@SUM(1)\t0\t0
Verdeling naar wijken
Wijk\tNoord\tZuid\tOost
Doel 1.1.1\t=SUM(A1:A3)\t+31\t@x
"""


def workbook_of(report, tmp_path: Path):
    path = tmp_path / "report.xlsx"
    path.write_bytes(ExcelReporter().render(report))
    return load_workbook(path), path


def assert_no_formulas(path: Path) -> None:
    """No formula anywhere: openpyxl sees none, and no sheet's XML holds an <f> element."""
    book = load_workbook(path)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate} is a formula: {cell.value!r}"
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/sheet"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name), name


@pytest.fixture
def hostile(tmp_path: Path):
    write_page(tmp_path / "doc", HOSTILE)
    report = budget_checks.check([str(tmp_path / "doc")], lang="en")
    book, path = workbook_of(report, tmp_path)
    return report, book, path


def test_cli_writes_the_four_sheets_for_samples_broken(tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    result = CliRunner().invoke(app, ["check", str(SAMPLES / "broken"), "--format", "excel", "--output", str(out)])
    assert result.exit_code == 1, result.output
    book = load_workbook(out)
    assert book.sheetnames == SHEETS["nl"]
    report = budget_checks.check([str(SAMPLES / "broken")])
    findings = book["Bevindingen"]
    assert findings.max_row == len(report.findings) + 1
    assert [c.value for c in findings[1]][:3] == ["Ernst", "Code", "Controle"]
    assert findings.freeze_panes == "A2"
    table = findings.tables["tblBevindingen"]
    assert table.ref == f"A1:R{len(report.findings) + 1}" and table.autoFilter is not None
    # every recognised table is on the reconciliation sheet, every unrecognised block on the last sheet
    headings = [c.value for c in book["Aansluiting"]["A"] if isinstance(c.value, str) and c.value.startswith("Tabel ")]
    assert len(headings) == report.tables_checked
    amounts = [c.value for row in book["Aansluiting"].iter_rows() for c in row if isinstance(c.value, int)]
    assert len(amounts) > 10 * report.tables_checked  # the tables' cells themselves, not only their headings
    unchecked = [c.value for c in book["Niet gecontroleerd"]["A"][4:] if c.value == "tabel niet herkend"]
    assert len(unchecked) == report.tables_not_recognised >= 1
    assert_no_formulas(out)


def test_findings_sheet_rows_formats_colours_and_links(hostile) -> None:
    report, book, path = hostile
    assert book.sheetnames == SHEETS["en"]
    sheet = book["Findings"]
    assert [c.value for c in sheet[1]] == FINDING_HEADERS
    col = {name: i for i, name in enumerate(FINDING_HEADERS)}
    rows = list(sheet.iter_rows(min_row=2))
    assert len(rows) == len(report.findings)
    for finding, row in zip(report.findings, rows):
        assert row[col["Code"]].value == finding.code
        assert row[col["Severity"]].fill.fgColor.rgb.endswith(FILL[finding.severity].fgColor.rgb[-6:])
        for name, value in (("Expected", finding.expected), ("Actual", finding.actual), ("Difference", finding.difference)):
            cell = row[col[name]]
            assert cell.value == value
            if value is not None:
                assert isinstance(cell.value, int) and cell.number_format == AMOUNT_FORMAT
        link = row[col["Table"]].hyperlink
        assert link is not None and link.location, f"{finding.code} has no link"
        target_sheet, target = link.location.split("!")
        target_cell = book[target_sheet.strip("'")][target]
        checked = {(p.path, t.index) for _, p, t in report.tables() if t.checked}
        if finding.code == "TB001":
            assert target_sheet == "'Not checked'" and target_cell.value == "table not recognised"
        elif (finding.page, finding.table_index) in checked:
            assert target_sheet == "'Reconciliation'"
            assert finding.code in target_cell.comment.text  # the link lands on the cell the finding is about
        else:  # a finding about a table nothing was checked in (its unit) goes where that table is listed
            assert target_sheet == "'Not checked'"


def test_reconciliation_shows_reported_and_recomputed_values(hostile) -> None:
    report, book, _ = hostile
    sheet = book["Reconciliation"]
    saldo = next(f for f in report.findings if f.code == "BL101")
    header_row = next(r for r in sheet.iter_rows() if r[0].value == "Row")
    labels = [c.value for c in header_row]
    assert labels[1:5] == ["Lasten", "Baten", "Saldo", "Saldo (recomputed)"]
    data = next(r for r in sheet.iter_rows(min_row=header_row[0].row) if r[0].value == saldo.row)
    reported, recomputed = data[labels.index("Saldo")], data[labels.index("Saldo (recomputed)")]
    assert (reported.value, recomputed.value) == (saldo.actual, saldo.expected) == (14_573_062, 14_573_052)
    assert reported.number_format == AMOUNT_FORMAT and reported.fill.fgColor.rgb.endswith("FFC7CE")
    assert "BL101" in reported.comment.text
    assert data[labels.index("Lasten")].value == 14_573_052 and data[labels.index("Lasten")].comment is None
    # malformed amounts stay exactly as the page shows them, as text
    bad_row = next(r for r in sheet.iter_rows(min_row=header_row[0].row) if r[0].value == "Doel 1.1.2")
    assert [bad_row[labels.index(name)].value for name in ("Lasten", "Baten", "Saldo")] == ["=1+2", 5, "-3..305"]


def test_text_from_the_export_never_becomes_a_formula(hostile) -> None:
    report, book, path = hostile
    assert_no_formulas(path)
    texts = {c.value: c.data_type for s in book.worksheets for r in s.iter_rows() for c in r if isinstance(c.value, str)}
    for text in ('=HYPERLINK("http://example.invalid")', "=1+2", "@SUM(1)", "-3..305"):
        assert texts.get(text) == "s", text
    first_lines = book["Not checked"]["F5"].value
    assert "=SUM(A1:A3)" in first_lines and "@x" in first_lines


def test_summary_counts_and_run_facts(hostile) -> None:
    report, book, _ = hostile
    sheet = book["Summary"]
    facts = {row[0].value: row[1].value for row in sheet.iter_rows() if row[0].value}
    assert facts["Tables recognised and checked"] == report.tables_checked == 1
    assert facts["Tables not recognised (not checked)"] == report.tables_not_recognised == 1
    assert facts["Documents"] == 1 and facts["Pages"] == 1
    assert facts["Rules run"] == len(report.checks)
    assert facts["budget-checks version"] == report.tool_version
    assert facts["Date"] == report.started_at
    counts = report.counts()
    assert facts["error"] == counts[Severity.ERROR] == 4 and facts["warning"] == counts[Severity.WARNING]
    by_rule = {row[0].value: row[4].value for row in sheet.iter_rows() if row[0].value in report.checks}
    assert by_rule["NU101"] == 3 and by_rule["BL101"] == 1


def test_no_findings_still_gives_four_sheets(tmp_path: Path) -> None:
    write_page(tmp_path / "doc", HOSTILE.split("Doel 1.1.2")[0].replace("14.573.062", "14.573.052").replace("14.432.380", "14.432.370"))
    report = budget_checks.check([str(tmp_path / "doc")], lang="en", ignore=["UN"])
    assert report.findings == []
    book, path = workbook_of(report, tmp_path)
    assert book.sheetnames == SHEETS["en"]
    assert book["Findings"]["A2"].value == "No findings."
    assert book["Not checked"]["A5"].value == "Every table was recognised and checked."
    assert_no_formulas(path)


def test_excel_needs_an_output_file(tmp_path: Path) -> None:
    write_page(tmp_path / "doc", HOSTILE)
    result = CliRunner().invoke(app, ["check", str(tmp_path / "doc"), "--format", "excel"])
    assert result.exit_code == 2 and "binary" in result.output
