"""CP102: the same figure, shown twice in one document, differs."""

from budget_checks.checks.figures import compare, is_goal_pair, pairs
from budget_checks.docs import RuleDoc
from budget_checks.findings import Severity

DOC = RuleDoc(
    code="CP102",
    name="same-figure-twice",
    severity=Severity.ERROR,
    summary="A row shown in two tables of one family in one document (same goal, programme or label) has the same figures in both.",
    why="A programme's total on its own page and its row in the document's overview, or a reserve listed on two "
        "pages, are one figure. When they differ, a reader cannot tell which one the council adopted.",
    example="""Programma 1 page:  Totaal        276.597.321 | 13.833.899 | 262.763.422 | ...
Overview page:     Programma 1   276.597.321 | 13.833.899 | 262.736.422 | ...
                   (saldo 262.736.422 in the overview, 262.763.422 on the programme page)""",
    fix="Find which page holds the current figure and correct the other in the source system.",
    messages={
        "nl": "{row}: {column} is {actual} op deze pagina, maar {expected} op {other_page} ({other_title})",
        "en": "{row}: {column} is {actual} on this page, but {expected} on {other_page} ({other_title})",
    },
)

SCOPE = "pages"  # what the rule looks at, for the evaluated count


def check(context):
    for doc in context.documents:
        for a, b in pairs(doc.path, doc.tables()):
            if not is_goal_pair(a, b):
                yield from compare(DOC.code, DOC.severity, a, b, context)
