"""The table-family samples: clean documents check clean, broken ones give exactly the planted findings.

samples/begroting-voorbeeld/ and samples/jaarstukken-voorbeeld/ hold one page per family
(programme and goal pages, whole-document overview, meerjarenraming, reserves and
voorzieningen, balans, bestedingsvoorstellen, jaarstukken). samples/broken/ holds copies with
errors planted; every finding a broken copy gives is listed here, with the planted error
that causes it.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import budget_checks
from budget_checks.cli import app
from tests.conftest import SAMPLES

CLEAN = ["begroting-voorbeeld", "jaarstukken-voorbeeld"]
PROGRAMME_1 = "001_programma-1.txt"
GOAL_123 = "Doel 1.2.3 Langdurige en/of intensieve ondersteuning"

PLANTED = {
    # a goal row changed on the programme page (lasten and baten +45.000, saldo unchanged, totals following);
    # the goal page of 1.3.1 lost its "(x €1.000)"; the balans page is built from an older export
    "begroting-voorbeeld-paginas": [
        ("CP101", "error", PROGRAMME_1, GOAL_123, "Lasten"),
        ("CP101", "error", PROGRAMME_1, GOAL_123, "Baten"),
        ("UN101", "info", "003_doel-1.3.1.txt", "", ""),
        ("CP103", "warning", "003_doel-1.3.1.txt", "Doel 1.3.1 Tijdelijk verblijf in een instelling", ""),
        ("CP104", "info", "007_balans.txt", "", ""),
    ],
    "begroting-voorbeeld-families": [
        # kredieten variant: Uitgaven t/m 2023 of goal 1.1.2 +63 (its row and the column total, which cross there)
        ("XC101", "error", PROGRAMME_1, "Doel 1.1.2 Vitaal en gezond", "Uitgaven t/m 2023"),
        ("KR101", "error", PROGRAMME_1, "Doel 1.1.2 Vitaal en gezond", "Restant"),
        ("KR103", "error", PROGRAMME_1, "Totaal", "Uitgaven t/m 2023"),
        # whole-document overview: the grand total adds the programmes to their subtotal once more
        ("BL103", "error", "004_overzicht.txt", "Totaal", "Lasten"),
        ("BL101", "error", "004_overzicht.txt", "Totaal", "Saldo"),
        # netted Mutaties reserves: programme 3's result +1.000 (and so it differs from the overview above it)
        ("BL104", "error", "004_overzicht.txt", "Programma 3 Veilige stad", "Resultaat"),
        ("CP102", "error", "004_overzicht.txt", "Programma 3 Veilige stad", "Resultaat"),
        # meerjarenraming: the 2028 total +100; a year column 2029 between 2026 and 2028; baten 2026 −250
        # (the line items as rows make that table a baten-en-lasten overview: its years out of order are ST103)
        ("MJ101", "error", "005_meerjarenraming.txt", "Totaal", "Raming 2028"),
        ("ST103", "warning", "005_meerjarenraming.txt", "", ""),
        ("BL101", "error", "005_meerjarenraming.txt", "Saldo", "Raming 2026"),
        # reserves: opening 2025 of the social reserve +50.000 (and its closing, and the totals);
        # toevoegingen of the land reserve set to 250.000 without rolling forward
        ("RV103", "error", "006_reserves.txt", "Reserve sociaal domein", "Stand 1-1-2025"),
        ("XC101", "error", "006_reserves.txt", "Reserve grondexploitatie", "Toevoegingen"),
        ("RV101", "error", "006_reserves.txt", "Reserve grondexploitatie", "Stand 31-12-2025"),
        ("RV103", "error", "006_reserves.txt", "Totaal", "Stand 1-1-2025"),
        ("RV102", "error", "006_reserves.txt", "Totaal", "Toevoegingen"),
        # balans: liquide middelen 2025 +100; overlopende passiva 2024 +500 with the passiva totals following
        ("BA101", "error", "007_balans.txt", "Totaal vlottende activa", "31-12-2025"),
        ("BA102", "error", "007_balans.txt", "Totaal passiva", "31-12-2024"),
        # incidenteel/structureel: one proposal's total typed as 357.000
        ("IS101", "error", "008_bestedingsvoorstellen.txt", "Voorstel wijkteams", "Totaal"),
        ("IS102", "error", "008_bestedingsvoorstellen.txt", "Totaal", "Totaal"),
    ],
    "jaarstukken-voorbeeld": [
        # the verschil is realisatie − begroting under a header that says begroting − realisatie; one verschil +90
        ("SC102", "warning", PROGRAMME_1, "", ""),
        ("JS101", "error", PROGRAMME_1, GOAL_123, "Verschil begroting − realisatie"),
        ("JS102", "error", PROGRAMME_1, "Totaal", "Verschil begroting − realisatie"),
        # the legend says baten carry a minus sign; they are positive and saldo = lasten − baten
        ("SC102", "warning", "002_overzicht.txt", "", ""),
    ],
}


def _found(report) -> list[tuple]:
    return [(f.code, f.severity.label, f.page, f.row, f.column) for f in report.findings]


@pytest.mark.parametrize("name", CLEAN)
def test_clean_family_sample_checks_clean(name: str) -> None:
    report = budget_checks.check(str(SAMPLES / name), lang="en")
    assert _found(report) == []
    assert report.tables_not_recognised == 0
    assert report.tables_checked == len(report.tables()) > 0


@pytest.mark.parametrize("name", sorted(PLANTED))
def test_broken_family_sample_gives_exactly_the_planted_findings(name: str) -> None:
    report = budget_checks.check(str(SAMPLES / "broken" / name), lang="en")
    assert _found(report) == PLANTED[name]


def test_clean_samples_cover_every_family() -> None:
    kinds = set()
    for name in CLEAN:
        report = budget_checks.check(str(SAMPLES / name))
        kinds |= {t.kind for _, _, t in report.tables()}
    assert {"baten_en_lasten", "kredieten", "meerjarenraming", "jaarstukken", "reserves",
            "incidenteel_structureel", "balans"} <= kinds


def test_cross_page_comparisons_are_reported_as_passed() -> None:
    report = budget_checks.check(str(SAMPLES / "begroting-voorbeeld"))
    passed = {(p["code"], p["row"]) for p in report.passed}
    # the goal pages against the programme page, one of them in thousands
    assert ("CP101", GOAL_123) in passed
    assert ("CP101", "Doel 1.3.1 Tijdelijk verblijf in een instelling") in passed
    # the programme page's Totaal against the overview's programme row
    assert ("CP102", "Totaal") in passed
    # last year's closing balances carried into this year's opening balances
    assert ("RV103", "Algemene reserve") in passed


def test_seed_goal_page_and_programme_page_agree_on_goal_123(seeds) -> None:
    result = CliRunner().invoke(app, ["check", str(seeds / "begroting-2025"), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["summary"]["errors"] == 0
    [comparison] = [c for c in report["comparisons"] if c["code"] == "CP101"]
    assert comparison["row"].startswith("Doel 1.2.3")
    assert sorted(comparison["pages"]) == ["001_6f322344152e0b1d.txt", "003_f62ceb7c67b46cd3.txt"]
    assert "Lasten" in comparison["columns"] and "Geraamd resultaat" in comparison["columns"]
    # the two pages come from exports a month apart: reported, as information only
    assert [f["severity"] for f in report["findings"] if f["code"] == "CP104"] == ["info"]
