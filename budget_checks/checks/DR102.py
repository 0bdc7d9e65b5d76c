"""DR102: a relation between columns that the numbers show breaks on one row.

Emitted by the arithmetic stage for relations recognition found in the numbers
(recognize/discover.py): a column that equals the signed sum of two or three others on
all but one of at least three rows (or all but one in eight of many rows), with evidence that
chance cannot explain.
"""

from budget_checks.docs import RuleDoc
from budget_checks.findings import Severity

DOC = RuleDoc(
    code="DR102",
    name="column-relation-broken",
    severity=Severity.ERROR,
    summary="A column follows from other columns on every other row of the table, but not on this one.",
    why="Headers do not always say how their columns relate (a verschil, a begroting na wijziging, a stand at year end). When a relation holds on every row but one, that row has a wrong figure, whatever the header calls it.",
    example="""                 Begroting  Wijziging  Na wijziging  Werkelijk  Verschil
0.1 Bestuur          3.967      1.789         5.755      5.441      -314
0.2 Burgerzaken      2.163        324         2.487      2.459       -28
0.3 Beheer           4.812      3.089         7.938      6.606    -1.295     (4.812 + 3.089 = 7.901)""",
    fix="Correct the figure on the row where the relation breaks, or the figures it follows from.",
    messages={
        "nl": "Kolomrelatie breekt: {holds} klopt op {evidence}, hier niet: verwacht {expected}, de pagina toont {actual} (verschil {difference})",
        "en": "Column relation breaks: {holds} holds on {evidence}, not here: expected {expected}, the page shows {actual} (difference {difference})",
    },
)
