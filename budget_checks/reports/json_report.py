"""JSON report, schema `budget-checks/report/v1`."""

from __future__ import annotations

import io
import json
import textwrap
from typing import TextIO

from budget_checks.findings import Finding, Severity, Tally
from budget_checks.report import DocumentInfo, Report

SCHEMA = "budget-checks/report/v1"


class JsonReporter:
    name = "json"
    suffix = ".json"
    binary = False

    def render(self, report: Report, *, color: bool = False) -> str:
        out = io.StringIO()
        self.write(report, out)
        return out.getvalue()

    def write(self, report: Report, stream: TextIO, *, color: bool = False) -> None:
        """The same text as `json.dumps(to_dict(report), indent=2)`, written one document,
        comparison and finding at a time, so a long run's report is never whole in memory."""
        lists = {"documents": (document_dict(d) for d in report.documents), "comparisons": iter(report.passed),
                 "findings": (finding_dict(f) for f in report.findings)}
        head = _head(report)
        text = json.dumps({**head, **{key: _PLACE.format(key) for key in lists}}, ensure_ascii=False, indent=2)
        for key, items in lists.items():
            before, text = text.split(json.dumps(_PLACE.format(key)), 1)
            stream.write(before)
            _write_list(stream, items)
        stream.write(text + "\n")


_PLACE = "\x00{}\x00"  # where a list goes: no value of the report can hold a NUL


def _write_list(stream: TextIO, items) -> None:
    """A list as json.dumps(indent=2) writes it two levels deep."""
    first = True
    for item in items:
        stream.write("[\n" if first else ",\n")
        stream.write(textwrap.indent(json.dumps(item, ensure_ascii=False, indent=2), "    ", lambda line: True))
        first = False
    stream.write("[]" if first else "\n  ]")


def to_dict(report: Report) -> dict:
    return {
        **_head(report),
        "documents": [document_dict(doc) for doc in report.documents],
        "comparisons": list(report.passed),
        "findings": [finding_dict(f) for f in report.findings],
    }


def _head(report: Report) -> dict:
    counts = report.counts()
    return {
        "schema": SCHEMA,
        "tool": {"name": "budget-checks", "version": report.tool_version},
        "summary": {
            "documents": len(report.documents),
            "pages": report.pages,
            "tables": report.table_count,
            "tables_checked": report.tables_checked,
            "tables_not_recognised": report.tables_not_recognised,
            "errors": counts[Severity.ERROR],
            "warnings": counts[Severity.WARNING],
            "infos": counts[Severity.INFO],
            "checks": {code: {"evaluated": c.evaluated, "failed": c.failed} for code, c in sorted(report.checks.items())},
        },
    }


def document_dict(doc: DocumentInfo) -> dict:
    return {
        "path": doc.path,
        "pages": [
            {
                "path": page.path,
                "title": page.title,
                "tables": [
                    {
                        "index": t.index, "kind": t.kind or None, "title": t.title, "unit": t.unit,
                        "scale": t.scale, "convention": t.convention or None, "rows": t.rows,
                        "checked": t.checked, "line": t.line, "end_line": t.end_line,
                        "identities_evaluated": t.evaluated,
                    }
                    for t in page.tables
                ],
            }
            for page in doc.pages
        ],
    }


def finding_dict(f: Finding) -> dict:
    return {
        "code": f.code, "severity": f.severity.label, "message": f.message, "document": f.document,
        "page": f.page, "table": f.table, "table_index": f.table_index, "row": f.row, "column": f.column,
        "line": f.line, "cell": f.cell, "expected": f.expected, "actual": f.actual, "difference": f.difference,
        "unit": f.unit, "fingerprint": f.fingerprint, "known": f.known, **_compared(f),
    }


def _compared(f: Finding) -> dict:
    """What a cross-page finding compared: every value of the figure with the pages that show it
    (the first few of each), or the rows of a table that differ."""
    out: dict = {}
    tally = f.param("tally")
    if isinstance(tally, Tally):
        out["values"] = [{"amount": amount, "page_count": count, "pages": list(pages)} for amount, count, pages in tally.values]
        out["more_values"] = tally.more
    differing = f.param("differing")
    if differing:
        out["rows_differing"] = list(differing)
    return out
