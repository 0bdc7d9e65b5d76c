"""The bundled samples: clean budgets check clean; each planted error gives exactly its findings."""

from __future__ import annotations

import pytest

import budget_checks
from tests.conftest import SAMPLES

CLEAN = ["begroting-2021", "begroting-2025", "begroting-2026"]

# file in samples/broken -> every finding above info (plus RD101) the page gives on its own
PLANTED = {
    "BL101_saldo.txt": [("BL101", "Doel 11.1.2 Vitaal en gezond", "Saldo"), ("BL102", "Doel 11.1.2 Vitaal en gezond", "Geraamd resultaat"), ("BL103", "Totaal", "Saldo")],
    "BL102_resultaat.txt": [("BL102", "Doel 12.2.3 Langdurige en/of intensieve ondersteuning", "Geraamd resultaat")],
    "BL103_totaal.txt": [("BL101", "Totaal", "Saldo"), ("BL103", "Totaal", "Lasten")],
    "KR101_resterend.txt": [("KR101", "Doel 14.1.3 Gelijke kansen", "Resterend krediet"), ("KR101", "Totaal", "Resterend krediet")],
    "KR102_ramingen.txt": [("KR102", "Doel 15.1.3 Gelijke kansen", "Resterend krediet"), ("KR102", "Totaal", "Resterend krediet")],
    "KR103_totaal_kredieten.txt": [("KR103", "Totaal", "Gerealiseerd tot en met 2023"), ("KR103", "Totaal", "Omvang krediet")],
    "IN101_jaren.txt": [("IN101", "Beschermd wonen (aantal)", "")],
    "IN102_waarde.txt": [("IN102", "Wachtenden beschermd wonen (aantal)", "Verleden")],
    "IN103_percentage.txt": [("IN103", "Overlast door verward gedrag (%)", "Heden")],
    "IO101_onleesbaar.txt": [("IO101", "", "")],
    "MD101_bouwdatum.txt": [("MD101", "", "")],
    "NU101_bedrag.txt": [("NU101", "Doel 20.3.1 Tijdelijk verblijf in een instelling", "Baten")],
    "PL101_plaatsing.txt": [
        ("PL101", "Doel 21.1.1 Sociale contacten daginvulling", ""),
        ("PL101", "Doel 21.1.2 Vitaal en gezond", ""),
        ("PL101", "Doel 21.2.1 Vraagverheldering en verwijzing passende ondersteuning", ""),
    ],  # the kredieten table without its total row: nothing says in which year the ramingen fall
    "PL102_te_veel.txt": [("PL102", "Doel 22.3.1 Tijdelijk verblijf in een instelling", "")],
    "RD101_afronding.txt": [("RD101", "Doel 25.3.1 Tijdelijk verblijf in een instelling", "Saldo")],
    "SC101_teken.txt": [
        ("BL101", "Doel 26.1.2 Vitaal en gezond", "Saldo"), ("BL102", "Doel 26.1.2 Vitaal en gezond", "Geraamd resultaat"),
        ("BL103", "Totaal", "Geraamd resultaat"), ("BL103", "Totaal", "Saldo"),
        ("SC101", "Doel 26.1.2 Vitaal en gezond", ""), ("SC101", "Doel 26.1.2 Vitaal en gezond", ""),
    ],
    "TB001_onbekende_tabel.txt": [("TB001", "", "")],
    "UN102_eenheid.txt": [("UN102", "", "")],
}


@pytest.mark.parametrize("name", CLEAN)
def test_clean_sample_has_no_errors_or_warnings(name: str) -> None:
    report = budget_checks.check(SAMPLES / name)
    assert [(f.code, f.message) for f in report.findings if f.severity.label != "info"] == []
    assert report.tables_not_recognised == 0 and report.tables_checked > 0


@pytest.mark.parametrize("name", sorted(PLANTED))
def test_broken_page_gives_exactly_the_planted_findings(name: str) -> None:
    report = budget_checks.check(SAMPLES / "broken" / name, lang="en")
    found = sorted((f.code, f.row, f.column) for f in report.findings if f.severity.label != "info" or f.code == "RD101")
    assert found == sorted(PLANTED[name])
    assert name.split("_")[0] in {code for code, _, _ in found}


def test_every_top_level_broken_page_is_listed() -> None:
    assert sorted(p.name for p in (SAMPLES / "broken").glob("*.txt")) == sorted(PLANTED)
