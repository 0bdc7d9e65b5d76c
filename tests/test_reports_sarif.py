"""SARIF 2.1.0: valid against the official schema (offline), with rules, levels, locations, fingerprints."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import budget_checks
from budget_checks.reports.sarif import FINGERPRINT_KEY, SarifReporter
from tests.conftest import write_page

SCHEMA = json.loads((Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
PAGE = """
Doel 1.1.1 Voorbeeld
Overzicht baten en lasten
Lasten\tBaten\tSaldo\tToevoeging aan reserves\tOnttrekking aan reserves\tGeraamd resultaat
Doel 1.1.1\t14.573.052\t0\t14.573.062\t43.389\t184.071\t14.432.380
"""


def sarif_of(report, root: Path) -> dict:
    return json.loads(SarifReporter(root=str(root)).render(report))


def validate(document: dict) -> None:
    jsonschema.Draft4Validator(SCHEMA).validate(document)


def test_sarif_validates_against_the_schema_and_locates_results(tmp_path: Path) -> None:
    write_page(tmp_path / "begroting", PAGE, "doel-1.1.1.txt")
    report = budget_checks.check([str(tmp_path / "begroting")], lang="en")
    sarif = sarif_of(report, tmp_path)
    validate(sarif)

    run = sarif["runs"][0]
    rule_ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert rule_ids == sorted({f.code for f in report.findings})
    assert all(rule["help"]["text"] and rule["help"]["markdown"] for rule in run["tool"]["driver"]["rules"])
    by_rule = {r["ruleId"]: r for r in run["results"]}
    saldo = by_rule["BL101"]
    assert saldo["level"] == "error"
    assert rule_ids[saldo["ruleIndex"]] == "BL101"
    assert saldo["locations"][0]["physicalLocation"] == {"artifactLocation": {"uri": "begroting/doel-1.1.1.txt"}, "region": {"startLine": 4}}
    finding = next(f for f in report.findings if f.code == "BL101")
    assert saldo["partialFingerprints"] == {FINGERPRINT_KEY: finding.fingerprint}
    assert saldo["message"]["text"] == finding.message
    assert saldo["properties"]["expected"] == 14_573_052 and saldo["properties"]["actual"] == 14_573_062
    assert by_rule["UN101"]["level"] == "note"


def test_paths_outside_the_root_become_file_uris(tmp_path: Path) -> None:
    page = write_page(tmp_path / "export", PAGE)
    report = budget_checks.check([str(page)], lang="en")
    sarif = sarif_of(report, tmp_path / "elsewhere")
    validate(sarif)
    uri = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == page.as_uri()


def test_baseline_state_marks_known_and_new_results(tmp_path: Path) -> None:
    write_page(tmp_path / "doc", PAGE)
    first = budget_checks.check([str(tmp_path / "doc")], lang="en")
    saldo = next(f for f in first.findings if f.code == "BL101")
    entries = [{"fingerprint": saldo.fingerprint, "code": "BL101"}]
    report = budget_checks.check([str(tmp_path / "doc")], lang="en", baseline=entries)
    sarif = sarif_of(report, tmp_path)
    validate(sarif)
    states = {r["ruleId"]: r["baselineState"] for r in sarif["runs"][0]["results"]}
    assert states["BL101"] == "unchanged"
    assert states["UN101"] == "new"


def test_no_findings_is_still_a_valid_log(tmp_path: Path) -> None:
    write_page(tmp_path / "doc", PAGE.replace("14.573.062", "14.573.052").replace("14.432.380", "14.432.370"))
    report = budget_checks.check([str(tmp_path / "doc")], lang="en", ignore=["UN"])
    sarif = sarif_of(report, tmp_path)
    validate(sarif)
    assert sarif["runs"][0]["results"] == []


def test_the_schema_check_can_fail() -> None:
    """The validator really rejects what SARIF does not allow (a level that does not exist)."""
    bad = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "level": "fatal"}]}]}
    with pytest.raises(jsonschema.ValidationError):
        validate(bad)
