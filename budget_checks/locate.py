"""Build located findings from tables, rows and cells (one place for locations)."""

from __future__ import annotations

from budget_checks.findings import Finding, Severity
from budget_checks.model import Cell, Page
from budget_checks.tables import Table, TableRow


def at_page(code: str, severity: Severity, document: str, page: Page, *, line: int | None = None, cell: str | None = None, **params: object) -> Finding:
    return Finding(
        code=code, severity=severity, params=tuple(params.items()), document=document,
        page=page.path, page_title=page.title, line=line, cell=cell,
    )


def at_table(
    code: str,
    severity: Severity,
    document: str,
    table: Table,
    row: TableRow | None = None,
    column: int | None = None,
    *,
    expected: int | None = None,
    actual: int | None = None,
    cell: Cell | None = None,
    **params: object,
) -> Finding:
    """A finding on a table, optionally on one row and column (by column index)."""
    if cell is None and row is not None and column is not None:
        cell = row.cells[column]
    source = cell or (row.label_cell if row is not None else table.title_cell)
    difference = actual - expected if actual is not None and expected is not None else None
    return Finding(
        code=code,
        severity=severity,
        params=tuple(params.items()),
        document=document,
        page=table.page.path,
        page_title=table.page.title,
        table=table.title,
        table_index=table.index,
        row=row.label if row is not None else "",
        column=table.columns[column].label if column is not None else "",
        line=source.line if source else table.line,
        cell=source.ref if source else None,
        expected=expected,
        actual=actual,
        difference=difference,
        unit=table.unit_name if table.rule.has_unit else "",
        scale=table.scale if table.rule.has_unit else None,
    )
