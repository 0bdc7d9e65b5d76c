"""TB001: a table-like block that no rule module recognises."""

from budget_checks.docs import RuleDoc
from budget_checks.findings import Severity
from budget_checks.locate import at_page

DOC = RuleDoc(
    code="TB001",
    name="table-not-recognised",
    severity=Severity.WARNING,
    summary="A block of numbers looks like a table, but nothing could be checked in it: no family, total or relation was found.",
    why="A validator that silently skips a table is worse than none: a reader would take the silence for approval.",
    example="""Meerjarenraming
Rekening 2024 | Begroting 2025 | Begroting 2026
Programma 1   | 12.345 | 13.456 | 14.567""",
    fix="Add a rule module for this table family in rules/ (titles, columns, identities), or ignore TB001 for this page in the configuration.",
    messages={
        "nl": "Niets in deze tabel kon worden gecontroleerd: geen totaal, saldo of andere relatie gevonden (begint met: {start})",
        "en": "Nothing in this table could be checked: no total, saldo or other relation was found (starts with: {start})",
    },
)

SCOPE = "pages"  # what the rule looks at, for the evaluated count


def check(context):
    """Runs after every other rule module: a table that none of them checked is reported too."""
    for doc in context.documents:
        for page in doc.pages:
            for block in page.unrecognised:
                yield at_page(DOC.code, DOC.severity, doc.path, page.page, line=block.line, cell=block.ref, start=" / ".join(block.first_lines[:3]))
            for table in page.tables:
                # a table with relations that its placeholders or unreadable rows left open is
                # reported by the codes of those rows; one without any relation was not checked at all
                if table.evaluated == 0 and table.rule.layout == "amounts" and not table.relations:
                    cell = table.title_cell or (table.rows[0].label_cell if table.rows else None)
                    yield at_page(DOC.code, DOC.severity, doc.path, page.page, line=table.line, cell=cell.ref if cell else None,
                                  start=" / ".join(table.first_lines()))
