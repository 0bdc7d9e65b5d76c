"""ST104: a row that restates a figure of its table shows the same figure.

Emitted by the arithmetic stage for the lone label-and-amount rows under a table that
recognition reads as restating one of its columns (recognize/restated.py).
"""

from budget_checks.docs import RuleDoc
from budget_checks.findings import Severity

DOC = RuleDoc(
    code="ST104",
    name="restated-figure",
    severity=Severity.ERROR,
    summary="A row under a table that restates one of its figures (`Lasten € 1.598.406` under `Totaal lasten`) shows the same figure.",
    why="""Portals repeat a column's totals in boxes under the table. The column is the one where at least two
boxes' amounts equal the rows they name; there a box that shows another amount than its row tells the
reader two different figures for one thing. One box that matches is not enough to say which column
the boxes repeat: a box may count more than its row (lasten with the additions to reserves).""",
    example="""                 Begroting 2017   Begroting 2018
Totaal lasten         1.615.255        1.598.406
Totaal baten            -13.500          -10.000
Saldo programma       1.601.755        1.588.406
Lasten          € 1.598.443                     (Totaal lasten shows 1.598.406)
Baten           € -10.000
Saldo programma € 1.588.406""",
    fix="Correct the box or the table in the source system, so both show the same figure.",
    messages={
        "nl": "Herhaald bedrag wijkt af: {holds}, de tabel toont {expected}, hier staat {actual} (verschil {difference})",
        "en": "Restated figure differs: {holds}, the table shows {expected}, this row shows {actual} (difference {difference})",
    },
)
