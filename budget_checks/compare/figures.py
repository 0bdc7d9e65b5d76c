"""The figures of two snapshots compared: pages, tables, rows and columns paired (match.py),
then every pair of cells.

Not a change: the same amount in another unit (`x €1.000` against whole euros: compared in
euros at the coarser unit's precision, so 80.235.555 and 80.236 agree), another number format
(the parsed values are compared, never the text), an empty cell against 0, a page that moved.
"""

from __future__ import annotations

from dataclasses import replace

from budget_checks.compare.match import pair
from budget_checks.compare.model import ADDED, CHANGED, REMOVED, UNCHANGED, Change, PageDiff, RowEntry, TableDiff
from budget_checks.compare.parts import SDocument, SPage, SRow, STable, Value


def compare_documents(old: SDocument, new: SDocument) -> list[PageDiff]:
    """Every page of both exports: compared when both have it (by title, then file name), else added or removed."""
    pages = pair(old.pages, new.pages, lambda p: p.key or None, lambda p: _file_name(p.path))
    out = [compare_pages(old.pages[i], new.pages[j]) for i, j in pages.pairs]
    out += [_whole_page(new.pages[j], ADDED) for j in pages.added]
    out += [_whole_page(old.pages[i], REMOVED) for i in pages.removed]
    return out


def compare_pages(old: SPage, new: SPage) -> PageDiff:
    """Tables paired by family and title, then by family in the order they stand."""
    tables = pair(old.tables, new.tables, lambda t: (t.kind, t.key), lambda t: t.kind)
    diffs = [compare_tables(old.tables[i], new.tables[j]) for i, j in tables.pairs]
    diffs += [_whole_table(new.tables[j], ADDED) for j in tables.added]
    diffs += [_whole_table(old.tables[i], REMOVED) for i in tables.removed]
    changed = any(d.status != UNCHANGED for d in diffs)
    return PageDiff(new.title or old.title, CHANGED if changed else UNCHANGED, old.path, new.path, tuple(diffs),
                    len(tables.pairs))


def compare_tables(old: STable, new: STable) -> TableDiff:
    """Rows paired by their label (normalised), columns by role and year, then by label."""
    columns = pair(old.columns, new.columns, lambda c: (c.name, c.year), lambda c: c.label.strip().casefold() or None)
    rows = pair(old.rows, new.rows, lambda r: r.key)
    unit = new.unit if (new.scale or 0) >= (old.scale or 0) else old.unit
    changes = []
    for i, j in rows.pairs:
        o, n = old.rows[i], new.rows[j]
        for a, b in columns.pairs:
            found = difference(o.values[a], n.values[b], old.scale, new.scale)
            if found is not None:
                changes.append(Change(n.label, new.columns[b].label, o.values[a], n.values[b], unit, *found,
                                      old_unit=old.unit, new_unit=new.unit, old_line=o.line, new_line=n.line))
    changes.sort(key=lambda c: -c.size)  # stable: equal sizes keep the table's order
    diff = TableDiff(
        new.kind, new.title or old.title, UNCHANGED, old.index, new.index, new.unit, old.unit,
        changes=tuple(changes),
        rows_added=tuple(_entry(new.rows[j], new) for j in rows.added),
        rows_removed=tuple(_entry(old.rows[i], old) for i in rows.removed),
        columns_added=tuple(new.columns[j].label for j in columns.added),
        columns_removed=tuple(old.columns[i].label for i in columns.removed),
    )
    moved = changes or diff.rows_added or diff.rows_removed or diff.columns_added or diff.columns_removed
    return replace(diff, status=CHANGED) if moved else diff


def difference(old: Value, new: Value, old_scale: int | None, new_scale: int | None) -> tuple[int | None, int | None] | None:
    """None when the two show the same figure; else (difference in the comparison's unit, in euros).
    Whole amounts are compared as numbers (in euros at the coarser unit when the units differ),
    anything else (words, placeholders, decimals) by what it says."""
    if old.amount is None or new.amount is None:
        return None if old.key == new.key else (None, None)
    if old_scale is None or new_scale is None:  # a table without euros: the numbers as shown
        shift = new.amount - old.amount
        return None if shift == 0 else (shift, None)
    unit = max(old_scale, new_scale)
    shift = in_unit(new.amount * new_scale, unit) - in_unit(old.amount * old_scale, unit)
    return None if shift == 0 else (shift, shift * unit)


def in_unit(euros: int, unit: int) -> int:
    """Euros shown in a coarser unit, rounded half away from zero as budgets round."""
    whole = (2 * abs(euros) + unit) // (2 * unit)
    return whole if euros >= 0 else -whole


def _file_name(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def _entry(row: SRow, table: STable) -> RowEntry:
    return RowEntry(row.label, row.line, tuple((c.label, v) for c, v in zip(table.columns, row.values)))


def _whole_table(table: STable, status: str) -> TableDiff:
    index = {"old_index": table.index} if status == REMOVED else {"new_index": table.index}
    return TableDiff(table.kind, table.title, status, unit=table.unit, old_unit=table.unit, rows=len(table.rows), **index)


def _whole_page(page: SPage, status: str) -> PageDiff:
    path = {"old_path": page.path} if status == REMOVED else {"new_path": page.path}
    return PageDiff(page.title, status, tables=tuple(_whole_table(t, status) for t in page.tables), **path)
