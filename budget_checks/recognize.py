"""Recognise tables in a page with the rulebook.

A table starts at a title the rulebook knows followed by a header that matches
its columns, or at such a header alone. Its rows are read by the layout the rule
declares (amounts, indicator, text). What is table-like (numbers) but not taken
by any table is listed as not recognised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from budget_checks.model import Cell, Page, Prose, Row
from budget_checks.numbers import Kind, Parsed, find_unit, is_year, parse_number, strip_unit
from budget_checks.placement import place_rows
from budget_checks.rulebook import Rulebook, TableRule
from budget_checks.tables import PART, SUBTOTAL, TOTAL, Column, PageTables, Table, TableRow, Unrecognised
from budget_checks.tolerance import Tolerance

_HEADER_LOOKAHEAD = 40  # cells a header may span (split words, two header rows)
_MIN_UNRECOGNISED_NUMBERS = 3


@dataclass(frozen=True, slots=True)
class Entry:
    """One item of the page: a row of cells or a prose line."""

    cells: tuple[Cell, ...]
    prose: bool = False

    @property
    def first(self) -> Cell:
        return self.cells[0]

    @property
    def single(self) -> bool:
        return len(self.cells) == 1


def recognize_page(page: Page, book: Rulebook, tolerance: Tolerance) -> PageTables:
    entries = [Entry((Cell(i.text, i.line, i.ref),), prose=True) if isinstance(i, Prose) else Entry(i.cells) for i in page.items]
    result = PageTables(page)
    used = [False] * len(entries)
    pos = 0
    while pos < len(entries):
        found = _table_at(entries, pos, book, page, len(result.tables) + 1, tolerance)
        if found is None:
            pos += 1
            continue
        table, end = found
        result.tables.append(table)
        for i in range(pos, end):
            used[i] = True
        pos = end
    result.unrecognised = _unrecognised(entries, used, page)
    return result


# ---------------------------------------------------------------- start of a table


def _table_at(entries: list[Entry], pos: int, book: Rulebook, page: Page, index: int, tolerance: Tolerance):
    entry = entries[pos]
    if entry.prose:
        return None
    for rule in book.tables:
        title_cell, unit, start = None, None, pos
        if entry.single and _is_title(entry.first.text, rule):
            title_cell = entry.first
            unit = strip_unit(entry.first.text)[1]
            start = pos + 1
        header = _match_header(entries, start, rule)
        if header is None:
            continue
        columns, after, header_unit, unit_text = header
        title = _UNIT_REMAINS.sub("", strip_unit(title_cell.text)[0]) if title_cell else _title_above(entries, pos, rule)
        table = Table(rule, page, index, title, title_cell, columns, unit=unit or header_unit)
        if rule.has_unit and table.unit is None:
            label = title_cell.text if title_cell else unit_text
            table.unit_problem = _unit_problem(label)
        reader = _ROW_READERS[rule.layout]
        end = reader(entries, after, table)
        if not table.rows:
            continue
        if rule.layout == "amounts":
            place_rows(table, tolerance)
        return table, end
    return None


def _title_above(entries: list[Entry], pos: int, rule: TableRule) -> str:
    if pos > 0 and not entries[pos - 1].prose and entries[pos - 1].single:
        text = strip_unit(entries[pos - 1].first.text)[0]
        if _is_title(text, rule):
            return text
    return rule.name


def _unit_problem(label: str) -> str:
    if label and re.search(r"€|bedragen|euro|\bx\s*\d", label, re.IGNORECASE) and find_unit(label) is None:
        return label
    return ""


def _norm(text: str) -> str:
    text = text.lower().replace("’", "'").replace("‘", "'")
    return " ".join(re.sub(r"[^\w'/()%€.+-]+", " ", text).split())


_UNIT_REMAINS = re.compile(r"\s*\((?:[^()]*(?:€|bedragen|euro|\bx\b)[^()]*)\)?\s*$|\s+bedragen\b.*$", re.IGNORECASE)


def _is_title(text: str, rule: TableRule) -> bool:
    """A rule's title, with any unit label (understood or not) taken off."""
    bare = _norm(_UNIT_REMAINS.sub("", strip_unit(text)[0]))
    return any(bare == _norm(t) for t in rule.titles)


# ---------------------------------------------------------------- header


def _label_tokens(label: str) -> list[str]:
    return _norm(label.replace("{year}", " yyyy ")).replace("yyyy", "{year}").split()


def _token_matches(pattern: str, token: str) -> bool:
    return is_year(token) if pattern == "{year}" else pattern == token


def _match_header(entries: list[Entry], start: int, rule: TableRule):
    """Match column labels against the words of the cells from `start` on.

    Returns (columns, index after the header, unit, unit text) or None. A header
    ends at a cell boundary; labels may be split over several cells.
    """
    tokens: list[tuple[str, int, int]] = []  # (normalised word, entry index, cell index)
    shown: list[str] = []  # the same words as the header shows them
    ends: set[int] = set()  # token positions that end a cell
    unit, unit_text = None, ""
    for e in range(start, min(len(entries), start + _HEADER_LOOKAHEAD)):
        entry = entries[e]
        if entry.prose:
            break
        for c, cell in enumerate(entry.cells):
            text = cell.text
            found = find_unit(text)
            if found:
                unit, unit_text = found[0], text
                text = strip_unit(text)[0]
            for word in text.split():
                for part in _label_tokens(word):
                    tokens.append((part, e, c))
                    shown.append(word)
            if tokens:
                ends.add(len(tokens))
    candidates = [(key, None, _label_tokens(label)) for key, labels in rule.columns.items() for label in labels]
    candidates += [(key, key, _label_tokens(label)) for key, labels in rule.groups.items() for label in labels]
    columns: list[Column] = []
    used: set[str] = set()
    p = 0
    last_end = None
    while p < len(tokens):
        best = None
        for key, group, pattern in candidates:
            if group is None and key in used:
                continue
            n = len(pattern)
            if n and p + n in ends and all(_token_matches(pattern[i], tokens[p + i][0]) for i in range(n)):
                if best is None or n > len(best[2]):
                    best = (key, group, pattern)
        if best is None:
            break
        key, group, pattern = best
        words = [tokens[p + i][0] for i in range(len(pattern))]
        label = " ".join(dict.fromkeys(shown[p : p + len(pattern)]))
        if group is None:
            used.add(key)
            columns.append(Column(key, label))
        else:
            suffix = "_".join(w for w in words if is_year(w)) or str(sum(1 for c in columns if c.group == key) + 1)
            tail = "_ev" if len(pattern) > 2 and not is_year(words[-1]) else ""
            columns.append(Column(f"{key}_{suffix}{tail}", label, group=key))
        p += len(pattern)
        last_end = tokens[p - 1][1]
    plain = sum(1 for c in columns if c.group is None)
    if last_end is None or len(columns) < rule.min_header or plain < min(rule.min_header, len(rule.columns)):
        return None
    if p < len(tokens) and tokens[p][1] == last_end:
        return None  # the header would end inside a row of cells
    return columns, last_end + 1, unit, unit_text


# ---------------------------------------------------------------- rows


def _value_kind(cell: Cell) -> Parsed:
    return parse_number(cell.text, amount=True)


def _is_value(cell: Cell) -> bool:
    return _value_kind(cell).kind is not Kind.TEXT


def _role(label: str, rule: TableRule) -> str:
    norm = _norm(label)
    for role in (SUBTOTAL, TOTAL):
        for prefix in rule.rows.get(role, ()):
            p = _norm(prefix)
            if norm == p or norm.startswith(p + " "):
                return role
    return PART


def _read_amount_rows(entries: list[Entry], pos: int, table: Table) -> int:
    n = len(table.columns)
    while pos < len(entries):
        entry = entries[pos]
        if not entry.single and not entry.prose:
            label, values = entry.first, entry.cells[1:]
            if _is_value(label) or not any(_is_value(v) for v in values if v.text):
                break
            table.rows.append(_amount_row(label, tuple(values), table, positional=True))
            pos += 1
            continue
        label = entry.first
        if _is_value(label) and not entry.prose:
            break  # a value without a label: not a row of this table
        values: list[Cell] = []
        nxt = pos + 1
        while nxt < len(entries) and entries[nxt].single and not entries[nxt].prose and _is_value(entries[nxt].first):
            values.append(entries[nxt].first)
            nxt += 1
        if not values or len(values) > n and table.rows:
            break
        table.rows.append(_amount_row(label, tuple(values), table, positional=False))
        pos = nxt
    return pos


def _amount_row(label: Cell, values: tuple[Cell, ...], table: Table, positional: bool) -> TableRow:
    n = len(table.columns)
    row = TableRow(label.text, _role(label.text, table.rule), (), (), label, loose=values)
    if positional and len(values) <= n:
        cells = tuple(v if v.text.strip() else None for v in values) + (None,) * (n - len(values))
        row.cells = cells
        row.parsed = tuple(_value_kind(c) if c else None for c in cells)
        row.placement = "given"
    elif len(values) > n:
        row.placement = "overfull"
        row.cells = values[:n]
        row.parsed = tuple(_value_kind(c) for c in row.cells)
    elif len(values) == n:
        row.cells = values
        row.parsed = tuple(_value_kind(c) for c in values)
    else:
        row.placement = "unplaced"  # place_rows decides
        row.cells = (None,) * n
        row.parsed = (None,) * n
    return row


_INDICATOR_UNIT = re.compile(r"\(([^()]*)\)\s*$")


def _read_indicator_rows(entries: list[Entry], pos: int, table: Table) -> int:
    periods = len(table.columns) - 1
    while pos < len(entries):
        entry = entries[pos]
        if entry.prose or not entry.single or _is_value(entry.first):
            if not entry.single and not entry.prose and len(entry.cells) > 1:
                cells = entry.cells
                years = tuple(c for c in cells[1:] if is_year(c.text))[:periods]
                values = cells[1 + len(years) :]
                if not years:
                    break
                table.rows.append(_indicator_row(cells[0], years, values, table))
                pos += 1
                continue
            break
        label = entry.first
        years: list[Cell] = []
        nxt = pos + 1
        while nxt < len(entries) and len(years) < periods and entries[nxt].single and not entries[nxt].prose and is_year(entries[nxt].first.text):
            years.append(entries[nxt].first)
            nxt += 1
        if not years:
            break
        values: list[Cell] = []
        while nxt < len(entries) and len(values) < periods and entries[nxt].single and not entries[nxt].prose:
            cell = entries[nxt].first
            if not _is_value(cell) and (_INDICATOR_UNIT.search(cell.text) or len(cell.text.split()) > 2):
                break
            values.append(cell)
            nxt += 1
        row = _indicator_row(label, tuple(years), tuple(values), table)
        if nxt < len(entries) and entries[nxt].prose:
            row.description = entries[nxt].first.text
            nxt += 1
        table.rows.append(row)
        pos = nxt
    return pos


def _indicator_row(label: Cell, years: tuple[Cell, ...], values: tuple[Cell, ...], table: Table) -> TableRow:
    periods = len(table.columns) - 1
    cells = tuple(values[:periods]) + (None,) * (periods - min(periods, len(values)))
    unit = _INDICATOR_UNIT.search(label.text)
    return TableRow(
        label.text, PART, (None, *cells), (None, *(parse_number(c.text) if c else None for c in cells)), label,
        loose=values, years=years, unit=unit.group(1).strip().lower() if unit else "",
        placement="given" if len(values) <= periods else "overfull",
    )


def _read_text_rows(entries: list[Entry], pos: int, table: Table) -> int:
    stops = {_norm(s) for s in table.rule.stop_at}
    titles = {_norm(t) for rule_titles in [table.rule.titles] for t in rule_titles}
    while pos < len(entries):
        entry = entries[pos]
        if entry.prose:
            if not table.rows:
                break
            table.rows[-1].description = (table.rows[-1].description + "\n" + entry.first.text).strip()
            pos += 1
            continue
        if _norm(entry.first.text) in stops or _norm(entry.first.text) in titles:
            break
        values = tuple(entry.cells[1:])
        nxt = pos + 1
        while not values and nxt < len(entries) and entries[nxt].single and not entries[nxt].prose and _is_value(entries[nxt].first):
            values += (entries[nxt].first,)
            nxt += 1
        n = len(table.columns)
        cells = (None, *values[: n - 1]) + (None,) * max(0, n - 1 - len(values))
        table.rows.append(TableRow(entry.first.text, PART, cells, tuple(None for _ in cells), entry.first, loose=values))
        pos = nxt
    return pos


_ROW_READERS = {"amounts": _read_amount_rows, "indicator": _read_indicator_rows, "text": _read_text_rows}


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
            blocks.append(Unrecognised(page, run[0].first.line, lines, numbers))
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
