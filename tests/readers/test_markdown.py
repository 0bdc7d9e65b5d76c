"""The Markdown reader: pipe tables and damaged row spans."""

from __future__ import annotations

from budget_checks.model import Prose, Row
from budget_checks.readers.markdown import read_markdown

PAGE = """# Programma 2 Voorbeeld

Een alinea met genoeg woorden om als lopende tekst te gelden, met **nadruk** en een punt.

## Overzicht baten en lasten (bedragen x € 1.000)

| Programma | Taakveld | Lasten | Baten | Saldo |
|:---|---|---:|---:|---:|
| 02 Wonen | 2.1 Bouwen | 100 | 20 | 80 |
| 2.2 Huren | 50 | 10 | 40 |
| 03 Werken | 3.1 Banen \\| en meer | 10 | | 10 |
| Totaal | | 160 | 30 |
"""


def test_pipe_tables_headings_and_prose() -> None:
    page = read_markdown(PAGE.encode(), "p.md")
    assert page.title == "Programma 2 Voorbeeld"
    assert isinstance(page.items[0], Prose) and "**" not in page.items[0].text
    rows = [[c.text for c in i.cells] for i in page.items if isinstance(i, Row)]
    assert rows == [
        ["Overzicht baten en lasten (bedragen x € 1.000)"],
        ["Programma", "Taakveld", "Lasten", "Baten", "Saldo"],
        ["02 Wonen", "2.1 Bouwen", "100", "20", "80"],
        ["02 Wonen", "2.2 Huren", "50", "10", "40"],  # the lost span is given back
        ["03 Werken", "3.1 Banen | en meer", "10", "", "10"],
        ["Totaal", "", "160", "30"],  # short at the end: padding, not a span
    ]
    assert page.items[-1].cells[2].line == 12


def test_a_short_row_of_a_one_label_table_is_not_given_a_span() -> None:
    text = "# Doel 1\n\n| | Lasten | Baten | Saldo |\n|---|---|---|---|\n| Doel 1.1 | 100 | 20 | 80 |\n| Doel 1.2 | 50 | 10 |\n"
    rows = [[c.text for c in i.cells] for i in read_markdown(text.encode(), "p.md").items if isinstance(i, Row)]
    assert rows[-1] == ["Doel 1.2", "50", "10"]
