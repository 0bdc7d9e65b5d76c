"""`budget-checks diff`: what changed between two exports, and what is no change."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

import budget_checks
from budget_checks.cli import app
from budget_checks.compare.figures import difference, in_unit
from budget_checks.compare.match import pair
from budget_checks.compare.parts import Value
from tests.conftest import SAMPLES, write_page

runner = CliRunner()

FOOTER = "Deze pagina is gebouwd op 10/16/2024 15:54:21 met de export van 10/16/2024 15:44:47"
ROWS = [("Doel 1.1.1 Eerste doel", ("1.200.000", "200.000", "1.000.000")),
        ("Doel 1.1.2 Tweede doel", ("500.000", "100.000", "400.000")),
        ("Totaal", ("1.700.000", "300.000", "1.400.000"))]


def programme(rows=ROWS, *, unit: str = "", title: str = "Programma 1 Voorbeeld", prose: str = "Een zin in eigen woorden.",
              footer: str = FOOTER) -> str:
    lines = [title, "", prose, "", f"Overzicht baten en lasten{unit}", "Lasten  Baten  Saldo"]
    lines += [f"{label}  {'  '.join(values)}" for label, values in rows]
    return "\n".join([*lines, "", footer])


def goal(number: str = "2.1.1", lasten: str = "300.000", title: str = "") -> str:
    return "\n".join([title or f"Doel {number} Ander doel", "", "Overzicht baten en lasten", "Lasten  Baten  Saldo",
                      f"Doel {number} Ander doel  {lasten}  0  {lasten}", "", FOOTER])


def export(folder: Path, pages: dict[str, str]) -> Path:
    for name, text in pages.items():
        write_page(folder, text, name)
    return folder


def with_row(rows, label, values):
    return [(label, values) if lab == label else (lab, vals) for lab, vals in rows]


# ---------------------------------------------------------------- figures


def test_a_changed_figure_is_reported_with_its_difference_in_the_unit_and_in_euros(tmp_path: Path) -> None:
    rows = with_row(with_row(ROWS, "Doel 1.1.2 Tweede doel", ("750.000", "100.000", "650.000")), "Totaal", ("1.950.000", "300.000", "1.650.000"))
    old = export(tmp_path / "old", {"p.txt": programme()})
    new = export(tmp_path / "new", {"p.txt": programme(rows)})
    diff = budget_checks.diff(old, new)
    assert diff.changed and diff.figures_changed == 4
    found = {(c.row, c.column): (c.old.amount, c.new.amount, c.difference, c.euros) for _, _, c in diff.changes()}
    assert found == {
        ("Doel 1.1.2 Tweede doel", "Lasten"): (500_000, 750_000, 250_000, 250_000),
        ("Doel 1.1.2 Tweede doel", "Saldo"): (400_000, 650_000, 250_000, 250_000),
        ("Totaal", "Lasten"): (1_700_000, 1_950_000, 250_000, 250_000),
        ("Totaal", "Saldo"): (1_400_000, 1_650_000, 250_000, 250_000),
    }
    assert diff.introduced == [] and diff.resolved == []  # amended consistently
    assert [p.title for p in diff.pages] == ["Programma 1 Voorbeeld"]


def test_a_change_in_thousands_is_reported_in_thousands_and_in_euros(tmp_path: Path) -> None:
    thousands = [(label, tuple(v[:-4] for v in values)) for label, values in ROWS]  # "1.200.000" -> "1.200"
    changed = with_row(with_row(thousands, "Doel 1.1.1 Eerste doel", ("1.250", "200", "1.050")), "Totaal", ("1.750", "300", "1.450"))
    old = export(tmp_path / "old", {"p.txt": programme(thousands, unit=" (x €1.000)")})
    new = export(tmp_path / "new", {"p.txt": programme(changed, unit=" (x €1.000)")})
    change = budget_checks.diff(old, new).largest(1)[0][2]
    assert (change.unit, change.difference, change.euros) == ("x €1.000", 50, 50_000)


def test_the_same_euros_under_another_unit_label_are_no_change(tmp_path: Path) -> None:
    thousands = [(label, tuple(v[:-4] for v in values)) for label, values in ROWS]
    old = export(tmp_path / "old", {"p.txt": programme()})
    new = export(tmp_path / "new", {"p.txt": programme(thousands, unit=" (x €1.000)")})
    diff = budget_checks.diff(old, new)
    assert diff.figures_changed == 0 and not diff.changed
    assert [(t.old_unit, t.unit) for _, t in diff.tables()] == [("€", "x €1.000")]  # shown, with the finding it resolved
    assert {f.code for f in diff.resolved} == {"UN101"}


def test_euros_rounded_to_thousands_agree_and_a_real_change_does_not() -> None:
    euros, thousands = Value("80.235.555", 80_235_555, ""), Value("80.236", 80_236, "")
    assert difference(euros, thousands, 1, 1_000) is None
    assert difference(thousands, euros, 1_000, 1) is None
    assert difference(euros, Value("80.237", 80_237, ""), 1, 1_000) == (1, 1_000)
    assert in_unit(1_500, 1_000) == 2 and in_unit(-1_500, 1_000) == -2 and in_unit(1_499, 1_000) == 1


def test_another_number_format_page_chrome_and_footer_times_are_no_change(tmp_path: Path) -> None:
    plain = [(label, tuple(v.replace(".", "") for v in values)) for label, values in ROWS]
    old = export(tmp_path / "old", {"p.txt": programme()})
    new = export(tmp_path / "new", {"p.txt": programme(plain, prose="Een heel andere zin over dit programma.",
                                                        footer=FOOTER.replace("10/16/2024 15", "03/12/2025 09"))})
    diff = budget_checks.diff(old, new)
    assert diff.figures_changed == 0 and not diff.changed and diff.pages == []


def test_an_added_and_a_removed_row(tmp_path: Path) -> None:
    rows = [ROWS[0], ("Doel 1.1.3 Derde doel", ("500.000", "100.000", "400.000")), ROWS[2]]  # 1.1.2 gave way to 1.1.3
    old = export(tmp_path / "old", {"p.txt": programme()})
    new = export(tmp_path / "new", {"p.txt": programme(rows)})
    diff = budget_checks.diff(old, new)
    (_, table), = diff.tables()
    assert [r.label for r in table.rows_added] == ["Doel 1.1.3 Derde doel"]
    assert [r.label for r in table.rows_removed] == ["Doel 1.1.2 Tweede doel"]
    assert [(c, v.amount) for c, v in table.rows_added[0].values] == [("Lasten", 500_000), ("Baten", 100_000), ("Saldo", 400_000)]
    assert diff.figures_changed == 0 and diff.changed  # rows that came and went move the export


def test_a_moved_page_is_matched_by_its_title_and_is_no_change(tmp_path: Path) -> None:
    old = export(tmp_path / "old", {"001_programma.txt": programme(), "002_doel.txt": goal()})
    new = export(tmp_path / "new", {"001_doel.txt": goal(), "002_programma.txt": programme()})
    diff = budget_checks.diff(old, new)
    assert not diff.changed and diff.figures_changed == 0 and diff.pages_compared == 2
    assert diff.count("pages_moved") == 2
    assert {(p.old_path, p.new_path) for p in diff.pages} == {("001_programma.txt", "002_programma.txt"), ("002_doel.txt", "001_doel.txt")}


def test_a_page_whose_title_changed_is_matched_by_its_file_name(tmp_path: Path) -> None:
    old = export(tmp_path / "old", {"doel.txt": goal()})
    new = export(tmp_path / "new", {"doel.txt": goal(lasten="310.000", title="Doel 2.1.1 Ander doel (gewijzigd)")})
    diff = budget_checks.diff(old, new)
    assert diff.pages_compared == 1 and diff.figures_changed == 2  # lasten and saldo


def test_added_and_removed_pages(tmp_path: Path) -> None:
    old = export(tmp_path / "old", {"001_programma.txt": programme(), "002_doel.txt": goal()})
    new = export(tmp_path / "new", {"001_programma.txt": programme(), "003_doel.txt": goal("2.1.2")})
    diff = budget_checks.diff(old, new)
    assert diff.changed and diff.count("pages_added") == 1 and diff.count("pages_removed") == 1
    assert {(p.status, p.title) for p in diff.pages} == {("added", "Doel 2.1.2 Ander doel"), ("removed", "Doel 2.1.1 Ander doel")}


def test_a_table_that_fails_in_the_new_export_shows_the_finding_it_introduced(tmp_path: Path) -> None:
    broken = with_row(ROWS, "Totaal", ("1.950.000", "300.000", "1.400.000"))  # the Totaal's lasten raised, nothing else
    old = export(tmp_path / "old", {"p.txt": programme()})
    new = export(tmp_path / "new", {"p.txt": programme(broken)})
    diff = budget_checks.diff(old, new, lang="en")
    (page, table), = diff.tables()
    assert [(c.row, c.column, c.difference) for c in table.changes] == [("Totaal", "Lasten", 250_000)]
    assert {(f.code, f.row, f.column) for f in table.introduced} == {("BL101", "Totaal", "Saldo"), ("BL103", "Totaal", "Lasten")}
    assert table.resolved == () and diff.resolved == []
    assert all(f.severity.label == "error" for f in table.introduced)
    # and the other way round: the new export resolves it
    back = budget_checks.diff(new, old, lang="en")
    assert {f.code for f in back.resolved} == {f.code for f in diff.introduced} and back.introduced == []


def test_a_changed_cell_of_a_text_table_is_a_change(tmp_path: Path) -> None:
    new = shutil.copytree(SAMPLES / "begroting-2025", tmp_path / "new")
    page = new / "001_doel-1.2.3.txt"
    page.write_text(page.read_text(encoding="utf-8").replace("2024\n\n2023", "2024\n\n2024", 1), encoding="utf-8")
    diff = budget_checks.diff(SAMPLES / "begroting-2025", new)
    assert [(t.kind, c.row, c.old.text, c.new.text, c.difference) for _, t, c in diff.changes()] == [
        ("kaderstellende_notas", "Voorbeeldverordening ondersteuning 2024", "2023", "2024", None)]


def test_a_folder_and_a_zip_of_the_same_pages_give_no_change(tmp_path: Path) -> None:
    folder = export(tmp_path / "old", {"001_programma.txt": programme(), "002_doel.txt": goal()})
    archive = tmp_path / "new.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for page in folder.iterdir():
            z.write(page, page.name)
    diff = budget_checks.diff(folder, archive)
    assert not diff.changed and diff.pages == [] and diff.resolved == diff.introduced == []


def test_pairing_keeps_repeated_keys_in_order_and_falls_back_to_the_next_key() -> None:
    paired = pair(["Totaal", "a", "Totaal", "b"], ["Totaal", "Totaal", "c"], lambda s: s)
    assert paired.pairs == ((0, 0), (2, 1)) and paired.removed == (1, 3) and paired.added == (2,)
    fallback = pair([("x", 1), ("y", 2)], [("z", 2), ("x", 9)], lambda t: t[0], lambda t: t[1])
    assert fallback.pairs == ((1, 0), (0, 1))


# ---------------------------------------------------------------- the samples and the command line


def test_the_amended_sample_shows_what_was_amended() -> None:
    diff = budget_checks.diff(SAMPLES / "begroting-2025", SAMPLES / "begroting-2025-amended", lang="en")
    assert diff.figures_changed == 8 and diff.count("rows_added") == diff.count("rows_removed") == 1
    assert diff.count("pages_moved") == 2 and diff.count("pages_added") == diff.count("pages_removed") == 0
    largest = diff.largest(1)[0]
    assert (largest[1].title, largest[2].row, largest[2].column, largest[2].euros) == ("Overzicht kredieten", "Totaal", "Omvang krediet", 1_250_000)
    assert {f.code for f in largest[1].introduced} == {"KR101", "KR103"}
    units = {t.title: (t.old_unit, t.unit) for p, t in diff.tables() if p.title.startswith("Doel")}
    assert units["Overzicht baten en lasten"] == ("€", "x €1.000")  # the same euros in thousands: no change there


def test_fail_on_change_exits_1_only_when_a_figure_changed() -> None:
    old, new = str(SAMPLES / "begroting-2025"), str(SAMPLES / "begroting-2025-amended")
    assert runner.invoke(app, ["diff", old, new]).exit_code == 0
    assert runner.invoke(app, ["diff", old, new, "--fail-on-change"]).exit_code == 1
    assert runner.invoke(app, ["diff", old, old, "--fail-on-change"]).exit_code == 0


@pytest.mark.parametrize("case", ["missing", "empty", "format", "binary"])
def test_bad_input_exits_2_with_a_located_message(case: str, tmp_path: Path) -> None:
    good = str(SAMPLES / "begroting-2025")
    (tmp_path / "empty").mkdir()
    args = {"missing": [good, str(tmp_path / "nope")], "empty": [str(tmp_path / "empty"), good],
            "format": [good, good, "-f", "xml"], "binary": [good, good, "-f", "excel"]}[case]
    result = runner.invoke(app, ["diff", *args])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    expected = {"missing": "nope: no such file", "empty": "empty: no readable page", "format": "unknown diff format 'xml'",
                "binary": "binary: give --output"}[case]
    assert expected in result.output


def test_every_format_is_written_to_the_output_folder(tmp_path: Path) -> None:
    old, new = str(SAMPLES / "begroting-2025"), str(SAMPLES / "begroting-2025-amended")
    out = tmp_path / "reports"
    result = runner.invoke(app, ["diff", old, new, "-f", "json", "-f", "markdown", "-f", "excel", "--output-dir", str(out), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["budget-checks.diff.json", "budget-checks.diff.md", "budget-checks.diff.xlsx"]
    data = json.loads((out / "budget-checks.diff.json").read_text(encoding="utf-8"))
    assert data["summary"]["figures_changed"] == 8 and data["summary"]["changed"] is True
    assert "## budget-checks diff" in (out / "budget-checks.diff.md").read_text(encoding="utf-8")


def test_the_excel_diff_has_numbers_a_filter_and_a_frozen_header() -> None:
    from openpyxl import load_workbook

    from budget_checks.reports.diff import get_diff_reporter

    diff = budget_checks.diff(SAMPLES / "begroting-2025", SAMPLES / "begroting-2025-amended", lang="en")
    book = load_workbook(io.BytesIO(get_diff_reporter("excel").render(diff)))
    assert book.sheetnames == ["Changes", "Rows and columns", "Findings", "Summary"]
    changes = book["Changes"]
    assert changes.freeze_panes == "A2" and changes.auto_filter.ref == "A1:L9"
    heads = [c.value for c in changes[1]]
    first = dict(zip(heads, (c.value for c in changes[2])))
    assert (first["Row"], first["Old"], first["New"], first["Difference"], first["Difference (€)"]) == ("Totaal", 132_068_801, 133_318_801, 1_250_000, 1_250_000)
    findings = book["Findings"]
    assert findings.freeze_panes == "A2" and findings.auto_filter.ref
    assert sorted((r[0], r[2]) for r in findings.iter_rows(min_row=2, values_only=True)) == [
        ("introduced", "KR101"), ("introduced", "KR103"), ("resolved", "CP104"), ("resolved", "UN101")]
    structure = [r[3] for r in book["Rows and columns"].iter_rows(min_row=2, values_only=True)]
    assert sorted(structure) == ["page moved", "page moved", "row added", "row removed"]


def test_the_json_diff_follows_its_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    from budget_checks.reports.diff import get_diff_reporter

    schema = json.loads((Path(__file__).parent / "schemas" / "diff-v1.schema.json").read_text(encoding="utf-8"))
    for old, new in [("begroting-2025", "begroting-2025-amended"), ("begroting-2025", "begroting-voorbeeld")]:
        diff = budget_checks.diff(SAMPLES / old, SAMPLES / new)
        jsonschema.validate(json.loads(get_diff_reporter("json").render(diff)), schema)


def test_headings_follow_the_language() -> None:
    old, new = str(SAMPLES / "begroting-2025"), str(SAMPLES / "begroting-2025-amended")
    assert "cijfers gewijzigd" in runner.invoke(app, ["diff", old, new]).output
    assert "figures changed" in runner.invoke(app, ["diff", old, new, "--lang", "en"]).output


def test_the_reporter_registry_names_every_format() -> None:
    from budget_checks.reports.diff import DIFF_FORMATS, get_diff_reporter

    assert sorted(DIFF_FORMATS) == ["console", "excel", "json", "markdown"]
    assert all(get_diff_reporter(name).name == name for name in DIFF_FORMATS)
    with pytest.raises(ValueError, match="unknown diff format"):
        get_diff_reporter("pdf")
