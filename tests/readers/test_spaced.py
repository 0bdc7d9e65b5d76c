"""Rows whose empty cells are written as spaces (readers/spaced.py)."""

from __future__ import annotations

from budget_checks.readers.spaced import spaced_rows

PAGE = [
    "  2022 2023 2024 2025",                       # 1: years over the values, the corner empty
    "Opbrengst reclame -384 -PM -PM -PM",          # 2: every cell filled
    "Verzekering personeel 100      ",              # 3: one value, three empty cells after it
    "Herbouw scholen     -200 -300",                # 4: two empty cells before two values
    "Rijksvergoeding onderwijs",                   # 5: a row of several lines: its labels,
    "- rijksbijdrage",                             # 6
    "-247",                                        # 7: the lines of its first value cell,
    "247",                                         # 8
    "     ",                                       # 9: three empty cells after it
    "Afrekening subsidie 688      ",                # 10
    "Participatiewet -83      ",                   # 11
    "Saldo 158 -79 -200 -300",                     # 12
]


def test_runs_of_spaces_are_empty_cells_and_rows_of_several_lines_are_split_by_label_line() -> None:
    rows = spaced_rows(PAGE)
    texts = {n: tuple(text for text, _ in cells) if cells else None for n, cells in rows.items()}
    assert texts[1] == ("", "2022", "2023", "2024", "2025")
    assert texts[2] == ("Opbrengst reclame", "-384", "-PM", "-PM", "-PM")
    assert texts[3] == ("Verzekering personeel", "100", "", "", "")
    assert texts[4] == ("Herbouw scholen", "", "", "-200", "-300")
    # the value lines stand level with the last label lines: each label line a row of its own
    assert texts[5] == ("Rijksvergoeding onderwijs", "-247", "", "", "")
    assert texts[6] == ("- rijksbijdrage", "247", "", "", "")
    assert texts[7] is None and texts[8] is None  # taken into the rows above
    assert texts[12] == ("Saldo", "158", "-79", "-200", "-300")
    assert rows[6][1] == ("247", 8)  # a value keeps the line it stands on


def test_a_page_without_the_layout_beyond_doubt_is_left_to_the_other_readers() -> None:
    padded = ["Lasten  1.200  300", "Baten  -  ", "                 632", "  -  ", "Saldo  900  "]
    assert spaced_rows(padded) == {}
    assert spaced_rows(PAGE[:3]) == {}  # one row shows it: not enough to read the page so
