"""UN101: an amounts table states no unit; its amounts are read as whole euros."""

from budget_checks.docs import RuleDoc
from budget_checks.findings import Severity
from budget_checks.locate import at_table

DOC = RuleDoc(
    code="UN101",
    name="no-unit-label",
    severity=Severity.INFO,
    summary="An amounts table has no unit label such as (x €1.000); its amounts are read as whole euros.",
    why="Amounts are compared across pages in one scale. Without a label the tool assumes euros and says so, because a missing '(x €1.000)' is a common way for a page to be off by a factor of a thousand.",
    example="Overzicht baten en lasten      (no '(x €1.000)' in the title or header)",
    fix="Nothing, if the amounts are whole euros. Otherwise add the unit label to the table title.",
    messages={
        "nl": "Geen eenheid vermeld; bedragen gelezen als hele euro's",
        "en": "No unit stated; amounts read as whole euros",
    },
)

SCOPE = "tables:amounts"  # what the rule looks at, for the evaluated count


def check(context):
    for document, table in context.tables(layout="amounts"):
        # a table without anything to check in it is reported as such (TB001), not for its unit
        if table.rule.has_unit and table.unit is None and not table.unit_problem and table.relations:
            yield at_table(DOC.code, DOC.severity, document, table)
