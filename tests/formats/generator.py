"""Render one budget document in every format and layout the readers support.

A document is a list of pages; a page has a title, breadcrumbs, paragraphs,
tables and a footer. `render(document, layout, folder)` writes one file per
page in the given layout, so that every reader is tested on identical figures:

- cell-per-line   the portal's text export: every cell on its own line, empty cells dropped,
                  an indicator's description under its row (the other layouts have none)
- row-per-line    one line per row, cells separated by tabs
- aligned         one line per row, columns aligned with spaces (an empty cell is a run of spaces)
- markdown        pipe tables
- html            a page with navigation, headings, <table> with thead/tbody and a footer
- xlsx            one sheet per page; amounts stored as numbers, other cells as text
- csv             `;`-delimited, Dutch numbers
- csv-plain       `,`-delimited, plain numbers (1234567), labels quoted where needed

The figures in `sample_document` are the seeds' figures; the labels and
sentences are placeholders.
"""

from __future__ import annotations

import csv
import html
import io
import re
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path

LAYOUTS = ("cell-per-line", "row-per-line", "aligned", "markdown", "html", "xlsx", "csv", "csv-plain")
_EXTENSION = {"cell-per-line": ".txt", "row-per-line": ".txt", "aligned": ".txt", "markdown": ".md", "html": ".html",
              "xlsx": ".xlsx", "csv": ".csv", "csv-plain": ".csv"}
_DUTCH_AMOUNT = re.compile(r"^-?\d{1,3}(?:\.\d{3})*$")


@dataclass(frozen=True)
class TableSpec:
    title: str  # as shown above the table, unit label included
    columns: tuple[str, ...]  # header labels of the value columns
    rows: tuple[tuple[str, tuple[str, ...]], ...]  # (label, one text per column; "" = empty cell)
    corner: str = ""  # heading of the label column, where the layout shows one
    corner_in_text: bool = False  # the portal's text layout shows the corner too ("Indicator")
    notes: tuple[str, ...] = ()  # per row, a description under it (indicators; the portal's text layout only)


@dataclass(frozen=True)
class PageSpec:
    name: str  # file name without extension
    title: str
    blocks: tuple[str | TableSpec, ...]  # paragraphs and tables in page order
    breadcrumbs: tuple[str, ...] = ()
    footer: str = ""


@dataclass(frozen=True)
class DocumentSpec:
    pages: tuple[PageSpec, ...] = field(default_factory=tuple)


# ---------------------------------------------------------------- the sample document

_PROSE = (
    "Deze alinea beschrijft in gewone woorden wat dit onderdeel van de begroting wil bereiken.",
    "Hier staat een toelichting op de tabel hieronder, in een paar zinnen zonder bedragen erin.",
    "Een slotalinea die verwijst naar een ander hoofdstuk van hetzelfde document voor meer uitleg.",
)
_FOOTER = "Deze pagina is gebouwd op 11/18/2024 13:24:11 met de export van 11/18/2024 13:13:46"
_BL_COLUMNS = ("Lasten", "Baten", "Saldo", "Toevoeging aan reserves", "Onttrekking aan reserves", "Geraamd resultaat")


def sample_document() -> DocumentSpec:
    """A programme page, one of its goals' page (in thousands) and a page with a table no rule module knows."""
    programme = PageSpec(
        name="programma-1",
        title="Programma 1 Voorbeeldprogramma",
        breadcrumbs=("Begroting 2025", "Programma's"),
        footer=_FOOTER,
        blocks=(
            _PROSE[0],
            TableSpec(
                "Overzicht baten en lasten", _BL_COLUMNS, corner="Doel",
                rows=(
                    ("Doel 1.1.1 Eerste doel", ("14.573.052", "0", "14.573.052", "43.389", "184.071", "14.432.370")),
                    ("Doel 1.1.2 Tweede doel", ("16.329.083", "1.798.619", "14.530.464", "344.888", "517.274", "14.358.078")),
                    ("Doel 1.1.3 Derde doel", ("29.166.590", "5.335.123", "23.831.467", "0", "1.311.646", "22.519.821")),
                    ("Doel 1.2.1 Vierde doel", ("17.358.614", "", "17.358.614", "", "195.000", "17.163.614")),
                    ("Doel 1.2.2 Vijfde doel", ("1.314.696", "0", "1.314.696", "0", "0", "1.314.696")),
                    ("Doel 1.2.3 Zesde doel", ("80.235.555", "1.205.582", "79.029.973", "0", "0", "79.029.973")),
                    ("Doel 1.3.1 Zevende doel", ("117.619.731", "5.494.575", "112.125.156", "0", "439.647", "111.685.509")),
                    ("Totaal", ("276.597.321", "13.833.899", "262.763.422", "388.277", "2.647.638", "260.504.061")),
                ),
            ),
            _PROSE[1],
            TableSpec(
                "Overzicht kredieten",
                ("Omvang krediet", "Gerealiseerd tot en met 2023", "Resterend krediet", "Raming 2024", "Raming 2025", "Raming 2026 en verder"),
                corner="Doel",
                rows=(
                    ("Doel 1.1.1 Eerste doel", ("1.118.885", "766.686", "352.199", "352.199", "", "")),
                    ("Doel 1.1.2 Tweede doel", ("5.759.571", "3.970.829", "1.788.742", "1.788.742", "", "")),
                    ("Doel 1.1.3 Derde doel", ("124.050.345", "73.652.979", "50.397.366", "41.697.405", "5.351.187", "3.348.774")),
                    ("Doel 1.2.1 Vierde doel", ("1.140.000", "800.918", "339.082", "339.082", "", "")),
                    ("Totaal", ("132.068.801", "79.191.412", "52.877.389", "44.177.428", "5.351.187", "3.348.774")),
                ),
            ),
            _PROSE[2],
        ),
    )
    goal = PageSpec(
        name="doel-1-2-3",
        title="Doel 1.2.3 Zesde doel",
        breadcrumbs=("Begroting 2026", "Programma's"),
        footer="Deze pagina is gebouwd op 10/10/2025 07:33:06 met de export van 10/10/2025 07:24:21",
        blocks=(
            _PROSE[0],
            TableSpec(
                "Indicatoren", ("Verleden", "Heden", "Toekomst"), corner="Indicator", corner_in_text=True,
                rows=(
                    ("Meldingen eerste soort (aantal)", ("2022", "2024", "2026", "2332", "2492", "2450")),
                    ("Indicaties tweede soort (aantal)", ("2022", "2024", "2026", "500", "424", "400")),
                    ("Wachtenden derde soort (aantal)", ("2022", "2024", "2026", "133", "108", "131")),
                    ("Overlast vierde soort (%)", ("2022", "2024", "2026", "2", "7", "5")),
                ),
                notes=tuple(f"Omschrijving van indicator {n} en de bron waar de cijfers vandaan komen." for n in range(1, 5)),
            ),
            _PROSE[1],
            TableSpec(
                "Overzicht baten en lasten (x €1.000)", _BL_COLUMNS, corner="Doel",
                rows=(("Doel 1.2.3 Zesde doel", ("80.236", "1.206", "79.030", "0", "0", "79.030")),),
            ),
            _PROSE[2],
        ),
    )
    unknown = PageSpec(
        name="wijken",
        title="Doel 2.1.1 Wijken",
        footer=_FOOTER,
        blocks=(
            _PROSE[0],
            TableSpec(
                "Verdeling naar wijken", ("Noord", "Zuid", "Oost"), corner="Doel",
                rows=(("Doel 2.1.1 Eerste wijkdoel", ("100", "20", "80")), ("Doel 2.1.2 Tweede wijkdoel", ("10", "30", "50"))),
            ),
            _PROSE[2],
        ),
    )
    return DocumentSpec((programme, goal, unknown))


def broken_document() -> DocumentSpec:
    """The sample with errors: a saldo off by 10, a kredieten total off by 10, indicator years out of order."""
    doc = sample_document()
    doc = change_cell(doc, "programma-1", "Overzicht baten en lasten", "Doel 1.1.2 Tweede doel", 2, "14.530.474")
    doc = change_cell(doc, "programma-1", "Overzicht kredieten", "Totaal", 0, "132.068.811")
    return change_cell(doc, "doel-1-2-3", "Indicatoren", "Wachtenden derde soort (aantal)", 1, "2021")


def change_cell(doc: DocumentSpec, page: str, table: str, row: str, column: int, text: str) -> DocumentSpec:
    pages = []
    for p in doc.pages:
        blocks = []
        for block in p.blocks:
            if p.name == page and isinstance(block, TableSpec) and block.title.startswith(table):
                rows = tuple((label, tuple(text if i == column and label == row else v for i, v in enumerate(values)))
                             for label, values in block.rows)
                block = replace(block, rows=rows)
            blocks.append(block)
        pages.append(replace(p, blocks=tuple(blocks)))
    return DocumentSpec(tuple(pages))


# ---------------------------------------------------------------- rendering


def render(doc: DocumentSpec, layout: str, folder: Path) -> Path:
    """Write every page of the document in one layout into `folder`; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for page in doc.pages:
        target = folder / (page.name + _EXTENSION[layout])
        data = _RENDERERS[layout](page)
        if isinstance(data, str):
            target.write_text(data, encoding="utf-8")
        else:
            target.write_bytes(data)
    return folder


def render_zip(doc: DocumentSpec, layout: str, target: Path) -> Path:
    """The same pages as members of one zip file."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for page in doc.pages:
            data = _RENDERERS[layout](page)
            archive.writestr("export/" + page.name + _EXTENSION[layout], data.encode("utf-8") if isinstance(data, str) else data)
    return target


def _grid(table: TableSpec, corner: bool = True) -> list[list[str]]:
    """Header and rows as a rectangular grid; the header is as wide as the widest row."""
    width = max([len(table.columns)] + [len(values) for _, values in table.rows])
    header = [table.corner if corner else "", *table.columns] + [""] * (width - len(table.columns))
    return [header] + [[label, *values] + [""] * (width - len(values)) for label, values in table.rows]


def _cell_per_line(page: PageSpec) -> str:
    lines = [*page.breadcrumbs, page.title]
    for block in page.blocks:
        if isinstance(block, str):
            lines.append(block)
            continue
        lines.append(block.title)
        lines += ([block.corner] if block.corner_in_text else []) + list(block.columns)
        for r, (label, values) in enumerate(block.rows):
            lines.append(label)
            lines += [v for v in values if v]  # the portal drops empty cells
            lines += block.notes[r : r + 1]
    if page.footer:
        lines.append(page.footer)
    return "\n\n".join(lines) + "\n"


def _row_per_line(page: PageSpec) -> str:
    lines = [*page.breadcrumbs, page.title]
    for block in page.blocks:
        if isinstance(block, str):
            lines.append(block)
            continue
        lines.append(block.title)
        lines += ["\t".join(row).rstrip("\t") for row in _grid(block)]
    if page.footer:
        lines.append(page.footer)
    return "\n".join(lines) + "\n"


def _aligned(page: PageSpec) -> str:
    lines = [*page.breadcrumbs, page.title, ""]
    for block in page.blocks:
        if isinstance(block, str):
            lines += [block, ""]
            continue
        lines.append(block.title)
        grid = _grid(block)
        widths = [max(len(row[c]) for row in grid) for c in range(len(grid[0]))]
        for row in grid:
            label = row[0].ljust(widths[0])
            values = [row[c].rjust(widths[c]) for c in range(1, len(row))]
            lines.append("   ".join([label, *values]).rstrip())
        lines.append("")
    if page.footer:
        lines.append(page.footer)
    return "\n".join(lines) + "\n"


def _markdown(page: PageSpec) -> str:
    lines = [*(f"{c}  " for c in page.breadcrumbs), "", f"# {page.title}", ""]
    for block in page.blocks:
        if isinstance(block, str):
            lines += [block, ""]
            continue
        grid = _grid(block)
        lines += [f"## {block.title}", ""]
        lines.append("| " + " | ".join(grid[0]) + " |")
        lines.append("|" + "|".join("---" for _ in grid[0]) + "|")
        lines += ["| " + " | ".join(row) + " |" for row in grid[1:]]
        lines.append("")
    if page.footer:
        lines.append(page.footer)
    return "\n".join(lines) + "\n"


def _html(page: PageSpec) -> str:
    e = html.escape
    out = ["<!DOCTYPE html>", '<html lang="nl"><head><meta charset="utf-8"><title>', e(page.title), "</title>",
           "<style>.sr-only{position:absolute}</style><script>var menu = '<table>';</script></head><body>",
           '<nav class="menu"><a href="#">menu</a> <a href="#">Terug naar navigatie</a></nav>']
    if page.breadcrumbs:
        out.append('<nav aria-label="breadcrumb"><ol>' + "".join(f"<li><a href='#'>{e(c)}</a></li>" for c in page.breadcrumbs) + "</ol></nav>")
    out.append(f"<main><h1>{e(page.title)}</h1>")
    for block in page.blocks:
        if isinstance(block, str):
            out.append(f"<p>{e(block)}</p>")
            continue
        grid = _grid(block)
        out.append(f"<h2>{e(block.title)}</h2>")
        out.append('<div class="table-wrapper"><table class="table">')
        out.append("<thead><tr>" + "".join(f"<th scope='col'>{e(c)}</th>" for c in grid[0]) + "</tr></thead><tbody>")
        for row in grid[1:]:
            cells = "".join(f"<td class='amount'><span class='sr-only'>{e(h)}: </span><span>{e(v)}</span></td>"
                            for h, v in zip(grid[0][1:], row[1:]))
            out.append(f"<tr><th scope='row'>{e(row[0])}</th>{cells}</tr>")
        out.append("</tbody></table></div>")
    out.append("</main>")
    if page.footer:
        out.append(f"<footer><p>{e(page.footer)}</p></footer>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _xlsx(page: PageSpec) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Pagina"
    for crumb in page.breadcrumbs:
        sheet.append([crumb])
    sheet.append([page.title])
    for block in page.blocks:
        sheet.append([])
        if isinstance(block, str):
            sheet.append([block])
            continue
        sheet.append([block.title])
        grid = _grid(block)
        sheet.append(grid[0])
        for row in grid[1:]:
            sheet.append([row[0], *(_stored(v) for v in row[1:])])
    if page.footer:
        sheet.append([])
        sheet.append([page.footer])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _stored(text: str) -> int | str | None:
    """Amounts as numbers (as a spreadsheet holds them), anything else as text."""
    if text == "":
        return None
    if _DUTCH_AMOUNT.match(text):
        return int(text.replace(".", ""))
    return text


def _csv(page: PageSpec, delimiter: str = ";", plain: bool = False) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    for line in [*page.breadcrumbs, page.title]:
        writer.writerow([line])
    for block in page.blocks:
        if isinstance(block, str):
            writer.writerow([block])
            continue
        writer.writerow([block.title])
        grid = _grid(block)
        writer.writerow(grid[0])
        for row in grid[1:]:
            writer.writerow([row[0], *(_plain(v) if plain else v for v in row[1:])])
    if page.footer:
        writer.writerow([page.footer])
    return out.getvalue()


def _plain(text: str) -> str:
    return text.replace(".", "") if _DUTCH_AMOUNT.match(text) else text


_RENDERERS = {
    "cell-per-line": _cell_per_line,
    "row-per-line": _row_per_line,
    "aligned": _aligned,
    "markdown": _markdown,
    "html": _html,
    "xlsx": _xlsx,
    "csv": _csv,
    "csv-plain": lambda page: _csv(page, ",", plain=True),
}
