"""Words the reporters print around the findings, in Dutch and English."""

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


def labels(lang: str) -> dict[str, str]:
    return LABELS.get(lang, LABELS["en"])


def amount(value: int | None, lang: str) -> str:
    if value is None:
        return ""
    text = f"{value:,}"
    return text.replace(",", ".") if lang == "nl" else text
