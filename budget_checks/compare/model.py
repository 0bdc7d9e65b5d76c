"""What changed between two exports of one budget: the Diff every diff reporter reads.

Amounts are integers: `difference` in the unit of the comparison (the table's unit, or the
coarser of the two when the unit label changed), `euros` the same difference in euros.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from budget_checks.compare.parts import Value
from budget_checks.findings import Finding

CHANGED, ADDED, REMOVED, UNCHANGED = "changed", "added", "removed", "unchanged"


@dataclass(frozen=True, slots=True)
class Change:
    """One figure that changed: the same row and column of the same table, another value."""

    row: str
    column: str
    old: Value
    new: Value
    unit: str  # the unit `difference` is in; "" when the table holds no euros
    difference: int | None  # new - old; None when one of them is no whole number
    euros: int | None  # the difference in euros; None for a table without euros
    old_unit: str = ""
    new_unit: str = ""
    old_line: int | None = None
    new_line: int | None = None

    @property
    def size(self) -> int:
        """How large the change is, to put the largest first: its euros, else its difference."""
        if self.euros is not None:
            return abs(self.euros)
        return abs(self.difference) if self.difference is not None else 0


@dataclass(frozen=True, slots=True)
class RowEntry:
    """A row only one export has (a renamed row is one removed and one added)."""

    label: str
    line: int | None
    values: tuple[tuple[str, Value], ...]  # (column label, value)


@dataclass(frozen=True, slots=True)
class TableDiff:
    kind: str
    title: str
    status: str  # changed | added | removed | unchanged
    old_index: int | None = None
    new_index: int | None = None
    unit: str = ""
    old_unit: str = ""
    rows: int = 0  # rows of an added or removed table
    changes: tuple[Change, ...] = ()  # largest first
    rows_added: tuple[RowEntry, ...] = ()
    rows_removed: tuple[RowEntry, ...] = ()
    columns_added: tuple[str, ...] = ()
    columns_removed: tuple[str, ...] = ()
    resolved: tuple[Finding, ...] = ()  # findings of the old export on this table that the new one no longer has
    introduced: tuple[Finding, ...] = ()

    @property
    def size(self) -> int:
        return self.changes[0].size if self.changes else 0

    @property
    def moved_figures(self) -> bool:
        """Whether a figure changed, came or went."""
        return bool(self.status != UNCHANGED)


@dataclass(frozen=True, slots=True)
class PageDiff:
    title: str
    status: str  # changed | added | removed | unchanged (moved, or only its findings changed)
    old_path: str | None = None
    new_path: str | None = None
    tables: tuple[TableDiff, ...] = ()  # tables with a difference, largest change first
    tables_compared: int = 0
    resolved: tuple[Finding, ...] = ()  # findings on this page (not on one of its tables) resolved
    introduced: tuple[Finding, ...] = ()

    @property
    def moved(self) -> bool:
        return self.old_path is not None and self.new_path is not None and self.old_path != self.new_path

    @property
    def changes(self) -> list[Change]:
        return sorted((c for t in self.tables for c in t.changes), key=lambda c: -c.size)

    @property
    def size(self) -> int:
        return max((t.size for t in self.tables), default=0)

    def all_resolved(self) -> list[Finding]:
        return [*self.resolved, *(f for t in self.tables for f in t.resolved)]

    def all_introduced(self) -> list[Finding]:
        return [*self.introduced, *(f for t in self.tables for f in t.introduced)]


@dataclass(frozen=True, slots=True)
class Side:
    """One of the two exports: its path and how much of it was read."""

    path: str
    pages: int = 0
    tables: int = 0
    findings: int = 0


@dataclass(slots=True)
class Diff:
    old: Side
    new: Side
    pages: list[PageDiff] = field(default_factory=list)  # pages with a difference, largest change first
    pages_compared: int = 0
    tables_compared: int = 0
    resolved: list[Finding] = field(default_factory=list)  # every finding of the old export the new one no longer has
    introduced: list[Finding] = field(default_factory=list)  # every finding of the new export the old one did not have
    lang: str = "nl"
    tool_version: str = ""
    started_at: datetime | None = None

    # ------------------------------------------------------------ derived figures

    def tables(self) -> list[tuple[PageDiff, TableDiff]]:
        return [(p, t) for p in self.pages for t in p.tables]

    def changes(self) -> list[tuple[PageDiff, TableDiff, Change]]:
        out = [(p, t, c) for p, t in self.tables() for c in t.changes]
        out.sort(key=lambda item: -item[2].size)
        return out

    def largest(self, count: int = 5) -> list[tuple[PageDiff, TableDiff, Change]]:
        return self.changes()[:count]

    @property
    def figures_changed(self) -> int:
        return sum(len(t.changes) for _, t in self.tables())

    def count(self, what: str) -> int:
        """pages_added, pages_removed, pages_moved, tables_added, tables_removed, rows_added,
        rows_removed, columns_added, columns_removed."""
        part, _, how = what.partition("_")
        if part == "pages":
            return sum(1 for p in self.pages if (p.moved if how == "moved" else p.status == how))
        if part == "tables":
            return sum(1 for _, t in self.tables() if t.status == how)
        return sum(len(getattr(t, what)) for _, t in self.tables())

    @property
    def changed(self) -> bool:
        """Whether any figure changed, came or went (what --fail-on-change fails on)."""
        return any(t.moved_figures for _, t in self.tables()) or any(p.status in (ADDED, REMOVED) for p in self.pages)

    def unplaced(self, which: str) -> list[Finding]:
        """Resolved or introduced findings on no page of the diff (the document's own)."""
        placed = {id(f) for p in self.pages for f in getattr(p, f"all_{which}")()}
        return [f for f in getattr(self, which) if id(f) not in placed]
