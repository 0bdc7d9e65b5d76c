"""NU101: a cell in an amount column is not a valid amount."""

from budget_checks.docs import RuleDoc
from budget_checks.findings import Severity
from budget_checks.locate import at_table
from budget_checks.numbers import Kind

DOC = RuleDoc(
    code="NU101",
    name="malformed-amount",
    severity=Severity.ERROR,
    summary="A cell in an amount column is not a whole number in the table's unit (-3..305, 49.72, 360.ooo, 1,5).",
    why="A malformed amount cannot be checked and is often a typing error that the published page will show as is.",
    example="Doel 1.1.2   5.759.571 | 3.970.829 | 1.788.742 | 1.788.742 -> 1.788.7 42 or 360.ooo",
    fix="Correct the cell in the source system: digits with dots between groups of three, a minus sign in front.",
    messages={
        "nl": "Geen geldig bedrag: '{text}' ({reason})",
        "en": "Not a valid amount: '{text}' ({reason})",
    },
)

SCOPE = "rows:amounts"  # what the rule looks at, for the evaluated count


def check(context):
    for document, table in context.tables(layout="amounts"):
        whole = _whole_columns(table)
        for row in table.rows:
            if row.placement not in ("given", "placed"):
                continue
            for column, parsed in enumerate(row.parsed):
                if parsed is None:
                    continue
                if parsed.kind is Kind.MALFORMED:
                    reason = parsed.reason
                elif parsed.kind is Kind.NUMBER and parsed.amount is None and column in whole:
                    reason = "not a whole number in the table's unit"
                elif parsed.kind is Kind.TEXT and any(ch.isdigit() for ch in parsed.text):
                    reason = "text in an amount column"
                else:
                    continue
                yield at_table(DOC.code, DOC.severity, document, table, row, column, text=parsed.text, reason=reason)


def _whole_columns(table) -> set[int]:
    """Columns of whole amounts in thousands or millions, or with thousands separators: a
    decimal among them is a slip (a column of ratios or of tenths may show decimals)."""
    out = set()
    for column in range(len(table.columns)):
        numbers = [row.parsed[column] for row in table.rows if row.placement in ("given", "placed") and column < len(row.parsed)
                   and row.parsed[column] is not None and row.parsed[column].kind is Kind.NUMBER]
        whole = [p for p in numbers if p.amount is not None and not p.percent]
        if len(whole) >= len(numbers) - 1 and (table.scale > 1 or any("." in p.text for p in whole)) and len(whole) >= 1:
            out.add(column)
    return out
