"""IN101: the years under Verleden, Heden and Toekomst strictly increase."""

from budget_checks.docs import RuleDoc
from budget_checks.findings import Severity
from budget_checks.locate import at_table

DOC = RuleDoc(
    code="IN101",
    name="indicator-years",
    severity=Severity.ERROR,
    summary="An indicator's years under Verleden < Heden < Toekomst are all present and strictly increase.",
    why="A past year after the present, or a future year that is not in the future, means the indicator shows the wrong measurement or a stale target.",
    example="""Indicator | Verleden | Heden | Toekomst
Beschermd wonen (aantal)   2022 | 2026 | 2024   500 | 424 | 400""",
    fix="Correct the years of the indicator in the source system.",
    messages={
        "nl": "Jaren van de indicator lopen niet op: {years}",
        "en": "Indicator years do not increase: {years}",
    },
)

SCOPE = "rows:indicator"  # what the rule looks at, for the evaluated count


def check(context):
    for document, table in context.tables(layout="indicator"):
        periods = len(table.columns) - 1
        for row in table.rows:
            table.evaluated += 1  # the row's years are checked: the table counts as checked
            years = [int(c.text) for c in row.years]
            if len(years) != periods or any(b <= a for a, b in zip(years, years[1:])):
                cell = row.years[0] if row.years else None
                shown = " < ".join(str(y) for y in years) + ("" if len(years) == periods else f" ({periods - len(years)} missing)")
                yield at_table(DOC.code, DOC.severity, document, table, row, cell=cell, years=shown)
