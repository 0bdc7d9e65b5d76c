"""The figures of a document gathered once by what they are about, so that the cross-page checks
compare each figure with its group instead of with every other figure (linear in the rows).

A group holds the rows of one family with one key (goal, programme, or label on pages about one
subject) in tables of the same years. Its members are split into magnitude classes: rows a
thousand times apart (a unit slip, CP103) are not compared value by value (CP101, CP102).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from budget_checks.checks.figures import SLIP, Figure, figures, named, subject
from budget_checks.model import Page
from budget_checks.numbers import YEAR_IN
from budget_checks.tables import Table

MAGNITUDES = 16  # magnitude classes a row is tried against: more only where rows share no column


@dataclass(slots=True, eq=False)
class Member:
    """One figure with what the comparisons need, worked out once."""

    figure: Figure
    order: int  # document order
    values: dict[tuple, int]  # (column key, years in its label) -> displayed amount; only columns with a role
    scale: int
    named: bool  # its own label names its goal or programme
    place: str  # "goal": on the goal's own page, "programme": on a programme's page, else ""

    @property
    def page(self) -> Page:
        return self.figure.table.page

    @property
    def table(self) -> Table:
        return self.figure.table


@dataclass(slots=True)
class Group:
    members: list[Member]
    magnitudes: list[list[Member]] = field(default_factory=list)  # the prevailing class first


def comparable(a: Member, b: Member) -> bool:
    """Two rows of one group say the same figure: other tables, and on one page only rows that
    name their goal or programme (one label, or the page's subject, names two things there)."""
    return a.table is not b.table and (a.page is not b.page or (a.named and b.named))


def goal_pair(a: Member, b: Member) -> bool:
    """A goal's row on its own page and on its programme's page: CP101's comparison, not CP102's."""
    return {a.place, b.place} == {"goal", "programme"}


def has_pair(members: list[Member]) -> bool:
    """Some two members are CP102's to compare (not only a goal page and its programme page)."""
    on = pages(members)
    if len(on) > 2 or len(on) == 2 and {m.place for m in members} != {"goal", "programme"}:
        return True
    tables: dict[str, set[int]] = {}
    for m in members:
        if m.named:
            tables.setdefault(m.page.path, set()).add(id(m.table))
    return any(len(t) > 1 for t in tables.values())


def common(a: Member, b: Member) -> list[tuple]:
    return [c for c in a.values if c in b.values]


def slip(a: Member, b: Member, columns: list[tuple]) -> str:
    """'×1.000' when a's row is a thousand times b's, '×1/1.000' for the other way, else ''."""
    shown = [(a.values[c] * a.scale, b.values[c] * b.scale) for c in columns]
    if not any(x or y for x, y in shown):
        return ""
    for big, small, unit_big, unit_small, name in ((0, 1, a.scale, b.scale, "×1.000"), (1, 0, b.scale, a.scale, "×1/1.000")):
        if all(abs(p[big] - SLIP * p[small]) <= (SLIP * unit_small + unit_big) // 2 for p in shown):
            return name
    return ""


def pages(members: list[Member]) -> dict[str, Page]:
    """The distinct pages of members, in order (a page with two tables counts once)."""
    out: dict[str, Page] = {}
    for m in members:
        out.setdefault(m.page.path, m.page)
    return out


def document_groups(context, doc) -> list[Group]:
    """A document's groups, built once for the rule modules that compare them."""
    key = ("groups", doc.path)
    if key not in context.shared:
        context.shared[key] = groups(doc.path, doc.tables())
    return context.shared[key]


def groups(document: str, tables: list[Table]) -> list[Group]:
    """Every group of two or more rows, members in document order."""
    cache: dict[int, tuple] = {}
    keyed: dict[tuple, dict[frozenset, list[Member]]] = {}
    for order, figure in enumerate(figures(document, tables)):
        table = figure.table
        if id(table) not in cache:
            cache[id(table)] = _table_facts(table)
        all_years, titled, column_keys, scale = cache[id(table)]
        values = {}
        for i, key in column_keys:
            amount = figure.row.amount(i)
            if amount is not None:
                values[key] = amount
        found = subject(table.page)
        place = "goal" if figure.key[0] == "doel" and found == figure.key else "programme" if found and found[0] == "programma" else ""
        member = Member(figure, order, values, scale, named(figure), place)
        # a `Lasten` row of programme 1 is not the `Lasten` row of programme 2; tables of other years
        # ("Toevoegingen" of 2024 and of 2025) hold other figures
        key = (table.kind, figure.key, found if figure.key[0] == "label" else None, all_years)
        keyed.setdefault(key, {}).setdefault(titled, []).append(member)
    out = []
    for by_title in keyed.values():
        for members in _by_title(by_title):
            if len(members) > 1:
                out.append(Group(members, _magnitudes(members)))
    return out


def _table_facts(table: Table) -> tuple:
    years = frozenset(y for c in table.columns for y in YEAR_IN.findall(c.label))
    titled = frozenset(YEAR_IN.findall(table.title))
    column_keys = [(i, (c.key, tuple(YEAR_IN.findall(c.label)))) for i, c in enumerate(table.columns) if c.role]
    return years, titled, column_keys, table.scale


def _by_title(by_title: dict[frozenset, list[Member]]) -> list[list[Member]]:
    """Tables whose titles name different years ("... Begroting 2025", "... 2026") hold other figures;
    a title without a year goes with the one year its group's titles name, or stays apart."""
    titled = [t for t in by_title if t]
    if frozenset() in by_title and len(titled) == 1:
        merged = sorted(by_title[frozenset()] + by_title[titled[0]], key=lambda m: m.order)
        return [merged]
    return list(by_title.values())


def _magnitudes(members: list[Member]) -> list[list[Member]]:
    """Members in classes of one magnitude (no two of a class a thousand times apart), the class
    most pages show first (among equals, the one shown first)."""
    classes: list[list[Member]] = []
    for m in members:
        for cls in classes[:MAGNITUDES]:
            columns = common(m, cls[0])
            if columns and not slip(m, cls[0], columns):
                cls.append(m)
                break
        else:
            classes.append([m])
    return sorted(classes, key=lambda cls: (-len(pages(cls)), cls[0].order))
