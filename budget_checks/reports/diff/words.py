"""Every word the diff reporters print, in Dutch and English, and how they write a value,
a difference and a place. The findings' own messages come rendered in the run's language."""

from __future__ import annotations

from budget_checks.compare.model import Change, Diff, PageDiff, TableDiff
from budget_checks.compare.parts import Value
from budget_checks.findings import Finding
from budget_checks.reports.labels import amount

WORDS = {
    "nl": {
        "title": "Verschillen", "old": "Oud", "new": "Nieuw", "difference": "Verschil", "euros": "Verschil (€)",
        "unit": "Eenheid", "page": "Pagina", "page_file": "Paginabestand", "table": "Tabel", "row": "Rij", "column": "Kolom",
        "old_line": "Regel oud", "new_line": "Regel nieuw", "what": "Wat", "label": "Naam", "line": "Regel",
        "status": "Status", "severity": "Ernst", "code": "Code", "message": "Melding", "summary": "Samenvatting",
        "changes": "Wijzigingen", "structure": "Rijen en kolommen", "findings": "Bevindingen",
        "figures_changed": "cijfers gewijzigd", "figure_changed": "cijfer gewijzigd", "largest": "Grootste wijzigingen",
        "pages_compared": "pagina's vergeleken", "tables_compared": "tabellen vergeleken",
        "rows_added": "rijen toegevoegd", "rows_removed": "rijen verwijderd",
        "columns_added": "kolommen toegevoegd", "columns_removed": "kolommen verwijderd",
        "tables_added": "tabellen toegevoegd", "tables_removed": "tabellen verwijderd",
        "pages_added": "pagina's toegevoegd", "pages_removed": "pagina's verwijderd", "pages_moved": "pagina's verplaatst",
        "page_moved": "pagina verplaatst",
        "row_added": "rij toegevoegd", "row_removed": "rij verwijderd", "column_added": "kolom toegevoegd",
        "column_removed": "kolom verwijderd", "table_added": "tabel toegevoegd", "table_removed": "tabel verwijderd",
        "page_added": "pagina toegevoegd", "page_removed": "pagina verwijderd", "moved": "verplaatst",
        "resolved": "opgelost", "introduced": "nieuw", "findings_resolved": "bevindingen opgelost",
        "findings_introduced": "nieuwe bevindingen", "no_changes": "Geen cijfers gewijzigd.",
        "largest_one": "grootste", "rows": "rijen", "unit_was": "was", "document_findings": "Het document als geheel",
        "more": "… en nog {n}", "error": "fout", "warning": "waarschuwing", "info": "info", "yes": "ja", "no": "nee",
        "changed": "gewijzigd", "expected": "Verwacht", "actual": "Gevonden", "old_export": "Oude export", "new_export": "Nieuwe export", "count": "Aantal",
    },
    "en": {
        "title": "Differences", "old": "Old", "new": "New", "difference": "Difference", "euros": "Difference (€)",
        "unit": "Unit", "page": "Page", "page_file": "Page file", "table": "Table", "row": "Row", "column": "Column",
        "old_line": "Old line", "new_line": "New line", "what": "What", "label": "Label", "line": "Line",
        "status": "Status", "severity": "Severity", "code": "Code", "message": "Message", "summary": "Summary",
        "changes": "Changes", "structure": "Rows and columns", "findings": "Findings",
        "figures_changed": "figures changed", "figure_changed": "figure changed", "largest": "Largest changes",
        "pages_compared": "pages compared", "tables_compared": "tables compared",
        "rows_added": "rows added", "rows_removed": "rows removed",
        "columns_added": "columns added", "columns_removed": "columns removed",
        "tables_added": "tables added", "tables_removed": "tables removed",
        "pages_added": "pages added", "pages_removed": "pages removed", "pages_moved": "pages moved",
        "page_moved": "page moved",
        "row_added": "row added", "row_removed": "row removed", "column_added": "column added",
        "column_removed": "column removed", "table_added": "table added", "table_removed": "table removed",
        "page_added": "page added", "page_removed": "page removed", "moved": "moved",
        "resolved": "resolved", "introduced": "introduced", "findings_resolved": "findings resolved",
        "findings_introduced": "findings introduced", "no_changes": "No figures changed.",
        "largest_one": "largest", "rows": "rows", "unit_was": "was", "document_findings": "The document as a whole",
        "more": "… and {n} more", "error": "error", "warning": "warning", "info": "info", "yes": "yes", "no": "no",
        "changed": "changed", "expected": "Expected", "actual": "Actual", "old_export": "Old export", "new_export": "New export", "count": "Count",
    },
}

# what the summary counts, in the order it lists them
COUNTS = ("rows_added", "rows_removed", "columns_added", "columns_removed", "tables_added", "tables_removed",
          "pages_added", "pages_removed", "pages_moved")


def words(lang: str) -> dict[str, str]:
    return WORDS.get(lang, WORDS["en"])


def shown(value: Value) -> str:
    """A value as its page shows it; an empty cell as a dash."""
    return value.text or "–"


def signed(value: int | None, lang: str) -> str:
    if value is None:
        return ""
    return ("+" if value > 0 else "") + amount(value, lang)


def difference_text(change: Change, lang: str) -> str:
    """`+250.000`, or `+250 x €1.000 (€ +250.000)` when the unit is not whole euros."""
    if change.difference is None:
        return ""
    text = signed(change.difference, lang)
    if change.euros is not None and change.unit and change.unit != "€":
        return f"{text} {change.unit} (€ {signed(change.euros, lang)})"
    return text


def unit_text(table: TableDiff, w: dict[str, str]) -> str:
    """The table's unit, and the old one when the label changed."""
    if table.old_unit and table.unit and table.old_unit != table.unit:
        return f"{table.unit}; {w['unit_was']} {table.old_unit}"
    return table.unit


def change_unit(change: Change, w: dict[str, str]) -> str:
    """The unit of the difference, and the old unit when the label changed (old and new are each in their own)."""
    if change.old_unit and change.new_unit and change.old_unit != change.new_unit:
        return f"{change.unit} ({w['old']} {change.old_unit}, {w['new']} {change.new_unit})"
    return change.unit


def page_file(page: PageDiff) -> str:
    """`002_programma-1.txt → 001_programma-1.txt`, or the one path."""
    if page.moved:
        return f"{page.old_path} → {page.new_path}"
    return page.new_path or page.old_path or ""


def place(finding: Finding) -> str:
    return " › ".join(x for x in (finding.table, finding.row, finding.column) if x)


def counts(diff: Diff) -> dict[str, int]:
    return {what: diff.count(what) for what in COUNTS}


def counted(n: int, what: str, w: dict[str, str]) -> str:
    """`1 row added`, `2 rows added`: `what` is the plural key (rows_added, figures_changed)."""
    part, _, how = what.partition("_")
    return f"{n} {w[part[:-1] + '_' + how] if n == 1 else w[what]}"


def tally(diff: Diff, w: dict[str, str]) -> str:
    """`8 figures changed · 1 row added · ...`: what moved, the zeros left out."""
    parts = [counted(diff.figures_changed, "figures_changed", w)]
    parts += [counted(n, what, w) for what, n in counts(diff).items() if n]
    return " · ".join(parts)
