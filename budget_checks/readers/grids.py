"""Two row layouts that hold more than one table: split them into one table each.

Year groups: a header of two rows, a row of groups above a row of column
labels that repeats once per group:

                   Begroting 2025          Begroting 2026
                Lasten  Baten  Saldo    Lasten  Baten  Saldo
    Programma 1    100     20     80       110     25     85

becomes one table per group, each under the title with the group added
("Overzicht baten en lasten Begroting 2025"), with the label column and that
group's columns.

Side by side: a header whose second half repeats the labels of its first half
(a balance sheet: activa left, passiva right):

    Activa        2024   2025    Passiva          2024   2025

becomes the left table followed by the right table, each under the title.

Only rows that keep their cell positions (html, xlsx, csv, markdown, tabs,
space-aligned text) can be split; the split is by position, the layout's
meaning is left to the recognizer.
"""

from __future__ import annotations

import re

from budget_checks.model import Cell, Item, Row
from budget_checks.numbers import Kind, is_year, parse_number


_MAX_LEAD = 3  # label columns before the first group
_YEAR = re.compile(r"(?<![\d.,])(?:19|20|21)\d\d(?![\d.,])")
_DATE = re.compile(r"^\d{1,2}[-/]\d{1,2}[-/]\d{4}$")


def split_grids(items: list[Item]) -> list[Item]:
    out: list[Item] = []
    i = 0
    while i < len(items):
        item = items[i]
        if not isinstance(item, Row) or (len(item.cells) == 1 and not _FOUR_DIGITS.search(item.cells[0].text)):
            out.append(item)  # neither a wide row nor a year: no layout below starts here (most items)
            i += 1
            continue
        grouped = _year_groups(items, i) or _interleaved_year_groups(items, i)
        if grouped is not None:
            tables, i = grouped
            _emit(out, tables)
            continue
        halves = _side_by_side(items, i)
        if halves is not None:
            tables, i = halves
            _emit(out, tables)
            continue
        out.append(items[i])
        i += 1
    return out


def _emit(out: list[Item], tables: list[list[Row]]) -> None:
    title = out.pop() if out and _is_title_row(out[-1]) else None
    for rows in tables:
        label = rows[0]  # a group's name, or None
        if title is not None or label is not None:
            text = " ".join(t for t in (title.cells[0].text if title else "", label.cells[0].text if label else "") if t)
            where = title.cells[0] if title else label.cells[0]
            out.append(Row((Cell(text, where.line, where.ref),)))
        out.extend(rows[1:])


def _is_title_row(item: Item) -> bool:
    return isinstance(item, Row) and len(item.cells) == 1 and parse_number(item.cells[0].text).kind is Kind.TEXT


def _wide(item: Item) -> bool:
    return isinstance(item, Row) and len(item.cells) > 1


def _body(items: list[Item], start: int) -> int:
    end = start
    while end < len(items) and _wide(items[end]):
        end += 1
    return end


def _texts(row: Row) -> list[str]:
    return [c.text.strip() for c in row.cells]


def _is_label(text: str) -> bool:
    return bool(text) and parse_number(text, amount=True).kind is Kind.TEXT


def _is_heading(text: str) -> bool:
    """A column heading: a word, a year or a balance date, never an amount."""
    return _is_label(text) or is_year(text) or bool(_DATE.match(text))


# ---------------------------------------------------------------- year groups


def _year_groups(items: list[Item], i: int):
    if not (_wide(items[i]) and i + 1 < len(items) and _wide(items[i + 1])):
        return None
    groups_row, header = items[i], items[i + 1]
    if len(_YEAR.findall(" | ".join(c.text for c in groups_row.cells))) < 2:
        return None  # no two years above: not year groups (most rows end here, cheaply)
    labels = _texts(header)
    for lead in range(min(_MAX_LEAD, len(labels) - 1) + 1):  # the label column(s) before the groups
        groups = [c for c in groups_row.cells[lead:] if c.text.strip()]
        values = labels[lead:]
        k = len(groups)
        if k < 2 or not all(_has_year(c.text) for c in groups) or len(values) % k or len(values) // k < 2:
            continue
        width = len(values) // k
        block = values[:width]
        if all(values[g * width : (g + 1) * width] == block for g in range(k)) and all(_is_label(t) for t in block):
            break
    else:
        return None
    body_lead = max(lead, 1)  # a header without a label column still has rows with labels
    end = _body(items, i + 2)
    tables = []
    for g, group in enumerate(groups):
        rows: list = [Row((group,)), Row(header.cells[:lead] + header.cells[lead + g * width : lead + (g + 1) * width], header.positional)]
        rows += [r for r in (_part(items[b], body_lead, body_lead + g * width, width) for b in range(i + 2, end)) if r is not None]
        tables.append(rows)
    return tables, end


def _part(row: Row, lead: int, start: int, width: int) -> Row | None:
    """The label cells and one group's cells of a row; None when the group's cells are all empty."""
    values = row.cells[start : start + width]
    if not any(c.text.strip() for c in values):
        return None
    return Row(row.cells[:lead] + values, row.positional)


def _interleaved_year_groups(items: list[Item], i: int):
    """The same in the cell-per-line layout: `2025` / `Lasten` / `Baten` / `2026` / `Lasten` /
    `Baten`, then per row a label and one value per group column. Only when every row shows all
    its values, since a dropped empty cell would leave the groups unknown."""
    if not _single(items, i) or not _has_year(items[i].cells[0].text):
        return None
    width = 0
    while _single(items, i + 1 + width) and _is_label(_text(items[i + 1 + width])) and not _has_year(_text(items[i + 1 + width])):
        width += 1
    if width < 2:
        return None
    block = [_text(items[i + 1 + w]) for w in range(width)]
    groups, pos = [], i
    while _single(items, pos) and _has_year(_text(items[pos])) and [_text(items[pos + 1 + w]) if _single(items, pos + 1 + w) else None for w in range(width)] == block:
        groups.append(items[pos])
        pos += 1 + width
    if len(groups) < 2:
        return None
    rows: list[tuple[Row, list[Row]]] = []
    while _single(items, pos) and _is_label(_text(items[pos])):
        values = []
        nxt = pos + 1
        while _single(items, nxt) and not _is_label(_text(items[nxt])) and len(values) < width * len(groups):
            values.append(items[nxt])
            nxt += 1
        if len(values) != width * len(groups):
            return None  # a row without all its values: which group a value belongs to is unknown
        rows.append((items[pos], values))
        pos = nxt
    if not rows:
        return None
    tables = []
    for g, group in enumerate(groups):
        part: list = [Row(group.cells)]
        part += [items[i + 1 + w] for w in range(width)]
        for label, values in rows:
            part.append(label)
            part += values[g * width : (g + 1) * width]
        tables.append(part)
    return tables, pos


def _single(items: list[Item], i: int) -> bool:
    return i < len(items) and isinstance(items[i], Row) and len(items[i].cells) == 1


def _text(item: Item) -> str:
    return item.cells[0].text.strip()


_FOUR_DIGITS = re.compile(r"\d{4}")


def _has_year(text: str) -> bool:
    return bool(_FOUR_DIGITS.search(text)) and any(is_year(w.strip("()")) for w in text.split())


# ---------------------------------------------------------------- side by side


def _side_by_side(items: list[Item], i: int):
    if not _wide(items[i]):
        return None
    labels = _texts(items[i])
    n = len(labels)
    if n < 4 or n % 2:
        return None
    half = n // 2
    left, right = labels[:half], labels[half:]
    if left[1:] != right[1:] or not all(_is_heading(t) for t in left[1:]) or not (half >= 3 or _is_label(right[0])):
        return None
    end = _body(items, i + 1)
    if end == i + 1:
        return None
    right_labels = [items[b].cells[half].text.strip() for b in range(i + 1, end) if len(items[b].cells) > half and items[b].cells[half].text.strip()]
    if right_labels and sum(1 for t in right_labels if _is_label(t)) * 2 < len(right_labels):
        return None  # the right half's first column holds numbers: groups of one table, not a second table
    tables = []
    for start in (0, half):
        rows: list = [None, Row(items[i].cells[start : start + half], items[i].positional)]
        for b in range(i + 1, end):
            cells = items[b].cells[start : start + half]
            if any(c.text.strip() for c in cells):
                rows.append(Row(cells, items[b].positional))
        tables.append(rows)
    return tables, end
