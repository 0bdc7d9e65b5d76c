"""Which cells name the columns, in the header layouts real pages show."""

from __future__ import annotations

from budget_checks.model import Cell
from budget_checks.recognize.header import fit
from budget_checks.recognize.roles import vocabulary
from budget_checks.rulebook import load_rulebook

WORDS = vocabulary(load_rulebook()).header


def _fit(texts: list[str], width: int):
    return fit([Cell(t) for t in texts], width, WORDS)


def test_labels_split_over_cells_are_joined() -> None:
    header = _fit(["Lasten", "Baten", "Saldo", "Toevoeging", "aan reserves", "Onttrekking aan", "reserves", "Geraamd", "resultaat"], 6)
    assert header.labels == ("Lasten", "Baten", "Saldo", "Toevoeging aan reserves", "Onttrekking aan reserves", "Geraamd resultaat")


def test_a_header_in_lower_case_is_not_joined() -> None:
    header = _fit(["rekening 2018", "saldo 1-1-2020", "overige toevoegingen", "onttrekkingen", "saldo 1-1-2021"], 5)
    assert header.labels == ("rekening 2018", "saldo 1-1-2020", "overige toevoegingen", "onttrekkingen", "saldo 1-1-2021")


def test_groups_interleaved_with_their_labels() -> None:
    header = _fit(["Begroting 2025", "Lasten", "Baten", "Begroting 2026", "Lasten", "Baten"], 4)
    assert header.labels == ("Lasten", "Baten", "Lasten", "Baten")
    assert header.groups == ("Begroting 2025", "Begroting 2025", "Begroting 2026", "Begroting 2026")


def test_a_header_written_with_single_spaces_under_year_groups() -> None:
    header = _fit(["Omschrijving Primaire begroting 2019 Begroting 2019 na wijziging Realisatie 2019",
                   "Baten Lasten Saldo Baten Lasten Saldo Baten Lasten Saldo"], 9)
    assert header.labels == ("Baten", "Lasten", "Saldo") * 3
    assert header.groups[::3] == ("Primaire begroting 2019", "Begroting 2019 na wijziging", "Realisatie 2019")


def test_periods_win_over_headings_between_them_and_the_rows() -> None:
    cells = ["Realisatie 2015", "Begroting 2016", "Begroting 2017", "Begroting 2018", "Programma 1 – Bestuur", "Lasten"]
    assert _fit(cells, 4).labels == ("Realisatie 2015", "Begroting 2016", "Begroting 2017", "Begroting 2018")


def test_cells_right_above_the_rows_name_them_even_without_known_words() -> None:
    assert _fit(["Verdeling naar wijken", "Doel", "Noord", "Zuid", "Oost"], 3).labels == ("Noord", "Zuid", "Oost")


def test_a_one_cell_header_of_several_words_per_column_is_cut_at_its_header_words() -> None:
    header = _fit(["Verloop per reserve",
                   "verloopoverzicht reserves Saldo 1-1-2022 Resultaat bestemming Toevoegingen Onttrekkingen Saldo 31-12-2022"], 5)
    assert header.labels == ("Saldo 1-1-2022", "Resultaat bestemming", "Toevoegingen", "Onttrekkingen", "Saldo 31-12-2022")


def test_a_one_cell_header_is_found_above_a_section_heading() -> None:
    header = _fit(["Overzicht posten", "Posten 2017 Rekening 2017 Actuele begroting Primitieve begroting Verschil begroot- werkelijk",
                   "0 Bestuur en organisatie"], 4)
    assert header.labels == ("Rekening 2017", "Actuele begroting", "Primitieve begroting", "Verschil begroot- werkelijk")


def test_a_whole_header_line_wins_over_the_heading_under_it() -> None:
    cells = [Cell("Overzicht per taakveld", 1), Cell("Begroot", 2), Cell("Rekening", 2), Cell("Verschil", 2), Cell("Lasten", 3)]
    header = fit(cells, 3, WORDS)
    assert header.labels == ("Begroot", "Rekening", "Verschil")


def test_the_date_of_a_balance_in_a_cell_of_its_own_joins_it_and_no_other_label() -> None:
    vocab = vocabulary(load_rulebook())
    header = fit([Cell(t) for t in ["Saldo", "31-12-2021", "Vrijval", "Toe-voegingen", "Aan-wendingen", "Saldo", "31-12-2022"]],
                 5, vocab.header, vocab.balances)
    assert header.labels == ("Saldo 31-12-2021", "Vrijval", "Toe-voegingen", "Aan-wendingen", "Saldo 31-12-2022")
    header = fit([Cell(t) for t in ["Vaste passiva", "31-12-2018", "Vermeerderingen", "Verminderingen", "31-12-2019"]],
                 4, vocab.header, vocab.balances)
    assert header.labels == ("31-12-2018", "Vermeerderingen", "Verminderingen", "31-12-2019")


def test_a_header_read_before_is_read_again_from_the_new_cells() -> None:
    """The same texts on another page give the same labels, with that page's cells (and lines); texts
    that share a line elsewhere are read anew, not taken for the header read before."""
    from budget_checks.recognize import header as module

    texts = ["Omschrijving", "Lasten", "Baten", "Saldo", "Toevoeging", "aan reserves"]
    one_per_line = [[Cell(t, 10 + n) for n, t in enumerate(texts)], [Cell(t, 70 + n) for n, t in enumerate(texts)]]
    two_lines = [Cell(t, 5 if n < 3 else 6) for n, t in enumerate(texts)]
    module._PLANS.clear()
    for cells in [*one_per_line, two_lines, one_per_line[0]]:
        header = fit(cells, 4, WORDS)
        fresh = module._fit(module._join_split_words(list(cells)), 4, WORDS, frozenset())
        assert (header.labels, header.groups) == (fresh.labels, fresh.groups)
        assert [(c.text, c.line) for c in header.cells] == [(c.text, c.line) for c in fresh.cells]
        assert [(c.text, c.line) for c in header.unused] == [(c.text, c.line) for c in fresh.unused]
    assert len(module._PLANS) == 2  # the second page's header was read from the first's


def test_the_same_header_under_another_family_gets_that_familys_columns() -> None:
    """Columns are kept per header and family: a header read once as a family's is not a generic table's."""
    from budget_checks.recognize import build
    from budget_checks.recognize.roles import roles_of

    book = load_rulebook()
    vocab = vocabulary(book)
    family = next(rule for rule in book.tables if rule.kind == "baten_en_lasten")
    header = _fit(["Lasten", "Baten", "Saldo"], 3)
    roles = [roles_of(label, vocab) for label in header.labels]
    for rule, keys in [(family, ["lasten", "baten", "saldo"]), (build.GENERIC, ["kolom_1", "kolom_2", "kolom_3"]),
                       (family, ["lasten", "baten", "saldo"])]:
        assert [c.key for c in build._columns(header, roles, rule)] == keys
