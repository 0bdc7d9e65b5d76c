"""The figures that cross-page checks compare: table rows keyed by what they are about.

A row is keyed by its goal (`Doel 1.2.3 ...`), its programme (`Programma 1 ...`, or the
Totaal row of a programme's page), or else its label. Two rows with one key in tables of
one family show the same figures, and are compared column by column in euros.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import combinations

from budget_checks.model import Page
from budget_checks.numbers import YEAR_IN
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

    def values(self) -> dict[str, int]:
        """Displayed amounts per column key (empty cells count as 0, unreadable ones are left out);
        only columns with a role say which figure they hold."""
        out = {}
        for i, column in enumerate(self.table.columns):
            if not column.role:
                continue
            amount = self.row.amount(i)
            if amount is not None:
                out[column.key] = amount
        return out


def subject(page: Page) -> tuple[str, str] | None:
    """What a page is about, from its title: a goal or a programme."""
    title = page.title.strip()
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


def pairs(document: str, tables: list[Table]):
    """Every two figures of one family and one key in different tables of a document.

    Label keys pair only on pages about the same subject (a `Lasten` row of programme 1
    is not the `Lasten` row of programme 2)."""
    groups: dict[tuple, list[Figure]] = {}
    for figure in figures(document, tables):
        groups.setdefault((figure.table.kind, figure.key), []).append(figure)
    for (_, key), members in groups.items():
        for a, b in combinations(members, 2):
            if a.table is b.table:
                continue
            if a.page is b.page and not (_named(a) and _named(b)):
                continue  # two tables of one page: one label, or the page's subject, names two things there
            if key[0] == "label" and subject(a.page) != subject(b.page):
                continue
            yield a, b


def _named(figure: Figure) -> bool:
    """The row's own label names its goal or programme."""
    label = " ".join(figure.row.label.split())
    return bool(_GOAL.match(label) or _PROGRAMME.match(label))


def is_goal_pair(a: Figure, b: Figure) -> bool:
    """A goal's row on its own page and on its programme's page (in either order)."""
    if a.key[0] != "doel":
        return False
    return (subject(a.page) == a.key and _on_programme_page(b)) or (subject(b.page) == b.key and _on_programme_page(a))


def _on_programme_page(figure: Figure) -> bool:
    found = subject(figure.page)
    return bool(found and found[0] == "programma")


def common_columns(a: Figure, b: Figure) -> list[str]:
    """Columns both rows fill, for the same years (`Stand 1-1-2025` is not `Stand 1-1-2026`)."""
    va, vb = a.values(), b.values()
    if _all_years(a.table) != _all_years(b.table):
        return []  # tables of different years: "Toevoegingen" of 2024 is not that of 2025
    titled_a, titled_b = set(YEAR_IN.findall(a.table.title)), set(YEAR_IN.findall(b.table.title))
    if titled_a and titled_b and titled_a != titled_b:
        return []  # the year groups of one table, split by the reader ("... Begroting 2025", "... Begroting 2026")
    years_b = {c.key: YEAR_IN.findall(c.label) for c in b.table.columns}
    return [c.key for c in a.table.columns if c.key in va and c.key in vb and YEAR_IN.findall(c.label) == years_b[c.key]]


def _all_years(table: Table) -> set[str]:
    return {year for column in table.columns for year in YEAR_IN.findall(column.label)}


def agree(x: int, sx: int, y: int, sy: int) -> bool:
    """Two displayed amounts in scales sx and sy show one figure (rounding allowed)."""
    return abs(x * sx - y * sy) <= max(sx, sy) // 2


def slipped(a: Figure, b: Figure, columns: list[str]) -> str:
    """'×1.000' when a's rows are a thousand times b's, '×1/1.000' for the other way, else ''."""
    va, vb = a.values(), b.values()
    sa, sb = a.table.scale, b.table.scale
    shown = [(va[c] * sa, vb[c] * sb) for c in columns]
    if not any(x or y for x, y in shown):
        return ""
    for big, small, unit_big, unit_small, name in ((0, 1, sa, sb, "×1.000"), (1, 0, sb, sa, "×1/1.000")):
        if all(abs(p[big] - SLIP * p[small]) <= (SLIP * unit_small + unit_big) // 2 for p in shown):
            return name
    return ""


def in_scale(x: int, sx: int, sy: int) -> int:
    """An amount shown in scale sx, expressed in scale sy (rounded half up)."""
    return (x * sx * 2 + sy) // (2 * sy) if sy else x


def passed(code: str, a: Figure, b: Figure, columns: list[str]) -> dict:
    labels = {c.key: c.label for c in a.table.columns}
    return {
        "code": code,
        "document": a.document,
        "pages": [a.page.path, b.page.path],
        "table": a.table.kind,
        "row": a.row.label,
        "rows": [a.row.label, b.row.label],
        "columns": [labels[c] for c in columns],
        "units": [a.table.unit_name, b.table.unit_name],
    }


def compare(code: str, severity, reference: Figure, other: Figure, context) -> list:
    """Findings (on `other`, one per differing column) of two figures that should agree;
    an agreeing pair is recorded in `context.passed`. A ×1.000 slip is left to CP103."""
    from budget_checks.locate import at_table

    columns = common_columns(reference, other)
    if not columns or slipped(reference, other, columns):
        return []
    va, vb = reference.values(), other.values()
    sa, sb = reference.table.scale, other.table.scale
    wrong = [c for c in columns if not agree(va[c], sa, vb[c], sb)]
    if not wrong:
        context.passed.append(passed(code, reference, other, columns))
        return []
    return [
        at_table(code, severity, other.document, other.table, other.row, other.table.column_index(c),
                 expected=in_scale(va[c], sa, sb), actual=vb[c], other_page=reference.page.path,
                 other_title=reference.page.title, other_unit=reference.table.unit_name)
        for c in wrong
    ]
