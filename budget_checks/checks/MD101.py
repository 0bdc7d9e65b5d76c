"""MD101: a page was built before the export it was built from."""

from budget_checks.docs import RuleDoc
from budget_checks.findings import Severity
from budget_checks.locate import at_page

DOC = RuleDoc(
    code="MD101",
    name="built-before-export",
    severity=Severity.WARNING,
    summary="The footer says the page was built before the export it was built from.",
    why="A page cannot be built from an export that did not exist yet; the footer, and possibly the page, is stale or was edited by hand.",
    example="Deze pagina is gebouwd op 10/10/2025 07:20:00 met de export van 10/10/2025 07:24:21",
    fix="Rebuild the page from the current export.",
    messages={
        "nl": "Pagina gebouwd op {built} vóór de export van {exported}",
        "en": "Page built at {built}, before the export of {exported}",
    },
)

SCOPE = "pages"  # what the rule looks at, for the evaluated count


def check(context):
    for doc in context.documents:
        for page in doc.pages:
            footer = page.page.footer
            if footer and footer.built_at < footer.exported_at:
                yield at_page(DOC.code, DOC.severity, doc.path, page.page, line=footer.line,
                              built=footer.built_at.isoformat(sep=" "), exported=footer.exported_at.isoformat(sep=" "))
