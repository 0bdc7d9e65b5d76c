"""Rows that keep their cells' positions (pipes, tabs, html, xlsx, csv): the first column of values,
the label columns before it, two tables side by side, and rows a damaged export shifted."""

from __future__ import annotations

from budget_checks.model import Cell
from budget_checks.recognize.cells import CODE, MARKER, TEXT, VALUE, YEAR, kind
from budget_checks.recognize.grid import Line
from budget_checks.recognize.rawrows import RawRow, Region, is_data
from budget_checks.recognize.streamrows import small_integer


def positional_rows(pre: list[Line], body: list[Line]) -> Region | list[Region] | None:
    width_all = max(len(line.cells) for line in [*pre, *body])
    data = [line for line in body if is_data(line)]
    # a row of values only, shorter than the table, lost its leading label cells (an unlabelled
    # total whose empty cells the export dropped): where its cells stand says nothing of the columns
    unlabelled = {id(line) for line in data if len(line.cells) < width_all and _values_only(line)}
    if len(unlabelled) < len(data):
        data = [line for line in data if id(line) not in unlabelled]
    value_at = [0] * width_all
    text_at = [0] * width_all
    marker_at = [0] * width_all
    code_at = [0] * width_all
    for line in data:
        for j, k in enumerate(line.kinds):
            if k in (VALUE, YEAR):
                value_at[j] += 1
            elif k == TEXT:
                text_at[j] += 1
            elif k == CODE:
                code_at[j] += 1
            elif k == MARKER:
                marker_at[j] += 1
    # the first column of values; a value column may hold a stray text (`=1+2`) as often as a value
    first = next((j for j in range(width_all) if value_at[j] > text_at[j] + code_at[j]
                  or (j > 0 and value_at[j] and value_at[j] >= text_at[j] + code_at[j])), None)
    if first is None:
        return None
    numbers = [small_integer(line.cells[first].text) for line in data if first < len(line.cells) and line.cells[first].text.strip()]
    if len(numbers) >= 3 and None not in numbers and all(b == a + 1 for a, b in zip(numbers, numbers[1:])):
        first += 1  # a column that numbers the rows (1, 2, 3, ...) belongs to the labels
    inner = next((j for j in range(first + 1, width_all) if text_at[j] > value_at[j] and text_at[j] * 2 >= len(data)), None)
    if inner is not None and any(value_at[j] for j in range(inner, width_all)):
        # a column of labels in the middle: two tables side by side (activa left, passiva right)
        left = positional_rows(_cut(pre, 0, inner), _cut(body, 0, inner))
        right = positional_rows(_cut(pre, inner, width_all), _cut(body, inner, width_all))
        return [r for part in (left, right) for r in (part if isinstance(part, list) else [part]) if r is not None]
    last = max(j for j in range(width_all) if value_at[j] > 0)
    columns = [j for j in range(first, last + 1) if not (marker_at[j] and marker_at[j] >= value_at[j])]
    rows: list[RawRow] = []
    for line in body:
        cells = line.cells
        labels = [c for c in cells[:first] if c.text.strip()]
        if not is_data(line):
            rows.append(RawRow(labels or [c for c in cells if c.text.strip()], [], positional=True, heading=True))
            continue
        if id(line) in unlabelled:
            values = [c for c in cells if c.text.strip()]
            if len(values) <= len(columns):  # read where the arithmetic places it, its last value last if in doubt
                rows.append(RawRow([], list(values), preferred=tuple(range(len(columns) - len(values), len(columns)))))
                continue
        values = [cells[j] if j < len(cells) and cells[j].text.strip() else None for j in columns]
        markers = [cells[j] for j in range(first, len(cells)) if j not in columns and kind(cells[j].text) == MARKER]
        rows.append(RawRow(labels, values, markers, positional=True))
    _damaged(rows)
    # rows of cells above the body are its header; loose lines above them are titles and notes
    above: list[Cell] = [c for line in pre if not line.positional for c in line.cells if c.text.strip()]
    header = [line.cells for line in pre if line.positional and line.cells]
    while header and sum(1 for c in header[0] if c.text.strip()) == 1 and len(header) > 1:
        above += [c for c in header.pop(0) if c.text.strip()]
    return Region(above, header, rows, len(columns), True, columns_at=columns)


def _values_only(line: Line) -> bool:
    return all(k in (VALUE, MARKER) for c, k in zip(line.cells, line.kinds) if c.text.strip())


def _cut(lines: list[Line], start: int, end: int) -> list[Line]:
    """The same lines, keeping the cells from `start` to `end` (one of two tables side by side)."""
    out = []
    for line in lines:
        cells, kinds = line.cells[start:end], line.kinds[start:end]
        if any(c.text.strip() for c in cells):
            out.append(Line(cells, kinds, True, line.start, line.end))
    return out


def _damaged(rows: list[RawRow]) -> None:
    """A converter that drops a row's empty cells packs its values to the left and pads the end:
    such a row (fewer values than columns, all of them first) is placed by the arithmetic, with its
    reading as given preferred where the arithmetic cannot tell."""
    width = max((len(r.values) for r in rows if not r.heading), default=0)
    for row in rows:
        if row.heading:
            continue
        present = [v is not None for v in row.values]
        count = sum(present)
        if 0 < count < width and all(present[:count]) and not any(present[count:]):
            row.preferred = tuple(range(count))
            row.values = [v for v in row.values if v is not None]
            row.positional = False
