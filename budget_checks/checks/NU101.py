"""NU101: a cell in an amount column is not a valid amount."""

from budget_checks.docs import RuleDoc
from budget_checks.findings import Severity
from budget_checks.locate import at_table
from budget_checks.numbers import DOUBLED, LETTER_O, MAX_DIGITS, NOT_A_NUMBER, STRAY_DOT, TOO_LONG, TWO_MINUS, Kind

FORMULA = "a formula, not an amount"
NOT_WHOLE = "not a whole number in the table's unit"

DOC = RuleDoc(
    code="NU101",
    name="malformed-amount",
    severity=Severity.ERROR,
    summary="A cell in an amount column is not a well-formed amount (-3..305, 49.72, 360.ooo; a decimal among whole amounts).",
    why="A malformed amount cannot be checked and is often a typing error that the published page will show as is.",
    example="Doel 1.1.2   5.759.571 | 3.970.829 | 1.788.742 | 1.788.742 -> 1.788.7 42 or 360.ooo",
    fix="Correct the cell in the source system: digits with dots between groups of three, a minus sign in front.",
    messages={
        "nl": "Geen geldig bedrag: '{text}' ({reason})",
        "en": "Not a valid amount: '{text}' ({reason})",
    },
    words={"nl": {
        TWO_MINUS: "twee mintekens",
        TOO_LONG: f"meer dan {MAX_DIGITS} cijfers voor de decimale komma",
        DOUBLED: "dubbel scheidingsteken",
        LETTER_O: "letter o waar een cijfer hoort",
        STRAY_DOT: "punt die geen duizendtalscheiding en geen decimale komma is",
        NOT_A_NUMBER: "geen getal",
        FORMULA: "een formule, geen bedrag",
        NOT_WHOLE: "geen heel getal in de eenheid van de tabel",
    }},
)

SCOPE = "rows:amounts"  # what the rule looks at, for the evaluated count


def check(context):
    for document, table in context.tables(layout="amounts"):
        whole = bool(table.rule.columns) and _decimals(table) == 1  # one decimal among whole amounts is a slip
        for row in table.rows:
            if row.placement not in ("given", "placed"):
                continue
            for column, parsed in enumerate(row.parsed):
                if parsed is None:
                    continue
                if parsed.kind is Kind.MALFORMED:
                    yield at_table(DOC.code, DOC.severity, document, table, row, column, text=parsed.text, reason=parsed.reason)
                elif parsed.kind is Kind.TEXT and parsed.text.strip().startswith(("=", "@")) and row.placement == "given":
                    # a spreadsheet formula exported as its text where an amount belongs (`=1+2` under Lasten)
                    yield at_table(DOC.code, DOC.severity, document, table, row, column, text=parsed.text, reason=FORMULA)
                elif whole and parsed.kind is Kind.NUMBER and parsed.amount is None and not parsed.percent and table.columns[column].role:
                    yield at_table(DOC.code, DOC.severity, document, table, row, column, text=parsed.text,
                                   reason=NOT_WHOLE)


def _decimals(table) -> int:
    """How many numbers of the table are not whole (a table in millions shows them everywhere)."""
    return sum(1 for row in table.rows if row.placement in ("given", "placed")
               for p in row.parsed if p is not None and p.kind is Kind.NUMBER and p.amount is None and not p.percent)
