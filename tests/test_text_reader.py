"""The portal's text export: both layouts, encodings, title, breadcrumbs, footer, line numbers."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import example, given, strategies as st

from budget_checks.model import Prose, Row
from budget_checks.readers.errors import ReadError
from budget_checks.readers.text import read_text

CELL_PER_LINE = "Domeinen\n\nSociaal domein\n\nDoel 1.2.3 Voorbeeld\n\nLasten\n\n80.235.555\n\nDeze pagina is gebouwd op 10/16/2024 15:54:21 met de export van 10/16/2024 15:44:47"


def test_cell_per_line_keeps_line_numbers() -> None:
    page = read_text(CELL_PER_LINE.encode(), "p.txt")
    assert page.title == "Doel 1.2.3 Voorbeeld"
    assert page.breadcrumbs == ("Domeinen", "Sociaal domein")
    assert page.layout == "cell-per-line"
    assert [(i.cells[0].text, i.cells[0].line) for i in page.items] == [("Lasten", 7), ("80.235.555", 9)]


def test_footer_is_month_first() -> None:
    footer = read_text(CELL_PER_LINE.encode(), "p.txt").footer
    assert footer.built_at == datetime(2024, 10, 16, 15, 54, 21)
    assert footer.exported_at == datetime(2024, 10, 16, 15, 44, 47)
    assert footer.line == 11


def test_impossible_footer_date_is_a_located_read_error() -> None:
    with pytest.raises(ReadError) as info:
        read_text(b"Doel 1.1.1 X\nDeze pagina is gebouwd op 13/45/2024 15:54:21 met de export van 10/16/2024 15:44:47", "p.txt")
    assert info.value.line == 2


def test_one_line_per_row_splits_label_and_values() -> None:
    page = read_text("Doel 1.1.1 X\nLasten\tBaten\tSaldo\nDoel 1.1.1 Sport en cultuur 1.234 -567 667\nDoel 1.1.2  10  -  10".encode(), "p.txt")
    rows = [tuple(c.text for c in i.cells) for i in page.items]
    assert rows == [
        ("Lasten", "Baten", "Saldo"),
        ("Doel 1.1.1 Sport en cultuur", "1.234", "-567", "667"),
        ("Doel 1.1.2", "10", "-", "10"),
    ]
    assert page.layout == "row-per-line"


def test_a_range_in_a_label_is_not_split() -> None:
    page = read_text("Doel 1.1.1 X\nKoers sociaal domein 2024 - 2030".encode(), "p.txt")
    assert [c.text for c in page.items[0].cells] == ["Koers sociaal domein 2024 - 2030"]


def test_a_date_written_with_spaces_is_one_cell() -> None:
    page = read_text("Voorzieningen\n31 12 2018\n12 318 2018".encode(), "p.txt")
    assert [[c.text for c in item.cells] for item in page.items][1:] == [["31 12 2018"], ["12", "318", "2018"]]


def test_prose_and_bullets_are_prose() -> None:
    text = "Doel 1.1.1 X\nWe doen dit samen met partners in de stad en de regio, zodat inwoners snel hulp krijgen.\n• een opsomming\nKort label"
    items = read_text(text.encode(), "p.txt").items
    assert [type(i) for i in items] == [Prose, Prose, Row]


@pytest.mark.parametrize(
    "data",
    [
        "Doel 1.1.1 Café\nLasten".encode("utf-8"),
        b"\xef\xbb\xbf" + "Doel 1.1.1 Café\nLasten".encode("utf-8"),
        "Doel 1.1.1 Café\nLasten".encode("cp1252"),
        "Doel 1.1.1 Café\r\nLasten".encode("utf-16"),
    ],
    ids=["utf-8", "utf-8-bom", "cp1252", "utf-16"],
)
def test_encodings(data: bytes) -> None:
    page = read_text(data, "p.txt")
    assert page.title == "Doel 1.1.1 Café"
    assert page.items[0].cells[0].text == "Lasten"


def test_binary_is_refused() -> None:
    with pytest.raises(ReadError):
        read_text(b"\x00\x01\x02binary", "p.bin")


def test_page_without_doel_or_programma_takes_its_first_line_as_title() -> None:
    page = read_text("Nieuws over de begroting\nEen bericht zonder tabellen dat lang genoeg is om proza te zijn.".encode(), "p.txt")
    assert page.title == "Nieuws over de begroting" and page.breadcrumbs == ()


@given(st.text(alphabet=st.sampled_from(list("ab1 \t\n\u00a0\u2028\x1c\x0b€é")), max_size=40))
@example("Lasten  Baten")
@example("é\n€ 1\u00a0000")
def test_the_page_wide_gap_test_never_misses_a_line_with_a_gap(text: str) -> None:
    from budget_checks.readers.columns import _has_gap, has_gaps

    if any(_has_gap(line) for line in text.split("\n")):
        assert has_gaps(text)


@given(st.text(alphabet="ab1.-•*\t \u00a0", min_size=1, max_size=12).map(str.strip).filter(bool), st.booleans())
@example("1.234", True)
@example("a\u00a0b", True)
@example("a\u00a0b", False)
@example("•", True)
def test_a_line_taken_as_one_cell_at_once_is_one_cell_as_any_line(line, gaps):
    """Most lines are one word; the reader takes them as a cell without the general steps, and only
    where those steps would make the same cell of them."""
    from budget_checks.model import Cell
    from budget_checks.readers.text import _item, _one_cell

    if _one_cell(line, gaps):
        assert _item(line, 7, gaps) == Row((Cell(line, 7),))


def test_a_one_cell_row_is_the_row_its_named_tuples_build() -> None:
    from budget_checks.model import Cell, one_cell_row

    built = one_cell_row("Lasten", 7)
    assert built == Row((Cell("Lasten", 7),)) and type(built) is Row and type(built.cells[0]) is Cell
    assert (built.positional, built.spaced, built.cells[0].ref) == (False, False, None)


def test_a_page_is_decoded_once_though_its_format_is_sniffed_first(monkeypatch) -> None:
    import budget_checks.readers.text as text_reader
    from budget_checks.readers import read_page

    decoded = []
    real = text_reader._decode
    monkeypatch.setattr(text_reader, "_decode", lambda data: decoded.append(data) or real(data))
    first = read_page("Doel 1\nLasten\n100\n".encode("utf-8"), "a.txt")
    second = read_page("Doel 2\nBaten\n200\n".encode("cp1252"), "b.txt")
    same_bytes_again = read_page("Doel 2\nBaten\n200\n".encode("cp1252"), "c.txt")  # equal, not the same object
    assert len(decoded) == 3
    assert (first.title, second.title, same_bytes_again.title) == ("Doel 1", "Doel 2", "Doel 2")
