"""Totals between rows: which rows a row closes, and which rows close nothing."""

from __future__ import annotations

from budget_checks.readers.text import read_text
from budget_checks.recognize.page import recognize_page
from budget_checks.rulebook import load_rulebook
from budget_checks.tolerance import Tolerance

BOOK = load_rulebook()


def _tables(text: str):
    return recognize_page(read_text(text.encode(), "p.txt"), BOOK, Tolerance()).tables


def _totals(table) -> set[tuple[str, int]]:
    return {(table.rows[rel.target[0]].label, len(rel.terms)) for rel in table.relations if rel.source == "structure"}


def test_a_last_row_without_a_label_closes_the_named_rows_above_it() -> None:
    [table] = _tables("Middelen\nBedragen x € 1.000\nBedrag Verhouding\nUitkering uit het fonds 58.750 84%\n"
                      "Eigen heffingen 10.410 15%\nRente en dividend 1.094 2%\n70.291 100%\n")
    assert ("", 3) in _totals(table)


def test_among_rows_without_names_the_last_closes_nothing() -> None:
    # a row's values, one per line, at the end of a page that was cut: read as a column of nameless rows
    text = ("INCIDENTEEL  | \n\t\t||||||\ntotaal baten (voor mutaties reserves)  | \n"
            + "".join(f"\t\t {v}  | \n" for v in ("-18.439", "3.283", "-6.234", "-7.462", "-4.698")))
    assert all(not _totals(table) for table in _tables(text))


def test_a_total_of_costs_is_a_sum_and_the_result_under_it_closes_both_totals() -> None:
    [table] = _tables("Overzicht evenwicht (bedragen x € 1.000)\nRekening 2024  Begroting 2025  Begroting 2026\n"
                      "totaal baten voor reserves  -98.251  -91.896  -92.271\n"
                      "totaal lasten voor reserves  89.228  93.696  95.566\n"
                      "resultaat exploitatie  -9.023  1.800  3.295\n"
                      "onttrekking reserves  -10.636  -4.970  -7.258\n"
                      "dotatie reserves  11.608  2.626  3.745\n"
                      "resultaat reserves  972  -2.344  -3.513\n"
                      "totaal baten na reserves  -108.887  -96.866  -99.529\n"
                      "totaal lasten na reserves  100.836  96.322  99.311\n"
                      "totaal resultaat  -8.051  -544  -218\n")
    closed = {table.rows[rel.target[0]].label: {table.rows[t.row].label for t in rel.terms} for rel in table.relations}
    assert closed["totaal resultaat"] == {"totaal baten na reserves", "totaal lasten na reserves"}
    assert "totaal lasten na reserves" not in closed  # not the result less the baten: a total of costs is a sum


def test_a_group_of_one_row_may_begin_its_name_and_the_total_then_adds_the_groups() -> None:
    rows = [("Eigen vermogen", "43.923", "42.165"), ("Algemene reserve", "5.112", "4.131"),
            ("Bestemmingsreserves", "37.298", "37.795"), ("Resultaat na bestemming", "1.513", "239"),
            ("Voorzieningen", "7.216", "7.343"), ("Voorzieningen voor verplichtingen en risico's", "7.216", "7.343"),
            ("Vaste schulden", "71.360", "55.908"), ("Onderhandse leningen", "70.000", "55.000"),
            ("Waarborgsommen", "1.360", "908"),
            ("Totaal vaste passiva", "122.499", "105.416")]
    cells = ["Passiva", "31-12-2021", "31-12-2020", "Vaste passiva", *(cell for row in rows for cell in row)]
    [table] = _tables("\n\n".join(cells) + "\n")
    closed = {table.rows[rel.target[0]].label: {table.rows[t.row].label for t in rel.terms} for rel in table.relations}
    assert closed["Voorzieningen"] == {"Voorzieningen voor verplichtingen en risico's"}
    assert closed["Totaal vaste passiva"] == {"Eigen vermogen", "Voorzieningen", "Vaste schulden"}


def test_a_group_name_without_values_between_subtotals_does_not_hide_them_from_the_total() -> None:
    cells = ["Activa", "31-12-2022", "31-12-2021", "Vlottende activa", "4", "Voorraden", "Onderhanden werk", "-1.916", "1.120",
             "Gereed product", "59", "77", "-1.857", "1.197", "5", "Uitzettingen", "Vorderingen op openbare lichamen", "3.695",
             "1.182", "Schatkistbankieren", "34.260", "62.047", "Overige vorderingen", "19.748", "16.710", "57.703", "79.939",
             "Liquide middelen", "6", "Kassaldi", "5", "13", "Banksaldi", "439", "619", "444", "632", "Overlopende activa", "7",
             "Nog te ontvangen bedragen", "318", "470", "318", "470", "Totaal vlottende activa", "56.608", "82.238"]
    [table] = _tables("\n\n".join(cells) + "\n")
    closed = {table.rows[rel.target[0]].label: len(rel.terms) for rel in table.relations}
    assert closed.get("Totaal vlottende activa") == 4
