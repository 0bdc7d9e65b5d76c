"""Summary widgets beside tables: a label, one amount in euros and perhaps a share.

    Lasten        Baten        Saldo
    € 14.321      € 2.000      € 12.321
    12,0 %        1,7 %

A portal shows such boxes above or beside its tables, one per line item
(`Lasten` / `€ 14.321` / `12,0 %`). They are not table rows: the amount can be
in another unit than the table next to it, or mean something else (lasten
including reserve additions), so they are neither checked nor read as rows of
a table, nor reported as tables that were not recognised.

A widget is a short label followed by exactly one amount written with a euro
sign and a percentage (its share), in cells of its own (cell per line) or as
one row of three cells. A label and a euro amount without a share is a row of
a small table (`Begroot € 48.660.137`), and read as one, except on a page that
shows boxes with shares: there a lone label and euro amount (`Saldo` / `€ 12.321`,
nothing else after it) is the box whose share was left out.
"""

from __future__ import annotations

from collections.abc import Sequence

from budget_checks.model import Cell
from budget_checks.numbers import Kind, parse_number

_MAX_LABEL_WORDS = 4


def widget_length(entries: Sequence, pos: int) -> int:
    """How many entries from `pos` on are widgets (0: none). An entry has `cells` and `prose`."""
    end = pos
    while end < len(entries):
        size = _one_widget(entries, end)
        if not size:
            break
        end += size
    return end - pos


def lone_box(entries: Sequence, pos: int) -> int:
    """A label and a euro amount, cell per line, with no value after it: 2, else 0."""
    if pos + 1 >= len(entries):
        return 0
    entry, amount = entries[pos], entries[pos + 1]
    if entry.prose or amount.prose or len(entry.cells) != 1 or len(amount.cells) != 1:
        return 0
    if not _label(entry.cells[0]) or not _euros(amount.cells[0]):
        return 0
    after = entries[pos + 2] if pos + 2 < len(entries) else None
    if after is not None and not after.prose and any(parse_number(c.text, amount=True).kind is Kind.NUMBER for c in after.cells):
        return 0
    return 2


def _one_widget(entries: Sequence, pos: int) -> int:
    entry = entries[pos]
    if entry.prose:
        return 0
    if len(entry.cells) == 3:  # label, amount, share in one row
        label, amount, share = entry.cells
        return 1 if _label(label) and _euros(amount) and _share(share) else 0
    if len(entry.cells) != 1 or pos + 1 >= len(entries):
        return 0
    amount = entries[pos + 1]
    if amount.prose or len(amount.cells) != 1 or not _euros(amount.cells[0]) or not _label(entry.cells[0]):
        return 0  # the euro sign first: most cells are no widget's label
    share = entries[pos + 2] if pos + 2 < len(entries) else None
    if share is not None and not share.prose and len(share.cells) == 1 and _share(share.cells[0]):
        return 3
    return 0  # a label and an amount without a share is a row of a table, not a box


def _label(cell: Cell) -> bool:
    text = cell.text.strip()
    return bool(text) and len(text.split()) <= _MAX_LABEL_WORDS and parse_number(text).kind is Kind.TEXT


def _euros(cell: Cell) -> bool:
    return "€" in cell.text and parse_number(cell.text, amount=True).kind is Kind.NUMBER


def _share(cell: Cell) -> bool:
    parsed = parse_number(cell.text)
    return parsed.kind is Kind.NUMBER and parsed.percent
