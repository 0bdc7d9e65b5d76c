"""Every page layout of FORMATS.md §1: a passing and a failing example each.

A passing page gives no finding of the layout's code; the failing page is the
same page with one figure changed (or the layout's problem introduced), and must
give it. Layouts the tool cannot check must at least surface as TB001 or a
located finding, never pass silently.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import budget_checks
from tests.conftest import write_page

BL_HEADER = "Lasten  Baten  Saldo  Toevoeging aan reserves  Onttrekking aan reserves  Geraamd resultaat"


def run(tmp_path: Path, text: str, name: str = "page.txt"):
    return budget_checks.check(str(write_page(tmp_path, text, name)), lang="en")


def codes(report) -> list[tuple[str, str, str]]:
    return [(f.code, f.row, f.column) for f in report.findings if f.code not in ("UN101", "RD101")]


def cell_per_line(*cells: str) -> str:
    return "\n\n".join(cells)


# Each case: (name, passing page, failing page, the code the failing page must give, file name)
CASES = [
    (
        "cell per line, empty cells dropped at start, middle and end",
        cell_per_line("Programma 1 Voorbeeld", "Overzicht kredieten", "Omvang krediet", "Gerealiseerd tot en met 2023",
                      "Resterend krediet", "Raming 2024", "Raming 2025", "Raming 2026 en verder",
                      "Doel 1.1.1 Eerste", "1.118.885", "766.686", "352.199", "352.199",
                      "Doel 1.1.3 Derde", "124.050.345", "73.652.979", "50.397.366", "41.697.405", "5.351.187", "3.348.774",
                      "Totaal", "125.169.230", "74.419.665", "50.749.565", "42.049.604", "5.351.187", "3.348.774"),
        cell_per_line("Programma 1 Voorbeeld", "Overzicht kredieten", "Omvang krediet", "Gerealiseerd tot en met 2023",
                      "Resterend krediet", "Raming 2024", "Raming 2025", "Raming 2026 en verder",
                      "Doel 1.1.1 Eerste", "1.118.885", "766.686", "352.199", "352.199",
                      "Doel 1.1.3 Derde", "124.050.345", "73.652.979", "50.397.366", "41.697.405", "5.351.187", "3.348.774",
                      "Totaal", "125.169.230", "74.419.665", "50.749.575", "42.049.604", "5.351.187", "3.348.774"),
        "KR103", "page.txt",
    ),
    (
        "cell per line, header labels split over lines",
        cell_per_line("Doel 1.1.1 Voorbeeld", "Overzicht baten en lasten", "Lasten", "Baten", "Saldo", "Toevoeging",
                      "aan reserves", "Onttrekking aan", "reserves", "Geraamd", "resultaat", "Doel 1.1.1 Een", "100", "20", "80", "0", "0", "80"),
        cell_per_line("Doel 1.1.1 Voorbeeld", "Overzicht baten en lasten", "Lasten", "Baten", "Saldo", "Toevoeging",
                      "aan reserves", "Onttrekking aan", "reserves", "Geraamd", "resultaat", "Doel 1.1.1 Een", "100", "20", "90", "0", "0", "90"),
        "BL101", "page.txt",
    ),
    (
        "cell per line, year groups interleaved with the header",
        cell_per_line("Doel 1.1.1 Voorbeeld", "Overzicht baten en lasten", "Begroting 2025", "Lasten", "Baten", "Saldo",
                      "Begroting 2026", "Lasten", "Baten", "Saldo", "Doel 1.1.1 Een", "100", "20", "80", "110", "20", "90"),
        cell_per_line("Doel 1.1.1 Voorbeeld", "Overzicht baten en lasten", "Begroting 2025", "Lasten", "Baten", "Saldo",
                      "Begroting 2026", "Lasten", "Baten", "Saldo", "Doel 1.1.1 Een", "100", "20", "80", "110", "20", "95"),
        "BL101", "page.txt",
    ),
    (
        "one line per row, single spaces between label and values",
        "Programma 2 Voorbeeld\nOverzicht baten en lasten\nLasten  Baten  Saldo\nProgramma 2 Wonen 12.345 6.789 5.556\n",
        "Programma 2 Voorbeeld\nOverzicht baten en lasten\nLasten  Baten  Saldo\nProgramma 2 Wonen 12.345 6.789 5.565\n",
        "BL101", "page.txt",
    ),
    (
        "one line per row, tabs with empty cells",
        "Doel 1.1.1 Voorbeeld\nOverzicht baten en lasten\n\t" + BL_HEADER.replace("  ", "\t") + "\nDoel 1.1.1 Een\t100\t\t100\t\t20\t80\n",
        "Doel 1.1.1 Voorbeeld\nOverzicht baten en lasten\n\t" + BL_HEADER.replace("  ", "\t") + "\nDoel 1.1.1 Een\t100\t\t100\t\t20\t70\n",
        "BL102", "page.txt",
    ),
    (
        "runs of spaces as empty cells",
        "Doel 1.1.1 Voorbeeld\nOverzicht baten en lasten\n"
        "                 Lasten   Baten   Saldo   Toevoeging aan reserves   Onttrekking aan reserves   Geraamd resultaat\n"
        "Doel 1.1.1 Een      100              100                                               20                  80\n"
        "Doel 1.1.2 Twee     200      50      150                       10                                        160\n",
        "Doel 1.1.1 Voorbeeld\nOverzicht baten en lasten\n"
        "                 Lasten   Baten   Saldo   Toevoeging aan reserves   Onttrekking aan reserves   Geraamd resultaat\n"
        "Doel 1.1.1 Een      100              100                                               20                  80\n"
        "Doel 1.1.2 Twee     200      50      150                                               10                160\n",
        "BL102", "page.txt",
    ),
    (
        "markdown pipes with a damaged row span",
        "# Programma 2 Voorbeeld\n\n## Overzicht baten en lasten\n\n| Programma | Taakveld | Lasten | Baten | Saldo |\n|---|---|---|---|---|\n"
        "| 02 Wonen | 2.1 Bouwen | 100 | 20 | 80 |\n| 2.2 Huren | 50 | 10 | 40 |\n| Totaal | | 150 | 30 | 120 |\n",
        "# Programma 2 Voorbeeld\n\n## Overzicht baten en lasten\n\n| Programma | Taakveld | Lasten | Baten | Saldo |\n|---|---|---|---|---|\n"
        "| 02 Wonen | 2.1 Bouwen | 100 | 20 | 80 |\n| 2.2 Huren | 50 | 10 | 30 |\n| Totaal | | 150 | 30 | 120 |\n",
        "BL101", "page.md",
    ),
    (
        "glued numbers decoded by the identities",
        "Programma 2 Voorbeeld\nOverzicht baten en lasten\nLasten  Baten  Saldo  Toevoeging aan reserves\nProgramma 21.2346785561.200\n",
        "Programma 2 Voorbeeld\nOverzicht baten en lasten\nLasten  Baten  Saldo\nProgramma 21141113\n",
        "NU102", "page.txt",
    ),
    (
        "two tables side by side on one line",
        "Programma 1 Voorbeeld\nBalans\n"
        "Activa              31-12-2024   31-12-2025   Passiva            31-12-2024   31-12-2025\n"
        "Vaste activa               100          120   Eigen vermogen             80           90\n"
        "Vlottende activa            50           40   Schulden                   70           70\n"
        "Totaal activa              150          160   Totaal passiva            150          160\n",
        "Programma 1 Voorbeeld\nBalans\n"
        "Activa              31-12-2024   31-12-2025   Passiva            31-12-2024   31-12-2025\n"
        "Vaste activa               100          120   Eigen vermogen             80           90\n"
        "Vlottende activa            50           40   Schulden                   70           70\n"
        "Totaal activa              150          160   Totaal passiva            150          170\n",
        "BA101", "page.txt",
    ),
    (
        "year groups above the column labels, one line per row",
        "Programma 1 Voorbeeld\nOverzicht baten en lasten\n"
        "                       Begroting 2025           Begroting 2026\n"
        "                   Lasten   Baten   Saldo   Lasten   Baten   Saldo\n"
        "Programma 1           100      20      80      110      25      85\n",
        "Programma 1 Voorbeeld\nOverzicht baten en lasten\n"
        "                       Begroting 2025           Begroting 2026\n"
        "                   Lasten   Baten   Saldo   Lasten   Baten   Saldo\n"
        "Programma 1           100      20      80      110      25      95\n",
        "BL101", "page.txt",
    ),
    (
        "transposed overview: line items as rows, years as columns",
        "Programma 1 Voorbeeld\nMeerjarenraming\n\tBegroting 2025\tRaming 2026\tRaming 2027\n"
        "Lasten\t1.000\t1.100\t1.200\nBaten\t200\t200\t250\nSaldo\t800\t900\t950\n",
        "Programma 1 Voorbeeld\nMeerjarenraming\n\tBegroting 2025\tRaming 2026\tRaming 2027\n"
        "Lasten\t1.000\t1.100\t1.200\nBaten\t200\t200\t250\nSaldo\t800\t900\t960\n",
        "BL101", "page.txt",
    ),
    (
        "transposed overview: programmes as columns, a total column",
        "Programma 1 Voorbeeld\nOverzicht baten en lasten\n\tProgramma 1\tProgramma 2\tTotaal\n"
        "Lasten\t1.000\t1.100\t2.100\nBaten\t200\t200\t400\nSaldo\t800\t900\t1.700\n",
        "Programma 1 Voorbeeld\nOverzicht baten en lasten\n\tProgramma 1\tProgramma 2\tTotaal\n"
        "Lasten\t1.000\t1.100\t2.100\nBaten\t200\t200\t400\nSaldo\t800\t950\t1.700\n",
        "BL101", "page.txt",
    ),
    (
        "a layout without any relation to check is listed as not checked",
        "Programma 1 Voorbeeld\nVerdeling per programma\n\tProgramma 1\tProgramma 2\n"
        "Lasten\t1.000\t1.100\nBaten\t200\t200\n",
        "Programma 1 Voorbeeld\nVerdeling per programma\n\tProgramma 1\tProgramma 2\n"
        "Lasten\t1.000\t1.100\nBaten\t200\t300\n",
        "TB001", "page.txt",
    ),
    (
        "hierarchy without markers, the total first",
        "Programma 2 Voorbeeld\nOverzicht baten en lasten\nProgramma      Lasten   Baten   Saldo\n"
        "02 Wonen        1.500     300   1.200\n02.1 Bouwen     1.000     100     900\n02.2 Huren        500     200     300\n"
        "03 Werken         800       0     800\nTotaal          2.300     300   2.000\n",
        "Programma 2 Voorbeeld\nOverzicht baten en lasten\nProgramma      Lasten   Baten   Saldo\n"
        "02 Wonen        1.600     400   1.200\n02.1 Bouwen     1.000     100     900\n02.2 Huren        500     200     300\n"
        "03 Werken         800       0     800\nTotaal          2.400     400   2.000\n",
        "BL103", "page.txt",
    ),
    (
        "a card: labels, then one value each",
        cell_per_line("Programma 1 Voorbeeld", "Reserves", "Stand 1-1", "Toevoegingen", "Onttrekkingen", "Stand 31-12",
                      "1.000", "200", "100", "1.100"),
        cell_per_line("Programma 1 Voorbeeld", "Reserves", "Stand 1-1", "Toevoegingen", "Onttrekkingen", "Stand 31-12",
                      "1.000", "200", "100", "1.200"),
        "RV101", "page.txt",
    ),
    (
        "widgets beside a table are neither rows nor tables",
        cell_per_line("Doel 1.1.1 Voorbeeld", "Lasten", "€ 14.321", "12,0 %", "Baten", "€ 2.000", "1,7 %",
                      "Overzicht baten en lasten", "Lasten", "Baten", "Saldo", "Doel 1.1.1 Een", "14.321", "2.000", "12.321",
                      "Saldo", "€ 12.321"),
        cell_per_line("Doel 1.1.1 Voorbeeld", "Lasten", "€ 14.321", "12,0 %", "Baten", "€ 2.000", "1,7 %",
                      "Overzicht baten en lasten", "Lasten", "Baten", "Saldo", "Doel 1.1.1 Een", "14.321", "2.000", "12.221",
                      "Saldo", "€ 12.321"),
        "BL101", "page.txt",
    ),
    (
        "page chrome: breadcrumbs, navigation and the footer",
        "<html><body><nav class='breadcrumb'><a>Begroting 2026</a> <a>Programma's</a></nav><nav><a>menu</a><a>ga terug</a></nav>"
        "<h1>Doel 1.1.1 Voorbeeld</h1><h2>Overzicht baten en lasten</h2><table><tr><th></th><th>Lasten</th><th>Baten</th><th>Saldo</th></tr>"
        "<tr><th>Doel 1.1.1 Een</th><td>100</td><td>20</td><td>80</td></tr></table>"
        "<footer>Deze pagina is gebouwd op 10/10/2025 07:33:06 met de export van 10/10/2025 07:24:21</footer></body></html>",
        "<html><body><nav class='breadcrumb'><a>Begroting 2026</a> <a>Programma's</a></nav><nav><a>menu</a><a>ga terug</a></nav>"
        "<h1>Doel 1.1.1 Voorbeeld</h1><h2>Overzicht baten en lasten</h2><table><tr><th></th><th>Lasten</th><th>Baten</th><th>Saldo</th></tr>"
        "<tr><th>Doel 1.1.1 Een</th><td>100</td><td>20</td><td>80</td></tr></table>"
        "<footer>Deze pagina is gebouwd op 10/10/2025 07:20:06 met de export van 10/10/2025 07:24:21</footer></body></html>",
        "MD101", "page.html",
    ),
]


@pytest.mark.parametrize(("name", "passing", "failing", "code", "file"), CASES, ids=[c[0] for c in CASES])
def test_layout_passes_and_fails(name: str, passing: str, failing: str, code: str, file: str, tmp_path: Path) -> None:
    good = run(tmp_path / "good", passing, file)
    bad = run(tmp_path / "bad", failing, file)
    if code == "TB001":  # a layout no rule reads: listed as not checked, whatever the title says
        assert [c for c in codes(good) if c[0] == "TB001"], codes(good)
        assert [c for c in codes(bad) if c[0] == "TB001"], codes(bad)
        return
    assert codes(good) == [], codes(good)
    assert code in [c[0] for c in codes(bad)], codes(bad)
    assert sum(len(p.tables) for d in good.documents for p in d.pages) >= 1


def test_widgets_are_not_read_as_rows(tmp_path: Path) -> None:
    report = run(tmp_path, CASES[[c[0] for c in CASES].index("widgets beside a table are neither rows nor tables")][1])
    tables = [t for d in report.documents for p in d.pages for t in p.tables]
    assert [(t.kind, [c[0] for c in t.cells]) for t in tables] == [("baten_en_lasten", ["Doel 1.1.1 Een"])]


def test_hierarchy_total_is_checked_against_its_parts_and_the_grand_total_against_the_tops(tmp_path: Path) -> None:
    case = CASES[[c[0] for c in CASES].index("hierarchy without markers, the total first")]
    bad = run(tmp_path, case[2])
    assert sorted(c for c in codes(bad) if c[0] == "BL103") == [("BL103", "02 Wonen", "Baten"), ("BL103", "02 Wonen", "Lasten")]


def test_side_by_side_gives_two_tables(tmp_path: Path) -> None:
    case = CASES[[c[0] for c in CASES].index("two tables side by side on one line")]
    report = run(tmp_path, case[1])
    tables = [t for d in report.documents for p in d.pages for t in p.tables]
    assert [(t.kind, [c[0] for c in t.cells]) for t in tables] == [
        ("balans", ["Vaste activa", "Vlottende activa", "Totaal activa"]),
        ("balans", ["Eigen vermogen", "Schulden", "Totaal passiva"]),
    ]


def test_glued_numbers_are_decoded_into_the_row(tmp_path: Path) -> None:
    report = run(tmp_path, CASES[[c[0] for c in CASES].index("glued numbers decoded by the identities")][1])
    tables = [t for d in report.documents for p in d.pages for t in p.tables]
    assert tables[0].cells == (("Programma 2", "1.234", "678", "556", "1.200"),)


def test_a_hierarchy_of_more_levels_assumes_no_subtotals(tmp_path: Path) -> None:
    page = ("Programma 2 Voorbeeld\nOverzicht baten en lasten\nProgramma      Lasten   Baten   Saldo\n"
            "02 Wonen        1.500     300   1.200\n02.1 Bouwen     1.000     100     900\n02.1.1 Nieuw      600      50     550\n"
            "02.2 Huren        500     200     {saldo}\n")
    assert codes(run(tmp_path / "good", page.format(saldo="300"))) == []
    # 02.1 is not taken as the sum of its one sub-item; 02 Wonen is the sum of 02.1 and 02.2
    assert sorted(codes(run(tmp_path / "bad", page.format(saldo="200")))) == [("BL101", "02.2 Huren", "Saldo"), ("BL103", "02 Wonen", "Saldo")]
