"""Rulebook and recognizer behaviour the table families rely on."""

from __future__ import annotations

from pathlib import Path

import pytest

import budget_checks
from budget_checks.rulebook import RulebookError, load_rulebook
from tests.conftest import write_page

OVERVIEW = """
Overzicht Voorbeeld
Overzicht baten en lasten (bedragen in €)
Lasten  Baten  Saldo
Programma 1 Eerste  150  30  120
Programma 2 Tweede  70  0  70
Totaal programma's  220  30  190
Algemene dekkingsmiddelen  5  400  -395
Overhead  40  2  38
Onvoorzien  1  0  1
Totaal  266  432  -166
"""


def _codes(path: Path) -> list[tuple[str, str, str]]:
    report = budget_checks.check(str(path), lang="en")
    return [(f.code, f.row, f.column) for f in report.findings]


def test_grand_total_is_programmes_subtotal_plus_the_lines_below_it(tmp_path: Path) -> None:
    assert _codes(write_page(tmp_path, OVERVIEW)) == []
    # adding the programmes to their subtotal once more is the classic mistake
    wrong = OVERVIEW.replace("Totaal  266  432  -166", "Totaal  486  462  24")
    assert sorted(_codes(write_page(tmp_path, wrong, "wrong.txt"))) == [
        ("BL103", "Totaal", "Baten"), ("BL103", "Totaal", "Lasten"), ("BL103", "Totaal", "Saldo")]


def test_year_columns_alone_are_a_table_whose_years_are_checked(tmp_path: Path) -> None:
    page = "Voorbeeld\nEen overzicht zonder titel\n2025  2026  2027\nProgramma 1 Eerste  100  110  120\n"
    report = budget_checks.check(str(write_page(tmp_path, page)))
    assert [(t.kind, t.checked, t.evaluated) for _, _, t in report.tables()] == [("generic", True, 1)]  # the year order
    assert [f.code for f in report.findings if f.code == "TB001"] == []
    titled = page.replace("Een overzicht zonder titel", "Meerjarenraming")
    report = budget_checks.check(str(write_page(tmp_path, titled, "titled.txt")))
    assert [t.kind for _, _, t in report.tables()] == ["meerjarenraming"]
    unordered = page.replace("2025  2026  2027", "2025  2027  2026")
    report = budget_checks.check(str(write_page(tmp_path, unordered, "unordered.txt")))
    assert [f.code for f in report.findings if f.code == "ST103"] == ["ST103"]


def test_a_stated_convention_must_be_lists_of_phrases(tmp_path: Path) -> None:
    (tmp_path / "bad.toml").write_text("""
[table.x]
columns.a = ["A"]
columns.b = ["B"]
[[table.x.identity]]
code = "XX101"
holds = ["a == b"]
stated = ["a is b"]
""", encoding="utf-8")
    with pytest.raises(RulebookError, match="stated"):
        load_rulebook((tmp_path,))


def test_dates_with_a_year_inside_a_word_match_header_labels(tmp_path: Path) -> None:
    page = """
Reserves Voorbeeld
Verloop reserves (bedragen in €)
Stand per 1-1-2025  Toevoegingen  Onttrekkingen  Stand per 31-12-2025
Algemene reserve  100  20  10  110
"""
    report = budget_checks.check(str(write_page(tmp_path, page)))
    [(_, _, table)] = report.tables()
    assert table.kind == "reserves"
    assert table.columns == ("Stand per 1-1-2025", "Toevoegingen", "Onttrekkingen", "Stand per 31-12-2025")
