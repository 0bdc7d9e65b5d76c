"""Cut a block of lines into tables.

A table is a header (perhaps none), then rows: a label and values. A table ends where a new
header, a unit note over rows or a sentence over narrower rows starts, or after a few lines
without values; two tables may stand side by side on one line. How the rows are read is the
job of streamrows.py (the cell-per-line stream and rows split into label and values) and
positional.py (rows that keep their cells' positions).
"""

from __future__ import annotations

from budget_checks.model import Cell
from budget_checks.recognize.cells import TEXT, VALUE, YEAR
from budget_checks.recognize.grid import Block, Line, is_unit_line
from budget_checks.recognize.positional import positional_rows
from budget_checks.recognize.rawrows import Region, columnish, is_data, line_count
from budget_checks.recognize.streamrows import stream_rows

_MAX_HEADING_LINES = 4  # text lines in a row without values before a table is taken to have ended


def regions(block: Block, words: frozenset[str], is_total=lambda label: False) -> list[Region]:
    """`words`: header words of the vocabulary; `is_total(label)`: a label that totals rows."""
    out: list[Region] = []
    lines = block.lines
    i = 0
    while i < len(lines):
        start = i
        while i < len(lines) and not is_data(lines[i]):
            i += 1
        if i >= len(lines):
            break
        pre = lines[start:i]
        body = [lines[i]]
        i += 1
        headings = 0
        while i < len(lines):
            line = lines[i]
            if is_data(line):
                if _embedded_header(line, words) or (line.positional != body[-1].positional):
                    break
                if line.stream and _introduces_narrower(lines, i, body):
                    break
                if not line.positional and line.lead >= 2 and _narrower_after(lines, i - 1, body, is_total):
                    break
                body.append(line)
                headings = 0
            else:
                if _introduces_narrower(lines, i, body):
                    break  # `Het verloop ziet er als volgt uit:` over rows of fewer values: the next table
                ahead = lines[i + 1 : i + 3]
                if (_header_line(line, words) or is_unit_line(line) or _cells_header(line)) and any(is_data(a) for a in ahead):
                    break  # a new header, or a unit note, over rows: the next table
                if _narrower_after(lines, i, body, is_total):
                    break
                headings += 1
                if headings > _MAX_HEADING_LINES:
                    break
                body.append(line)
            i += 1
        while body and not is_data(body[-1]):  # text after the last row is not part of the table
            body.pop()
            i -= 1
        if body[0].positional:
            found = positional_rows(pre, body)
        else:
            halves = _side_by_side(pre, body)
            found = [stream_rows(p, b, words) for p, b in halves] if halves else stream_rows(pre, body, words)
        below: list[Cell] = []
        if i < len(lines) and is_unit_line(lines[i]) and not _header_line(lines[i], words):  # a note of the unit right under the table
            below = [c for c in lines[i].cells if c.text.strip()]
            i += 1
        for region in found if isinstance(found, list) else [found]:
            if region is not None:
                region.items = ((pre or body)[0].start, (lines[i - 1].end if below else body[-1].end))
                region.below = below
                out.append(region)
    return out


def _introduces_narrower(lines: list[Line], i: int, body: list[Line]) -> bool:
    """A sentence that ends in a colon, over rows that show fewer values than the table so far."""
    line = lines[i]
    lead = line.cells[: line.lead - 1] if is_data(line) else line.cells  # in a stream: the cells above the row's label
    if not any(c.text.strip().endswith(":") and len(c.text.split()) >= 4 for c in lead):
        return False
    after = [line_count(line)] if is_data(line) else []
    for other in lines[i + 1 :]:
        if is_data(other):
            after.append(line_count(other))
        elif after:
            break
    width = max((line_count(x) for x in body if is_data(x)), default=0)
    return bool(after) and max(after) < width


def _narrower_after(lines: list[Line], i: int, body: list[Line], is_total) -> bool:
    """A heading after a total row, over rows that show far fewer values than the table has
    columns: the next table (a list of amounts under an overview)."""
    last = next((line for line in reversed(body) if is_data(line)), None)
    if last is None or line_count(last) < 3 or not is_total(" ".join(c.text for c in last.cells[: last.lead])):
        return False
    after = []
    for line in lines[i + 1 :]:
        if not is_data(line):
            if after:
                break
            continue
        after.append(line_count(line))
    width = max(line_count(line) for line in body if is_data(line))
    return bool(after) and max(after) <= width - 2


def _embedded_header(line: Line, words: frozenset[str]) -> bool:
    """A row of the cell-per-line stream whose lead cells hold a new header."""
    lead = line.cells[: line.lead]
    if len(lead) < 3:
        return False
    return sum(1 for c in lead[:-1] if columnish(c.text, words)) >= 2


def _cells_header(line: Line) -> bool:
    """A row of two or more text cells inside positional rows: a header (a section heading has one cell)."""
    return line.positional and sum(1 for c in line.cells if c.text.strip()) >= 2


def _header_line(line: Line, words: frozenset[str]) -> bool:
    cells = [c for c in line.cells if c.text.strip()]
    if line.years_only and line.values >= 2:
        return True
    for cell in cells:  # a header in one cell: "Omschrijving Saldo 1-1-2022 Toevoegingen Onttrekkingen Saldo 31-12-2022"
        tokens = cell.text.split()
        if len(tokens) >= 4 and sum(1 for t in tokens if columnish(t, words)) >= 4:
            return True
    return len(cells) >= 2 and sum(1 for c in cells if columnish(c.text, words)) >= 2


def _side_by_side(pre: list[Line], body: list[Line]) -> list[tuple[list[Line], list[Line]]] | None:
    """`Vaste activa | 100 | 120 | Eigen vermogen | 80 | 90` on every line: two tables side by
    side, cut where the labels of the right one start (the header is cut the same way)."""
    data = [line for line in body if is_data(line)]
    if len(data) < 2 or any(line.stream for line in body):
        return None
    cuts = {_inner_label(line) for line in data}
    if len(cuts) != 1 or None in cuts:
        return None
    cut = cuts.pop()
    if any(len(line.cells) > cut and not is_data(line) and line.kinds[cut] not in (TEXT, "") for line in body):
        return None
    left = ([_part(line, 0, cut) for line in pre if len(line.cells) > cut] or pre, [_part(line, 0, cut) for line in body])
    right = ([_part(line, cut, len(line.cells)) for line in pre if len(line.cells) > cut], [_part(line, cut, len(line.cells)) for line in body])
    return [left, right]


def _inner_label(line: Line) -> int | None:
    """Where a text cell stands between values, with values after it too."""
    seen_value = False
    for j, k in enumerate(line.kinds):
        if k in (VALUE, YEAR):
            seen_value = True
        elif k == TEXT and seen_value:
            return j if any(x in (VALUE, YEAR) for x in line.kinds[j + 1 :]) else None
    return None


def _part(line: Line, start: int, end: int) -> Line:
    return Line(line.cells[start:end], line.kinds[start:end], line.positional, line.start, line.end, line.stream, line.spaced)
