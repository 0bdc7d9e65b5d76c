"""The rows of a rule layout's table: indicators (a label, then years and values under Verleden,
Heden and Toekomst) and text tables (a label and its words)."""

from __future__ import annotations

import re

from budget_checks.model import Cell
from budget_checks.numbers import Kind, Parsed, is_year, parse_number
from budget_checks.recognize.entries import Entry, norm_words
from budget_checks.tables import PART, Table, TableRow


# ---------------------------------------------------------------- rows


def _value_kind(cell: Cell) -> Parsed:
    return parse_number(cell.text, amount=True)


def _is_value(cell: Cell) -> bool:
    return _value_kind(cell).kind is not Kind.TEXT


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
    stops = {norm_words(s) for s in table.rule.stop_at}
    titles = {norm_words(t) for rule_titles in [table.rule.titles] for t in rule_titles}
    while pos < len(entries):
        entry = entries[pos]
        if entry.prose:
            if not table.rows:
                break
            table.rows[-1].description = (table.rows[-1].description + "\n" + entry.first.text).strip()
            pos += 1
            continue
        if norm_words(entry.first.text) in stops or norm_words(entry.first.text) in titles:
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


ROW_READERS = {"indicator": _read_indicator_rows, "text": _read_text_rows}
