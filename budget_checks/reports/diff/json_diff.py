"""JSON diff, schema `budget-checks/diff/v1` (documented in docs/diff.md)."""

from __future__ import annotations

import json

from budget_checks.compare.consistency import fingerprint
from budget_checks.compare.model import Change, Diff, PageDiff, RowEntry, Side, TableDiff
from budget_checks.compare.parts import Value
from budget_checks.findings import Finding
from budget_checks.reports.diff.words import counts
from budget_checks.reports.json_report import finding_dict

SCHEMA = "budget-checks/diff/v1"
LARGEST = 10


class JsonDiffReporter:
    name = "json"
    suffix = ".diff.json"
    binary = False

    def render(self, diff: Diff, *, color: bool = False) -> str:
        return json.dumps(to_dict(diff), ensure_ascii=False, indent=2) + "\n"


def to_dict(diff: Diff) -> dict:
    return {
        "schema": SCHEMA,
        "tool": {"name": "budget-checks", "version": diff.tool_version},
        "old": _side(diff.old),
        "new": _side(diff.new),
        "summary": {
            "changed": diff.changed,
            "pages_compared": diff.pages_compared,
            "tables_compared": diff.tables_compared,
            "figures_changed": diff.figures_changed,
            **counts(diff),
            "findings_resolved": len(diff.resolved),
            "findings_introduced": len(diff.introduced),
            "largest": [{"page": p.title, "table": t.title, **change_dict(c)} for p, t, c in diff.largest(LARGEST)],
        },
        "pages": [page_dict(p) for p in diff.pages],
        "findings": {"resolved": [_finding(f) for f in diff.resolved], "introduced": [_finding(f) for f in diff.introduced]},
    }


def _side(side: Side) -> dict:
    return {"path": side.path, "pages": side.pages, "tables": side.tables, "findings": side.findings}


def page_dict(page: PageDiff) -> dict:
    changes = page.changes
    return {
        "title": page.title, "status": page.status, "old_path": page.old_path, "new_path": page.new_path,
        "moved": page.moved, "figures_changed": len(changes),
        "largest_euros": max((abs(c.euros) for c in changes if c.euros is not None), default=None),
        "tables": [table_dict(t) for t in page.tables],
        "findings_resolved": [_finding(f) for f in page.resolved],
        "findings_introduced": [_finding(f) for f in page.introduced],
    }


def table_dict(table: TableDiff) -> dict:
    return {
        "title": table.title, "kind": table.kind, "status": table.status,
        "old_index": table.old_index, "new_index": table.new_index, "unit": table.unit, "old_unit": table.old_unit,
        "rows": table.rows if table.status in ("added", "removed") else None,
        "changes": [change_dict(c) for c in table.changes],
        "rows_added": [_row(r) for r in table.rows_added],
        "rows_removed": [_row(r) for r in table.rows_removed],
        "columns_added": list(table.columns_added),
        "columns_removed": list(table.columns_removed),
        "findings_resolved": [_finding(f) for f in table.resolved],
        "findings_introduced": [_finding(f) for f in table.introduced],
    }


def change_dict(c: Change) -> dict:
    return {
        "row": c.row, "column": c.column, "old": value(c.old), "new": value(c.new),
        "old_text": c.old.text, "new_text": c.new.text, "difference": c.difference, "unit": c.unit, "euros": c.euros,
        "old_unit": c.old_unit, "new_unit": c.new_unit, "old_line": c.old_line, "new_line": c.new_line,
    }


def value(v: Value) -> int | str:
    """A whole amount as a number (in the unit of its own table), anything else as its text."""
    return v.amount if v.amount is not None else v.text


def _row(row: RowEntry) -> dict:
    return {"label": row.label, "line": row.line, "values": [{"column": c, "value": value(v), "text": v.text} for c, v in row.values]}


def _finding(f: Finding) -> dict:
    return {**finding_dict(f), "page_title": f.page_title, "fingerprint": fingerprint(f)}
