"""Cut a block of lines into tables and read each table's rows.

A table is a header (perhaps none), then rows: a label and values. In the cell-per-line
layout the header's cells arrive as the text cells before the first row's label, and a
heading (`0 Bestuur en ondersteuning`) as text cells before another row's label. How many
value columns a table has follows from its rows: the most values a row shows. A line
with twice that many values holds two rows (a row without label follows its parts); a
row code that a stream of cells put after the previous row's values (`... 22.153 | 2 |
Leefomgeving`) goes back to its row.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from budget_checks.model import Cell
from budget_checks.recognize.cells import CODE, MARKER, TEXT, VALUE, YEAR, is_unit_note, kind
from budget_checks.recognize.glued import GLUED, width_of
from budget_checks.recognize.grid import Block, Line, is_unit_line

_MAX_HEADING_LINES = 4  # text lines in a row without values before a table is taken to have ended
_YEARISH = re.compile(r"(?<!\d)(?:19|20|21)\d\d(?!\d)|\d{1,2}[-/]\d{1,2}(?:[-/]\d{2,4})?|\(\w\)")


@dataclass(slots=True)
class RawRow:
    labels: list[Cell]  # the label cells (a code and a name, two levels)
    values: list[Cell | None]  # positional: one per column; otherwise as read, placed later
    markers: list[Cell] = field(default_factory=list)
    positional: bool = False
    heading: bool = False  # a row without values: a section heading
    preferred: tuple[int, ...] = ()  # columns its values stood in, when that reading is in doubt
    glued: Cell | None = None  # its values glued into one run of digits (glued.py decodes them)

    @property
    def label(self) -> str:
        return " ".join(c.text.strip() for c in self.labels if c.text.strip())

    @property
    def line(self) -> int | None:
        for c in [*self.labels, *(v for v in self.values if v is not None)]:
            if c.line is not None:
                return c.line
        return None

    def first_cell(self) -> Cell | None:
        cells = [*self.labels, *(v for v in self.values if v is not None)]
        return cells[0] if cells else None


@dataclass(slots=True)
class Region:
    """One table's cells, before anything is made of them."""

    above: list[Cell]  # text cells above the header: titles, captions, unit notes
    header: list[list[Cell]]  # header lines (positional: cells at their columns; else one flat list)
    rows: list[RawRow]
    width: int  # value columns
    positional: bool
    below: list[Cell] = field(default_factory=list)  # unit notes and legends right under it
    columns_at: list[int] = field(default_factory=list)  # positional: the cell index of each value column
    items: tuple[int, int] = (0, 0)  # the page items it covers

    @property
    def first_line(self) -> int | None:
        for c in [*self.above, *(c for h in self.header for c in h)]:
            if c.line is not None:
                return c.line
        return self.rows[0].line if self.rows else None


def columnish(text: str, words: frozenset[str]) -> bool:
    """A cell that could name a column: a year or a date, a formula letter, or a header word."""
    t = text.strip()
    if not t:
        return False
    if _YEARISH.search(t):
        return True
    first = t.lower().split()[0].strip("():,.*")
    return first in words


def regions(block: Block, words: frozenset[str], is_total=lambda label: False) -> list[Region]:
    """`words`: header words of the vocabulary; `is_total(label)`: a label that totals rows."""
    out: list[Region] = []
    lines = block.lines
    i = 0
    while i < len(lines):
        start = i
        while i < len(lines) and not _is_data(lines[i]):
            i += 1
        if i >= len(lines):
            break
        pre = lines[start:i]
        body = [lines[i]]
        i += 1
        headings = 0
        while i < len(lines):
            line = lines[i]
            if _is_data(line):
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
                if (_header_line(line, words) or is_unit_line(line) or _cells_header(line)) and any(_is_data(a) for a in ahead):
                    break  # a new header, or a unit note, over rows: the next table
                if _narrower_after(lines, i, body, is_total):
                    break
                headings += 1
                if headings > _MAX_HEADING_LINES:
                    break
                body.append(line)
            i += 1
        while body and not _is_data(body[-1]):  # text after the last row is not part of the table
            body.pop()
            i -= 1
        if body[0].positional:
            found = _positional(pre, body)
        else:
            halves = _side_by_side(pre, body)
            found = [_stream(p, b, words) for p, b in halves] if halves else _stream(pre, body, words)
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
    lead = line.cells[: line.lead - 1] if _is_data(line) else line.cells  # in a stream: the cells above the row's label
    if not any(c.text.strip().endswith(":") and len(c.text.split()) >= 4 for c in lead):
        return False
    after = [line_count(line)] if _is_data(line) else []
    for other in lines[i + 1 :]:
        if _is_data(other):
            after.append(line_count(other))
        elif after:
            break
    width = max((line_count(x) for x in body if _is_data(x)), default=0)
    return bool(after) and max(after) < width


def _narrower_after(lines: list[Line], i: int, body: list[Line], is_total) -> bool:
    """A heading after a total row, over rows that show far fewer values than the table has
    columns: the next table (a list of amounts under an overview)."""
    last = next((line for line in reversed(body) if _is_data(line)), None)
    if last is None or line_count(last) < 3 or not is_total(" ".join(c.text for c in last.cells[: last.lead])):
        return False
    after = []
    for line in lines[i + 1 :]:
        if not _is_data(line):
            if after:
                break
            continue
        after.append(line_count(line))
    width = max(line_count(line) for line in body if _is_data(line))
    return bool(after) and max(after) <= width - 2


def line_count(line: Line) -> int:
    return line.values


def _is_data(line: Line) -> bool:
    return line.numbers > 0 or line.glued or (line.values > 0 and not line.years_only)


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


# ---------------------------------------------------------------- the cell-per-line stream and rows split into label and values


def _stream(pre: list[Line], body: list[Line], words: frozenset[str]) -> Region | None:
    """Rows of a stream: the lead cells of a line are its label, and above the first row the header."""
    rows: list[RawRow] = []
    for line in body:
        lead = line.lead
        if not _is_data(line):
            rows.append(RawRow(list(line.cells), [], heading=True))
            continue
        if lead and lead < len(line.kinds) and line.kinds[lead] == YEAR and line.numbers:
            lead += 1  # "Resultaat 2021 | 2.015 | -2.015": a year after the label names the row
        tail = list(zip(line.cells[lead:], line.kinds[lead:]))
        # in a row of cells, what stands after the label is a value, even a malformed one (49.72)
        values = [c for c, k in tail if k in (VALUE, YEAR) or (k == CODE and not line.stream)]
        markers = [c for c, k in zip(line.cells, line.kinds) if k == MARKER]
        labels = [c for c, k in zip(line.cells[:lead], line.kinds[:lead]) if k != MARKER]
        if not line.stream and len(labels) > 1:  # one row per line: its lead cells are one label
            labels = [Cell(" ".join(c.text.strip() for c in labels), labels[0].line, labels[0].ref)]
        glued = next((c for c, k in tail if k == GLUED), None)
        rows.append(RawRow(labels, values, markers, glued=glued))
    _codes_back(rows)
    _codes_front(rows)
    _operator_column(rows)
    header_cells: list[Cell] = [c for line in pre for c in line.cells if c.text.strip()]
    years = pre[-1] if pre and pre[-1].years_only else None
    while rows and (rows[0].heading or not (rows[0].values or rows[0].glued)):  # a line whose values went to the next row's label
        header_cells += [c for c in rows.pop(0).labels if c.text.strip()]
    if not rows:
        return None
    lead_counts = Counter(min(len(r.labels), 3) for r in rows[1:] if not r.heading)
    two = lead_counts and lead_counts.most_common(1)[0][0] == 2 and lead_counts[2] >= 0.6 * sum(lead_counts.values())
    label_cells = 2 if two else 1
    first = rows[0]
    if _card(rows, words):  # the header's labels, then one value each: a row without a label of its own
        header_cells += first.labels
        first.labels = []
    take = _label_size(first.labels, label_cells)
    header_cells += first.labels[: len(first.labels) - take]
    first.labels = first.labels[len(first.labels) - take :]
    out: list[RawRow] = []
    for row in rows:
        take = _label_size(row.labels, label_cells)
        if not row.heading and len(row.labels) > take:
            out += [RawRow([extra], [], heading=True) for extra in row.labels[: len(row.labels) - take]]
            row.labels = row.labels[len(row.labels) - take :]
        out.append(row)
    counts = Counter(len(r.values) for r in out if not r.heading and not r.glued)
    width = _width(counts) if counts else width_of([r.glued.text for r in out if r.glued is not None])
    if not width:
        return None
    width = _header_width(pre[-1].cells if pre and not pre[-1].stream else header_cells, counts, width, words)
    out = _split_doubled(out, width)
    if years is not None and years.values == width:
        year_cells = [c for c, k in zip(years.cells, years.kinds) if k == YEAR]
        above = [c for c in header_cells if c not in year_cells]
        return Region(above, [year_cells], out, width, False)
    above, header = _split_above(header_cells, width)
    return Region(above, [header] if header else [], out, width, False)


def _card(rows: list[RawRow], words: frozenset[str]) -> bool:
    """`Stand 1-1 | Toevoegingen | Onttrekkingen | Stand 31-12 | 1.000 | 200 | 100 | 1.100`: one row,
    whose text cells all name its columns."""
    data = [r for r in rows if not r.heading]
    if len(data) != 1 or data[0] is not rows[0]:
        return False
    labels, values = rows[0].labels, rows[0].values
    return len(values) >= 2 and len(labels) >= len(values) and all(columnish(c.text, words) for c in labels[-len(values):])


def _operator_column(rows: list[RawRow]) -> None:
    """A column of + and - before the values (`Mutatie voorraden | - | 1.234 | ...`): where some
    rows carry a +, the dash that opens another row's values is its minus, not an empty cell."""
    if not any(c.text.strip() == "+" for r in rows for c in r.markers):
        return
    counts = Counter(len(r.values) for r in rows if not r.heading)
    widest = max(counts) if counts else 0
    for row in rows:
        if not row.heading and len(row.values) == widest and row.values and row.values[0].text.strip() in ("-", "–"):
            row.markers.insert(0, row.values.pop(0))


def _label_size(labels: list[Cell], label_cells: int) -> int:
    """How many of a row's lead cells are its label: the last `label_cells`, and a row number
    right before them (`1 | Inwoner`, `04.01 | Sociale veiligheid`)."""
    take = min(label_cells, len(labels))
    while take < len(labels) and _code_like(labels[len(labels) - take - 1].text):
        take += 1
    return take


def _width(counts: Counter) -> int:
    """The table's value columns: the most values a row shows (a row may lose empty cells, never gain)."""
    return max(counts)


def _codes_back(rows: list[RawRow]) -> None:
    """`Inwoner | 27.759 | -5.606 | 22.153 | 2 | Leefomgeving`: the 2 numbers the next row.
    Row numbers run on (2, 3, 4, ...): a last value moves to the next row's label when it
    continues such a run over at least two rows; a lone small number is a value."""
    def code_at(i: int) -> int | None:
        row = rows[i]
        if row.heading or not row.values or i + 1 >= len(rows) or rows[i + 1].heading or not rows[i + 1].labels:
            return None
        text = row.values[-1].text.strip().rstrip(".")
        return int(text) if text.isdigit() and len(text) <= 3 else None

    codes = [code_at(i) for i in range(len(rows))]
    moved: set[int] = set()
    run: list[int] = []
    for i, code in [*enumerate(codes), (None, -1)]:
        if code is None:
            continue  # a row without a number (a reserve under a numbered item) does not break the run
        if run and code == codes[run[-1]] + 1:
            run.append(i)
            continue
        if run and i is not None and codes[run[-1]] + 1 in codes[i + 1 : i + 4]:
            continue  # a small amount (50) between numbered rows: the run goes on after it
        if len(run) >= 2:
            moved.update(run)
        run = [i] if i is not None else []
    for i in sorted(moved):
        rows[i + 1].labels.insert(0, rows[i].values.pop())


def _codes_front(rows: list[RawRow]) -> None:
    """`Ruimtelijke ontwikkeling | 1 | 12.395 | ...`: a first value that numbers the rows (1, 2, 3, ...)
    over at least three rows belongs to the label, not to the amounts."""
    data = [r for r in rows if not r.heading and r.values]
    firsts = [_small_integer(r.values[0].text) for r in data]
    numbered = [(r, n) for r, n in zip(data, firsts) if n is not None]
    if len(numbered) < 3 or len(numbered) * 2 < len(data):
        return
    sequence = [n for _, n in numbered]
    if any(b != a + 1 for a, b in zip(sequence, sequence[1:])):
        return
    for row, _ in numbered:
        row.labels.append(row.values.pop(0))


def _small_integer(text: str) -> int | None:
    t = text.strip().rstrip(".")
    return int(t) if t.isdigit() and len(t) <= 3 else None


def _code_like(text: str) -> bool:
    t = text.strip()
    return kind(t) == CODE or (t.isdigit() and len(t) <= 3)


def _split_doubled(rows: list[RawRow], width: int) -> list[RawRow]:
    """A line with two or three times the table's values holds a row and the rows without label
    after it (a subtotal printed right under its last part)."""
    if width < 1:
        return rows
    out: list[RawRow] = []
    for row in rows:
        n = len(row.values)
        if not row.heading and n > width and n % width == 0:
            out.append(RawRow(row.labels, row.values[:width], row.markers))
            for k in range(width, n, width):
                out.append(RawRow([], row.values[k : k + width]))
            continue
        out.append(row)
    return out


def _header_width(cells: list[Cell], counts: Counter, width: int, words: frozenset[str]) -> int:
    """Header cells right above the rows that all name columns (`Lasten | Baten | Saldo`), and most
    rows showing exactly that many values, say how many columns there are: a row with more values
    than that has one too many (PL102), or two rows' worth (a total under its last part)."""
    labels = [c for c in cells if c.text.strip()]
    named = [columnish(c.text, words) for c in labels]
    # the last run of two or more header cells; section headings and note numbers may stand between
    # it and the first row (`Vaste activa`, `1`, `Immateriële vaste activa`)
    end, k = len(named), 0
    while end > 0 and len(named) - end <= 4:
        k = 0
        while k < end and named[end - 1 - k]:
            k += 1
        if k >= 2:
            break
        end -= max(1, k)
    total = sum(counts.values())
    dates = 0  # the dates the run ends with: `Activa | 31-12-2019 | 31-12-2018`
    while dates < k and kind(labels[end - 1 - dates].text) == YEAR:
        dates += 1
    if k < 2 or not total:
        return width
    if total == 1 and width == k + 1:
        return k  # one row, one value more than the header names
    # the first header cell may be a corner cell (`Activa`); a run of dates names exactly its columns
    dated = dates >= 2
    for w in ((dates,) if dated else ()) + ((k, k - 1) if k <= width else ()):
        # most rows show that many values (under dates, twice that many: an item and its subtotal)
        shown = sum(n for size, n in counts.items() if size == w or (dated and w == dates and size % w == 0))
        if w < 2 or w >= width or shown * 2 < total:
            continue
        misfits = sum(n for size, n in counts.items() if size > w and size % w)
        if misfits * 3 <= total:
            return w
    return width


def _split_above(cells: list[Cell], width: int) -> tuple[list[Cell], list[Cell]]:
    """The header is the text right above the first row; what stands above it (titles,
    captions) is not. Unit notes go with what is above."""
    cells = [c for c in cells if c.text.strip()]
    header = [c for c in cells if not is_unit_note(c.text)]
    above = [c for c in cells if is_unit_note(c.text)]
    # the header has at most a few cells per column (group, label, year); the rest is above it
    limit = 3 * width + 3
    if len(header) > limit:
        above = header[: len(header) - limit] + above
        header = header[len(header) - limit :]
    return above, header


# ---------------------------------------------------------------- rows that keep their positions


def _positional(pre: list[Line], body: list[Line]) -> Region | list[Region] | None:
    width_all = max(len(line.cells) for line in [*pre, *body])
    data = [line for line in body if _is_data(line)]
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
    numbers = [_small_integer(line.cells[first].text) for line in data if first < len(line.cells) and line.cells[first].text.strip()]
    if len(numbers) >= 3 and None not in numbers and all(b == a + 1 for a, b in zip(numbers, numbers[1:])):
        first += 1  # a column that numbers the rows (1, 2, 3, ...) belongs to the labels
    inner = next((j for j in range(first + 1, width_all) if text_at[j] > value_at[j] and text_at[j] * 2 >= len(data)), None)
    if inner is not None and any(value_at[j] for j in range(inner, width_all)):
        # a column of labels in the middle: two tables side by side (activa left, passiva right)
        left = _positional(_cut(pre, 0, inner), _cut(body, 0, inner))
        right = _positional(_cut(pre, inner, width_all), _cut(body, inner, width_all))
        return [r for part in (left, right) for r in (part if isinstance(part, list) else [part]) if r is not None]
    last = max(j for j in range(width_all) if value_at[j] > 0)
    columns = [j for j in range(first, last + 1) if not (marker_at[j] and marker_at[j] >= value_at[j])]
    rows: list[RawRow] = []
    for line in body:
        cells = line.cells
        labels = [c for c in cells[:first] if c.text.strip()]
        if not _is_data(line):
            rows.append(RawRow(labels or [c for c in cells if c.text.strip()], [], positional=True, heading=True))
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


def _side_by_side(pre: list[Line], body: list[Line]) -> list[tuple[list[Line], list[Line]]] | None:
    """`Vaste activa | 100 | 120 | Eigen vermogen | 80 | 90` on every line: two tables side by
    side, cut where the labels of the right one start (the header is cut the same way)."""
    data = [line for line in body if _is_data(line)]
    if len(data) < 2 or any(line.stream for line in body):
        return None
    cuts = {_inner_label(line) for line in data}
    if len(cuts) != 1 or None in cuts:
        return None
    cut = cuts.pop()
    if any(len(line.cells) > cut and not _is_data(line) and line.kinds[cut] not in (TEXT, "") for line in body):
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
    return Line(line.cells[start:end], line.kinds[start:end], line.positional, line.start, line.end, line.stream)


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
