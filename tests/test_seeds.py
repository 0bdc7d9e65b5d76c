"""The real exported pages: what must be recognised, and every changed amount must be caught."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import budget_checks
from budget_checks.cli import app
from budget_checks.readers.containers import read_document
from budget_checks.recognize import recognize_page
from budget_checks.rulebook import load_rulebook
from budget_checks.tolerance import Tolerance

DOCUMENTS = ["begroting-2021", "begroting-2025", "begroting-2026", "nieuwsbericht"]


def test_seeds_json(seeds: Path) -> None:
    result = CliRunner().invoke(app, ["check", *(str(seeds / d) for d in DOCUMENTS), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["schema"] == "budget-checks/report/v1"
    assert report["summary"]["errors"] == 0
    tables = {
        page["path"][:3]: [(t["kind"], t["rows"], t["scale"]) for t in page["tables"]]
        for doc in report["documents"]
        for page in doc["pages"]
    }
    assert [(k, n) for k, n, _ in tables["000"]] == [("baten_en_lasten", 1)]
    assert ("indicatoren", 3, None) in tables["001"]
    assert [k for k, _, _ in tables["001"]].count("baten_en_lasten") == 1
    assert ("indicatoren", 6, None) in tables["002"]
    assert ("baten_en_lasten", 1, 1000) in tables["002"]
    assert ("baten_en_lasten", 8, 1) in tables["003"]  # 7 Doel rows and a Totaal row
    assert ("kredieten", 5, 1) in tables["003"]  # 4 rows and a Totaal row
    assert tables["004"] == []
    assert report["summary"]["tables_not_recognised"] == 0
    conventions = {t["convention"] for d in report["documents"] for p in d["pages"] for t in p["tables"] if t["kind"] == "baten_en_lasten"}
    assert conventions == {"saldo = lasten - baten; resultaat = saldo + toevoeging - onttrekking"}


def _amount_cells(seeds: Path):
    """(document, page file, line, text) of every amount in a baten-en-lasten or kredieten table."""
    book = load_rulebook()
    for name in DOCUMENTS:
        doc = read_document(str(seeds / name))
        for page in doc.pages:
            for table in recognize_page(page, book, Tolerance()).tables:
                if table.kind not in ("baten_en_lasten", "kredieten"):
                    continue
                for row in table.rows:
                    for cell in row.cells:
                        if cell is not None:
                            yield name, page.path, cell.line, cell.text, row.label


def test_there_are_amounts_to_change(seeds: Path) -> None:
    assert len(list(_amount_cells(seeds))) == 6 + 6 + 8 * 6 + 6 + 24


@pytest.mark.parametrize("delta", [10, -1000])
def test_every_changed_amount_is_an_error_at_its_row(seeds: Path, tmp_path: Path, delta: int) -> None:
    missed = []
    for name, page, line, text, label in _amount_cells(seeds):
        value = int(text.replace(".", "")) + delta
        if value < 0:
            continue
        lines = (seeds / name / page).read_text(encoding="utf-8").split("\n")
        lines[line - 1] = f"{value:,}".replace(",", ".")
        target = tmp_path / f"{name}-{page}-{line}" / page
        target.parent.mkdir()
        target.write_text("\n".join(lines), encoding="utf-8")
        report = budget_checks.check([str(target.parent)])
        errors = [f for f in report.findings if f.severity.label == "error"]
        located = [f for f in errors if f.page == page and f.row == label and f.line is not None]
        # the error sits on the changed row, or on the Totaal row when the change is in the total
        if not located:
            missed.append((name, page, line, text, [(f.code, f.row, f.line) for f in report.findings]))
    assert missed == []


def test_error_names_page_row_and_line(seeds: Path, tmp_path: Path) -> None:
    page = "003_f62ceb7c67b46cd3.txt"
    lines = (seeds / "begroting-2025" / page).read_text(encoding="utf-8").split("\n")
    number = lines.index("16.329.083") + 1
    lines[number - 1] = "16.329.183"
    (tmp_path / page).write_text("\n".join(lines), encoding="utf-8")
    report = budget_checks.check([str(tmp_path)], lang="en")
    bl101 = [f for f in report.findings if f.code == "BL101"]
    assert [(f.page, f.row, f.column, f.line, f.expected, f.actual, f.difference) for f in bl101] == [
        (page, "Doel 1.1.2 Vitaal en gezond", "Saldo", number + 4, 14_530_564, 14_530_464, -100)
    ]
    assert {f.code for f in report.findings if f.severity.label == "error"} == {"BL101", "BL103", "XC101"}
    # the saldo of its row and the Totaal of its column both fail: they cross at the changed figure
    crossing = [f for f in report.findings if f.code == "XC101"]
    assert [(f.row, f.line, f.expected, f.actual) for f in crossing] == [("Doel 1.1.2 Vitaal en gezond", number, 16_329_083, 16_329_183)]


def test_console_shows_the_passed_goal_comparison(seeds: Path) -> None:
    result = CliRunner().invoke(app, ["check", str(seeds / "begroting-2025"), "--lang", "en", "--no-color"])
    assert result.exit_code == 0, result.output
    assert "agrees CP101 Doel 1.2.3 Langdurige en/of intensieve ondersteuning: 001_6f322344152e0b1d.txt = 003_f62ceb7c67b46cd3.txt" in result.output
