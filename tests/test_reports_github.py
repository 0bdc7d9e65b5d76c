"""GitHub Actions output: escaped workflow commands, at most 10 annotations per severity, job summary."""

from __future__ import annotations

import re
from pathlib import Path

import budget_checks
from budget_checks.findings import Finding, Severity
from budget_checks.report import Report
from budget_checks.reports.github import GithubReporter, escape_data, escape_property
from tests.conftest import write_page

GOOD = """
Doel 1.1.1 Voorbeeld
Overzicht baten en lasten
Lasten\tBaten\tSaldo
Doel 1.1.1\t100\t20\t80
"""


def test_escaping_follows_the_workflow_command_rules() -> None:
    assert escape_data("50% off\r\nnext: a, b") == "50%25 off%0D%0Anext: a, b"
    assert escape_property("a:b,c%d\ne\r") == "a%3Ab%2Cc%25d%0Ae%0D"
    assert escape_data("%0A") == "%250A"  # an escape sequence in the text stays text


def _report(findings: list[Finding]) -> Report:
    return Report(findings=findings, lang="en")


def _parse(line: str) -> tuple[str, dict[str, str], str]:
    match = re.fullmatch(r"::(\w+) ([^:]*)::(.*)", line)
    assert match, line
    properties = dict(part.split("=", 1) for part in match.group(2).split(","))
    return match.group(1), properties, match.group(3)


def test_a_finding_becomes_one_escaped_annotation(tmp_path: Path) -> None:
    finding = Finding(
        "BL101", Severity.ERROR, document="export/a,b", page="p:1.txt", table="Overzicht", row="Doel 1,1",
        column="Saldo", line=7, message="Saldo 100% wrong\nsecond line",
    )
    lines = GithubReporter(environ={}, root=str(tmp_path)).render(_report([finding])).splitlines()
    kind, properties, message = _parse(lines[0])
    assert kind == "error"
    assert properties == {"file": "export/a%2Cb/p%3A1.txt", "line": "7", "title": "BL101"}
    assert message == "Overzicht › Doel 1,1 › Saldo: Saldo 100%25 wrong%0Asecond line"
    assert "\n" not in lines[0] and len(lines) == 2  # the annotation and the totals line


def test_at_most_ten_annotations_per_severity_and_the_rest_counted(tmp_path: Path) -> None:
    findings = [Finding("BL101", Severity.ERROR, document="d", page=f"p{i}.txt", line=i + 1, message="m") for i in range(13)]
    findings += [Finding("UN101", Severity.INFO, document="d", page="p.txt", line=1, message="i") for _ in range(2)]
    lines = GithubReporter(environ={}, root=str(tmp_path)).render(_report(findings)).splitlines()
    assert sum(line.startswith("::error ") for line in lines) == 10
    assert sum(line.startswith("::notice ") for line in lines) == 2
    assert "budget-checks: 3 more errors not annotated; see the job summary" in lines
    assert lines[-1].startswith("budget-checks: 13 errors, 0 warnings, 2 infos")


def test_known_findings_are_not_annotated(tmp_path: Path) -> None:
    known = Finding("BL101", Severity.ERROR, document="d", page="p.txt", line=1, message="m", known=True)
    lines = GithubReporter(environ={}, root=str(tmp_path)).render(_report([known])).splitlines()
    assert not any(line.startswith("::") for line in lines)
    assert "budget-checks: 1 known findings (baseline) not annotated" in lines


def test_job_summary_is_appended_when_the_variable_is_set(tmp_path: Path) -> None:
    write_page(tmp_path / "doc", GOOD.replace("\t80", "\t90"))
    report = budget_checks.check([str(tmp_path / "doc")], lang="en")
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    output = GithubReporter(environ={"GITHUB_STEP_SUMMARY": str(summary)}, root=str(tmp_path)).render(report)
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## budget-checks: 1 errors")
    assert "| error | BL101 | doc/page.txt | 4 | Overzicht baten en lasten › Doel 1.1.1 › Saldo |" in text
    assert "::error file=doc/page.txt,line=4" in output


def test_job_summary_escapes_table_cells(tmp_path: Path) -> None:
    from budget_checks.reports.github import markdown_summary

    finding = Finding("BL101", Severity.ERROR, document="d", page="p.txt", row="a|b", message="x\n<script>")
    text = markdown_summary(_report([finding]), str(tmp_path))
    row = next(line for line in text.splitlines() if "BL101" in line)
    assert "a\\|b" in row and "<script>" not in row and row.count(" | ") == 5


def test_unwritable_summary_is_a_warning_not_a_crash(tmp_path: Path) -> None:
    report = _report([])
    output = GithubReporter(environ={"GITHUB_STEP_SUMMARY": str(tmp_path / "missing" / "summary.md")}).render(report)
    assert any(line.startswith("::warning::could not write the job summary") for line in output.splitlines())
