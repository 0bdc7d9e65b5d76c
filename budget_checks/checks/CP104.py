"""CP104: pages of one document built from different exports."""

from budget_checks.docs import RuleDoc
from budget_checks.findings import Severity
from budget_checks.locate import at_page

DOC = RuleDoc(
    code="CP104",
    name="stale-page",
    severity=Severity.INFO,
    summary="A page was built from an older export than other pages of the same document.",
    why="Pages of one budget are normally built from one export. A page built from an older one may still show "
        "figures that were changed since, so a difference between pages may be staleness rather than an error.",
    example="""Doel 1.2.3 page:   Deze pagina is gebouwd op 10/16/2024 15:54:21 met de export van 10/16/2024 15:44:47
Programma 1 page:  Deze pagina is gebouwd op 11/18/2024 13:24:11 met de export van 11/18/2024 13:13:46""",
    fix="Rebuild the older page from the current export, or confirm that nothing on it changed.",
    messages={
        "nl": "Pagina gebouwd met de export van {exported}; {newest_page} gebruikt de nieuwere export van {newest}",
        "en": "Page built from the export of {exported}; {newest_page} uses the newer export of {newest}",
    },
)

SCOPE = "pages"  # what the rule looks at, for the evaluated count


def check(context):
    for doc in context.documents:
        dated = [p.page for p in doc.pages if p.page.footer]
        if len({p.footer.exported_at for p in dated}) < 2:
            continue
        newest = max(dated, key=lambda p: p.footer.exported_at)
        for page in dated:
            if page.footer.exported_at < newest.footer.exported_at:
                yield at_page(DOC.code, DOC.severity, doc.path, page, line=page.footer.line,
                              exported=page.footer.exported_at.isoformat(sep=" "), newest_page=newest.path,
                              newest=newest.footer.exported_at.isoformat(sep=" "))
