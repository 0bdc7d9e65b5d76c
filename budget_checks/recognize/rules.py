"""The tables of the rule layouts (indicators, text tables), found with the rulebook.

A table starts at a title the rulebook knows followed by a header that matches
its columns (ruleheader.py), or at such a header alone. Its rows are read by the
layout the rule declares (rulerows.py). What is table-like (numbers) but not taken
by any table is listed as not recognised.
"""

from __future__ import annotations

import re
from functools import lru_cache

from budget_checks.model import Page
from budget_checks.numbers import UNIT_REMAINS, Kind, parse_number, strip_unit, unit_problem
from budget_checks.recognize.entries import Entry, bare_title, entries_of
from budget_checks.recognize.ruleheader import MAX_CORNER, FirstWords, book_index, cheap_first, match_header_after_corner, may_open, rule_index
from budget_checks.recognize.rulerows import ROW_READERS
from budget_checks.recognize.widgets import widget_length
from budget_checks.rulebook import Rulebook, TableRule
from budget_checks.tables import Table, Unrecognised
from budget_checks.tolerance import Tolerance

_MIN_UNRECOGNISED_NUMBERS = 3


def rule_tables(page: Page, book: Rulebook, tolerance: Tolerance, layouts: tuple[str, ...],
                widget: list[bool] | None = None, entries: list[Entry] | None = None) -> tuple[list[Table], list[bool], list["Entry"]]:
    """The tables of the rule modules with one of `layouts`, found by their titles and headers;
    which items they took (widgets too); the items as entries (for what nobody took; made here
    unless given)."""
    return _scan(page, _of_layouts(book, layouts), tolerance, widget, entries)


_LAYOUT_BOOKS: dict[tuple[int, tuple[str, ...]], tuple[Rulebook, Rulebook]] = {}


def _of_layouts(book: Rulebook, layouts: tuple[str, ...]) -> Rulebook:
    cached = _LAYOUT_BOOKS.get((id(book), layouts))
    if cached is None or cached[0] is not book:
        cached = _LAYOUT_BOOKS[(id(book), layouts)] = (book, Rulebook([t for t in book.tables if t.layout in layouts], book.vocabulary))
    return cached[1]


def _first_word(text: str) -> str:
    return _cached_first_word(text) if len(text) <= 200 else cheap_first(text)  # huge cells never stay in memory


_cached_first_word = lru_cache(maxsize=1 << 16)(cheap_first)  # the same cells recur on every page


def unrecognised(entries: list["Entry"], used: list[bool], page: Page) -> list[Unrecognised]:
    return _unrecognised(entries, used, page)


def _scan(page: Page, book: Rulebook, tolerance: Tolerance, widget: list[bool] | None = None,
          entries: list[Entry] | None = None) -> tuple[list[Table], list[bool], list["Entry"]]:
    entries = entries_of(page.items) if entries is None else entries
    tables: list[Table] = []
    used = [False] * len(entries)
    index = book_index(book)
    if index.year_starts:
        opening = [True] * len(entries)
    else:  # a cheap first test per item: does a cell start with a word a title or header starts with?
        words = index.title_firsts | index.starts
        opening = [False if entry.prose  # running text opens no table (_table_at)
                   else _first_word(entry.first.text) in words if entry.single
                   else any(_first_word(c.text) in words for c in entry.cells[: MAX_CORNER + 1]) for entry in entries]
        if not any(opening):
            return tables, used, entries
    firsts = FirstWords(entries)
    pos = 0
    while pos < len(entries):
        if widget is not None:  # the boxes as the page's items marked them
            widgets = 0
            while pos + widgets < len(entries) and widget[pos + widgets]:
                widgets += 1
        else:
            widgets = widget_length(entries, pos)
        if widgets:  # summary boxes are neither tables nor tables not recognised
            used[pos : pos + widgets] = [True] * widgets
            pos += widgets
            continue
        found = _table_at(entries, pos, book, page, len(tables) + 1, tolerance, firsts) if opening[pos] else None
        if found is None:
            pos += 1
            continue
        table, end = found
        tables.append(table)
        for i in range(pos, end):
            used[i] = True
        pos = end
    return tables, used, entries


# ---------------------------------------------------------------- start of a table


def _table_at(entries: list[Entry], pos: int, book: Rulebook, page: Page, index: int, tolerance: Tolerance, firsts: FirstWords):
    entry = entries[pos]
    if entry.prose:
        return None
    if not may_open(entries, pos, book, firsts):
        return None
    for rule in book.tables:
        title_cell, unit, start = None, None, pos
        if entry.single and _is_title(entry.first.text, rule):
            title_cell = entry.first
            unit = strip_unit(entry.first.text)[1]
            start = pos + 1
        elif not rule.columns:
            continue  # a header of year columns alone is too common to start a table without its title
        header, corner = match_header_after_corner(entries, start, rule, firsts)
        if header is None:
            continue
        columns, after, header_unit, unit_text = header
        title = UNIT_REMAINS.sub("", strip_unit(title_cell.text)[0]) if title_cell else _title_above(entries, pos, rule)
        table = Table(rule, page, index, title, title_cell, columns, unit=unit or header_unit, label_columns=max(1, corner))
        reader = ROW_READERS[rule.layout]
        end = reader(entries, after, table)
        if not table.rows:
            continue
        if table.unit is None and end < len(entries) and _unit_note(entries[end]):
            table.unit = entries[end].unit[0]  # a note under the table: "(bedragen x € 1.000)"
            end += 1
        if rule.has_unit and table.unit is None:
            table.unit_problem = unit_problem(title_cell.text if title_cell else unit_text)
        return table, end
    return None


def _title_above(entries: list[Entry], pos: int, rule: TableRule) -> str:
    if pos > 0 and not entries[pos - 1].prose and entries[pos - 1].single:
        text = strip_unit(entries[pos - 1].first.text)[0]
        if _is_title(text, rule):
            return text
    return rule.name


def _is_title(text: str, rule: TableRule) -> bool:
    """A rule's title, with any unit label (understood or not) taken off, and
    perhaps a year group after it ("Overzicht baten en lasten Begroting 2025":
    one group of a table with year groups, split by the reader)."""
    bare = bare_title(text)
    index = rule_index(rule)
    if bare.partition(" ")[0] not in index.title_firsts:
        return False  # the cheap test that most cells fail
    for t in index.titles:
        if bare == t or (bare.startswith(t + " ") and _YEAR_GROUP.fullmatch(bare[len(t) :])):
            return True
    return False


_YEAR_GROUP = re.compile(r"\s*[-–:]?\s*\(?(?:[a-z]+\s){0,3}(?:19|20|21)\d\d(?:\s[a-z.]+){0,3}\)?")


def _unit_note(entry: Entry) -> bool:
    """A line that states a unit and nothing else ("(x € 1.000)", "Bedragen in duizenden euro's"),
    not the title of the next table ("Overzicht kredieten (x €1.000)")."""
    return entry.single and not entry.prose and entry.unit is not None and not bare_title(entry.first.text)


# ---------------------------------------------------------------- not recognised


def _unrecognised(entries: list[Entry], used: list[bool], page: Page) -> list[Unrecognised]:
    """Runs of unused cells that hold numbers are tables nobody checked."""
    blocks: list[Unrecognised] = []
    run: list[Entry] = []

    def close() -> None:
        numbers = sum(1 for e in run for c in e.cells if parse_number(c.text, amount=True).kind in (Kind.NUMBER, Kind.MALFORMED))
        wide_rows = sum(1 for e in run if len(e.cells) > 2)
        if numbers >= _MIN_UNRECOGNISED_NUMBERS or wide_rows >= 2:
            lines = tuple(" | ".join(c.text for c in e.cells) for e in run[:6])
            end = max((c.line for e in run for c in e.cells if c.line is not None), default=None)
            blocks.append(Unrecognised(page, run[0].first.line, lines, numbers, ref=run[0].first.ref, end_line=end))
        run.clear()

    for entry, taken in zip(entries, used):
        if taken or entry.prose:
            if run:
                close()
            continue
        run.append(entry)
    if run:
        close()
    return blocks
