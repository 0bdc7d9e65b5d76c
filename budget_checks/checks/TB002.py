"""TB002: the page ends inside a table row: the export was cut short there."""

from budget_checks.docs import RuleDoc
from budget_checks.findings import Severity
from budget_checks.locate import at_table

DOC = RuleDoc(
    code="TB002",
    name="row-cut-off",
    severity=Severity.INFO,
    summary="The page ends inside a table row, which shows fewer values than the table has columns; what the row does not show is not checked.",
    why="""A page cut short (a partial export, an excerpt) would otherwise make every identity of its last row fail. What
the row does not show is left out, and said so. The values it does show in full are read in its first columns
only where at least two relations within the row hold on that reading and at most one does not; the last value
shown, which may stop mid-number, is never read.""",
    example="""Lasten | Baten | Saldo
Programma 1   1.200 | 300 | 900
Totaal        5.400 |            <- the page ends here""",
    fix="Export the whole page, or ignore TB002 for pages that are excerpts on purpose.",
    messages={
        "nl": "Rij afgebroken aan het eind van de pagina ({values} van {columns} waarden): wat ontbreekt is niet gecontroleerd",
        "en": "Row cut off at the end of the page ({values} of {columns} values): what is missing is not checked",
    },
)

SCOPE = "tables"  # what the rule looks at, for the evaluated count


def check(context):
    for document, table in context.tables(layout="amounts"):
        for row in table.rows:
            if row.placement == "cut":
                yield at_table(DOC.code, DOC.severity, document, table, row, values=len(row.loose), columns=len(table.columns))
