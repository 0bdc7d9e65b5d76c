"""PL101: the values of a row with dropped cells cannot be placed unambiguously."""

from budget_checks.docs import RuleDoc
from budget_checks.findings import Severity
from budget_checks.locate import at_table

DOC = RuleDoc(
    code="PL101",
    name="ambiguous-placement",
    severity=Severity.WARNING,
    summary="A row shows fewer values than the table has columns, and the arithmetic allows more than one placement.",
    why="The export drops empty cells. When the identities and the totals do not single out one placement, the tool cannot tell which column a value belongs to, so the row's checks are not run; it says so instead of guessing.",
    example="""Overzicht kredieten (no Totaal row)
Omvang krediet | Gerealiseerd | Resterend | Raming 2024 | Raming 2025 | Raming 2026
Doel 1.1.1   1.118.885 | 766.686 | 352.199 | 352.199      (Raming 2024, 2025 or 2026?)""",
    fix="Export empty cells as 0 or '-', or add the Totaal row, so that every value has a column.",
    messages={
        "nl": "Rij met {values} waarden voor {columns} kolommen is niet eenduidig te plaatsen ({candidates} mogelijkheden); de rij is niet gecontroleerd",
        "en": "Row with {values} values for {columns} columns cannot be placed unambiguously ({candidates} possibilities); the row was not checked",
    },
)

SCOPE = "rows:amounts"  # what the rule looks at, for the evaluated count


def check(context):
    for document, table in context.tables(layout="amounts"):
        for row in table.rows:
            # ambiguous, or placed where every reading satisfies the table's relations (which column holds
            # which figure is still open, though the checks do not depend on it)
            if row.placement == "ambiguous" or (row.placement == "placed" and row.candidates > 1):
                yield at_table(DOC.code, DOC.severity, document, table, row, values=len(row.loose),
                               columns=len(table.columns), candidates=row.candidates)
