"""Rows whose empty cells are written as spaces: cells joined by one space, an empty cell one more.

    Verzekering personeel 100          <- 100 in the first column, five empty after it
    Huisvesting scholen         -290 -580           <- four empty columns, then two values
    Rijksvergoeding onderwijs           <- a row whose cells hold several lines:
    - rijksbijdrage                        its label lines,
    -247                                   the lines of its first value cell,
    247
             (9 spaces)                    and the five empty cells after it

Some portals export a table row by row this way. Between the label and a value, and between two
values, a run of 2k + 1 spaces stands for k empty cells; after the last value a run of 2k spaces
for k empty cells. A row whose cells hold several lines writes its label lines, then its value
cells' lines (a blank line starts the next cell), then a line of spaces for the empty cells after
them; a value cell's lines stand level with the last of the label lines. Each label line becomes a
row of its own, with the values level with it: the arithmetic of the table is unchanged (the values
of one cell add up in its column).

The layout is recognised on a page that shows it beyond doubt at least `_MIN_SIGNS` times: rows of a
label and values whose empty cells after them are written out (a run of at least four spaces, of even
length), and that come to the same number of cells. Elsewhere a run of spaces is a gap or padding.
"""

from __future__ import annotations

import re
from collections import Counter

from budget_checks.numbers import PRO_MEMORIE, Kind, find_unit, is_year, parse_number

SpacedRow = tuple[tuple[str, int], ...]  # (text, line) per cell, as pipe rows
_MIN_SIGNS = 3
_HEADING_WORDS = 14
_RUNS = re.compile(r"( +)")


def spaced_rows(lines: list[str]) -> dict[int, SpacedRow | None]:
    """1-based line number -> the cells of a row (text and line), or None for a line that is part of
    the row above (a value line of a row of several lines). Empty when the page does not show the layout."""
    widths = Counter(len(cells) for line in lines if (cells := _sign(line)))
    if not widths or widths.most_common(1)[0][1] < _MIN_SIGNS:
        return {}
    out: dict[int, SpacedRow | None] = {}
    i = 0
    while i < len(lines):
        used = _several_lines(lines, i, out)
        if used:
            i += used
            continue
        cells = _cells(lines[i])
        if cells is not None and cells[0].strip():
            out[i + 1] = tuple((c, i + 1) for c in cells)
        elif cells is not None and all(is_year(c) for c in cells[1:]):
            out[i + 1] = tuple((c, i + 1) for c in cells)  # a header of years over the values, its corner empty
        i += 1
    _headings_between(lines, out)
    return out


def _headings_between(lines: list[str], out: dict[int, SpacedRow | None]) -> None:
    """Text lines between two rows of the layout (`1b Afwijkingen`, `2  Onvermijdelijke
    ontwikkelingen`) are headings inside the table: rows of one cell, so the table goes on."""
    numbers = sorted(out)
    for before, after in zip(numbers, numbers[1:]):
        between = [n for n in range(before + 1, after) if lines[n - 1].strip()]
        if between and all(_heading(lines[n - 1]) for n in between):
            for n in between:
                out[n] = ((lines[n - 1].strip(), n),)


def _heading(line: str) -> bool:
    text = line.strip()
    return len(text.split()) <= _HEADING_WORDS and not text.endswith((".", ":", ";")) and _cells(line) is None


def _sign(line: str) -> list[str] | None:
    """The cells of a row that shows the layout beyond doubt: a label and values, then the empty
    cells after them as a run of at least four spaces (two empty cells), of even length."""
    trailing = _trailing(line)
    if trailing < 4 or trailing % 2:
        return None
    cells = _cells(line)
    return cells if cells is not None and cells[0].strip() else None


def _trailing(line: str) -> int:
    return len(line) - len(line.rstrip(" "))


def _is_value(token: str) -> bool:
    return parse_number(token, amount=True).kind is Kind.NUMBER or token in ("-", "–") or token.lower() in PRO_MEMORIE


def _cells(line: str) -> list[str] | None:
    """A label and its values with the empty cells the runs of spaces stand for; None when the line
    is not such a row (no value, or a run that stands for no whole number of cells)."""
    body = line.rstrip(" ")
    after = len(line) - len(body)
    if after % 2:
        after -= 1  # a stray space after a label
    parts = _RUNS.split(body.lstrip(" "))
    tokens, runs = parts[0::2], [len(r) for r in parts[1::2]]
    values: list[str] = []
    k = len(tokens) - 1
    while k >= 0 and _is_value(tokens[k]):
        values.append(tokens[k])
        run = runs[k - 1] if k > 0 else 1
        if run % 2 == 0:
            return None  # an even run between cells: not this layout
        values += [""] * (run // 2)
        k -= 1
    shown = [v for v in values if v]
    if not shown:
        return None
    label = "".join(parts[: 2 * k + 1]) if k >= 0 else ""
    unit = find_unit(body)
    if (label and all(is_year(v) or v in ("-", "–") for v in shown)) or (unit and unit[1][1] >= len(body)):
        return None  # a range of years names something; `Bedragen x €1.000` is a unit note
    while values and values[-1] == "" and not label:
        values.pop()  # no label: the run before the first value is the label's separator
    return [label, *reversed(values), *[""] * (after // 2)]


def _several_lines(lines: list[str], i: int, out: dict[int, SpacedRow | None]) -> int:
    """A row whose cells hold several lines, from line index i: how many lines it takes (0: none)."""
    labels: list[int] = []
    j = i
    while j < len(lines) and lines[j].strip() and _cells(lines[j]) is None and not _is_value(lines[j].strip()):
        if _trailing(lines[j]) >= 2:
            break  # a label with its empty cells written after it is a row of its own (a heading)
        labels.append(j)
        j += 1
    if not labels:
        return 0
    cells: list[list[int | None]] = [[]]  # per value cell, its lines (None: a blank line)
    while j < len(lines):
        text = lines[j].strip()
        if not text and lines[j]:
            break  # the line of spaces that closes the row
        if not text:
            if any(line is not None for line in cells[-1]):
                cells.append([])  # a blank line after values starts the next cell
            cells[-1].append(None)
        elif _is_value(text):
            cells[-1].append(j)
            if _trailing(lines[j]):
                break  # a value line with the empty cells after it closes the row itself
        else:
            return 0
        j += 1
    if j >= len(lines) or not any(line is not None for cell in cells for line in cell):
        return 0
    closing = lines[j]
    spaces = _trailing(closing)
    empty = (spaces + 1) // 2 if not closing.strip() else spaces // 2
    width = len(cells) + empty
    rows: dict[int, list[tuple[str, int]]] = {n: [(lines[n].strip(), n + 1)] + [("", n + 1)] * width for n in labels}
    for c, cell in enumerate(cells):
        for n, line in zip(reversed(labels), reversed(cell)):  # level with the last label line
            if line is not None:
                rows[n][1 + c] = (lines[line].strip(), line + 1)
    for n in labels:
        out[n + 1] = tuple(rows[n]) if any(text for text, _ in rows[n][1:]) else (rows[n][0],)
    for n in range(labels[-1] + 1, j + 1):
        if lines[n].strip():
            out[n + 1] = None
    return j + 1 - i
