"""CP101: a goal's row on its programme's page differs from the goal's own page."""

from budget_checks.checks.disagree import Comparison, each_class
from budget_checks.checks.groups import document_groups
from budget_checks.docs import RuleDoc
from budget_checks.findings import Severity

DOC = RuleDoc(
    code="CP101",
    name="goal-page-vs-programme-page",
    severity=Severity.ERROR,
    summary="A goal's figures on the programme page equal those on the goal's own page (compared in one scale).",
    why="The programme page and the goal page are built from one budget; the council reads both. When a goal's "
        "lasten, baten or result differ between them, one page shows a figure the council did not adopt.",
    example="""Doel 1.2.3 page:     Doel 1.2.3   80.235.555 | 1.205.582 | 79.029.973 | 0 | 0 | 79.029.973
Programma 1 page:    Doel 1.2.3   80.235.555 | 1.250.582 | 78.984.973 | 0 | 0 | 78.984.973
                     (baten 1.250.582 on the programme page, 1.205.582 on the goal page)""",
    fix="Find which page holds the current figure, correct the other in the source system, and export both pages again.",
    messages={
        "nl": "{row}: {column} is {actual} op deze pagina, maar {expected} op de doelpagina {other_page}",
        "en": "{row}: {column} is {actual} on this page, but {expected} on the goal page {other_page}",
        # a figure shown on more pages than these two: every value it has, with the pages that show it
        "nl.many": "{row}: {column} is {actual} op deze pagina, maar {expected} op de doelpagina {other_page}; "
                   "{values} waarden op {pages} pagina's (waarde en aantal pagina's): {tally}",
        "en.many": "{row}: {column} is {actual} on this page, but {expected} on the goal page {other_page}; "
                   "{values} values on {pages} pages (value and number of pages): {tally}",
        # most rows of the table differ: one finding for the table
        "nl.table": "{table}: {rows} van de {compared} doelrijen verschillen van de doelpagina's ({cells} bedragen), "
                    "eerst {first_row}, {first_column}: {actual} hier, {expected} op {other_page}",
        "en.table": "{table}: {rows} of the {compared} goal rows differ from the goal pages ({cells} amounts), "
                    "first {first_row}, {first_column}: {actual} here, {expected} on {other_page}",
    },
)

SCOPE = "pages"  # what the rule looks at, for the evaluated count


def check(context):
    for doc in context.documents:
        comparison = Comparison(DOC.code, DOC.severity, doc.path)
        for members in each_class(document_groups(context, doc)):
            refs = [m for m in members if m.place == "goal"]  # the goal's own page holds its figure
            if not refs or not any(m.place == "programme" for m in members):
                continue
            both = [m for m in members if m.place]
            targets = [m for m in both if m.place == "programme"]
            compared, differing = comparison.check(both, refs, targets, lambda a, b: True)
            agreeing = [m for m in targets if id(m) not in differing]
            if compared and agreeing:  # the programme pages that show the goal page's figures
                comparison.agreed(refs + agreeing, refs[0])
        context.passed.extend(comparison.passed)
        yield from comparison.findings()
