"""Which rows of a table are costs (their verschil may be voordelig when positive)."""

from __future__ import annotations

from budget_checks.readers.text import read_text
from budget_checks.recognize.roles import cost_rows
from budget_checks.recognize.page import recognize_page
from budget_checks.recognize.roles import vocabulary
from budget_checks.rulebook import load_rulebook
from budget_checks.tolerance import Tolerance

BOOK = load_rulebook()


def _table(text: str):
    [table] = recognize_page(read_text(text.encode(), "p.txt"), BOOK, Tolerance()).tables
    return table


def test_the_items_a_total_of_costs_closes_are_costs_and_those_under_baten_are_not() -> None:
    table = _table("Overzicht per taakveld\nBegroot  Rekening  Verschil\n04.01 Veiligheid  1.165  1.122  43\n"
                   "04.02 Brandweer  312  326  -14\nTotaal lasten  1.477  1.448  29\nBaten\n04.01 Veiligheid  354  370  16\n"
                   "Totaal baten  354  370  16\n")
    labels = [row.label for row in table.rows]
    costs = {labels[r] for r in cost_rows(table, vocabulary(BOOK))}
    assert costs == {"04.01 Veiligheid", "04.02 Brandweer", "Totaal lasten"} and labels.count("04.01 Veiligheid") == 2
    assert [r for r in cost_rows(table, vocabulary(BOOK)) if labels[r] == "04.01 Veiligheid"] == [0]


def test_rows_under_a_heading_of_costs_are_costs() -> None:
    table = _table("Overzicht per taakveld\nBegroot  Rekening  Verschil\nPost Z  20  20  0\nLasten\nPost A  100  90  10\n"
                   "Post B  50  60  -10\nBaten\nPost C  30  35  5\n")
    costs = {table.rows[r].label for r in cost_rows(table, vocabulary(BOOK))}
    assert costs == {"Post A", "Post B"}


def test_a_row_of_costs_that_lost_a_cell_is_placed_with_its_verschil_taken_as_costs_take_it() -> None:
    table = _table("Overzicht per taakveld\nBegroot  Rekening  Verschil\nPost A  1.165  1.122  43\nPost B  312  326  -14\n"
                   "Post C  84  84\nTotaal lasten  1.561  1.448  113\nBaten\nPost D  354  370  16\nPost E  95  110  15\n"
                   "Totaal baten  449  480  31\n")
    post_c = next(row for row in table.rows if row.label == "Post C")
    assert [c.text if c else None for c in post_c.cells] == ["84", None, "84"]  # begroot 84, nothing realised, verschil 84


def test_a_saldo_whose_verschil_is_taken_as_its_costs_take_it_is_no_error(tmp_path) -> None:
    import budget_checks

    page = tmp_path / "p.txt"
    page.write_text("Overzicht per taakveld\nBegroot  Rekening  Verschil\nPost A  1.165  1.122  43\nPost B  312  326  -14\n"
                    "Post C  2.316  2.263  53\nTotaal lasten  3.793  3.711  82\nBaten\nPost D  354  370  16\nPost E  95  110  15\n"
                    "Post F  140  155  15\nTotaal baten  589  635  46\nSaldo  3.204  3.076  128\n", encoding="utf-8")
    report = budget_checks.check([str(page)], lang="en")
    # the saldo is costs minus revenue: a net cost, whose verschil is voordelig when positive, as its costs' are
    assert [f.code for f in report.findings if f.severity.label in ("error", "warning")] == []


def test_a_heading_of_costs_right_under_the_header_opens_the_first_section() -> None:
    table = _table("Overzicht per taakveld\nBegroot  Rekening  Verschil\nLasten\nPost A  100  90  10\nPost B  50  60  -10\n"
                   "Baten\nPost C  30  35  5\n")
    assert [row.label for row in table.rows if row.placement == "heading"] == ["Lasten", "Baten"]
    assert {table.rows[r].label for r in cost_rows(table, vocabulary(BOOK))} == {"Post A", "Post B"}
