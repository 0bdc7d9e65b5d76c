"""Where a rule layout's table starts: the cheap first tests on a page's items (does a cell open
with a word some title or header of the rulebook opens with?), then the header of a rule's columns
matched against the cells, words split over cells and lines, a corner of label headings before it,
and the unit label among its cells."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from budget_checks.numbers import find_unit, is_year, strip_unit
from budget_checks.recognize.entries import Entry, bare_title, norm_words
from budget_checks.rulebook import Rulebook, TableRule
from budget_checks.tables import Column

HEADER_LOOKAHEAD = 40  # cells a header may span (split words, two header rows)
MAX_CORNER = 3  # label-column headings a header row of cells may open with


# ---------------------------------------------------------------- header


@lru_cache(maxsize=1 << 16)
def _label_tokens(label: str) -> tuple[str, ...]:
    # "{year}" may stand inside a word: "Stand 31-12-{year}" has the token "31-12-{year}"
    return tuple(norm_words(label.replace("{year}", "yyyy")).replace("yyyy", "{year}").split())


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


def rule_index(rule: TableRule) -> _RuleIndex:
    cached = _INDEXES.get(id(rule))
    if cached is None or cached.rule is not rule:
        titles = tuple(norm_words(t) for t in rule.titles)
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
    index = rule_index(rule)
    return _opens(word, index.starts, index.year_starts)


@dataclass(frozen=True, slots=True)
class _BookIndex:
    """The same for the whole rulebook: can any rule's table start at a cell at all?"""

    tables: tuple[TableRule, ...]  # held, so the id it is cached under is not reused
    title_firsts: frozenset[str]
    starts: frozenset[str]
    year_starts: tuple[str, ...]


_BOOKS: dict[int, _BookIndex] = {}


def book_index(book: Rulebook) -> _BookIndex:
    index = _BOOKS.get(id(book))
    if index is None or index.tables != tuple(book.tables):
        rules = [rule_index(rule) for rule in book.tables]
        index = _BOOKS[id(book)] = _BookIndex(
            tuple(book.tables), frozenset().union(*(r.title_firsts for r in rules)),
            frozenset().union(*(r.starts for r in rules)), tuple(w for r in rules for w in r.year_starts),
        )
    return index


def may_open(entries: list[Entry], pos: int, book: Rulebook, firsts: FirstWords) -> bool:
    """A cheap test that most cells of a page fail: the cell could be a rule's title, or a
    rule's header could start at it (after 0 to 3 corner cells). Exact tests follow per rule."""
    index = book_index(book)
    entry = entries[pos]
    if entry.single and bare_title(entry.first.text).partition(" ")[0] in index.title_firsts:
        return True
    for corner in range(min(MAX_CORNER, len(entry.cells) - 1) + 1):
        word = firsts(pos, corner)
        if word is not None and _opens(word, index.starts, index.year_starts):
            return True
    return False


_PUNCTUATION = "():,.*'\"-–‘’“”"


def cheap_first(text: str) -> str:
    parts = text.split(maxsplit=1)
    return parts[0].lower().strip(_PUNCTUATION) if parts else ""


class FirstWords:
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


def match_header_after_corner(entries: list[Entry], start: int, rule: TableRule, firsts: FirstWords):
    """A header row of cells may open with the heading of its label column(s)
    ("Programma", "Omschrijving", an empty corner, a unit label): try the header
    after 0, 1, 2 or 3 such cells. Returns (header or None, cells skipped)."""
    width = len(entries[start].cells) if start < len(entries) and not entries[start].prose else 1
    for corner in range(min(MAX_CORNER, width - 1) + 1):
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
    index = rule_index(rule)
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


class _HeaderWords:
    """The normalised words of the cells a header may span from `start` on (up to forty
    entries, never past prose), after `corner` cells of the first row; made only as far as
    the matching reads (a header is a few cells)."""

    def __init__(self, entries: list[Entry], start: int, corner: int) -> None:
        end = start
        while end < min(len(entries), start + HEADER_LOOKAHEAD) and not entries[end].prose:
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
            text = strip_unit(cell.text)[0] if find_unit(cell.text) else cell.text
            for word in text.split():
                for part in _label_tokens(word):
                    self.tokens.append((part, e, c))
                    self.shown.append(word)
            if self.tokens:
                self.ends.add(len(self.tokens))
        return True
