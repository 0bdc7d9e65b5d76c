"""IN102: an indicator value is neither a number nor a word."""

from budget_checks.docs import RuleDoc
from budget_checks.findings import Severity
from budget_checks.locate import at_table
from budget_checks.numbers import Kind

DOC = RuleDoc(
    code="IN102",
    name="indicator-value",
    severity=Severity.WARNING,
    summary="An indicator value is a malformed number (a word such as 'Minder' or 'lager' is allowed).",
    why="Indicator values are compared over time; a malformed number cannot be read by the reader of the budget either.",
    example="Uithuisplaatsingen (aantal)   2020 | 2023 | 2025   3..35 | 80 | Minder",
    fix="Correct the value in the source system.",
    messages={
        "nl": "Waarde '{text}' van de indicator is geen geldig getal ({reason})",
        "en": "Indicator value '{text}' is not a valid number ({reason})",
    },
)

SCOPE = "rows:indicator"  # what the rule looks at, for the evaluated count


def check(context):
    for document, table in context.tables(layout="indicator"):
        for row in table.rows:
            for column, parsed in enumerate(row.parsed):
                if parsed is not None and parsed.kind is Kind.MALFORMED:
                    yield at_table(DOC.code, DOC.severity, document, table, row, column, text=parsed.text, reason=parsed.reason)
