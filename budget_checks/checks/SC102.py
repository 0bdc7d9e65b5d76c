"""SC102: a header or legend states another sign convention than the table's numbers follow."""

from budget_checks.docs import RuleDoc
from budget_checks.findings import Severity
from budget_checks.recognize.legends import stated_alternative, stated_phrase
from budget_checks.locate import at_table

DOC = RuleDoc(
    code="SC102",
    name="stated-convention-contradicted",
    severity=Severity.WARNING,
    summary="A header formula or a legend states one sign convention, and the table's rows follow another.",
    why="Readers take the header at its word: under 'Verschil begroting − realisatie' a positive figure reads as an "
        "underspend. When the numbers are realisatie − begroting, every difference in the table reads the wrong way.",
    example="""Begroting na wijziging | Realisatie | Verschil begroting − realisatie
Programma 1   265.120.000 | 263.901.455 | -1.218.545      (the rows are realisatie − begroting)""",
    fix="Correct the header or legend, or the signs of the numbers, so that both say the same.",
    messages={
        "nl": "De pagina zegt '{stated}', maar de rijen volgen {convention} ({identity})",
        "en": "The page says '{stated}', but the rows follow {convention} ({identity})",
    },
)

SCOPE = "tables:amounts"  # what the rule looks at, for the evaluated count


def check(context):
    for document, table in context.tables(layout="amounts"):
        for rule in table.rule.identities:
            chosen = table.alternatives.get(rule.doc.code)
            if chosen is None:
                continue  # no convention chosen: nothing the page could contradict
            stated = stated_alternative(table, rule)
            if stated is None or chosen == stated:
                continue
            yield at_table(DOC.code, DOC.severity, document, table, stated=stated_phrase(table, rule, stated),
                           convention=rule.alternatives[chosen].text.replace("==", "="), identity=rule.doc.code)
