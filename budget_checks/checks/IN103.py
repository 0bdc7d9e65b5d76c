"""IN103: a percentage indicator lies outside 0-100."""

from budget_checks.docs import RuleDoc
from budget_checks.findings import Severity
from budget_checks.locate import at_table
from budget_checks.numbers import Kind

DOC = RuleDoc(
    code="IN103",
    name="indicator-percentage",
    severity=Severity.WARNING,
    summary="An indicator measured in % has a value below 0 or above 100.",
    why="Most percentages are shares and lie between 0 and 100; a value outside usually means a count was typed into a percentage. Some indicators (growth, coverage) legitimately exceed 100, hence a warning.",
    example="Overlast mensen met verward of onbegrepen gedrag (%)   2022 | 2024 | 2026   2 | 700 | 5",
    fix="Check the value; if the indicator may exceed 100, ignore IN103 for it.",
    messages={
        "nl": "Percentage {text} ligt buiten 0-100",
        "en": "Percentage {text} lies outside 0-100",
    },
)

SCOPE = "rows:indicator"  # what the rule looks at, for the evaluated count


def check(context):
    for document, table in context.tables(layout="indicator"):
        for row in table.rows:
            if row.unit != "%":
                continue
            for column, parsed in enumerate(row.parsed):
                if parsed is not None and parsed.kind is Kind.NUMBER and not 0 <= parsed.value <= 100:
                    yield at_table(DOC.code, DOC.severity, document, table, row, column, text=parsed.text)
