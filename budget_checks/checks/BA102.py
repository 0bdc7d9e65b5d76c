"""BA102: totaal activa equals totaal passiva on every balance date."""

from budget_checks.checks.figures import agree
from budget_checks.docs import RuleDoc
from budget_checks.findings import Severity
from budget_checks.locate import at_table

DOC = RuleDoc(
    code="BA102",
    name="activa-is-passiva",
    severity=Severity.ERROR,
    summary="On a balans, totaal activa equals totaal passiva for every balance date.",
    why="A balance sheet balances by definition. When the totals differ, an item is missing or misstated on one side, "
        "and every ratio computed from the balance sheet is unreliable.",
    example="""Balans
31-12-2024 | 31-12-2025
Totaal activa    612.300 | 628.900
Totaal passiva   612.300 | 628.090      (2025: 628.900 on the activa side)""",
    fix="Find the item that is missing or misstated on one side of the balance sheet and correct it.",
    messages={
        "nl": "Totaal passiva {column} is {actual}, totaal activa {expected} (verschil {difference})",
        "en": "Totaal passiva {column} is {actual}, totaal activa {expected} (difference {difference})",
    },
)

SCOPE = "tables:amounts"  # what the rule looks at, for the evaluated count


def _totals(tables, side: str):
    """Column key -> (table, row, column index, amount) of the `Totaal {side}` rows."""
    out = {}
    for table in tables:
        for row in table.rows:
            if " ".join(row.label.lower().split()) != f"totaal {side}" or row.placement not in ("given", "placed"):
                continue
            for i, column in enumerate(table.columns):
                if row.amount(i) is not None:
                    out.setdefault(column.key, (table, row, i, row.amount(i)))
    return out


def check(context):
    for doc in context.documents:
        for page in doc.pages:  # activa and passiva may stand in one table or in two tables of one page
            tables = [t for t in page.tables if t.kind == "balans"]
            activa, passiva = _totals(tables, "activa"), _totals(tables, "passiva")
            for key, (table, row, column, amount) in passiva.items():
                if key not in activa:
                    continue
                other, _, _, assets = activa[key]
                if not agree(assets, other.scale, amount, table.scale):
                    yield at_table(DOC.code, DOC.severity, doc.path, table, row, column,
                                   expected=assets * other.scale // table.scale, actual=amount)
