"""DR101: a relation between rows that the numbers show breaks in one column.

Emitted by the arithmetic stage for relations recognition found in the numbers
(recognize/structure.py): a row that equals the signed sum of the rows it closes in
all but one of at least three columns, with evidence that chance cannot explain.
"""

from budget_checks.docs import RuleDoc
from budget_checks.findings import Severity

DOC = RuleDoc(
    code="DR101",
    name="row-relation-broken",
    severity=Severity.ERROR,
    summary="A row follows from the rows above (or below) it in every other column of the table, but not in this one.",
    why="Overviews chain their rows (saldo, then the result after reserves, then the structural result) without saying so. When such a chain holds in every year but one, the one year has a wrong figure.",
    example="""                              2025     2026     2027     2028
Resultaat eerste rapportage  -1.166   -3.349   -3.149   -3.062
Bijstellingen                -1.397      984    1.010    1.184
Nieuw beleid                      0      -62      -62      -62
Resultaat na bijstellingen   -2.563   -2.427   -2.201   -1.903     (2028: the rows give -1.940)""",
    fix="Correct the figure in the column where the chain breaks, or the rows it follows from.",
    messages={
        "nl": "Rijrelatie breekt: {holds} klopt in {evidence}, hier niet: verwacht {expected}, de pagina toont {actual} (verschil {difference})",
        "en": "Row relation breaks: {holds} holds in {evidence}, not here: expected {expected}, the page shows {actual} (difference {difference})",
    },
)
