"""Excel diff: a workbook for the finance team to filter and sort.

Sheets, named in the run's language: the changed figures (old, new and difference as numbers,
the difference in euros beside it), the rows, columns, tables and pages that came or went, the
findings the new export resolves and introduces, and a summary. Every list has a filter and a
frozen header. openpyxl loads only when this format is asked for.
"""

from __future__ import annotations

from budget_checks.compare.model import Diff
from budget_checks.reports.diff.json_diff import value
from budget_checks.reports.diff.words import COUNTS, change_unit, page_file
from budget_checks.reports.labels import diff_words as words


class ExcelDiffReporter:
    name = "excel"
    suffix = ".diff.xlsx"
    binary = True

    def render(self, diff: Diff, *, color: bool = False) -> bytes:
        from budget_checks.reports.excel_cells import saved

        return saved(build_workbook(diff), diff.started_at)


def build_workbook(diff: Diff):
    from openpyxl import Workbook

    w = words(diff.lang)
    book = Workbook()
    changes = book.active
    changes.title = w["changes"]
    _write_changes(changes, diff, w)
    _write_structure(book.create_sheet(w["structure"]), diff, w)
    _write_findings(book.create_sheet(w["findings"]), diff, w)
    _write_summary(book.create_sheet(w["summary"]), diff, w)
    return book


def _list(ws, heads: list[str], rows: list[list[object]], amounts: tuple[int, ...] = (), wrapped: tuple[int, ...] = ()) -> None:
    """A list with a bold header, a filter over it and the header frozen."""
    from budget_checks.reports.excel_cells import AMOUNT_FORMAT, fit_columns, header, landscape, put

    header(ws, 1, heads)
    for r, values in enumerate(rows, start=2):
        for c, item in enumerate(values, start=1):
            if item is not None and item != "":
                put(ws, r, c, item, number_format=AMOUNT_FORMAT if c in amounts and isinstance(item, int) else None, wrap=c in wrapped)
    ws.auto_filter.ref = f"A1:{ws.cell(row=max(1, len(rows) + 1), column=len(heads)).coordinate}"
    ws.freeze_panes = "A2"
    fit_columns(ws, fixed={c: 70 for c in wrapped})
    landscape(ws)


def _write_changes(ws, diff: Diff, w: dict[str, str]) -> None:
    heads = [w[k] for k in ("page", "page_file", "table", "row", "column", "old", "new", "difference", "unit", "euros", "old_line", "new_line")]
    rows = [[p.title, p.new_path or p.old_path, t.title, c.row, c.column, value(c.old), value(c.new), c.difference,
             change_unit(c, w), c.euros, c.old_line, c.new_line] for p, t, c in diff.changes()]
    _list(ws, heads, rows, amounts=(6, 7, 8, 10))


def _write_structure(ws, diff: Diff, w: dict[str, str]) -> None:
    rows: list[list[object]] = []
    for page in diff.pages:
        if page.status in ("added", "removed"):
            rows.append([page.title, page_file(page), "", w[f"page_{page.status}"], page.title, None])
        for t in page.tables:
            if t.status in ("added", "removed"):
                rows.append([page.title, page_file(page), t.title, w[f"table_{t.status}"], f"{t.rows} {w['rows']}", None])
            rows += [[page.title, page_file(page), t.title, w["row_added"], r.label, r.line] for r in t.rows_added]
            rows += [[page.title, page_file(page), t.title, w["row_removed"], r.label, r.line] for r in t.rows_removed]
            rows += [[page.title, page_file(page), t.title, w["column_added"], label, None] for label in t.columns_added]
            rows += [[page.title, page_file(page), t.title, w["column_removed"], label, None] for label in t.columns_removed]
        if page.moved:
            rows.append([page.title, page_file(page), "", w["page_moved"], page.title, None])
    _list(ws, [w[k] for k in ("page", "page_file", "table", "what", "label", "line")], rows)


def _write_findings(ws, diff: Diff, w: dict[str, str]) -> None:
    rows = [[w[how], w[f.severity.label], f.code, f.page_title or f.page, f.table, f.row, f.column, f.message,
             f.expected, f.actual, f.difference, f.unit, f.line]
            for how, found in (("resolved", diff.resolved), ("introduced", diff.introduced)) for f in found]
    heads = [w[k] for k in ("status", "severity", "code", "page", "table", "row", "column", "message", "expected", "actual",
                            "difference", "unit", "line")]
    _list(ws, heads, rows, amounts=(9, 10, 11), wrapped=(8,))


def _write_summary(ws, diff: Diff, w: dict[str, str]) -> None:
    from budget_checks.reports.excel_cells import BOLD, fit_columns, put

    put(ws, 1, 1, w["title"], font=BOLD)
    facts: list[tuple[str, object]] = [(w["old_export"], diff.old.path), (w["new_export"], diff.new.path),
                                       (w["pages_compared"], diff.pages_compared), (w["tables_compared"], diff.tables_compared),
                                       (w["figures_changed"], diff.figures_changed)]
    facts += [(w[what], diff.count(what)) for what in COUNTS]
    facts += [(w["findings_resolved"], len(diff.resolved)), (w["findings_introduced"], len(diff.introduced))]
    for r, (name, amount) in enumerate(facts, start=3):
        put(ws, r, 1, name)
        put(ws, r, 2, amount)
    fit_columns(ws)
