"""One document rendered in every format and layout yields the same tables and the same findings."""

from __future__ import annotations

from pathlib import Path

import pytest

import budget_checks
from budget_checks.numbers import parse_number
from budget_checks.report import Report
from tests.formats.generator import LAYOUTS, broken_document, render, render_zip, sample_document

DOCUMENTS = {"sample": sample_document, "broken": broken_document}


def tables_of(report: Report) -> list[tuple]:
    """Every recognised table: page, family, title, scale, and per row its label and amounts."""
    out = []
    for document in report.documents:
        for page in document.pages:
            for table in page.tables:
                if not table.kind:
                    continue
                rows = tuple((cells[0], tuple(_value(c) for c in cells[1:])) for cells in table.cells)
                out.append((page.title, table.kind, table.title, table.scale, table.columns, rows))
    return sorted(out)


def _value(text: str):
    parsed = parse_number(text, amount=True)
    return parsed.value if parsed.is_number else parsed.kind.value


def findings_of(report: Report) -> list[tuple]:
    """Findings by what they say and where in the table, not by line or cell (which differ per format)."""
    return sorted((f.code, f.page_title, f.table, f.row, f.column, f.expected, f.actual) for f in report.findings)


def not_checked(report: Report) -> list[tuple[str, str]]:
    """Tables nothing was checked in: not recognised at all, or read without any relation to check."""
    return sorted((p.title, t.title or t.first_lines[0]) for d in report.documents for p in d.pages for t in p.tables if not t.checked)


@pytest.fixture(scope="module")
def baselines(tmp_path_factory) -> dict[str, Report]:
    """The portal's own layout (cell per line) is the reference every other layout must match."""
    out = {}
    for name, make in DOCUMENTS.items():
        folder = render(make(), "cell-per-line", tmp_path_factory.mktemp(f"{name}-base"))
        out[name] = budget_checks.check(str(folder), lang="en")
    return out


def test_the_reference_reads_what_the_document_holds(baselines) -> None:
    clean, broken = baselines["sample"], baselines["broken"]
    kinds = [(t[0], t[1], len(t[5])) for t in tables_of(clean)]
    assert kinds == [
        ("Doel 1.2.3 Zesde doel", "baten_en_lasten", 1),
        ("Doel 1.2.3 Zesde doel", "indicatoren", 4),
        ("Doel 2.1.1 Wijken", "generic", 2),
        ("Programma 1 Voorbeeldprogramma", "baten_en_lasten", 8),
        ("Programma 1 Voorbeeldprogramma", "kredieten", 5),
    ]
    assert [f for f in findings_of(clean) if f[0] in ("BL101", "BL102", "BL103", "KR101", "KR103", "IN101", "PL101")] == []
    found = {(f[0], f[3], f[4]) for f in findings_of(broken)}
    assert ("BL101", "Doel 1.1.2 Tweede doel", "Saldo") in found
    assert ("BL103", "Totaal", "Saldo") in found
    assert ("KR103", "Totaal", "Omvang krediet") in found
    assert any(code == "IN101" and row == "Wachtenden derde soort (aantal)" for code, row, _ in found)
    for report in (clean, broken):
        assert not_checked(report) == [("Doel 2.1.1 Wijken", "Verdeling naar wijken")]
        assert [f[1] for f in findings_of(report) if f[0] == "TB001"] == ["Doel 2.1.1 Wijken"]


@pytest.mark.parametrize("document", sorted(DOCUMENTS))
@pytest.mark.parametrize("layout", [layout for layout in LAYOUTS if layout != "cell-per-line"])
def test_every_layout_reads_the_same_tables_and_findings(layout: str, document: str, baselines, tmp_path: Path) -> None:
    folder = render(DOCUMENTS[document](), layout, tmp_path / layout)
    report = budget_checks.check(str(folder), lang="en")
    reference = baselines[document]
    assert tables_of(report) == tables_of(reference)
    assert findings_of(report) == findings_of(reference)
    assert not_checked(report) == not_checked(reference)
    assert {p.path.rsplit(".", 1)[1] for d in report.documents for p in d.pages} <= {"txt", "md", "html", "xlsx", "csv"}


@pytest.mark.parametrize("layout", ["html", "xlsx", "csv", "markdown"])
def test_a_zip_of_the_pages_reads_like_the_folder(layout: str, baselines, tmp_path: Path) -> None:
    archive = render_zip(broken_document(), layout, tmp_path / "export.zip")
    report = budget_checks.check(str(archive), lang="en")
    assert findings_of(report) == findings_of(baselines["broken"])
    assert [p.path for d in report.documents for p in d.pages] == sorted(p.path for d in report.documents for p in d.pages)


def test_one_folder_of_mixed_formats_and_nested_folders(baselines, tmp_path: Path) -> None:
    """Each page in another format, some in a subfolder: still one document with the same findings."""
    doc = broken_document()
    target = tmp_path / "mixed"
    for page, layout, sub in zip(doc.pages, ("xlsx", "html", "markdown"), ("", "doelen", "doelen/overig")):
        single = type(doc)((page,))
        render(single, layout, target / sub if sub else target)
    report = budget_checks.check(str(target), lang="en")
    assert len(report.documents) == 1
    assert findings_of(report) == findings_of(baselines["broken"])
    assert tables_of(report) == tables_of(baselines["broken"])


def test_a_table_no_rule_knows_is_listed_and_located_in_every_layout(tmp_path: Path) -> None:
    """An unknown table is listed as not checked in every format, never dropped silently."""
    for layout in LAYOUTS:
        folder = render(sample_document(), layout, tmp_path / layout)
        report = budget_checks.check(str(folder), lang="en")
        tb = [f for f in report.findings if f.code == "TB001"]
        assert len(tb) == 1 and tb[0].page_title == "Doel 2.1.1 Wijken", layout
        assert tb[0].line is not None or tb[0].cell is not None, f"{layout}: TB001 without a location"
