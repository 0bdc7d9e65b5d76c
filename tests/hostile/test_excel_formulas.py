"""Text that looks like a spreadsheet formula reaches every report as inert text.

Labels starting with `=`, `+`, `-`, `@`, a tab or a carriage return come in
through every reader (text, csv, html, xlsx) and through file and member
names; the Excel report made from them holds no formula cell, and the text
is still there to read.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

import budget_checks

excel = pytest.importorskip("budget_checks.reports.excel")  # the Excel report may be absent in a slim build

# the labels that read as numbers (+1+1, -2+3) end the table and stand in a block not recognised
LABELS = ["=SUM(A1:A9)", "@SUM(1)", "\t=1+2", "\r=3+4", '=HYPERLINK("http://example.invalid","klik")',
          "=cmd|' /C calc'!A0", "=\x01\x02", "+1+1", "-2+3"]
HEADER = "Lasten\tBaten\tSaldo\tToevoeging aan reserves\tOnttrekking aan reserves\tGeraamd resultaat"


# rows that add up, so that the table's saldo column is clearly a saldo (most rows agree with it)
PLAIN = [f"Doel 9.{k}" for k in range(1, 10)]


def _rows(sep: str) -> str:
    # saldo 90 where 80 is right: every formula row is also a finding, so the label reaches the findings sheet
    wrong = "".join(f"{label.strip() or label}{sep}100{sep}20{sep}90{sep}0{sep}0{sep}90\n" for label in LABELS)
    return wrong + "".join(f"{label}{sep}100{sep}20{sep}80{sep}0{sep}0{sep}80\n" for label in PLAIN)


def _text_page() -> bytes:
    return ("Doel 1.1.1 =Formule\nOverzicht baten en lasten\n" + HEADER + "\n" + _rows("\t")).encode()


def _csv_page() -> bytes:
    quoted = "".join(f'"{label}";100;20;90;0;0;90\n' for label in LABELS) + "".join(f'"{label}";100;20;80;0;0;80\n' for label in PLAIN)
    return ("Doel 1.1.2 +Formule\nOverzicht baten en lasten\n" + HEADER.replace("\t", ";") + "\n" + quoted).encode()


def _html_page() -> bytes:
    heads = "".join(f"<th>{h}</th>" for h in HEADER.split("\t"))
    body = "".join(f"<tr><th>{label}</th><td>100</td><td>20</td><td>90</td><td>0</td><td>0</td><td>90</td></tr>" for label in LABELS)
    body += "".join(f"<tr><th>{label}</th><td>100</td><td>20</td><td>80</td><td>0</td><td>0</td><td>80</td></tr>" for label in PLAIN)
    return (f"<html><body><h1>@Doel 1.1.3</h1><h2>Overzicht baten en lasten</h2><table><tr><th></th>{heads}</tr>"
            f"{body}</table></body></html>").encode()


def _xlsx_page() -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "=Blad"
    ws.append(["-Doel 1.1.4"])
    ws.append(["Overzicht baten en lasten"])
    ws.append(["", *HEADER.split("\t")])
    for label in LABELS:
        ws.append([label.replace("\x01", "").replace("\x02", ""), 100, 20, 90, 0, 0, 90])
    for label in PLAIN:
        ws.append([label, 100, 20, 80, 0, 0, 80])
    for row in ws.iter_rows(min_row=4, max_col=1):
        row[0].data_type = "s"  # stored as text, not as a formula
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _document(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "=tekst.txt").write_bytes(_text_page())
    (folder / "+csv.csv").write_bytes(_csv_page())
    (folder / "@html.html").write_bytes(_html_page())
    (folder / "-werkboek.xlsx").write_bytes(_xlsx_page())
    members = io.BytesIO()
    with zipfile.ZipFile(members, "w") as archive:
        archive.writestr('=HYPERLINK("x").txt', _text_page())
    (folder / "export.zip").write_bytes(members.getvalue())
    return folder


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    folder = _document(tmp_path_factory.mktemp("formules") / "=document")
    result = budget_checks.check(str(folder), lang="en")
    assert result.pages == 5, [(f.code, f.page, f.message) for f in result.findings if f.code.startswith("IO")]
    return result


def _cells(path: Path) -> list:
    book = load_workbook(path)
    return [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]


def test_the_excel_report_holds_no_formula_cell(report, tmp_path: Path) -> None:
    path = tmp_path / "rapport.xlsx"
    path.write_bytes(excel.ExcelReporter().render(report))
    cells = _cells(path)
    formulas = [(c.parent.title, c.coordinate, c.value) for c in cells if c.data_type == "f"]
    assert not formulas
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                xml = archive.read(name)
                assert b"<f>" not in xml and b"<f " not in xml, name
    texts = {c.value for c in cells if isinstance(c.value, str)}
    for label in ("=SUM(A1:A9)", "+1+1", "@SUM(1)", "=1+2"):
        assert any(label in t for t in texts), label  # still readable, as text
    assert any("=tekst.txt" in t for t in texts) and any('=HYPERLINK("x").txt' in t for t in texts)


def test_the_findings_name_the_formula_rows(report) -> None:
    rows = {f.row for f in report.findings if f.code == "BL101"}
    assert {"=SUM(A1:A9)", "@SUM(1)", "=1+2", '=HYPERLINK("http://example.invalid","klik")'} <= rows


def test_text_reports_carry_the_labels_as_data(report) -> None:
    from budget_checks.reports import get_reporter

    data = json.loads(get_reporter("json").render(report))
    assert "=SUM(A1:A9)" in json.dumps(data, ensure_ascii=False)
    github = get_reporter("github")
    github.environ = {}
    lines = github.render(report).splitlines()
    annotations = [line for line in lines if line.startswith("::")]
    assert annotations and all(line.startswith(("::error", "::warning", "::notice")) for line in annotations)
    assert not any("\r" in line for line in lines)
