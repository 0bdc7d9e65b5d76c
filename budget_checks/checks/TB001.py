"""TB001: a table-like block that no rule module recognises."""

from budget_checks.docs import RuleDoc
from budget_checks.findings import Severity
from budget_checks.locate import at_page

DOC = RuleDoc(
    code="TB001",
    name="table-not-recognised",
    severity=Severity.WARNING,
    summary="A block of numbers looks like a table, but no rule module recognises it, so it was not checked.",
    why="A validator that silently skips a table is worse than none: a reader would take the silence for approval.",
    example="""Meerjarenraming
Rekening 2024 | Begroting 2025 | Begroting 2026
Programma 1   | 12.345 | 13.456 | 14.567""",
    fix="Add a rule module for this table family in rules/ (titles, columns, identities), or ignore TB001 for this page in the configuration.",
    messages={
        "nl": "Tabel niet herkend en dus niet gecontroleerd (begint met: {start})",
        "en": "Table not recognised and therefore not checked (starts with: {start})",
    },
)

SCOPE = "pages"  # what the rule looks at, for the evaluated count


def check(context):
    for doc in context.documents:
        for page in doc.pages:
            for block in page.unrecognised:
                yield at_page(DOC.code, DOC.severity, doc.path, page.page, line=block.line, cell=block.ref, start=" / ".join(block.first_lines[:3]))
