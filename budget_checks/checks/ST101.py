"""ST101: a total row of a table that no family claims equals the rows it closes.

Emitted by the arithmetic stage for the totals that recognition finds by structure
(recognize/structure.py) in generic tables; a family's own tables use its total code.
"""

from budget_checks.docs import RuleDoc
from budget_checks.findings import Severity

DOC = RuleDoc(
    code="ST101",
    name="total-of-rows",
    severity=Severity.ERROR,
    summary="A row that totals other rows (labelled Totaal or Subtotaal, unlabelled under its block, or named like its block) equals their sum, per column.",
    why="Totals are what readers quote; a total that differs from its rows means a row was changed in one place only. A grand total sums its subtotals, never subtotals and their parts together.",
    example="""Lokale heffingen           Realisatie 2015
OZB                                 9.812
Rioolheffing                        4.729
Afvalstoffenheffing                 4.546
Totaal lokale heffingen            19.017     (the rows sum to 19.087)""",
    fix="Find the row or the total that was changed on its own, correct it in the source system and export again.",
    messages={
        "nl": "Totaal klopt niet: {holds} geeft {expected}, de pagina toont {actual} (verschil {difference})",
        "en": "Total does not add up: {holds} gives {expected}, the page shows {actual} (difference {difference})",
    },
)
