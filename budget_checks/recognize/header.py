"""Which cells name the columns, and what each column is called.

Headers as they really are: one row of labels; labels over a row of years
(`Begroting | Wijziging | ... | 2023 | 2023`); a label and its year in cells of their
own (`Rekening | 2016 | Begroting | 2017`); groups over repeating labels (`Rekening
2018 | Begroting 2019` over `Lasten | Baten | Saldo` twice); words split over cells
(`Vermeer-` / `deringen`); a header written in one cell with single spaces, cut at its
header words; a corner cell above the labels (`Omschrijving`), a unit
note or a V/N heading among them. Rows that keep their positions give each header
row's cells at their columns; a row of groups may have fewer cells than columns.
When nothing fits, a column keeps a plain name (`kolom 3`): the arithmetic of a
table does not depend on its header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from budget_checks.model import Cell
from budget_checks.numbers import YEAR_IN, is_year
from budget_checks.recognize.cells import MARKER, YEAR, is_unit_note, kind
from budget_checks.recognize.kept import Kept
from budget_checks.recognize.rawrows import columnish


@dataclass(frozen=True, slots=True)
class Header:
    labels: tuple[str, ...]  # one per value column
    groups: tuple[str, ...]  # the group above each column ("" when none)
    cells: tuple[Cell, ...]  # the cells read as header
    unused: tuple[Cell, ...]  # header candidates that name no column (titles, corner cells)


_DIGIT = re.compile(r"\d")


def plain_name(j: int) -> str:
    return f"kolom {j + 1}"


def fit(cells: list[Cell], width: int, words: frozenset[str], balances: frozenset[str] = frozenset()) -> Header:
    """Labels for `width` columns from the text cells right above a table's first row. `balances`:
    words of a balance at a date (`Saldo` / `31-12-2021` in cells of their own is one label)."""
    cells = _join_split_words([c for c in cells if c.text.strip() and not is_unit_note(c.text) and kind(c.text) != MARKER])
    # the same header comes back on page after page: what was read of its texts (and of which cells
    # share a line) is read again from these cells
    base = next((c.line for c in cells if c.line is not None), 0)
    key = (tuple((c.text, None if c.line is None else c.line - base) for c in cells), width, words, balances)
    plan = _PLANS.get(key)
    if plan is not None:
        labels, groups, used, unused = plan
        return Header(labels, groups, tuple(cells[i] for i in used), tuple(cells[i] for i in unused))
    header = _fit(cells, width, words, balances)
    plan = _plan(header, cells)
    if plan is not None:
        _PLANS.keep(key, plan)
    return header


_PLANS = Kept(4096)  # texts and shared lines of a header -> its reading (labels, groups, positions of its cells)


def _plan(header: Header, cells: list[Cell]):
    """The header as labels and the positions of its cells among `cells`: what can be read again
    from other cells with the same texts; None when it holds a cell of its own making."""
    at = {id(c): i for i, c in enumerate(cells)}
    if all(id(c) in at for c in header.cells + header.unused):
        return header.labels, header.groups, tuple(at[id(c)] for c in header.cells), tuple(at[id(c)] for c in header.unused)
    return None


def _fit(cells: list[Cell], width: int, words: frozenset[str], balances: frozenset[str]) -> Header:
    best: tuple[float, Header] | None = None
    for score, header in _candidates(cells, width, words, balances):
        if best is None or score > best[0]:
            best = (score, header)
    if best is not None and best[0] > 0:
        return best[1]
    names = tuple(plain_name(j) for j in range(width))
    return Header(names, ("",) * width, (), tuple(cells))


def fit_positional(lines: list[list[Cell]], columns_at: list[int], words: frozenset[str]) -> Header:
    """Labels from header rows whose cells stand at their columns."""
    width = len(columns_at)
    labels = [""] * width
    groups = [""] * width
    used: list[Cell] = []
    unused: list[Cell] = []
    lines = [_aligned(line, lines[-1]) if n < len(lines) - 1 else line for n, line in enumerate(lines)]
    for n, line in enumerate(lines):
        texts = [c for c in line if c.text.strip() and not is_unit_note(c.text) and kind(c.text) != MARKER]
        at = [line[j] if j < len(line) and line[j].text.strip() else None for j in columns_at]
        placed = sum(1 for c in at if c is not None)
        after_corner = [c for c in texts if c not in at]
        row_cells: list[Cell | None]
        spans = n < len(lines) - 1 and texts and width % len(texts) == 0 and width // len(texts) >= 2
        corner = line[0].text.strip() if line and columns_at and columns_at[0] > 0 else ""
        if corner and YEAR_IN.search(corner) and len(texts) >= width:
            row_cells = list(texts[:width])  # a header one cell short: its first label stands over the row labels
        elif placed == width or (placed == len(texts) and not spans):
            row_cells = at
        elif len(texts) == width:
            row_cells = list(texts)
        elif len(texts) > width and len(texts) - width <= 2:
            row_cells = list(texts[len(texts) - width :])
        elif texts and width % len(texts) == 0 and width // len(texts) >= 2 and n < len(lines) - 1:
            span = width // len(texts)
            row_cells = [texts[j // span] for j in range(width)]
        elif len(texts) > 1 and width % (len(texts) - 1) == 0 and width // (len(texts) - 1) >= 2 and n < len(lines) - 1:
            span = width // (len(texts) - 1)
            row_cells = [texts[1 + j // span] for j in range(width)]
        else:
            row_cells = at
        for j, c in enumerate(row_cells):
            if c is None:
                continue
            if n < len(lines) - 1 and len({id(x) for x in row_cells if x is not None}) < width:
                groups[j] = _join(groups[j], c.text)
            else:
                labels[j] = _join(labels[j], c.text)
        used += [c for c in row_cells if c is not None]
        unused += [c for c in after_corner if c not in row_cells]
    labels = [lab or grp or plain_name(j) for j, (lab, grp) in enumerate(zip(labels, groups))]
    return Header(tuple(labels), tuple(g if g != lab else "" for g, lab in zip(groups, labels)), tuple(dict.fromkeys(used)), tuple(unused))


def _aligned(line: list[Cell], bottom: list[Cell]) -> list[Cell]:
    """An upper header line with fewer cells than the line of years under it, whose cells stand
    where they do because the export dropped an empty corner cell and wrote a group over two
    columns once (`Soort | Eindsaldo | Beginsaldo | Begroting 2018 | Eindsaldo` over
    `Reserve | reserve | 2017 | 2018 | Dot. | Onttr. | 2018`): its cells are placed where every
    year under them gets a name (a label without a year), a group with a year may stand over
    labels without one, and a year gets no second year above it; the nearest such placement to
    the left wins, and only when it names more years than the cells where they stand."""
    top = [c for c in line if c.text.strip()]
    under = [c.text.strip() for c in bottom]
    if len(top) < 2 or len(top) >= sum(1 for t in under if t) or sum(1 for t in under if kind(t) == YEAR) < 2:
        return line
    dated = [bool(YEAR_IN.search(c.text)) for c in top]
    best: tuple[int, list[Cell | None]] | None = None
    for tried, placed in enumerate(_placements(top, dated, under)):
        if tried == _MAX_PLACEMENTS:
            return line  # a header this wide and ambiguous keeps its cells where they stand
        score = _named_years(placed, under)
        if best is None or score > best[0]:
            best = (score, placed)
    as_given: list[Cell | None] = [c if c.text.strip() else None for c in line]
    if best is None or best[0] <= _named_years(as_given, under):
        return line
    return [c if c is not None else Cell("", None) for c in best[1]]


_MAX_PLACEMENTS = 2000


def _placements(top: list[Cell], dated: list[bool], under: list[str]):
    """Every placement of the upper cells in order over the positions of the line under them, a
    dated cell (a group) over one or more labels without a year, any other over one position."""
    width = len(under)

    def place(i: int, at: int, so_far: list[Cell | None]):
        if i == len(top):
            yield so_far + [None] * (width - at)
            return
        for span in range(1, (width - at) - (len(top) - i - 1) + 1):
            if span > 1 and not (dated[i] and all(t and kind(t) != YEAR for t in under[at : at + span])):
                break
            yield from place(i + 1, at + span, so_far + [top[i]] * span)

    for start in range(width - len(top) + 1):
        yield from place(0, start, [None] * start)


def _named_years(placed: list[Cell | None], under: list[str]) -> int:
    score = 0
    for cell, text in zip(placed, under):
        if kind(text) == YEAR:
            score += 1 if cell is not None and not YEAR_IN.search(cell.text) else -1
    return score


def _join(a: str, b: str) -> str:
    b = b.strip()
    if not a:
        return b
    if a.endswith(b):
        return a
    return f"{a} {b}"


def _join_split_words(cells: list[Cell]) -> list[Cell]:
    """`Vermeer-` / `deringen` is one word split over two cells."""
    out: list[Cell] = []
    for c in cells:
        if out and out[-1].text.rstrip().endswith("-") and c.text[:1].islower():
            prev = out.pop()
            out.append(Cell(prev.text.rstrip()[:-1] + c.text.strip(), prev.line, prev.ref))
        else:
            out.append(c)
    return out


def _candidates(cells: list[Cell], width: int, words: frozenset[str], balances: frozenset[str] = frozenset()):
    n = len(cells)
    texts = [c.text.strip() for c in cells]
    kinds = [kind(t) for t in texts]
    # labels over a row of years: L1..Lk then Y1..Yk
    for end in range(n, 2 * width - 1, -1):
        years = range(end - width, end)
        labels = range(end - 2 * width, end - width)
        if all(kinds[i] == YEAR for i in years) and all(kinds[i] != YEAR for i in labels):
            names = tuple(f"{texts[a]} {texts[b]}" for a, b in zip(labels, years))
            yield _score(names, end, n, words) + 1, Header(names, ("",) * width, tuple(cells[end - 2 * width : end]), tuple(cells[: end - 2 * width] + cells[end:]))
            break
    # a year in a cell of its own belongs to the label before it, and so does the date of a balance
    merged: list[tuple[str, list[Cell]]] = []
    for c, t, k in zip(cells, texts, kinds):
        dated = k == YEAR and bool(merged) and merged[-1][0].lower().split()[0] in balances
        if (is_year(t.rstrip("* ")) or dated) and merged and kind(merged[-1][0].split()[-1]) != YEAR and len(merged[-1][1]) == 1:
            merged[-1] = (f"{merged[-1][0]} {t}", merged[-1][1] + [c])
        else:
            merged.append((t, [c]))
    yield from _windows(merged, width, words)
    continued = _join_continuations(merged)
    if len(continued) < len(merged):
        for score, header in _windows(continued, width, words):
            yield score + 0.25, header
    yield from _interleaved(merged, width, words)
    yield from _spaced(cells, width, words)
    yield from _segmented(cells, width, words)
    m = len(merged)
    if 0 < m < width:
        names = tuple(t for t, _ in merged) + tuple(plain_name(j) for j in range(m, width))
        yield 0.5 * _score(names[:m], m, m, words), Header(names, ("",) * width, tuple(cells), ())


def _join_continuations(merged: list[tuple[str, list[Cell]]]) -> list[tuple[str, list[Cell]]]:
    """`Toevoeging` / `aan reserves`: a cell that starts in lower case goes on a capitalised label
    before it (in a header written all in lower case, or with years, every cell is a label)."""
    out: list[tuple[str, list[Cell]]] = []
    for t, cs in merged:
        if out and t[:1].islower() and out[-1][0][:1].isupper() and not _DIGIT.search(t + " " + out[-1][0]):
            out[-1] = (f"{out[-1][0]} {t}", out[-1][1] + cs)
        else:
            out.append((t, cs))
    return out


def _spaced(cells: list[Cell], width: int, words: frozenset[str]):
    """`Baten Lasten Saldo Baten Lasten Saldo` in one cell (a header written with single spaces),
    perhaps under `Primaire begroting 2019 Begroting 2019 na wijziging Realisatie 2019`: one
    word per column, and a group per year above them."""
    if not cells:
        return
    tokens = cells[-1].text.split()
    if len(tokens) < width or width < 2 or not all(columnish(t, words) for t in tokens[-width:]):
        return
    labels = tuple(tokens[-width:])
    groups = ("",) * width
    used = [cells[-1]]
    if len(cells) >= 2:
        above = _year_groups(cells[-2].text)
        if above and width % len(above) == 0 and _repeats(labels, width // len(above)):
            span = width // len(above)
            groups = tuple(above[j // span] for j in range(width))
            used.insert(0, cells[-2])
    rest = tuple(c for c in cells if c not in used)
    yield _score(labels, len(cells), len(cells), words) + 2, Header(labels, groups, tuple(used), rest)


def _segmented(cells: list[Cell], width: int, words: frozenset[str]):
    """`verloopoverzicht reserves Saldo 1-1-2022 Resultaat bestemming Toevoegingen Onttrekkingen
    Saldo 31-12-2022` in one cell: a label starts at each capitalised header word; the last `width`
    of them name the columns, what stands before them is the corner."""
    if width < 2:
        return
    for end in range(len(cells), max(0, len(cells) - 2), -1):  # the header line, or the line before a heading under it
        tokens = cells[end - 1].text.split()
        starts = [i for i, t in enumerate(tokens) if t[:1].isupper() and not _DIGIT.search(t) and columnish(t, words)]
        if len(starts) < width or len(tokens) <= width:
            continue
        starts = starts[-width:]
        labels = tuple(" ".join(tokens[a:b]) for a, b in zip(starts, starts[1:] + [len(tokens)]))
        rest = tuple(c for c in cells if c is not cells[end - 1])
        yield _score(labels, end, len(cells), words) + 1.5, Header(labels, ("",) * width, (cells[end - 1],), rest)


def _year_groups(text: str) -> list[str]:
    """`Primaire begroting 2019 Begroting 2019 na wijziging Realisatie 2019`: one group per year,
    each starting at the last capitalised word before its year."""
    tokens = text.split()
    years = [i for i, t in enumerate(tokens) if YEAR_IN.fullmatch(t.strip("()*,"))]
    if len(years) < 2:
        return []
    starts = []
    previous = -1
    for y in years:
        start = next((i for i in range(y, previous, -1) if tokens[i][:1].isupper()), previous + 1)
        starts.append(start)
        previous = y
    bounds = starts[1:] + [len(tokens)]
    return [" ".join(tokens[a:b]) for a, b in zip(starts, bounds)]


def _interleaved(merged: list[tuple[str, list[Cell]]], width: int, words: frozenset[str]):
    """`Begroting 2025 | Lasten | Baten | Begroting 2026 | Lasten | Baten`: each group before its labels."""
    m = len(merged)
    for g in range(2, width // 2 + 1):
        if width % g:
            continue
        span = width // g
        end = m
        start = end - width - g
        if start < 0:
            continue
        window = merged[start:end]
        group_at = range(0, width + g, span + 1)
        groups = [window[k][0] for k in group_at]
        labels = tuple(t for k, (t, _) in enumerate(window) if k % (span + 1))
        if not _repeats(labels, span) or not all(columnish(t, words) for t in labels):
            continue
        group_names = tuple(groups[j // span] for j in range(width))
        used = [c for _, cs in window for c in cs]
        rest = [c for _, cs in merged[:start] for c in cs]
        yield _score(labels, end, m, words) + 2, Header(labels, group_names, tuple(used), tuple(rest))


def _windows(merged: list[tuple[str, list[Cell]]], width: int, words: frozenset[str]):
    m = len(merged)
    lines: dict[int, int] = {}  # source line -> cells on it
    for _, cs in merged:
        for c in cs:
            if c.line is not None:
                lines[c.line] = lines.get(c.line, 0) + 1
    for end in range(m, width - 1, -1):
        window = merged[end - width : end]
        names = tuple(t for t, _ in window)
        used = [c for _, cs in window for c in cs]
        rest = [c for _, cs in merged[: end - width] + merged[end:] for c in cs]
        # one whole line of exactly the table's width is its header, whatever heading follows it
        whole_line = len({c.line for c in used}) == 1 and used[0].line is not None and lines[used[0].line] == len(used) > 1
        yield _score(names, end, m, words) + (0.75 if whole_line else 0), Header(names, ("",) * width, tuple(used), tuple(rest))
        # groups above the window: g cells, each over width/g columns
        for g in range(2, min(end - width, width // 2) + 1):
            if width % g:
                continue
            span = width // g
            group = merged[end - width - g : end - width]
            if not all(columnish(t, words) for t, _ in group):
                continue
            if not _repeats(names, span):
                continue
            labels = tuple(names[j] for j in range(width))
            group_names = tuple(group[j // span][0] for j in range(width))
            used_g = [c for _, cs in group for c in cs] + used
            rest_g = [c for _, cs in merged[: end - width - g] + merged[end:] for c in cs]
            yield _score(labels, end, m, words) + 2, Header(labels, group_names, tuple(used_g), tuple(rest_g))


def _repeats(names: tuple[str, ...], span: int) -> bool:
    first = [n.lower() for n in names[:span]]
    return all([n.lower() for n in names[k : k + span]] == first for k in range(0, len(names), span))


def _score(names: tuple[str, ...], end: int, total: int, words: frozenset[str]) -> float:
    """How much a choice of labels looks like a header: cells that name columns, close to the rows."""
    named = sum(1 for t in names if columnish(t, words))
    trailing = total - end  # cells between the labels and the first row: corner cells at most
    periods = len(names) >= 2 and all(YEAR_IN.search(t) for t in names)  # every label a year: a header of periods
    adjacent = 0.5 if trailing == 0 else 0  # the cells right before the first row, whatever they say
    return named / max(1, len(names)) * 4 - max(0, trailing - 1) * 1.5 - 0.01 * trailing + (2.5 if periods else 0) + adjacent
