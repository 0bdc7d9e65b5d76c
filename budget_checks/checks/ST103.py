"""ST103: the years that head a table's columns (or label its rows) run one way.

Runs on every amounts table with years in two or more column headings or row labels; a
table it looks at counts as checked (its years were).
"""

import re

from budget_checks.docs import RuleDoc
from budget_checks.findings import Severity
from budget_checks.locate import at_table
from budget_checks.numbers import YEAR_IN

DOC = RuleDoc(
    code="ST103",
    name="year-order",
    severity=Severity.WARNING,
    summary="The years in a table's column headings (or its row labels) run one way, up or down, as a time series does.",
    why="A table of years reads as a time series. A year out of order means a column (or row) holds another year's figures than its "
        "heading says, or the heading was mistyped; a reader comparing years is misled.",
    example="""Rekening 2023 | Begroting 2024 | Begroting 2026 | Begroting 2025""",
    fix="Correct the year in the heading, or put the columns in order, in the source system.",
    messages={
        "nl": "Jaren staan niet op volgorde: {years}",
        "en": "Years are out of order: {years}",
    },
)

SCOPE = "tables:amounts"  # what the rule looks at, for the evaluated count
_ONLY_YEAR = re.compile(r"^\s*(?:19|20|21)\d\d\s*\*?\s*$")


def check(context):
    for document, table in context.tables(layout="amounts"):
        labels = [c.label for c in table.columns]
        series = [(_year(label), label) for label in labels]
        series = [(y, label) for y, label in series if y]
        rows = [(int(r.label.strip().rstrip("*").strip()), r.label) for r in table.rows if _ONLY_YEAR.match(r.label)]
        for years in (series, rows):
            if len(years) < 2:
                continue
            table.evaluated += 1  # the order of its years is checked (all an indicator table may offer)
            if not _monotonic([y for y, _ in years]):
                yield at_table(DOC.code, DOC.severity, document, table, years=" | ".join(label for _, label in years))


def _year(label: str) -> int | None:
    found = YEAR_IN.findall(label)
    return int(found[-1]) if len(set(found)) == 1 else None


def _monotonic(years: list[int]) -> bool:
    """Up or down, a year repeated by the columns of one year (begroting and rekening) allowed."""
    steps = [b - a for a, b in zip(years, years[1:])]
    return all(s >= 0 for s in steps) or all(s <= 0 for s in steps)
