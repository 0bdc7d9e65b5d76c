"""Rows of the cell-per-line stream and rows split into a label and values.

In the cell-per-line layout the header's cells arrive as the text cells before the first
row's label, and a heading (`0 Bestuur en ondersteuning`) as text cells before another row's
label. How many value columns a table has follows from its rows (the most values a row shows)
and from a header of separate labels or dates that most rows fit. A line with twice that many
values holds two rows (a row without label follows its parts); a row code that a stream of
cells put after the previous row's values (`... 22.153 | 2 | Leefomgeving`) goes back to its row.
"""

from __future__ import annotations

from collections import Counter

from budget_checks.model import Cell
from budget_checks.recognize.cells import CODE, MARKER, VALUE, YEAR, is_unit_note, kind
from budget_checks.recognize.glued import GLUED, width_of
from budget_checks.recognize.grid import Line
from budget_checks.recognize.rawrows import RawRow, Region, columnish, is_data


def stream_rows(pre: list[Line], body: list[Line], words: frozenset[str]) -> Region | None:
    """Rows of a stream: the lead cells of a line are its label, and above the first row the header."""
    rows: list[RawRow] = []
    for line in body:
        lead = line.lead
        if not is_data(line):
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
        rows.append(RawRow(labels, values, markers, glued=glued, spaced=line.spaced))
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
    _numbered_names(out)
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


def _numbered_names(rows: list[RawRow]) -> None:
    """`Verkoopopbrengst Sickengastraat 6 210 210 0 0` among rows of four values: on a line cut at
    single spaces, a small number after the name, where a few rows show one value more than the
    others, ends the name."""
    counts = Counter(len(r.values) for r in rows if not r.heading and not r.glued and not r.positional)
    if len(counts) < 2:
        return
    widest, usual = max(counts), counts.most_common(1)[0][0]
    if usual != widest - 1 or counts[widest] * 3 > sum(counts.values()):
        return
    for row in rows:
        if not row.spaced or row.heading or len(row.values) != widest or not row.labels or row.values[0] is None:
            continue
        first, name = row.values[0], row.labels[-1]
        text = first.text.strip()
        if text.isdigit() and len(text) <= 2 and first.line is not None and first.line == name.line:
            row.labels[-1] = Cell(f"{name.text.rstrip()} {text}", name.line, name.ref)
            row.values.pop(0)


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
    moved |= _code_column(rows, [i for i, code in enumerate(codes) if code is not None and i not in moved], moved)
    for i in sorted(moved):
        rows[i + 1].labels.insert(0, rows[i].values.pop())
        rows[i].heading = not rows[i].values


def _code_column(rows: list[RawRow], ending: list[int], moved: set[int]) -> set[int]:
    """`Kunst | 8.078 | 8.078 | 8.078 | 7 | Onderhoud gebouwen | ...`: numbers that do not run on
    (programme numbers: 1, 7, 7, 9) still number the next row when the rows they end all show one
    value more than the table's rows (a heading followed by only its first row's number shows one)
    and no other row shows that many (a row with a subtotal run on shows a multiple of the width)."""
    sizes = {len(rows[i].values) for i in ending}
    width = max(sizes, default=0) - 1
    if width < 2 or not sizes <= {1, width + 1} or sum(1 for i in ending if len(rows[i].values) > 1) < 2:
        return set()
    others = {len(r.values) - (i in moved) for i, r in enumerate(rows) if r.values and not r.heading and i not in ending}
    if any(size > width and size % width for size in others):
        return set()  # rows of other widths: the number may be a value of a wider table
    return set(ending)


def _codes_front(rows: list[RawRow]) -> None:
    """`Ruimtelijke ontwikkeling | 1 | 12.395 | ...`: a first value that numbers the rows (1, 2, 3, ...)
    over at least three rows belongs to the label, not to the amounts."""
    data = [r for r in rows if not r.heading and r.values]
    firsts = [small_integer(r.values[0].text) for r in data]
    numbered = [(r, n) for r, n in zip(data, firsts) if n is not None]
    if len(numbered) < 3 or len(numbered) * 2 < len(data):
        return
    sequence = [n for _, n in numbered]
    if any(b != a + 1 for a, b in zip(sequence, sequence[1:])):
        return
    for row, _ in numbered:
        row.labels.append(row.values.pop(0))


def small_integer(text: str) -> int | None:
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
        return _usual(counts, width)
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
    return _usual(counts, width)


def _usual(counts: Counter, width: int) -> int:
    """Whatever the header says: most rows show w values and the others no more, or twice or thrice
    that (a subtotal without a label run on after its last part)."""
    usual, rows = counts.most_common(1)[0] if counts else (0, 0)
    if usual >= 2 and width > usual and rows * 2 >= sum(counts.values()) and all(size % usual == 0 for size in counts if size > usual):
        return usual
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
