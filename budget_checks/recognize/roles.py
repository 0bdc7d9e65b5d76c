"""The rulebook's vocabulary: which column or row is lasten, saldo, stand 31-12, a total.

Every family declares its column labels with their synonyms (rules/*.toml) and the
shared words live in rules/vocabulary.toml. A column gets a role when its label is one
of a family's labels; a row gets one the same way, so that an overview with line items
as rows (`Lasten`, `Baten`, `Saldo` per year) is read like one with line items as
columns. Nothing here looks at numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from budget_checks.numbers import is_year, strip_unit
from budget_checks.rulebook import Rulebook
from budget_checks.tables import SUBTOTAL, TOTAL, Table

_FORMULA = re.compile(r"\((?:[a-z]|\d{1,2})\)(?:\s*[-+]\s*\((?:[a-z]|\d{1,2})\))*|\*+|\b[a-z]\)\s*$|=\s*[a-z](?:\s*[-+]\s*[a-z])+", re.IGNORECASE)


@lru_cache(maxsize=1 << 16)
def norm(text: str) -> str:
    """Lower case, formula letters and unit notes taken off, one kind of dash, single spaces."""
    text = strip_unit(text)[0] if "€" in text or "1.000" in text else text
    text = _FORMULA.sub(" ", text)
    text = text.lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"[−–—]", "-", text)
    text = re.sub(r"[^\w'/%€.+&-]+", " ", text)
    return " ".join(w.strip(".") if w not in (".",) else w for w in text.split())


_SOFT_HYPHEN = re.compile(r"(?<=[a-z])-(?=[a-z]{3})")  # inside a word, before its lower-case rest

_QUALIFIERS = frozenset({"exclusief", "inclusief", "excl", "incl", "voor", "vóór", "na", "van", "zonder", "met"})


@dataclass(frozen=True, slots=True)
class Role:
    kind: str  # the family
    key: str  # its column key ("lasten", "begin", "raming")
    group: bool  # a repeating column (one per year)


@dataclass(frozen=True, slots=True)
class Vocabulary:
    header: frozenset[str]  # first words of column headings
    totals: tuple[str, ...]
    results: frozenset[str]
    differences: frozenset[str]
    balances: frozenset[str]
    increases: frozenset[str]
    decreases: frozenset[str]
    costs: frozenset[str]
    parts: frozenset[str]
    patterns: tuple[tuple[tuple[str, ...], Role], ...]  # label tokens ({year} where a year stands) -> role
    by_first: dict[str, tuple[tuple[tuple[str, ...], Role], ...]] = field(default_factory=dict)  # patterns by their first word
    year_first: tuple[tuple[tuple[str, ...], Role], ...] = ()  # patterns whose first word holds a {year}
    found: dict[str, tuple[Role, ...]] = field(default_factory=dict)  # label -> its roles, as asked


_CACHE: dict[int, tuple[Rulebook, Vocabulary]] = {}


def vocabulary(book: Rulebook) -> Vocabulary:
    cached = _CACHE.get(id(book))
    if cached is not None and cached[0] is book:
        return cached[1]
    patterns: list[tuple[tuple[str, ...], Role]] = []
    for rule in book.tables:
        for key, labels in rule.columns.items():
            patterns += [(_tokens(label), Role(rule.kind, key, False)) for label in labels]
        for key, labels in rule.groups.items():
            patterns += [(_tokens(label), Role(rule.kind, key, True)) for label in labels]
    patterns = [p for p in patterns if p[0]]
    patterns.sort(key=lambda p: -len(p[0]))  # the longest label first
    header = {p[0][0] for p in patterns if "{year}" not in p[0][0]} | set(book.vocabulary.get("header", ()))
    by_first: dict[str, list] = {}
    for pattern in patterns:
        if "{year}" not in pattern[0][0]:
            by_first.setdefault(pattern[0][0], []).append(pattern)
    found = Vocabulary(
        frozenset(header), tuple(book.vocabulary.get("totals", ())), frozenset(book.vocabulary.get("results", ())),
        frozenset(book.vocabulary.get("differences", ())),
        frozenset(book.vocabulary.get("balances", ())), frozenset(book.vocabulary.get("increases", ())),
        frozenset(book.vocabulary.get("decreases", ())), frozenset(book.vocabulary.get("costs", ())),
        frozenset(book.vocabulary.get("parts", ())), tuple(patterns),
        {word: tuple(p) for word, p in by_first.items()}, tuple(p for p in patterns if "{year}" in p[0][0]),
    )
    _CACHE[id(book)] = (book, found)
    return found


def _tokens(label: str) -> tuple[str, ...]:
    return tuple(norm(label.replace("{year}", "yyyy")).replace("yyyy", "{year}").split())


def _matches(pattern: tuple[str, ...], words: list[str]) -> bool:
    if len(pattern) != len(words):
        return False
    for p, w in zip(pattern, words):
        if p == "{year}":
            if not is_year(w):
                return False
        elif "{year}" in p:
            head, _, tail = p.partition("{year}")
            if not (w.startswith(head) and w.endswith(tail) and is_year(w[len(head) : len(w) - len(tail)])):
                return False
        elif p != w:
            return False
    return True


@lru_cache(maxsize=1 << 16)
def _words(label: str) -> tuple[str, ...]:
    return tuple(norm(label).split())


def roles_of(label: str, vocab: Vocabulary) -> tuple[Role, ...]:
    """Every role whose label this is: exactly, or with a year, a group or a note around it."""
    cached = vocab.found.get(label)
    if cached is not None:
        return cached
    words = list(_words(label))
    variants = [words] if words else []
    joined = [_SOFT_HYPHEN.sub("", w) for w in words]
    if joined != words:
        variants.append(joined)  # `Toe-voegingen`, `Aan-wendingen`: a word hyphenated where a line broke
    apart = [part for w in joined for part in ((w[:-1], "-") if len(w) > 1 and w.endswith("-") else (w,))]
    if apart != joined:
        joined = apart  # `Verschil begroot- werkelijk`: a minus between two words, not a word broken at the line's end
        variants.append(joined)
    bare = [w for w in joined if not is_year(w)]
    if bare != joined and bare:
        variants.append(bare)  # "Lasten 2025", "Begroting 2025 primitief" without the year
    out: list[Role] = []
    for variant in variants:
        for tokens, role in (*vocab.by_first.get(variant[0], ()), *vocab.year_first):
            if role not in out and _matches(tokens, variant):
                out.append(role)
    if not out and words:
        # `Lasten exclusief stortingen in reserves`, `Saldo van baten en lasten`: a label, then what qualifies it
        cut = next((i for i, w in enumerate(words) if i and w in _QUALIFIERS), None)
        if cut is not None:
            head = words[:cut]
            out = [role for tokens, role in (*vocab.by_first.get(head[0], ()), *vocab.year_first) if _matches(tokens, head)]
    ordered = tuple(role for _, role in vocab.patterns if role in out)  # the longest label first
    vocab.found[label] = tuple(dict.fromkeys(ordered))
    return vocab.found[label]


def is_total_label(label: str, vocab: Vocabulary) -> bool:
    words = _words(label)
    return bool(words) and (words[0] in vocab.totals or (len(words) > 1 and f"{words[0]} {words[1]}" in vocab.totals))


def is_result_label(label: str, vocab: Vocabulary, besides: tuple[str, ...] = ()) -> bool:
    """A result by one of its first words; `besides`: words that do not count here."""
    return any(w in vocab.results and w not in besides for w in _words(label)[:4])


def is_cost_label(label: str, vocab: Vocabulary) -> bool:
    """`Lasten`, `Totaal lasten`: a row of costs."""
    words = _words(label)
    if len(words) > 1 and words[0] in vocab.totals:
        words = words[1:]
    return bool(words) and words[0] in vocab.costs


def is_part_label(label: str, vocab: Vocabulary) -> bool:
    """`waarvan 20-64 jaar`: a part of the row above the run it stands in."""
    words = _words(label)
    return bool(words) and words[0] in vocab.parts


def is_difference_label(label: str, vocab: Vocabulary) -> bool:
    return any(w in vocab.differences for w in _words(label)[:3])


def cost_rows(table: Table, vocab: Vocabulary) -> set[int]:
    """Rows of costs: labelled so (`Lasten`, `Totaal lasten`), under a heading of costs, or closed by a
    total of costs (the items above `Totaal lasten` since the last heading or total)."""
    out: set[int] = set()
    block: list[int] = []
    under_costs = False
    for r, row in enumerate(table.rows):
        costly = is_cost_label(row.label, vocab)
        if row.placement == "heading":
            under_costs, block = costly, []
            continue
        if costly or under_costs:
            out.add(r)
        if costly and row.role in (TOTAL, SUBTOTAL) or is_total_label(row.label, vocab):
            if costly:
                out.update(block)
            block = []
            continue
        block.append(r)
    return out


def net_cost_rows(table: Table, values, known, vocab: Vocabulary) -> set[int]:
    """The rows of costs, and a saldo that is costs minus revenue (`Saldo` = `Totaal lasten` -
    `Totaal baten` in the table's amounts): a net cost, whose verschil is taken as the costs take theirs.
    `values`, `known`: the table's amounts as integers (rows x columns) and where they are known."""
    costs = cost_rows(table, vocab)
    totals = [r for r, row in enumerate(table.rows) if row.placement != "heading" and is_total_label(row.label, vocab)]
    amounts = [j for j, column in enumerate(table.columns) if not is_difference_label(column.label, vocab)]
    for r, row in enumerate(table.rows):
        words = _words(row.label)
        if r in costs or not words or words[0] not in ("saldo", "saldi"):
            continue
        above_costs = [t for t in totals if t < r and t in costs]
        above_other = [t for t in totals if t < r and t not in costs]
        if not above_costs or not above_other:
            continue
        c, b = above_costs[-1], above_other[-1]
        shown = [j for j in amounts if known[r][j] and known[c][j] and known[b][j] and values[c][j] != values[b][j]]
        if shown and all(abs(values[r][j] - (values[c][j] - values[b][j])) <= 1 for j in shown):
            costs.add(r)
    return costs
