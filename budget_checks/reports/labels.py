"""Every word the reporters print around the findings, in Dutch and English: one file to
translate. LABELS is running text (console, GitHub, JUnit); EXCEL the workbook's sheet and
column headings; GITHUB the annotations' and job summary's own phrases."""

LABELS = {
    "nl": {
        "error": "fout", "warning": "waarschuwing", "info": "info",
        "errors": "fouten", "warnings": "waarschuwingen", "infos": "meldingen",
        "documents": "documenten", "pages": "pagina's", "tables": "tabellen",
        "checked": "gecontroleerd", "not_recognised": "niet herkend",
        "summary": "Samenvatting", "line": "regel", "expected": "verwacht", "actual": "gevonden",
        "difference": "verschil", "no_findings": "Geen bevindingen.", "not_checked": "Niet gecontroleerd",
        "no_tables": "geen tabellen", "known": "bekend (baseline)", "row": "rij", "column": "kolom", "agrees": "klopt",
    },
    "en": {
        "error": "error", "warning": "warning", "info": "info",
        "errors": "errors", "warnings": "warnings", "infos": "infos",
        "documents": "documents", "pages": "pages", "tables": "tables",
        "checked": "checked", "not_recognised": "not recognised",
        "summary": "Summary", "line": "line", "expected": "expected", "actual": "actual",
        "difference": "difference", "no_findings": "No findings.", "not_checked": "Not checked",
        "no_tables": "no tables", "known": "known (baseline)", "row": "row", "column": "column", "agrees": "agrees",
    },
}



EXCEL = {
    "nl": {
        "summary": "Samenvatting", "findings": "Bevindingen", "reconciliation": "Aansluiting", "not_checked": "Niet gecontroleerd",
        "severity": "Ernst", "code": "Code", "rule": "Controle", "document": "Document", "page": "Pagina",
        "page_title": "Paginatitel", "table": "Tabel", "row": "Rij", "column": "Kolom", "expected": "Verwacht",
        "actual": "Gevonden", "difference": "Verschil", "unit": "Eenheid", "message": "Melding", "line": "Regel",
        "cell": "Cel", "known": "Bekend (baseline)", "fingerprint": "Vingerafdruk", "yes": "ja",
        "run": "Controle-run", "date": "Datum", "version": "Versie budget-checks", "language": "Taal", "option": "Optie",
        "checked_what": "Wat is gecontroleerd", "documents": "Documenten", "pages": "Pagina's",
        "tables_checked": "Tabellen herkend en gecontroleerd", "tables_not_recognised": "Tabellen niet herkend (niet gecontroleerd)",
        "pages_without_tables": "Pagina's zonder tabellen", "rules_run": "Controles uitgevoerd",
        "by_severity": "Bevindingen per ernst", "count": "Aantal", "of_which_known": "Waarvan bekend (baseline)",
        "by_rule": "Bevindingen per controle", "evaluated": "Gecontroleerd (aantal)", "description": "Omschrijving",
        "per_document": "Per document", "not_recognised": "Niet herkend", "no_findings": "Geen bevindingen.",
        "recomputed": "herberekend", "table_heading": "Tabel {index}: {title}", "table_facts": "Eenheid: {unit} · Rekenregel: {convention} · {line_word} {line}",
        "legend": "Zo staat de tabel op de pagina. Een kolom 'herberekend' toont wat uit de rekenregel volgt, alleen waar de pagina afwijkt; "
                  "afwijkende cellen zijn gekleurd en hebben een opmerking.",
        "no_tables": "Geen herkende tabellen.", "first_lines": "Eerste regels", "status": "Status",
        "status_block": "tabel niet herkend", "status_no_tables": "pagina zonder tabellen", "status_unread": "niet gelezen",
        "nothing_unchecked": "Alle tabellen zijn herkend en gecontroleerd.", "go_not_checked": "(niet herkend)",
        "not_checked_legend": "Wat hier staat is niet gecontroleerd: geen bevinding betekent hier niet dat het klopt.",
        "error": "fout", "warning": "waarschuwing", "info": "info",
    },
    "en": {
        "summary": "Summary", "findings": "Findings", "reconciliation": "Reconciliation", "not_checked": "Not checked",
        "severity": "Severity", "code": "Code", "rule": "Rule", "document": "Document", "page": "Page",
        "page_title": "Page title", "table": "Table", "row": "Row", "column": "Column", "expected": "Expected",
        "actual": "Actual", "difference": "Difference", "unit": "Unit", "message": "Message", "line": "Line",
        "cell": "Cell", "known": "Known (baseline)", "fingerprint": "Fingerprint", "yes": "yes",
        "run": "Run", "date": "Date", "version": "budget-checks version", "language": "Language", "option": "Option",
        "checked_what": "What was checked", "documents": "Documents", "pages": "Pages",
        "tables_checked": "Tables recognised and checked", "tables_not_recognised": "Tables not recognised (not checked)",
        "pages_without_tables": "Pages without tables", "rules_run": "Rules run",
        "by_severity": "Findings by severity", "count": "Count", "of_which_known": "Of which known (baseline)",
        "by_rule": "Findings by rule", "evaluated": "Evaluated", "description": "Description",
        "per_document": "Per document", "not_recognised": "Not recognised", "no_findings": "No findings.",
        "recomputed": "recomputed", "table_heading": "Table {index}: {title}", "table_facts": "Unit: {unit} · Rule: {convention} · {line_word} {line}",
        "legend": "Each table as the page shows it. A 'recomputed' column shows what the rule gives, only where the page differs; "
                  "cells that differ are coloured and carry a comment.",
        "no_tables": "No recognised tables.", "first_lines": "First lines", "status": "Status",
        "status_block": "table not recognised", "status_no_tables": "page without tables", "status_unread": "not read",
        "nothing_unchecked": "Every table was recognised and checked.", "go_not_checked": "(not recognised)",
        "not_checked_legend": "What is listed here was not checked: no finding here does not mean it is right.",
        "error": "error", "warning": "warning", "info": "info",
    },
}

GITHUB = {
    "nl": {"more": "nog {n} {what} niet als annotatie getoond; zie de samenvatting van de job",
           "known_skipped": "{n} bekende bevindingen (baseline) niet als annotatie getoond",
           "severity": "Ernst", "file": "Bestand", "place": "Plaats", "message": "Melding", "rest": "… en nog {n} bevindingen",
           "unreadable_summary": "kon de samenvatting niet schrijven naar {path}: {reason}"},
    "en": {"more": "{n} more {what} not annotated; see the job summary",
           "known_skipped": "{n} known findings (baseline) not annotated",
           "severity": "Severity", "file": "File", "place": "Place", "message": "Message", "rest": "… and {n} more findings",
           "unreadable_summary": "could not write the job summary to {path}: {reason}"},
}


# the diff reporters (budget-checks diff)
DIFF = {
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


def labels(lang: str) -> dict[str, str]:
    return LABELS.get(lang, LABELS["en"])


def excel_words(lang: str) -> dict[str, str]:
    return EXCEL.get(lang, EXCEL["en"])


def diff_words(lang: str) -> dict[str, str]:
    return DIFF.get(lang, DIFF["en"])


def github_words(lang: str) -> dict[str, str]:
    return GITHUB.get(lang, GITHUB["en"])


def amount(value: int | None, lang: str) -> str:
    if value is None:
        return ""
    text = f"{value:,}"
    return text.replace(",", ".") if lang == "nl" else text
