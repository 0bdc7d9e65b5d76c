"""Golden files: the JSON, JUnit, SARIF and GitHub output of a small export, compared in full.

The export in tests/golden/export/ has a saldo error (row and total), an
indicator percentage out of range, a missing unit label and a block no rule
recognises (its cells look like formulas). Times and versions are fixed and
paths made relative before comparing; the JSON's per-rule counts keep only the
rules that found something (the others change whenever a rule is added
anywhere). When an output changes on purpose,
rewrite the files with:

    UPDATE_GOLDEN=1 python -m pytest tests/test_reports_golden.py

and review the diff.
"""

from __future__ import annotations

import json
import os
import re
from datetime import datetime
from pathlib import Path

import pytest

import budget_checks
from budget_checks.report import Report
from budget_checks.reports import get_reporter

GOLDEN = Path(__file__).parent / "golden"
FORMATS = {"json": "report.json", "junit": "report.junit.xml", "sarif": "report.sarif", "github": "report.github.txt"}


def golden_report(monkeypatch: pytest.MonkeyPatch) -> Report:
    """The golden export's report, run from tests/golden so every path in it is relative."""
    monkeypatch.chdir(GOLDEN / "export")
    report = budget_checks.check(["begroting"], lang="en")
    report.started_at = datetime(2025, 1, 2, 3, 4, 5)
    report.tool_version = "0.0.0"
    report.options.update({"fail_on": "error", "formats": ["json"]})
    return report


def normalise(text: str) -> str:
    text = text.replace(str(GOLDEN / "export"), "<export>")
    return re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", "<time>", text)


def render(name: str, report: Report) -> str:
    reporter = get_reporter(name)
    if name == "github":
        reporter.environ = {}  # no job summary file here; that is tested on its own
    text = normalise(reporter.render(report))
    if name == "json":
        data = json.loads(text)
        checks = data["summary"]["checks"]
        data["summary"]["checks"] = {code: count for code, count in checks.items() if count["failed"]}
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return text


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_output_matches_golden_file(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    actual = render(name, golden_report(monkeypatch))
    path = GOLDEN / FORMATS[name]
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, (
        f"{name} output differs from {path.relative_to(GOLDEN.parent.parent)}; if the change is intended, "
        "rewrite it with UPDATE_GOLDEN=1 python -m pytest tests/test_reports_golden.py"
    )


def test_golden_export_shows_what_the_files_are_about(monkeypatch: pytest.MonkeyPatch) -> None:
    """Guards the golden input itself: if the pipeline stops finding these, the golden files test less."""
    report = golden_report(monkeypatch)
    found = {(f.code, f.row) for f in report.findings}
    assert {("BL101", "Doel 1.1.2 Tweede doel"), ("BL101", "Totaal"), ("TB001", "")} <= found
    assert any(f.code == "IN103" for f in report.findings)
    assert report.tables_not_recognised == 1
