"""One finding per disagreement: a figure compared with the value its group shows most.

Within a magnitude class of a group (groups.py) the rows' values of one column are counted by the
pages that show them. The value most pages show prevails (among equals, the one shown first); a
row whose value differs gets one finding, against that value, naming every value with how many
pages show it. A table most of whose rows differ (at least COLLAPSE rows) gets one finding for the
table instead: it is another version of the table, not so many separate errors.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from budget_checks.checks.figures import agree, in_scale
from budget_checks.checks.groups import Group, Member, pages
from budget_checks.findings import Finding, Severity, Tally
from budget_checks.locate import at_table
from budget_checks.model import Page
from budget_checks.numbers import YEAR_IN

TALLY = 10  # values, and pages of each, a finding keeps for the JSON
COLLAPSE = 3  # rows of one table that must differ before the table is reported as one


@dataclass(slots=True, eq=False)
class Value:
    """One displayed amount (in one scale) of a column, with the rows and pages that show it."""

    amount: int
    scale: int
    members: list[Member] = field(default_factory=list)
    pages: dict[str, Page] = field(default_factory=dict)
    support: int = 0  # pages whose value agrees with this one (rounding allowed)


def values(members: list[Member], column: tuple) -> list[Value]:
    """The values of a column, the prevailing first."""
    found: dict[tuple[int, int], Value] = {}
    for m in members:
        amount = m.values.get(column)
        if amount is None:
            continue
        value = found.setdefault((amount, m.scale), Value(amount, m.scale))
        value.members.append(m)
        value.pages.setdefault(m.page.path, m.page)
    out = list(found.values())  # in the order first shown; sorting keeps it among equals
    _support(out)
    return sorted(out, key=lambda v: -v.support)


def _support(out: list[Value]) -> None:
    """Pages agreeing with each value: its own and those of values within rounding of it."""
    if len(out) < 2 or len({v.scale for v in out}) == 1 and out[0].scale == 1:
        for v in out:
            v.support = len(v.pages)
        return
    half = max(v.scale for v in out) // 2
    ordered = sorted(out, key=lambda v: v.amount * v.scale)
    euros = [v.amount * v.scale for v in ordered]
    for v in out:
        e = v.amount * v.scale
        near = [w for w in ordered[bisect_left(euros, e - half):bisect_right(euros, e + half)]
                if w is not v and agree(v.amount, v.scale, w.amount, w.scale)]
        v.support = len(v.pages) if not near else len(set(v.pages).union(*(w.pages for w in near)))


def against(f: Member, column: tuple, ordered: list[Value], ok: Callable[[Member, Member], bool]) -> tuple[Value, Member] | None:
    """The value f is compared with and a row showing it, or None when f shows the prevailing
    value (of those shown by rows f may be compared with)."""
    amount = f.values[column]
    for value in ordered:
        if agree(amount, f.scale, value.amount, value.scale):
            return None
        other = next((m for m in value.members if ok(f, m)), None)
        if other is not None:
            return value, other
    return None


def tally(ordered: list[Value], scale: int) -> Tally:
    return Tally(tuple((in_scale(v.amount, v.scale, scale), len(v.pages), tuple(list(v.pages)[:TALLY])) for v in ordered[:TALLY]),
                 more=len(ordered) > TALLY)


def _many(everyone: list[Value], shown: list[Member], scale: int) -> dict:
    """The message fields of a figure shown by more than two rows: its values and their pages
    (worked out once per column, shared by its findings); none for two rows, a pair."""
    if len(shown) <= 2:
        return {}
    return {"form": "many", "values": len(everyone), "pages": len(pages(shown)), "tally": tally(everyone, scale)}


@dataclass(slots=True)
class Comparison:
    """What one code found over a document's groups: findings per table, rows compared, agreements."""

    code: str
    severity: Severity
    document: str
    found: dict[int, list[tuple]] = field(default_factory=dict)  # id(table) -> (row, column index, column, value, other, many)
    compared: dict[int, set[int]] = field(default_factory=dict)  # id(table) -> ids of rows compared
    passed: list[dict] = field(default_factory=list)

    def check(self, group_members: list[Member], voters: list[Member], checked: list[Member],
              ok: Callable[[Member, Member], bool]) -> tuple[bool, set[int]]:
        """Compare each of `checked` with the prevailing values among `voters`: whether anything
        was compared, and the ids of the rows that differ."""
        columns = list(dict.fromkeys(c for m in checked for c in m.values))
        compared, differing = False, set()
        for column in columns:
            ordered = values(voters, column)
            if not ordered:
                continue
            shown = [m for m in group_members if column in m.values]
            counted: dict[int, dict] = {}  # what a finding says of all values, per scale of the rows
            for f in checked:
                if column not in f.values:
                    continue
                self.compared.setdefault(id(f.table), set()).add(id(f.figure.row))
                compared = True
                hit = against(f, column, ordered, ok)
                if hit is None:
                    continue
                differing.add(id(f))
                if f.scale not in counted:
                    counted[f.scale] = _many(ordered if voters is group_members else values(shown, column), shown, f.scale)
                self._add(f, column, *hit, counted[f.scale])
        return compared, differing

    def _add(self, f: Member, column: tuple, value: Value, other: Member, many: dict) -> None:
        # kept as it is: most of a table that differs as a whole becomes one finding (findings())
        index = next(i for i, c in enumerate(f.table.columns) if c.key == column[0] and tuple(YEAR_IN.findall(c.label)) == column[1])
        self.found.setdefault(id(f.table), []).append((f, index, column, value, other, many))

    def _finding(self, f: Member, index: int, column: tuple, value: Value, other: Member, many: dict) -> Finding:
        return at_table(self.code, self.severity, self.document, f.table, f.figure.row, index,
                        expected=in_scale(value.amount, value.scale, f.scale), actual=f.values[column],
                        other_page=other.page.path, other_title=other.page.title, other_unit=other.table.unit_name, **many)

    def agreed(self, members: list[Member], columns_of: Member) -> None:
        """An agreement of the group's rows, for the report (what was checked, not only what failed)."""
        labels = {c.key: c.label for c in columns_of.table.columns}
        shared = [c for c in columns_of.values if sum(1 for m in members if c in m.values) > 1]
        self.passed.append({
            "code": self.code,
            "document": self.document,
            "pages": list(pages(members)),
            "table": columns_of.table.kind,
            "row": columns_of.figure.row.label,
            "rows": list(dict.fromkeys(m.figure.row.label for m in members)),
            "columns": [labels[c[0]] for c in shared],
            "units": list(dict.fromkeys(m.table.unit_name for m in members)),
        })

    def findings(self) -> Iterator[Finding]:
        for key, found in self.found.items():
            rows = list(dict.fromkeys(id(d[0].figure.row) for d in found))
            if len(rows) < COLLAPSE or 2 * len(rows) <= len(self.compared.get(key, ())):
                yield from (self._finding(*d) for d in found)
                continue
            first = self._finding(*min(found, key=lambda d: (d[0].order, d[1])))  # the table's first differing cell
            yield at_table(self.code, self.severity, self.document, found[0][0].table, expected=first.expected, actual=first.actual,
                           form="table", rows=len(rows), compared=len(self.compared[key]), cells=len(found),
                           first_row=first.row, first_column=first.column, other_page=first.param("other_page"),
                           differing=tuple(dict.fromkeys(d[0].figure.row.label for d in found)))


def each_class(groups: list[Group]) -> Iterator[list[Member]]:
    for group in groups:
        yield from group.magnitudes
