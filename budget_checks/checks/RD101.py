"""RD101: an identity is off by no more than rounding explains.

Emitted by the arithmetic dataset for every identity and total.
"""

from budget_checks.docs import RuleDoc
from budget_checks.findings import Severity

DOC = RuleDoc(
    code="RD101",
    name="rounding-difference",
    severity=Severity.INFO,
    summary="An identity or total is off by at most n/2 units over n shown values: a rounding difference, not an error.",
    why="A value shown in unit u stands for a true value within ±u/2, so an identity over n shown values may be off by up to n·u/2 without any error (XBRL Calculations 1.1). Reporting these apart keeps real errors visible.",
    example="""Overzicht baten en lasten (x €1.000)
Doel 1.3.1   124.506 | 5.973 | 118.534 | 0 | 0 | 118.534     (124.506 − 5.973 = 118.533: off by 1 over 3 values)""",
    fix="Nothing is wrong. Use --tolerance exact to treat these as errors.",
    messages={
        "nl": "Afrondingsverschil bij {rule}: {holds} geeft {expected}, de pagina toont {actual} (verschil {difference})",
        "en": "Rounding difference in {rule}: {holds} gives {expected}, the page shows {actual} (difference {difference})",
    },
)
