"""NU102: a row's numbers are glued together and cannot be read unambiguously."""

from budget_checks.docs import RuleDoc
from budget_checks.findings import Severity
from budget_checks.recognize.glued import GLUED
from budget_checks.locate import at_table

DOC = RuleDoc(
    code="NU102",
    name="glued-numbers",
    severity=Severity.WARNING,
    summary="A row's numbers are glued together without separators, and the table's arithmetic does not single out one reading.",
    why="A bad extraction can drop the spaces between a row's label and its amounts. Dots between groups of three and the "
        "table's identities usually leave one reading, which is then checked; when two or more readings fit equally well "
        "(or none reads as one amount per column), the tool cannot know the figures, so the row is not checked and this says so.",
    example="""Overzicht baten en lasten
Lasten | Baten | Saldo
Programma 21.2346785561.200     (1.234 | 678 | 556 | 1.200 fits; so might another reading)""",
    fix="Export the page again with separators between the cells, or correct the extraction, so that every amount stands apart.",
    messages={
        "nl": "Aan elkaar geplakte getallen zijn niet eenduidig te lezen: '{text}' ({candidates} lezingen); de rij is niet gecontroleerd",
        "en": "Glued numbers cannot be read unambiguously: '{text}' ({candidates} readings); the row was not checked",
    },
)

SCOPE = "rows:amounts"  # what the rule looks at, for the evaluated count


def check(context):
    for document, table in context.tables(layout="amounts"):
        for row in table.rows:
            if row.placement == GLUED:
                yield at_table(DOC.code, DOC.severity, document, table, row, text=row.label_cell.text, candidates=row.candidates)
