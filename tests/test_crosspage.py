"""Cross-page checks over many pages: one finding per disagreement, never one per pair of pages.

The pages are copies of the sample programme page (programme 1 with its goals and kredieten),
some with a figure changed, some with every amount scaled, checked as one document.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

import budget_checks
from budget_checks.findings import Finding, Severity, Tally, distinct
from budget_checks.report import Report
from budget_checks.reports import get_reporter
from tests.conftest import SAMPLES

PROGRAMME = (SAMPLES / "begroting-2025" / "002_programma-1.txt").read_text(encoding="utf-8")
GOAL = (SAMPLES / "begroting-2025" / "001_doel-1.2.3.txt").read_text(encoding="utf-8")
ROW = "Doel 1.2.3 Langdurige en/of intensieve ondersteuning"
LASTEN = "80.235.555"  # the goal's lasten, on its own page and on the programme page
_AMOUNT = re.compile(r"^(-?)(\d{1,3}(?:\.\d{3})+)$", re.MULTILINE)


def scaled(text: str, factor: int) -> str:
    """Every amount times factor/1.000: other figures, every table still adding up."""
    return _AMOUNT.sub(lambda m: m.group(1) + f"{int(m.group(2).replace('.', '')) * factor:,}".replace(",", "."), text)


def folder(tmp_path: Path, pages: list[str]) -> str:
    for i, text in enumerate(pages):
        (tmp_path / f"{i:03d}_page.txt").write_text(text, encoding="utf-8")
    return str(tmp_path)


def cross(report: Report, code: str = "CP102") -> list[Finding]:
    return [f for f in report.findings if f.code == code]


def test_one_changed_copy_among_many_gets_one_finding_naming_the_value_most_pages_show(tmp_path: Path) -> None:
    pages = [PROGRAMME] * 6 + [PROGRAMME.replace(LASTEN, "80.235.999")]
    report = budget_checks.check([folder(tmp_path, pages)], lang="en")
    [finding] = cross(report)
    assert (finding.page, finding.row, finding.column) == ("006_page.txt", ROW, "Lasten")
    assert (finding.expected, finding.actual) == (80_235_555, 80_235_999)
    assert finding.message.endswith("2 values on 7 pages (value and number of pages): 80,235,555 (6), 80,235,999 (1)")
    # the pages showing each value are in the JSON
    data = json.loads(get_reporter("json").render(report))
    [listed] = [f for f in data["findings"] if f["code"] == "CP102"]
    assert listed["values"][0] == {"amount": 80_235_555, "page_count": 6, "pages": [f"{i:03d}_page.txt" for i in range(6)]}
    assert listed["values"][1]["pages"] == ["006_page.txt"] and listed["more_values"] is False


def test_two_pages_keep_the_message_of_a_pair() -> None:
    report = budget_checks.check([str(SAMPLES / "broken" / "begroting-voorbeeld-paginas")], lang="en")
    messages = [f.message for f in cross(report, "CP101")]
    assert messages and all(m.endswith("on the goal page 002_doel-1.2.3.txt") for m in messages)


def test_without_a_majority_each_other_value_gets_its_finding(tmp_path: Path) -> None:
    # 80.235.555 on three pages, 80.235.556 on two, 80.235.557 on one
    pages = [PROGRAMME] * 3 + [PROGRAMME.replace(LASTEN, "80.235.556")] * 2 + [PROGRAMME.replace(LASTEN, "80.235.557")]
    report = budget_checks.check([folder(tmp_path, pages)], lang="nl")
    assert sorted((f.page, f.actual, f.expected) for f in cross(report)) == [
        ("003_page.txt", 80_235_556, 80_235_555), ("004_page.txt", 80_235_556, 80_235_555), ("005_page.txt", 80_235_557, 80_235_555),
    ]
    assert all("3 waarden op 6 pagina's (waarde en aantal pagina's): 80.235.555 (3), 80.235.556 (2), 80.235.557 (1)" in f.message
               for f in cross(report))


def test_identical_copies_agree_once(tmp_path: Path) -> None:
    report = budget_checks.check([folder(tmp_path, [PROGRAMME] * 40)])
    assert [f for f in report.findings if f.code.startswith("CP")] == []
    totals = [p for p in report.passed if p["code"] == "CP102" and p["row"] == "Totaal"]
    assert len(totals) == 2  # baten en lasten, and kredieten: each once, not once per pair of pages
    assert all(len(p["pages"]) == 40 for p in totals)


def test_pages_of_one_programme_with_other_figures_give_a_few_findings_per_page(tmp_path: Path) -> None:
    pages = [scaled(PROGRAMME, 1_000 + i) for i in range(60)]
    report = budget_checks.check([folder(tmp_path, pages)], lang="en")
    per_page = Counter(f.page for f in report.findings if f.code.startswith("CP"))
    assert "000_page.txt" not in per_page  # the first page's figures prevail: nothing more shows them
    assert len(per_page) == 59 and max(per_page.values()) <= 2
    # every table of a page differs as a whole: one finding for the table, naming its rows
    finding = cross(report)[0]
    assert finding.row == "" and finding.param("form") == "table"
    assert finding.param("rows") == finding.param("compared") and ROW in finding.param("differing")
    assert "rows compared differ from other pages" in finding.message


def test_a_unit_slip_among_many_copies_is_one_finding_on_the_slipped_page(tmp_path: Path) -> None:
    text = PROGRAMME.replace("(bedragen in €)", "")  # no unit label, amounts in thousands:
    slipped = _AMOUNT.sub(lambda m: m.group(1) + f"{round(int(m.group(2).replace('.', '')) / 1000):,}".replace(",", "."), text)
    report = budget_checks.check([folder(tmp_path, [PROGRAMME] * 4 + [slipped])], lang="en")
    found = cross(report, "CP103")
    assert found and {f.page for f in found} == {"004_page.txt"}
    assert len(found) == len({(f.table_index, f.row) for f in found})  # one per row, not one per other page
    assert cross(report) == [] and cross(report, "CP101") == []


def test_a_goal_row_changed_on_one_programme_page_is_one_cp101_finding(tmp_path: Path) -> None:
    pages = [GOAL] + [PROGRAMME] * 4 + [PROGRAMME.replace(LASTEN, "80.235.999")]
    report = budget_checks.check([folder(tmp_path, pages)], lang="en")
    [finding] = cross(report, "CP101")
    assert (finding.page, finding.row, finding.column, finding.expected) == ("005_page.txt", ROW, "Lasten", 80_235_555)
    assert "on the goal page 000_page.txt" in finding.message
    [other] = cross(report)  # the programme pages among themselves: the same disagreement, as CP102
    assert other.page == "005_page.txt"


def test_distinct_drops_a_finding_given_twice() -> None:
    a = Finding("CP102", Severity.ERROR, (("other_page", "x"),), document="d", page="p", row="r", column="c", message="m")
    b = Finding("CP102", Severity.ERROR, (("other_page", "y"),), document="d", page="p", row="r", column="c", message="m")
    c = Finding("CP102", Severity.ERROR, document="d", page="p", row="r", column="c", message="other")
    kept, dropped = distinct([a, b, c])
    assert kept == [a, c] and dropped == {"CP102": 1}


def test_one_document_given_twice_reports_each_finding_once() -> None:
    path = str(SAMPLES / "broken" / "BL101_saldo.txt")
    once, twice = budget_checks.check([path]), budget_checks.check([path, path])
    assert len(once.findings) > 0 and len(twice.findings) == len(once.findings)


def test_a_tally_renders_in_the_run_language() -> None:
    from budget_checks.docs import tally_text

    tally = Tally(tuple((1_000 * i, 7 - i, ()) for i in range(1, 7)))
    assert tally_text(tally, "nl") == "1.000 (6), 2.000 (5), 3.000 (4), 4.000 (3), 5.000 (2), …"
    assert tally_text(Tally(((1_205_582, 3, ()),), more=True), "en") == "1,205,582 (3), …"


CORPUS = SAMPLES.parent.parent / "shared" / "corpus" / "pages"


def _repeats(report: Report) -> list[tuple]:
    seen = Counter((f.code, f.document, f.page, f.table, f.table_index, f.row, f.column, f.line, f.cell, f.message)
                   for f in report.findings)
    return [key for key, n in seen.items() if n > 1]


def test_no_sample_gives_a_finding_twice() -> None:
    documents = sorted(str(p) for p in SAMPLES.iterdir() if p.is_dir())
    documents += sorted(str(p) for p in (SAMPLES / "broken").iterdir())
    report = budget_checks.check(documents, lang="en")
    assert any(f.code == "CP102" for f in report.findings)  # samples/broken as one document repeats its pages
    assert _repeats(report) == []


def test_no_corpus_page_gives_a_finding_twice() -> None:
    if not CORPUS.is_dir():
        pytest.skip("the shared corpus is not beside this checkout")
    pages = sorted(str(p) for p in CORPUS.iterdir())
    report = budget_checks.check([*pages, str(CORPUS)], lang="en")  # each page alone, and all as one document
    assert report.findings and _repeats(report) == []
