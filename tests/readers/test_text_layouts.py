"""Messy text layouts as the text reader lays them out: aligned columns, side by side, year groups."""

from __future__ import annotations

from budget_checks.model import Row
from budget_checks.readers.columns import aligned_rows
from budget_checks.readers.text import read_text


def rows(text: str) -> list[list[str]]:
    return [[c.text for c in i.cells] for i in read_text(text.encode(), "p.txt").items if isinstance(i, Row)]


def test_runs_of_spaces_keep_empty_cells_in_place() -> None:
    lines = [
        "                 Lasten   Baten   Saldo   Toevoeging",
        "Doel 1.1.1 Een      100              100            5",
        "Doel 1.1.2 Twee     200      50      150",
        "Doel 1.1.3 Drie              10",
    ]
    assert aligned_rows(lines) == {
        1: ("", "Lasten", "Baten", "Saldo", "Toevoeging"),
        2: ("Doel 1.1.1 Een", "100", "", "100", "5"),
        3: ("Doel 1.1.2 Twee", "200", "50", "150"),
        4: ("Doel 1.1.3 Drie", "", "10"),
    }


def test_blocks_whose_lines_agree_and_prose_are_left_to_the_plain_split() -> None:
    assert aligned_rows(["Lasten  Baten  Saldo", "Doel 1  100  20  80"]) == {}
    assert aligned_rows(["Lasten  Baten  Saldo", "Doel 1  100  20  80", "Doel 2  100  80"]) == {}  # separated, not aligned
    sentence = "Dit is een lange zin met veel woorden die geen tabel is maar wel  twee spaties heeft."
    assert aligned_rows([sentence, "Doel 1   100   20   80", "Doel 2   100        80"]) == {
        2: ("Doel 1", "100", "20", "80"), 3: ("Doel 2", "100", "", "80")}


def test_tables_side_by_side_stay_one_line_each() -> None:
    """Cutting them into two tables is the recognizer's job (tests/formats/test_layouts.py)."""
    text = ("Programma 1 Voorbeeld\nBalans\n"
            "Activa          2024   2025   Passiva          2024   2025\n"
            "Vaste activa     100    120   Eigen vermogen     80     90\n"
            "Totaal activa    100    120   Totaal passiva     80     90\n")
    assert rows(text) == [["Balans"], ["Activa", "2024", "2025", "Passiva", "2024", "2025"],
                          ["Vaste activa", "100", "120", "Eigen vermogen", "80", "90"],
                          ["Totaal activa", "100", "120", "Totaal passiva", "80", "90"]]


def test_a_row_of_equal_values_is_not_a_side_by_side_header() -> None:
    text = "Doel 1 Voorbeeld\nOverzicht\n\tA\tB\tC\tD\tE\nDoel 1\t0\t0\tDoel 1\t0\t0\n"
    assert rows(text)[1:] == [["A", "B", "C", "D", "E"], ["Doel 1", "0", "0", "Doel 1", "0", "0"]]


def test_year_groups_over_repeated_labels_keep_their_cells_in_place() -> None:
    """One table with a group row; which columns a group spans is the header's job (recognize/header.py)."""
    text = ("Programma 1 Voorbeeld\nOverzicht baten en lasten\n"
            "\tBegroting 2025\t\t\tBegroting 2026\n"
            "\tLasten\tBaten\tSaldo\tLasten\tBaten\tSaldo\n"
            "Programma 1\t100\t20\t80\t110\t25\t85\n"
            "Programma 2\t\t\t\t60\t5\t55\n")
    assert rows(text) == [
        ["Overzicht baten en lasten"], ["Begroting 2025", "", "", "Begroting 2026"],
        ["Lasten", "Baten", "Saldo", "Lasten", "Baten", "Saldo"],
        ["Programma 1", "100", "20", "80", "110", "25", "85"], ["Programma 2", "", "", "", "60", "5", "55"],
    ]


def test_a_pipe_table_with_every_cell_on_a_line_of_its_own_is_rejoined_by_its_rule_row() -> None:
    tab = "\t"
    text = "\n".join([
        "Overzicht (bedragen x € 1.000)  | ", *(tab * 9 + f"Begroting {y}  | " for y in (2025, 2026, 2027)), tab * 7,
        "|---|---|---|---|", "TOTAAL  | ", tab * 8 + "|||",
        "totaal baten  | ", *(tab * 8 + f" {v}  | " for v in ("-98.251", "-91.896", "-92.271")), tab * 6,
        "totaal lasten  | ", *(tab * 8 + f" {v}  | " for v in ("89.228", "93.696", "95.566")), tab * 6,
    ])
    got = rows(text)
    assert ["Overzicht (bedragen x € 1.000)", "Begroting 2025", "Begroting 2026", "Begroting 2027"] in got
    assert ["totaal baten", "-98.251", "-91.896", "-92.271"] in got
    assert ["totaal lasten", "89.228", "93.696", "95.566"] in got
    lasten = next(i for i in read_text(text.encode(), "p.txt").items if isinstance(i, Row) and i.cells[0].text == "totaal lasten")
    assert [c.line for c in lasten.cells] == [14, 15, 16, 17]  # each value keeps its own line, for the findings
