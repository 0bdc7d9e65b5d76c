"""The HTML reader: tables onto grids, titles, hidden cells, chrome, locations."""

from __future__ import annotations

from pathlib import Path

import pytest

import budget_checks
from budget_checks.model import Prose, Row
from budget_checks.readers import ReadError
from budget_checks.readers.html import read_html

PAGE = """<!DOCTYPE html>
<html><head><title>Doel 1.1.1 | Gemeente</title><script>var t = "<table><tr><td>1</td></tr></table>";</script></head>
<body>
<nav aria-label="Kruimelpad"><ol><li><a href="/">Begroting 2026</a></li><li>Programma's</li></ol></nav>
<nav class="menu"><a>menu</a> <a>ga terug</a></nav>
<h1>Doel 1.1.1 Voorbeeld</h1>
<p>Een alinea met genoeg woorden om als lopende tekst te gelden, met een punt.</p>
{body}
<footer><p>Deze pagina is gebouwd op 10/10/2025 07:33:06 met de export van 10/10/2025 07:24:21</p></footer>
</body></html>"""


def rows(page) -> list[list[str]]:
    """The page's rows; the page title (the nearest heading above a table without one) left out."""
    return [[c.text for c in item.cells] for item in page.items if isinstance(item, Row) and item.cells[0].text != page.title]


def read(body: str):
    return read_html(PAGE.format(body=body).encode("utf-8"), "page.html")


def test_chrome_title_breadcrumbs_footer_and_prose() -> None:
    page = read("")
    assert page.title == "Doel 1.1.1 Voorbeeld"
    assert page.breadcrumbs == ("Begroting 2026", "Programma's")
    assert page.footer is not None and page.footer.built_at.year == 2025 and page.footer.line == 9
    assert [type(i) for i in page.items] == [Prose]
    assert "menu" not in str(page.items) and "var t" not in str(page.items)


def test_thead_tbody_th_and_the_nearest_heading_as_title() -> None:
    page = read("""<h2>Overzicht baten en lasten</h2><p>Een korte toelichting.</p>
<table><thead><tr><th>Doel</th><th>Lasten</th><th>Baten</th></tr></thead>
<tbody><tr><th scope="row">Doel 1.1.1 Een</th><td>100</td><td>20</td></tr></tbody>
<tfoot><tr><th>Totaal</th><td>100</td><td>20</td></tr></tfoot></table>""")
    assert rows(page) == [["Overzicht baten en lasten"], ["Een korte toelichting."], ["Overzicht baten en lasten"],
                          ["Doel", "Lasten", "Baten"], ["Doel 1.1.1 Een", "100", "20"], ["Totaal", "100", "20"]]
    cell = page.items[-1].cells[2]
    assert (cell.ref, cell.line) == ("t1:r3c3", 11)


def test_a_caption_titles_its_table_and_a_heading_right_above_is_not_repeated() -> None:
    page = read("""<h2>Overzicht baten en lasten</h2>
<table><caption>Overzicht kredieten (x € 1.000)</caption><tr><td>Doel 1</td><td>5</td></tr></table>
<h3>Indicatoren</h3><table><tr><td>Doel 1</td><td>5</td></tr></table>""")
    assert rows(page) == [["Overzicht baten en lasten"], ["Overzicht kredieten (x € 1.000)"], ["Doel 1", "5"],
                          ["Indicatoren"], ["Doel 1", "5"]]


def test_colspan_and_rowspan_are_expanded_onto_the_grid() -> None:
    page = read("""<table>
<tr><th rowspan="2">Programma</th><th colspan="3">Begroting 2025</th><th colspan="3">Begroting 2026</th></tr>
<tr><th>Lasten</th><th>Baten</th><th>Saldo</th><th>Lasten</th><th>Baten</th><th>Saldo</th></tr>
<tr><td rowspan="2">02 Wonen</td><td>100</td><td>20</td><td>80</td><td>110</td><td>20</td><td>90</td></tr>
<tr><td>50</td><td>5</td><td>45</td><td>60</td><td>5</td><td>55</td></tr>
<tr><td>Totaal</td><td rowspan="2">150</td><td>25</td><td>125</td><td>170</td><td>25</td><td>145</td></tr>
<tr><td>Rest</td><td>1</td></tr>
</table>""")
    grid = rows(page)
    # the spanned label repeats down its rows; a group spanning columns stands in its first column
    # (the header fit gives it to the columns under it); a spanned amount does not repeat
    assert grid[:5] == [["Programma", "Begroting 2025", "", "", "Begroting 2026"], ["Programma", "Lasten", "Baten", "Saldo", "Lasten", "Baten", "Saldo"],
                        ["02 Wonen", "100", "20", "80", "110", "20", "90"], ["02 Wonen", "50", "5", "45", "60", "5", "55"],
                        ["Totaal", "150", "25", "125", "170", "25", "145"]]
    assert ["Rest", "", "1"] in grid


def test_numbers_in_nested_elements_hidden_cells_and_screen_reader_text() -> None:
    page = read("""<table><tr><th></th><th>Lasten</th><th style="display: none">Verborgen</th><th>Baten</th><th hidden>X</th></tr>
<tr><th><a href="#"><strong>Doel 1.1.1</strong> Een</a></th><td><span class="sr-only">Lasten: </span><span><b>1.234</b></span></td>
<td style="display:none">999</td><td><div><span>-</span><span>56</span></div></td><td hidden>7</td></tr>
<tr hidden><td>Doel verborgen</td><td>1</td><td>2</td></tr></table>""")
    assert rows(page) == [["", "Lasten", "Baten"], ["Doel 1.1.1 Een", "1.234", "-56"]]


def test_a_layout_table_is_read_as_text_and_its_inner_table_as_data() -> None:
    page = read("""<table class="layout"><tr><td><h2>Overzicht baten en lasten</h2>
<table><tr><th></th><th>Lasten</th></tr><tr><td>Doel 1</td><td>5</td></tr></table></td></tr></table>""")
    assert rows(page) == [["Overzicht baten en lasten"], ["", "Lasten"], ["Doel 1", "5"]]
    assert page.items[-1].cells[1].ref == "t1:r2c2"


def test_encodings_and_an_xml_declaration() -> None:
    text = '<?xml version="1.0" encoding="windows-1252"?><html><body><h1>Doel 1.1.1 Één</h1></body></html>'
    assert read_html(text.encode("cp1252"), "p.html").title == "Doel 1.1.1 Één"
    assert read_html(text.encode("utf-16"), "p.html").title == "Doel 1.1.1 Één"


def test_an_empty_page_is_a_read_error() -> None:
    with pytest.raises(ReadError):
        read_html(b"   ", "p.html")


def test_hostile_spans_are_bounded() -> None:
    page = read('<table><tr><td colspan="99999999">a</td><td rowspan="-3">b</td><td colspan="x">c</td></tr></table>')
    row = rows(page)[0]
    assert row[0] == "a" and row[-2:] == ["b", "c"] and len(row) == 1002  # the colspan stops at 1000



def test_findings_in_html_carry_the_table_cell(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE.format(body="""<h2>Overzicht baten en lasten</h2><table>
<tr><th></th><th>Lasten</th><th>Baten</th><th>Saldo</th></tr>
<tr><th>Doel 1.1.1 Een</th><td>100</td><td>20</td><td>90</td></tr></table>"""), encoding="utf-8")
    report = budget_checks.check(str(path), lang="en")
    [finding] = [f for f in report.findings if f.code == "BL101"]
    assert (finding.cell, finding.line, finding.row, finding.column) == ("t1:r2c4", 10, "Doel 1.1.1 Een", "Saldo")
