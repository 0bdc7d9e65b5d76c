"""Reader timings on realistic generated files (not a test; run by hand).

    /work/venv/bin/python -m tests.readers.bench_readers

HTML: a 200 KB programme page with 90 tables, parsed and every table cell's
visible text extracted, with lxml (what budget_checks.readers.html uses) and
with selectolax; then the whole HTML reader. XLSX: a workbook of 12 sheets with
six 40-row tables each, every cell read, with python-calamine (what
budget_checks.readers.xlsx uses) and with openpyxl read-only; then the whole
xlsx reader, once for integer amounts and once with percentage cells (which
make it ask openpyxl for number formats).
"""

from __future__ import annotations

import random
import time
from io import BytesIO

from budget_checks.readers.html import read_html
from budget_checks.readers.xlsx import read_xlsx

_HIDDEN = ("sr-only",)


def best_of(function, repeat: int = 7) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def html_page(tables: int = 90, rows: int = 8) -> bytes:
    random.seed(4)
    parts = ['<!DOCTYPE html><html><head><title>Programma 1</title><script>var t = "<table>";</script></head><body>',
             '<nav class="breadcrumb"><ol><li><a href="/">Begroting 2026</a></li><li>Programma\'s</li></ol></nav>',
             "<h1>Programma 1 Voorbeeld</h1>"]
    for t in range(tables):
        parts.append(f"<h2>Overzicht baten en lasten</h2><p>Toelichting bij tabel {t} met een paar woorden.</p>")
        parts.append('<table class="table"><thead><tr><th>Doel</th><th>Lasten</th><th>Baten</th><th>Saldo</th>'
                     "<th>Toevoeging aan reserves</th><th>Onttrekking aan reserves</th><th>Geraamd resultaat</th></tr></thead><tbody>")
        for r in range(rows):
            lasten, baten = random.randint(0, 10**8), random.randint(0, 10**7)
            values = [lasten, baten, lasten - baten, 0, 0, lasten - baten]
            cells = "".join(f'<td class="amount"><span class="sr-only">bedrag</span><span>{v:,}</span></td>'.replace(",", ".") for v in values)
            parts.append(f"<tr><th scope=\"row\">Doel 1.{t}.{r} Omschrijving van het doel</th>{cells}</tr>")
        parts.append("</tbody></table>")
    parts.append("<footer><p>Deze pagina is gebouwd op 10/10/2025 07:33:06 met de export van 10/10/2025 07:24:21</p></footer></body></html>")
    return "".join(parts).encode("utf-8")


def cells_lxml(data: bytes) -> int:
    from lxml import html

    root = html.document_fromstring(data.decode("utf-8"))
    count = 0
    for table in root.iter("table"):
        for tr in table.iter("tr"):
            for cell in tr:
                text = " ".join(t for e in cell.iter() if e.get("class") not in _HIDDEN for t in (e.text or "",)).split()
                count += bool(text)
    return count


def cells_selectolax(data: bytes) -> int:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(data.decode("utf-8"))
    count = 0
    for table in tree.css("table"):
        for tr in table.css("tr"):
            for cell in tr.iter():
                if cell.tag not in ("td", "th"):
                    continue
                for hidden in cell.css(".sr-only"):
                    hidden.decompose()
                count += bool(cell.text(deep=True, separator=" ").split())
    return count


def workbook(percentages: bool) -> bytes:
    from openpyxl import Workbook

    random.seed(4)
    book = Workbook()
    book.remove(book.active)
    for p in range(1, 13):
        sheet = book.create_sheet(f"Programma {p}")
        sheet.append([f"Programma {p} Voorbeeld"])
        for block in range(6):
            sheet.append([])
            sheet.append(["Overzicht baten en lasten (bedragen x € 1.000)"])
            sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=7)
            sheet.append(["Doel", "Lasten", "Baten", "Saldo", "Toevoeging aan reserves", "Onttrekking aan reserves", "Geraamd resultaat"])
            for d in range(40):
                lasten, baten = random.randint(0, 10**8), random.randint(0, 10**7)
                sheet.append([f"Doel {p}.{block}.{d} Omschrijving", lasten, baten, lasten - baten, 0, 0, lasten - baten])
            if percentages:
                sheet.append(["Aandeel", 0.426])
                sheet.cell(sheet.max_row, 2).number_format = "0.0%"
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def all_cells_calamine(data: bytes) -> int:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_filelike(BytesIO(data))
    return sum(1 for name in book.sheet_names for row in book.get_sheet_by_name(name).to_python() for v in row if v != "")


def all_cells_openpyxl(data: bytes) -> int:
    from openpyxl import load_workbook

    book = load_workbook(BytesIO(data), read_only=True, data_only=True)
    count = sum(1 for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for v in row if v is not None)
    book.close()
    return count


def main() -> None:
    page = html_page()
    print(f"HTML page: {len(page) // 1024} KB, {page.count(b'<table')} tables")
    print(f"  lxml       parse + cells   {best_of(lambda: cells_lxml(page)):7.1f} ms  ({cells_lxml(page)} cells)")
    print(f"  selectolax parse + cells   {best_of(lambda: cells_selectolax(page)):7.1f} ms  ({cells_selectolax(page)} cells)")
    print(f"  read_html (lxml, whole reader) {best_of(lambda: read_html(page, 'p.html')):7.1f} ms")
    for percentages in (False, True):
        data = workbook(percentages)
        what = "with percentage cells" if percentages else "integer amounts"
        print(f"XLSX workbook ({what}): {len(data) // 1024} KB")
        print(f"  python-calamine all cells  {best_of(lambda data=data: all_cells_calamine(data), 3):7.1f} ms  ({all_cells_calamine(data)} cells)")
        print(f"  openpyxl read-only cells   {best_of(lambda data=data: all_cells_openpyxl(data), 3):7.1f} ms  ({all_cells_openpyxl(data)} cells)")
        print(f"  read_xlsx (whole reader)   {best_of(lambda data=data: read_xlsx(data, 'b.xlsx'), 3):7.1f} ms")


if __name__ == "__main__":
    main()
