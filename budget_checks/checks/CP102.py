"""CP102: the same figure, shown twice in one document, differs."""

from budget_checks.checks.disagree import Comparison, each_class
from budget_checks.checks.groups import comparable, document_groups, goal_pair, has_pair
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
        # a figure shown on more than two pages: every value it has, with the pages that show it
        "nl.many": "{row}: {column} is {actual} op deze pagina, maar {expected} op {other_page} ({other_title}); "
                   "{values} waarden op {pages} pagina's (waarde en aantal pagina's): {tally}",
        "en.many": "{row}: {column} is {actual} on this page, but {expected} on {other_page} ({other_title}); "
                   "{values} values on {pages} pages (value and number of pages): {tally}",
        # most rows of the table differ: another version of the table, one finding
        "nl.table": "{table}: {rows} van de {compared} vergeleken rijen verschillen van andere pagina's ({cells} bedragen), "
                    "eerst {first_row}, {first_column}: {actual} hier, {expected} op {other_page}",
        "en.table": "{table}: {rows} of the {compared} rows compared differ from other pages ({cells} amounts), "
                    "first {first_row}, {first_column}: {actual} here, {expected} on {other_page}",
    },
)

SCOPE = "pages"  # what the rule looks at, for the evaluated count


def _ok(a, b) -> bool:
    return comparable(a, b) and not goal_pair(a, b)  # a goal page against its programme page is CP101


def check(context):
    for doc in context.documents:
        comparison = Comparison(DOC.code, DOC.severity, doc.path)
        for members in each_class(document_groups(context, doc)):
            if not has_pair(members):
                continue
            compared, differing = comparison.check(members, members, members, _ok)
            agreeing = [m for m in members if id(m) not in differing]
            if compared and has_pair(agreeing):  # the rows that show the prevailing figures
                comparison.agreed(agreeing, agreeing[0])
        context.passed.extend(comparison.passed)
        yield from comparison.findings()
