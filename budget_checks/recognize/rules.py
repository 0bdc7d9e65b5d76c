"""Recognise tables in a page with the rulebook.

A table starts at a title the rulebook knows followed by a header that matches
its columns, or at such a header alone. Its rows are read by the layout the rule
declares (amounts, indicator, text). What is table-like (numbers) but not taken
by any table is listed as not recognised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from budget_checks.model import Cell, Page, Prose
from budget_checks.numbers import UNIT_REMAINS, Kind, Parsed, Unit, find_unit, is_year, parse_number, strip_unit, unit_problem
from budget_checks.rulebook import Rulebook, TableRule
from budget_checks.tables import PART, Column, Table, TableRow, Unrecognised
from budget_checks.tolerance import Tolerance
from budget_checks.recognize.widgets import widget_length

_HEADER_LOOKAHEAD = 40  # cells a header may span (split words, two header rows)
_MIN_UNRECOGNISED_NUMBERS = 3
_MAX_CORNER = 3  # label-column headings a header row of cells may open with


class Entry:
    """One item of the page: a row of cells or a prose line. A plain class with its answers
    stored: the recognizer asks them of every item for every rule."""

    __slots__ = ("cells", "prose", "first", "single", "_unit")

    def __init__(self, cells: tuple[Cell, ...], prose: bool = False) -> None:
        self.cells = cells
        self.prose = prose
        self.first = cells[0] if cells else Cell("")
        self.single = len(cells) == 1
        self._unit: tuple[Unit, str] | None | bool = False  # not looked for yet

    @property
    def unit(self) -> tuple[Unit, str] | None:
        """The last unit label among the cells, and its cell's text (prose states none)."""
        if self._unit is False:
            self._unit = None if self.prose else _last_unit(self.cells)
        return self._unit


def rule_tables(page: Page, book: Rulebook, tolerance: Tolerance, layouts: tuple[str, ...],
                widget: list[bool] | None = None) -> tuple[list[Table], list[bool], list["Entry"]]:
    """The tables of the rule modules with one of `layouts`, found by their titles and headers;
    which items they took (widgets too); the items as entries (for what nobody took)."""
    return _scan(page, _of_layouts(book, layouts), tolerance, widget)


_LAYOUT_BOOKS: dict[tuple[int, tuple[str, ...]], tuple[Rulebook, Rulebook]] = {}


def _of_layouts(book: Rulebook, layouts: tuple[str, ...]) -> Rulebook:
    cached = _LAYOUT_BOOKS.get((id(book), layouts))
    if cached is None or cached[0] is not book:
        cached = _LAYOUT_BOOKS[(id(book), layouts)] = (book, Rulebook([t for t in book.tables if t.layout in layouts], book.vocabulary))
    return cached[1]


def unrecognised(entries: list["Entry"], used: list[bool], page: Page) -> list[Unrecognised]:
    return _unrecognised(entries, used, page)


def _scan(page: Page, book: Rulebook, tolerance: Tolerance, widget: list[bool] | None = None) -> tuple[list[Table], list[bool], list["Entry"]]:
    entries = [Entry((Cell(i.text, i.line, i.ref),), prose=True) if isinstance(i, Prose) else Entry(i.cells) for i in page.items]
    tables: list[Table] = []
    used = [False] * len(entries)
    index = _book_index(book)
    if index.year_starts:
        opening = [True] * len(entries)
    else:  # a cheap first test per item: does a cell start with a word a title or header starts with?
        words = index.title_firsts | index.starts
        opening = [any(_cheap_first(c.text) in words for c in entry.cells[: _MAX_CORNER + 1]) for entry in entries]
        if not any(opening):
            return tables, used, entries
    firsts = _FirstWords(entries)
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


def _table_at(entries: list[Entry], pos: int, book: Rulebook, page: Page, index: int, tolerance: Tolerance, firsts: _FirstWords):
    entry = entries[pos]
    if entry.prose:
        return None
    if not _may_open(entries, pos, book, firsts):
        return None
    for rule in book.tables:
        title_cell, unit, start = None, None, pos
        if entry.single and _is_title(entry.first.text, rule):
            title_cell = entry.first
            unit = strip_unit(entry.first.text)[1]
            start = pos + 1
        elif not rule.columns:
            continue  # a header of year columns alone is too common to start a table without its title
        header, corner = _match_header_after_corner(entries, start, rule, firsts)
        if header is None:
            continue
        columns, after, header_unit, unit_text = header
        title = _UNIT_REMAINS.sub("", strip_unit(title_cell.text)[0]) if title_cell else _title_above(entries, pos, rule)
        table = Table(rule, page, index, title, title_cell, columns, unit=unit or header_unit, label_columns=max(1, corner))
        reader = _ROW_READERS[rule.layout]
        end = reader(entries, after, table)
        if not table.rows:
            continue
        if table.unit is None and end < len(entries) and _unit_note(entries[end]):
            table.unit = entries[end].unit[0]  # a note under the table: "(bedragen x € 1.000)"
            end += 1
        if rule.has_unit and table.unit is None:
            table.unit_problem = _unit_problem(title_cell.text if title_cell else unit_text)
        return table, end
    return None


def _title_above(entries: list[Entry], pos: int, rule: TableRule) -> str:
    if pos > 0 and not entries[pos - 1].prose and entries[pos - 1].single:
        text = strip_unit(entries[pos - 1].first.text)[0]
        if _is_title(text, rule):
            return text
    return rule.name


def _unit_problem(label: str) -> str:
    return unit_problem(label)


@lru_cache(maxsize=1 << 16)  # the same labels and cells recur on every page
def _norm(text: str) -> str:
    text = text.lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"[−–—]", "-", text)  # "begroting − realisatie" reads as "begroting - realisatie"
    return " ".join(re.sub(r"[^\w'/()%€.+-]+", " ", text).split())


_UNIT_REMAINS = UNIT_REMAINS


def _is_title(text: str, rule: TableRule) -> bool:
    """A rule's title, with any unit label (understood or not) taken off, and
    perhaps a year group after it ("Overzicht baten en lasten Begroting 2025":
    one group of a table with year groups, split by the reader)."""
    bare = _bare_title(text)
    index = _index(rule)
    if bare.partition(" ")[0] not in index.title_firsts:
        return False  # the cheap test that most cells fail
    for t in index.titles:
        if bare == t or (bare.startswith(t + " ") and _YEAR_GROUP.fullmatch(bare[len(t) :])):
            return True
    return False


@lru_cache(maxsize=1 << 16)
def _bare_title(text: str) -> str:
    return _norm(_UNIT_REMAINS.sub("", strip_unit(text)[0]))


_YEAR_GROUP = re.compile(r"\s*[-–:]?\s*\(?(?:[a-z]+\s){0,3}(?:19|20|21)\d\d(?:\s[a-z.]+){0,3}\)?")


# ---------------------------------------------------------------- header


@lru_cache(maxsize=1 << 16)
def _label_tokens(label: str) -> tuple[str, ...]:
    # "{year}" may stand inside a word: "Stand 31-12-{year}" has the token "31-12-{year}"
    return tuple(_norm(label.replace("{year}", "yyyy")).replace("yyyy", "{year}").split())


_Candidate = tuple[int, str, "str | None", tuple[str, ...]]  # (order in the rule, key, group, label tokens)


@dataclass(frozen=True, slots=True)
class _RuleIndex:
    """What the recognizer asks of a rule at almost every cell, worked out once per rule."""

    rule: TableRule  # held, so the id it is cached under is not reused
    titles: tuple[str, ...]  # normalised titles
    title_firsts: frozenset[str]  # their first words
    starts: frozenset[str]  # first words of the column labels without a {year}
    year_starts: tuple[str, ...]  # first words of the column labels with a {year}
    by_first: dict[str, tuple[_Candidate, ...]]  # column labels by their first word (without a {year})
    year_first: tuple[_Candidate, ...]  # column labels whose first word has a {year}


_INDEXES: dict[int, _RuleIndex] = {}


def _index(rule: TableRule) -> _RuleIndex:
    cached = _INDEXES.get(id(rule))
    if cached is None or cached.rule is not rule:
        titles = tuple(_norm(t) for t in rule.titles)
        labels = [(key, None, _label_tokens(label)) for key, labels in rule.columns.items() for label in labels]
        labels += [(key, key, _label_tokens(label)) for key, labels in rule.groups.items() for label in labels]
        candidates = [(order, *label) for order, label in enumerate(labels) if label[2]]
        by_first: dict[str, list[_Candidate]] = {}
        for candidate in candidates:
            if "{year}" not in candidate[3][0]:
                by_first.setdefault(candidate[3][0], []).append(candidate)
        year_first = tuple(c for c in candidates if "{year}" in c[3][0])
        cached = _INDEXES[id(rule)] = _RuleIndex(
            rule, titles, frozenset(t.partition(" ")[0] for t in titles),
            frozenset(by_first), tuple(c[3][0] for c in year_first), {word: tuple(c) for word, c in by_first.items()}, year_first,
        )
    return cached


def _opens(word: str, starts: frozenset[str], year_starts: tuple[str, ...]) -> bool:
    """Whether a column label can start with this word: a cheap test that spares matching
    a header at almost every cell of a page."""
    return word in starts or any(_token_matches(f, word) for f in year_starts)


def _may_start(rule: TableRule, word: str) -> bool:
    index = _index(rule)
    return _opens(word, index.starts, index.year_starts)


@dataclass(frozen=True, slots=True)
class _BookIndex:
    """The same for the whole rulebook: can any rule's table start at a cell at all?"""

    tables: tuple[TableRule, ...]  # held, so the id it is cached under is not reused
    title_firsts: frozenset[str]
    starts: frozenset[str]
    year_starts: tuple[str, ...]


_BOOKS: dict[int, _BookIndex] = {}


def _book_index(book: Rulebook) -> _BookIndex:
    index = _BOOKS.get(id(book))
    if index is None or index.tables != tuple(book.tables):
        rules = [_index(rule) for rule in book.tables]
        index = _BOOKS[id(book)] = _BookIndex(
            tuple(book.tables), frozenset().union(*(r.title_firsts for r in rules)),
            frozenset().union(*(r.starts for r in rules)), tuple(w for r in rules for w in r.year_starts),
        )
    return index


def _may_open(entries: list[Entry], pos: int, book: Rulebook, firsts: _FirstWords) -> bool:
    """A cheap test that most cells of a page fail: the cell could be a rule's title, or a
    rule's header could start at it (after 0 to 3 corner cells). Exact tests follow per rule."""
    index = _book_index(book)
    entry = entries[pos]
    if entry.single and _bare_title(entry.first.text).partition(" ")[0] in index.title_firsts:
        return True
    for corner in range(min(_MAX_CORNER, len(entry.cells) - 1) + 1):
        word = firsts(pos, corner)
        if word is not None and _opens(word, index.starts, index.year_starts):
            return True
    return False


_PUNCTUATION = "():,.*'\"-–‘’“”"


def _cheap_first(text: str) -> str:
    parts = text.split(maxsplit=1)
    return parts[0].lower().strip(_PUNCTUATION) if parts else ""


class _FirstWords:
    """The first word a header would read from `start` on after skipping `corner` cells,
    for every rule tried at one place of the page (it does not depend on the rule)."""

    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries
        self.found: dict[tuple[int, int], str | None] = {}

    def __call__(self, start: int, corner: int) -> str | None:
        key = (start, corner)
        if key not in self.found:
            self.found[key] = self._first(start, corner)
        return self.found[key]

    def _first(self, start: int, corner: int) -> str | None:
        words = _HeaderWords(self.entries, start, corner)
        return words.tokens[0][0] if words.reach(1) else None


def _token_matches(pattern: str, token: str) -> bool:
    if pattern == "{year}":
        return is_year(token)
    if "{year}" in pattern:
        head, _, tail = pattern.partition("{year}")
        return token.startswith(head) and token.endswith(tail) and is_year(token[len(head) : len(token) - len(tail)])
    return pattern == token


def _years(words: list[str], pattern: list[str]) -> list[str]:
    """The years that the {year} places of a label pattern matched."""
    out = []
    for word, part in zip(words, pattern):
        if "{year}" in part:
            head, _, tail = part.partition("{year}")
            out.append(word[len(head) : len(word) - len(tail)])
    return out


def _match_header_after_corner(entries: list[Entry], start: int, rule: TableRule, firsts: _FirstWords):
    """A header row of cells may open with the heading of its label column(s)
    ("Programma", "Omschrijving", an empty corner, a unit label): try the header
    after 0, 1, 2 or 3 such cells. Returns (header or None, cells skipped)."""
    width = len(entries[start].cells) if start < len(entries) and not entries[start].prose else 1
    for corner in range(min(_MAX_CORNER, width - 1) + 1):
        first = firsts(start, corner)
        if first is None or not _may_start(rule, first):
            continue  # no column label of the rule starts with the header's first word
        header = _match_header(entries, start, rule, corner)
        if header is not None:
            return header, corner
    return None, 0


def _match_header(entries: list[Entry], start: int, rule: TableRule, corner: int = 0):
    """Match column labels against the words of the cells from `start` on.

    Returns (columns, index after the header, unit, unit text) or None. A header
    ends at a cell boundary; labels may be split over several cells. The first
    `corner` cells of the first row only give the unit, if they state one.
    """
    words = _HeaderWords(entries, start, corner)
    tokens, shown, ends = words.tokens, words.shown, words.ends
    index = _index(rule)
    columns: list[Column] = []
    used: set[str] = set()
    p = 0
    last_end = None
    while words.reach(p + 1):
        best = None  # the longest label that matches here; of equally long ones the rule's first
        for order, key, group, pattern in (*index.by_first.get(tokens[p][0], ()), *index.year_first):
            if group is None and key in used:
                continue
            n = len(pattern)
            if words.reach(p + n) and p + n in ends and all(_token_matches(pattern[i], tokens[p + i][0]) for i in range(n)):
                if best is None or n > len(best[3]) or (n == len(best[3]) and order < best[0]):
                    best = (order, key, group, pattern)
        if best is None:
            break
        _, key, group, pattern = best
        matched = [tokens[p + i][0] for i in range(len(pattern))]
        label = " ".join(dict.fromkeys(shown[p : p + len(pattern)]))
        if group is None:
            used.add(key)
            columns.append(Column(key, label))
        else:
            suffix = "_".join(_years(matched, pattern)) or str(sum(1 for c in columns if c.group == key) + 1)
            tail = "_ev" if len(pattern) > 2 and "{year}" not in pattern[-1] else ""
            columns.append(Column(f"{key}_{suffix}{tail}", label, group=key))
        p += len(pattern)
        last_end = tokens[p - 1][1]
    plain = sum(1 for c in columns if c.group is None)
    if last_end is None or len(columns) < rule.min_header or plain < min(rule.min_header, len(rule.columns)):
        return None
    if words.reach(p + 1) and tokens[p][1] == last_end:
        return None  # the header would end inside a row of cells
    unit, unit_text = None, ""
    for e in range(last_end, start - 1, -1):  # a unit label among the header's cells: the last one counts
        if entries[e].unit:
            unit, unit_text = entries[e].unit
            break
    return columns, last_end + 1, unit, unit_text


def _unit_note(entry: Entry) -> bool:
    """A line that states a unit and nothing else ("(x € 1.000)", "Bedragen in duizenden euro's"),
    not the title of the next table ("Overzicht kredieten (x €1.000)")."""
    return entry.single and not entry.prose and entry.unit is not None and not _bare_title(entry.first.text)


def _last_unit(cells: tuple[Cell, ...]) -> tuple[Unit, str] | None:
    for cell in reversed(cells):
        found = _unit_in(cell.text)
        if found:
            return found[0], cell.text
    return None


def _unit_in(text: str):
    return _cached_unit(text) if len(text) <= 200 else find_unit(text)  # huge cells never stay in memory


@lru_cache(maxsize=1 << 14)  # header and label cells recur on every page
def _cached_unit(text: str):
    return find_unit(text)


class _HeaderWords:
    """The normalised words of the cells a header may span from `start` on (up to forty
    entries, never past prose), after `corner` cells of the first row; made only as far as
    the matching reads (a header is a few cells)."""

    def __init__(self, entries: list[Entry], start: int, corner: int) -> None:
        end = start
        while end < min(len(entries), start + _HEADER_LOOKAHEAD) and not entries[end].prose:
            end += 1
        self.tokens: list[tuple[str, int, int]] = []  # (normalised word, entry index, cell index)
        self.shown: list[str] = []  # the same words as the header shows them
        self.ends: set[int] = set()  # token positions that end a cell
        self._cells = ((e, c, cell) for e in range(start, end) for c, cell in enumerate(entries[e].cells) if e > start or c >= corner)

    def reach(self, n: int) -> bool:
        """Make words until there are n; False when the cells run out first."""
        while len(self.tokens) < n:
            nxt = next(self._cells, None)
            if nxt is None:
                return False
            e, c, cell = nxt
            text = strip_unit(cell.text)[0] if _unit_in(cell.text) else cell.text
            for word in text.split():
                for part in _label_tokens(word):
                    self.tokens.append((part, e, c))
                    self.shown.append(word)
            if self.tokens:
                self.ends.add(len(self.tokens))
        return True


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


_ROW_READERS = {"indicator": _read_indicator_rows, "text": _read_text_rows}


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
