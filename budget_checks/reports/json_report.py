"""JSON report, schema `budget-checks/report/v1`."""

from __future__ import annotations

import json

from budget_checks.findings import Finding, Severity
from budget_checks.report import Report

SCHEMA = "budget-checks/report/v1"


class JsonReporter:
    name = "json"
    suffix = ".json"
    binary = False

    def render(self, report: Report, *, color: bool = False) -> str:
        return json.dumps(to_dict(report), ensure_ascii=False, indent=2) + "\n"


def to_dict(report: Report) -> dict:
    counts = report.counts()
    return {
        "schema": SCHEMA,
        "tool": {"name": "budget-checks", "version": report.tool_version},
        "summary": {
            "documents": len(report.documents),
            "pages": report.pages,
            "tables": len(report.tables()),
            "tables_checked": report.tables_checked,
            "tables_not_recognised": report.tables_not_recognised,
            "errors": counts[Severity.ERROR],
            "warnings": counts[Severity.WARNING],
            "infos": counts[Severity.INFO],
            "checks": {code: {"evaluated": c.evaluated, "failed": c.failed} for code, c in sorted(report.checks.items())},
        },
        "documents": [
            {
                "path": doc.path,
                "pages": [
                    {
                        "path": page.path,
                        "title": page.title,
                        "tables": [
                            {
                                "index": t.index, "kind": t.kind or None, "title": t.title, "unit": t.unit,
                                "scale": t.scale, "convention": t.convention or None, "rows": t.rows,
                                "checked": t.checked, "line": t.line,
                            }
                            for t in page.tables
                        ],
                    }
                    for page in doc.pages
                ],
            }
            for doc in report.documents
        ],
        "comparisons": report.passed,
        "findings": [finding_dict(f) for f in report.findings],
    }


def finding_dict(f: Finding) -> dict:
    return {
        "code": f.code, "severity": f.severity.label, "message": f.message, "document": f.document,
        "page": f.page, "table": f.table, "table_index": f.table_index, "row": f.row, "column": f.column,
        "line": f.line, "cell": f.cell, "expected": f.expected, "actual": f.actual, "difference": f.difference,
        "unit": f.unit, "fingerprint": f.fingerprint, "known": f.known,
    }
