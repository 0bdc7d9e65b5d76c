"""RV103: this year's opening balance of a reserve equals last year's closing balance."""

from budget_checks.checks.figures import agree, in_scale
from budget_checks.docs import RuleDoc
from budget_checks.findings import Severity
from budget_checks.locate import at_table
from budget_checks.numbers import YEAR_IN

DOC = RuleDoc(
    code="RV103",
    name="opening-is-last-closing",
    severity=Severity.ERROR,
    summary="A reserve's or provision's stand 1-1 of a year equals its stand 31-12 of the year before, where both are shown.",
    why="A balance carries over from one year to the next unchanged. When the opening balance differs from last "
        "year's closing balance, a mutation was booked outside the overviews or one of the two figures is stale.",
    example="""Reserves 2024:  Algemene reserve   ... | Stand 31-12-2024  45.870.000
Reserves 2025:  Algemene reserve   Stand 1-1-2025  45.780.000 | ...""",
    fix="Find which balance is right, correct the other in the source system, and explain any mutation outside the overview.",
    messages={
        "nl": "{row}: stand begin {year} is {actual}, maar de stand eind {previous} op {other_page} is {expected}",
        "en": "{row}: the opening balance of {year} is {actual}, but the closing balance of {previous} on {other_page} is {expected}",
    },
)

SCOPE = "tables:amounts"  # what the rule looks at, for the evaluated count


def _year(table, key: str) -> int | None:
    for column in table.columns:
        if column.key == key:
            found = YEAR_IN.findall(column.label)
            return int(found[-1]) if found else None
    return None


def _balances(context, key: str):
    """(year, normalised row label) -> (document, table, row, column index) for one balance column."""
    out = {}
    for document, table in context.tables(kind="reserves"):
        year = _year(table, key)
        if year is None:
            continue
        column = table.column_index(key)
        for row in table.rows:
            if row.placement in ("given", "placed") and row.amount(column) is not None:
                out.setdefault((year, " ".join(row.label.lower().split())), (document, table, row, column))
    return out


def check(context):
    closing = _balances(context, "eind")
    for (year, label), (document, table, row, column) in _balances(context, "begin").items():
        before = closing.get((year - 1, label))
        if before is None:
            continue
        _, other, other_row, other_column = before
        opening, closed = row.amount(column), other_row.amount(other_column)
        if agree(opening, table.scale, closed, other.scale):
            context.passed.append({
                "code": DOC.code, "document": document, "pages": [other.page.path, table.page.path],
                "table": table.kind, "row": row.label, "columns": [other.columns[other_column].label, table.columns[column].label],
                "units": [other.unit_name, table.unit_name],
            })
            continue
        yield at_table(DOC.code, DOC.severity, document, table, row, column, expected=in_scale(closed, other.scale, table.scale),
                       actual=opening, year=year, previous=year - 1, other_page=other.page.path)
