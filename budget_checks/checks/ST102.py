"""ST102: a row whose label states a formula over lettered rows follows it.

Emitted by the arithmetic stage for the formulas recognition reads in row labels
(recognize/formulas.py): rows lettered (a), (b) ... and a row labelled `(= a - b)`.
"""

from budget_checks.docs import RuleDoc
from budget_checks.findings import Severity

DOC = RuleDoc(
    code="ST102",
    name="stated-formula",
    severity=Severity.ERROR,
    summary="A row whose label states a formula over lettered rows ((a), (b), (= a - b)) equals that formula, per column.",
    why="When a page writes the formula into its labels, the reader takes it as the definition of the row; a figure that does not follow it is wrong, or the formula is.",
    example="""                                     2023
Begrotingssaldo (a)                  1.157
Waarvan incidenteel (b)             -2.318
Structureel begrotingssaldo (= a - b) 3.745     (1.157 + 2.318 = 3.475)""",
    fix="Correct the figure, or the letters of the formula, in the source system.",
    messages={
        "nl": "Formule klopt niet: {holds} geeft {expected}, de pagina toont {actual} (verschil {difference})",
        "en": "Formula does not hold: {holds} gives {expected}, the page shows {actual} (difference {difference})",
    },
)
