"""One page: its tables and what nobody could read as a table.

The rule modules with a layout of their own (indicators, text tables) are found by
their titles and headers first; every other run of rows with values is a table found
by its structure (grid.py, region.py), named by its header and given its roles and
family by the vocabulary (build.py). What holds numbers and no table took is listed
as not recognised.
"""

from __future__ import annotations

from budget_checks.model import Page, Prose
from budget_checks.recognize.build import build, mark_totals
from budget_checks.recognize.cells import is_sentence
from budget_checks.recognize.cutrow import cut_last_row, cut_last_value, read_complete_part
from budget_checks.recognize.grid import Items, blocks
from budget_checks.recognize.identities import find_relations
from budget_checks.recognize.region import regions
from budget_checks.recognize.roles import is_total_label, vocabulary
from budget_checks.recognize.rules import rule_tables, unrecognised
from budget_checks.rulebook import Rulebook
from budget_checks.tables import PageTables, Table
from budget_checks.tolerance import Tolerance

RULE_LAYOUTS = ("indicator", "text")
_CONTEXT_ITEMS = 3


def recognize_page(page: Page, book: Rulebook, tolerance: Tolerance) -> PageTables:
    items = Items(page)
    tables, used, entries = rule_tables(page, book, tolerance, RULE_LAYOUTS, items.widget, items.entries)
    vocab = vocabulary(book)
    found: list[tuple[int, Table]] = [(t.line or 0, t) for t in tables]
    for block in blocks(items, used):
        for region in regions(block, vocab.header, lambda label: is_total_label(label, vocab)):
            start, end = region.items
            table = build(region, page, 0, book, vocab, _context(page, start))
            mark_totals(table, vocab)
            last = page.footer is None and not any(_has_text(item) for item in page.items[end:])  # a footer: the export is whole
            if last:
                cut_last_row(table)
            find_relations(table, book, vocab, tolerance)
            read_complete_part(table, tolerance)
            if last:
                cut_last_value(table, tolerance)
            found.append((table.line or 0, table))
            for i in range(start, end):
                used[i] = True
    for i, widget in enumerate(items.widget):
        used[i] = used[i] or widget
    ordered = [t for _, t in sorted(found, key=lambda p: p[0])]
    for n, table in enumerate(ordered, start=1):
        table.index = n
    return PageTables(page, ordered, unrecognised(entries, used, page))


def _has_text(item) -> bool:
    return bool(item.text.strip()) if isinstance(item, Prose) else any(c.text.strip() for c in item.cells)


def _context(page: Page, start: int) -> list[str]:
    out: list[str] = []
    i = start - 1
    while i >= 0 and len(out) < _CONTEXT_ITEMS:
        item = page.items[i]
        if isinstance(item, Prose):
            break
        if len(item.cells) == 1 and not is_sentence(item.cells[0].text):
            out.insert(0, item.cells[0].text)
        else:
            break
        i -= 1
    return out
