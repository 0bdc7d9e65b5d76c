"""SARIF 2.1.0 report, for code-scanning views (GitHub, GitLab, Azure DevOps).

Every rule with a result is listed with its help text (the rules that found
nothing are left out, so the file changes only when the findings do); a
result carries the rule id, level, message, the page file and line, and the
finding's fingerprint as a partial fingerprint so results are tracked across runs.
"""

from __future__ import annotations

import json

from budget_checks.docs import RuleDoc
from budget_checks.findings import Finding, Severity
from budget_checks.report import Report
from budget_checks.reports.paths import finding_file, uri

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
VERSION = "2.1.0"
FINGERPRINT_KEY = "budgetChecks/v1"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


class SarifReporter:
    name = "sarif"
    suffix = ".sarif"
    binary = False

    def __init__(self, root: str | None = None) -> None:
        self.root = root  # paths inside it are written relative to it (default: the working folder)

    def render(self, report: Report, *, color: bool = False) -> str:
        return json.dumps(to_sarif(report, self.root), ensure_ascii=False, indent=2) + "\n"


def to_sarif(report: Report, root: str | None = None) -> dict:
    rules = [report.rules[code] for code in sorted({f.code for f in report.findings}) if code in report.rules]
    index = {doc.code: i for i, doc in enumerate(rules)}
    with_baseline = "baseline" in report.options
    return {
        "$schema": SCHEMA_URI,
        "version": VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "budget-checks",
                        "version": report.tool_version,
                        "rules": [_rule(doc) for doc in rules],
                    }
                },
                "invocations": [{"executionSuccessful": True}],
                "results": [_result(f, index.get(f.code), with_baseline, root) for f in report.findings],
                "properties": {
                    "documents": len(report.documents),
                    "pages": report.pages,
                    "tablesChecked": report.tables_checked,
                    "tablesNotRecognised": report.tables_not_recognised,
                },
            }
        ],
    }


def _rule(doc: RuleDoc) -> dict:
    markdown = f"{doc.summary}\n\n**Why.** {doc.why}\n\n**Failing example**\n\n```\n{doc.example}\n```\n\n**How to fix.** {doc.fix}"
    return {
        "id": doc.code,
        "name": doc.name,
        "shortDescription": {"text": doc.summary},
        "fullDescription": {"text": doc.why or doc.summary},
        "help": {"text": f"{doc.summary}\nWhy: {doc.why}\nHow to fix: {doc.fix}", "markdown": markdown},
        "defaultConfiguration": {"level": _LEVEL[doc.severity]},
        "properties": {"tags": [doc.family]},
    }


def _result(f: Finding, rule_index: int | None, with_baseline: bool, root: str | None) -> dict:
    result: dict = {"ruleId": f.code}
    if rule_index is not None:
        result["ruleIndex"] = rule_index
    result["level"] = _LEVEL[f.severity]
    result["message"] = {"text": f.message or f.code}
    path = finding_file(f, root)
    if path:
        physical: dict = {"artifactLocation": {"uri": uri(path)}}
        if f.line:
            physical["region"] = {"startLine": f.line}
        location: dict = {"physicalLocation": physical}
        where = " › ".join(part for part in (f.table, f.row, f.column) if part)
        if where:
            location["logicalLocations"] = [{"fullyQualifiedName": where, "kind": "object"}]
        result["locations"] = [location]
    result["partialFingerprints"] = {FINGERPRINT_KEY: f.fingerprint}
    if with_baseline:
        result["baselineState"] = "unchanged" if f.known else "new"
    properties = {
        key: value
        for key, value in (
            ("pageTitle", f.page_title), ("cell", f.cell), ("expected", f.expected), ("actual", f.actual),
            ("difference", f.difference), ("unit", f.unit),
        )
        if value not in (None, "")
    }
    if properties:
        result["properties"] = properties
    return result
