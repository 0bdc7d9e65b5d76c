"""The figures that cross-page checks compare: table rows keyed by what they are about.

A row is keyed by its goal (`Doel 1.2.3 ...`), its programme (`Programma 1 ...`, or the
Totaal row of a programme's page), or else its label. Rows with one key in tables of one
family show the same figures; groups.py gathers them, disagree.py compares them column by column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from budget_checks.model import Page
from budget_checks.tables import PART, TOTAL, Table, TableRow

_GOAL = re.compile(r"^(?:beschrijving\s+)?doel\s+(\d+(?:\.\d+)+)\b", re.IGNORECASE)
_PROGRAMME = re.compile(r"^programma\s+(\d+)\b", re.IGNORECASE)
SLIP = 1_000  # the factor a wrong or missing unit label puts between two pages


@dataclass(frozen=True, slots=True)
class Figure:
    """One readable row of one amounts table."""

    document: str
    table: Table
    row: TableRow
    key: tuple[str, str]  # ("doel", "1.2.3"), ("programma", "1") or ("label", "algemene reserve")

    @property
    def page(self) -> Page:
        return self.table.page


def subject(page: Page) -> tuple[str, str] | None:
    """What a page is about, from its title: a goal or a programme."""
    return _subject(page.title)


@lru_cache(maxsize=1024)  # asked for every row of every table of a page
def _subject(title: str) -> tuple[str, str] | None:
    title = title.strip()
    for kind, pattern in (("doel", _GOAL), ("programma", _PROGRAMME)):
        match = pattern.match(title)
        if match:
            return kind, match.group(1)
    return None


def row_key(table: Table, row: TableRow) -> tuple[str, str] | None:
    label = " ".join(row.label.split())
    for kind, pattern in (("doel", _GOAL), ("programma", _PROGRAMME)):
        match = pattern.match(label)
        if match:
            return kind, match.group(1)
    page_subject = subject(table.page)
    if row.role == TOTAL and page_subject and page_subject[0] == "programma":
        return page_subject  # the Totaal of a programme's page is that programme's figure
    if row.role == PART and label:
        return "label", label.lower()
    return None


def figures(document: str, tables: list[Table]) -> list[Figure]:
    out = []
    for table in tables:
        if table.rule.layout != "amounts" or not table.rule.has_unit or not table.rule.columns:
            continue  # a generic table's columns say nothing that another table could repeat
        for row in table.rows:
            if row.placement not in ("given", "placed"):
                continue
            key = row_key(table, row)
            if key:
                out.append(Figure(document, table, row, key))
    return out


def named(figure: Figure) -> bool:
    """The row's own label names its goal or programme."""
    label = " ".join(figure.row.label.split())
    return bool(_GOAL.match(label) or _PROGRAMME.match(label))


def agree(x: int, sx: int, y: int, sy: int) -> bool:
    """Two displayed amounts in scales sx and sy show one figure (rounding allowed)."""
    return abs(x * sx - y * sy) <= max(sx, sy) // 2


def in_scale(x: int, sx: int, sy: int) -> int:
    """An amount shown in scale sx, expressed in scale sy (rounded half up)."""
    return (x * sx * 2 + sy) // (2 * sy) if sy else x
