"""Formulas that labels state: rows or columns lettered (a), (b), and one that says `(= a - b)`.

    Begrotingssaldo (a)                          1.157
    Waarvan incidentele baten en lasten (b)     -2.318
    Structureel begrotingssaldo (= a - b)        3.475

A row (or column) whose label holds a formula over the letters of other rows (columns)
equals that signed sum, whatever the numbers suggest: the page says so itself.
"""

from __future__ import annotations

import re

from budget_checks.tables import Relation, Table, Term

CODE = "ST102"
_TAG = re.compile(r"\(\s*([a-zA-Z])\s*\)(?!\s*[-+−–])")  # (a), (B) ... not the first letter of a formula
_FORMULA = re.compile(r"\(?\s*=?\s*\(?([a-zA-Z])\)?((?:\s*[-+−–]\s*\(?[a-zA-Z]\)?)+)\s*\)?")
_TERM = re.compile(r"([-+−–])\s*\(?([a-zA-Z])\)?")


def _formula(label: str) -> tuple[str, list[tuple[str, int]]] | None:
    """The letters and signs of a formula in a label: "(= a - b)" -> [("a", 1), ("b", -1)]."""
    for match in _FORMULA.finditer(label):
        text = match.group(0)
        if not ("(" in text or "=" in text):
            continue  # "a-b" inside a word is no formula; a formula stands in brackets or after "="
        terms = [(match.group(1).lower(), 1)]
        terms += [(letter.lower(), -1 if sign in "-−–" else 1) for sign, letter in _TERM.findall(match.group(2))]
        if len({t for t, _ in terms}) == len(terms) >= 2:
            return text, terms
    return None


_NAMED = re.compile(r"^\s*([a-zA-Z])\s*=")  # "d = a + b + c": the row is d


def _tag(label: str) -> str | None:
    named = _NAMED.match(label)
    if named:
        return named.group(1).lower()
    found = _TAG.findall(label)
    return found[-1].lower() if len(found) == 1 else None


def row_formulas(table: Table) -> list[tuple[int, tuple[int, ...], tuple[int, ...]]]:
    """(target row, rows, signs) of every row whose label states a formula over lettered rows above it."""
    tagged: dict[str, int] = {}
    out: list[tuple[int, tuple[int, ...], tuple[int, ...]]] = []
    if len(table.rows) < 3:
        return out  # a formula of two lettered rows at least, and its own
    for r, row in enumerate(table.rows):
        if row.placement == "heading":
            continue
        formula = _formula(row.label)
        if formula is not None:
            _, terms = formula
            if all(letter in tagged for letter, _ in terms):
                out.append((r, tuple(tagged[letter] for letter, _ in terms), tuple(sign for _, sign in terms)))
        tag = _tag(row.label)
        if tag is not None and tag not in tagged:
            tagged[tag] = r
    return out


def formula_relations(table: Table, found: list[tuple[int, tuple[int, ...], tuple[int, ...]]], code: str = CODE) -> list[Relation]:
    out = []
    for target, rows, signs in found:
        holds = f"{table.rows[target].label} = " + " ".join(("+ " if s > 0 else "- ") + table.rows[r].label for r, s in zip(rows, signs)).removeprefix("+ ")
        for j in range(len(table.columns)):
            out.append(Relation(code, (target, j), tuple(Term(r, j, s) for r, s in zip(rows, signs)), holds, "structure"))
    return out
