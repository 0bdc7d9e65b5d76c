"""UN102: a unit label is present but not understood."""

from budget_checks.docs import RuleDoc
from budget_checks.findings import Severity
from budget_checks.locate import at_table

DOC = RuleDoc(
    code="UN102",
    name="unit-not-understood",
    severity=Severity.WARNING,
    summary="A table states a unit the tool does not understand; its amounts are read as whole euros.",
    why="Reading thousands as euros (or the other way round) makes every comparison across pages wrong by a factor of a thousand.",
    example="Overzicht baten en lasten (bedragen x € 500)",
    fix="Use a standard label: (x €1.000), (x € 1 mln) or (bedragen in €).",
    messages={
        "nl": "Eenheid '{label}' niet begrepen; bedragen gelezen als hele euro's",
        "en": "Unit '{label}' not understood; amounts read as whole euros",
    },
)

SCOPE = "tables"  # what the rule looks at, for the evaluated count


def check(context):
    for document, table in context.tables():
        if table.unit_problem:
            yield at_table(DOC.code, DOC.severity, document, table, label=table.unit_problem)
