"""CP101: a goal's row on its programme's page differs from the goal's own page."""

from budget_checks.checks.figures import compare, is_goal_pair, pairs, subject
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
    },
)

SCOPE = "pages"  # what the rule looks at, for the evaluated count


def check(context):
    for doc in context.documents:
        for a, b in pairs(doc.path, doc.tables()):
            if is_goal_pair(a, b):
                goal, programme = (a, b) if subject(a.page) == a.key else (b, a)
                yield from compare(DOC.code, DOC.severity, goal, programme, context)
