"""PL102: a row holds more values than its table has columns."""

from budget_checks.docs import RuleDoc
from budget_checks.findings import Severity
from budget_checks.locate import at_table

DOC = RuleDoc(
    code="PL102",
    name="too-many-values",
    severity=Severity.ERROR,
    summary="A row shows more values than the table has columns.",
    why="An extra value means a cell was split or a column is missing from the header; the row's figures cannot be trusted as read.",
    example="""Lasten | Baten | Saldo
Doel 1.1.1   14.573.052 | 0 | 14.573.052 | 43.389""",
    fix="Check the row and the header of the table in the source system.",
    messages={
        "nl": "Rij heeft {values} waarden, de tabel {columns} kolommen",
        "en": "Row has {values} values, the table {columns} columns",
    },
)

SCOPE = "rows"  # what the rule looks at, for the evaluated count


def check(context):
    for document, table in context.tables():
        for row in table.rows:
            if row.placement == "overfull":
                yield at_table(DOC.code, DOC.severity, document, table, row, values=len(row.loose), columns=len(table.columns) - (1 if table.rule.layout != "amounts" else 0))
