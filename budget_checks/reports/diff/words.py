"""How the diff reporters write a value, a difference, a place and a tally; their words, in Dutch
and English, stand with the other reporters' in labels.py. The findings' own messages come
rendered in the run's language."""

from __future__ import annotations

from budget_checks.compare.model import Change, Diff, PageDiff, TableDiff
from budget_checks.compare.parts import Value
from budget_checks.findings import Finding
from budget_checks.reports.labels import amount

# what the summary counts, in the order it lists them
COUNTS = ("rows_added", "rows_removed", "columns_added", "columns_removed", "tables_added", "tables_removed",
          "pages_added", "pages_removed", "pages_moved")


def shown(value: Value) -> str:
    """A value as its page shows it; an empty cell as a dash."""
    return value.text or "–"


def signed(value: int | None, lang: str) -> str:
    if value is None:
        return ""
    return ("+" if value > 0 else "") + amount(value, lang)


def difference_text(change: Change, lang: str) -> str:
    """`+250.000`, or `+250 x €1.000 (€ +250.000)` when the unit is not whole euros."""
    if change.difference is None:
        return ""
    text = signed(change.difference, lang)
    if change.euros is not None and change.unit and change.unit != "€":
        return f"{text} {change.unit} (€ {signed(change.euros, lang)})"
    return text


def unit_text(table: TableDiff, w: dict[str, str]) -> str:
    """The table's unit, and the old one when the label changed."""
    if table.old_unit and table.unit and table.old_unit != table.unit:
        return f"{table.unit}; {w['unit_was']} {table.old_unit}"
    return table.unit


def change_unit(change: Change, w: dict[str, str]) -> str:
    """The unit of the difference, and the old unit when the label changed (old and new are each in their own)."""
    if change.old_unit and change.new_unit and change.old_unit != change.new_unit:
        return f"{change.unit} ({w['old']} {change.old_unit}, {w['new']} {change.new_unit})"
    return change.unit


def page_file(page: PageDiff) -> str:
    """`002_programma-1.txt → 001_programma-1.txt`, or the one path."""
    if page.moved:
        return f"{page.old_path} → {page.new_path}"
    return page.new_path or page.old_path or ""


def place(finding: Finding) -> str:
    return " › ".join(x for x in (finding.table, finding.row, finding.column) if x)


def counts(diff: Diff) -> dict[str, int]:
    return {what: diff.count(what) for what in COUNTS}


def counted(n: int, what: str, w: dict[str, str]) -> str:
    """`1 row added`, `2 rows added`: `what` is the plural key (rows_added, figures_changed)."""
    part, _, how = what.partition("_")
    return f"{n} {w[part[:-1] + '_' + how] if n == 1 else w[what]}"


def tally(diff: Diff, w: dict[str, str]) -> str:
    """`8 figures changed · 1 row added · ...`: what moved, the zeros left out."""
    parts = [counted(diff.figures_changed, "figures_changed", w)]
    parts += [counted(n, what, w) for what, n in counts(diff).items() if n]
    return " · ".join(parts)
