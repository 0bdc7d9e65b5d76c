"""XC101: one value explains several failing identities: where they cross.

Emitted by the arithmetic stage (suspects.py) once every identity of a table is
evaluated: a cell that takes part in two or more failing identities, none of which
has it as its result, and that would make all of them hold if it changed by one amount.
"""

from budget_checks.docs import RuleDoc
from budget_checks.findings import Severity

DOC = RuleDoc(
    code="XC101",
    name="failures-cross",
    severity=Severity.ERROR,
    summary="Two or more identities fail, and one value they share would make all of them hold: that value is probably the wrong one.",
    why="A wrong figure breaks its row and its column at once, but each failure is reported where its total or saldo stands. The cell where the failing identities cross, with one change that repairs them all, is where the mistake most likely is.",
    example="""                 Begroting  Realisatie  Verschil
Post A               1.200       1.150        50
Post B                 800         877       -40     (877: Verschil gives 840, Totaal gives 840)
Totaal               2.000       1.990        10""",
    fix="Check this figure against its source; with the expected value the identities it takes part in all hold.",
    messages={
        "nl": "Waarschijnlijk onjuist bedrag: met {expected} in plaats van {actual} kloppen alle {count} falende relaties door deze cel ({holds})",
        "en": "Probably the wrong figure: with {expected} instead of {actual} all {count} failing relations through this cell hold ({holds})",
    },
)
