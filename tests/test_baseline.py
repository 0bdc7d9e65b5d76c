"""Baselines: known findings pass, new ones fail, stale entries are reported, re-exports keep matching."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

import budget_checks
from budget_checks.baseline import SCHEMA, load_baseline, render_baseline
from budget_checks.cli import app
from tests.conftest import SAMPLES, write_page

runner = CliRunner()
# a new page with one saldo error, on a goal no other sample page mentions
NEW_ERROR = """
Doel 9.9.9 Nieuw voorbeelddoel
Overzicht baten en lasten
Lasten\tBaten\tSaldo\tToevoeging aan reserves\tOnttrekking aan reserves\tGeraamd resultaat
Doel 9.9.9 Nieuw voorbeelddoel\t14.573.052\t0\t14.573.062\t0\t0\t14.573.062
"""
PAGE = """
Doel 1.1.1 Voorbeeld
Overzicht baten en lasten
Lasten\tBaten\tSaldo
Doel 1.1.1\t100\t20\t90
Doel 1.1.2\t50\t10\t45
"""


def check(*args: str) -> tuple[int, dict]:
    result = runner.invoke(app, ["check", *args, "--format", "json", "--lang", "en"])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """A copy of samples/broken the tests may change."""
    return Path(shutil.copytree(SAMPLES / "broken", tmp_path / "broken"))


def test_baseline_on_samples_broken_then_one_new_error_then_one_fixed(broken: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    code, first = check(str(broken), "--write-baseline", str(baseline))
    assert code == 0 and all(f["known"] for f in first["findings"])  # what was just recorded is known
    assert any(f["severity"] == "error" for f in first["findings"])

    code, second = check(str(broken), "--baseline", str(baseline))
    assert code == 0
    assert all(f["known"] for f in second["findings"]) and len(second["findings"]) == len(first["findings"])

    write_page(broken, NEW_ERROR, "ZZ_nieuw.txt")
    code, third = check(str(broken), "--baseline", str(baseline))
    new = [(f["code"], f["page"], f["row"]) for f in third["findings"] if not f["known"] and f["severity"] == "error"]
    assert code == 1 and new == [("BL101", "ZZ_nieuw.txt", "Doel 9.9.9 Nieuw voorbeelddoel")]

    unreadable = next(f for f in first["findings"] if f["code"] == "IO101")  # samples/broken has one unreadable file
    (broken / unreadable["page"]).unlink()  # it is gone now: its baseline entry is stale
    code, fourth = check(str(broken), "--baseline", str(baseline), "--fail-on", "warning")
    stale = [f for f in fourth["findings"] if f["code"] == "BS101"]
    assert [f["message"] for f in stale] == [
        f"Baseline entry for IO101 (broken › {unreadable['page']}) no longer matches any finding; "
        f"remove it from the baseline ({unreadable['fingerprint']})."
    ]
    assert stale[0]["document"] == str(baseline) and stale[0]["severity"] == "info"
    assert baseline.read_text(encoding="utf-8").splitlines()[stale[0]["line"] - 1].count(stale[0]["message"][-18:-2]) == 1
    assert code == 1  # the new error still fails; the stale entry alone would not (info)


def test_baseline_file_is_sorted_one_entry_per_line_with_places(tmp_path: Path) -> None:
    write_page(tmp_path / "doc", PAGE)
    report = budget_checks.check([str(tmp_path / "doc")])
    text = render_baseline(report.findings)
    data = json.loads(text)
    assert data["schema"] == SCHEMA
    lines = [line for line in text.splitlines() if '"fingerprint"' in line]
    assert len(lines) == len(data["entries"]) == len(report.findings) == 3
    saldo = [e for e in data["entries"] if e["code"] == "BL101"]
    assert {(e["row"], e["column"], e["page"], e["document"]) for e in saldo} == {
        ("Doel 1.1.1", "Saldo", "Doel 1.1.1 Voorbeeld", "doc"), ("Doel 1.1.2", "Saldo", "Doel 1.1.1 Voorbeeld", "doc")}
    assert data["entries"] == sorted(data["entries"], key=lambda e: (e["document"], e["page"], e.get("table", ""), e.get("row", ""), e.get("column", ""), e["code"], e["fingerprint"]))
    assert render_baseline(list(reversed(report.findings))) == text  # the order of findings does not matter


def test_stable_across_line_shifts_renamed_pages_and_moved_folders(tmp_path: Path) -> None:
    write_page(tmp_path / "one" / "doc", PAGE, "001_aaaa.txt")
    first = budget_checks.check([str(tmp_path / "one" / "doc")])
    entries = json.loads(render_baseline(first.findings))["entries"]
    shifted = PAGE.replace("Overzicht baten en lasten", "Een nieuwe inleidende zin voor de tabel.\n\nOverzicht baten en lasten")
    write_page(tmp_path / "two" / "doc", shifted, "007_bbbb.txt")  # re-export: new file name, lines moved
    again = budget_checks.check([str(tmp_path / "two" / "doc")], baseline=entries)
    assert [f.line for f in again.findings if f.code == "BL101"] != [f.line for f in first.findings if f.code == "BL101"]
    assert all(f.known for f in again.findings)
    assert not any(f.code == "BS101" for f in again.findings)


def test_same_fingerprint_twice_is_counted(tmp_path: Path) -> None:
    """Two pages with the same title give findings with one fingerprint; the baseline covers as many as it saw."""
    write_page(tmp_path / "doc", PAGE, "a.txt")
    one = budget_checks.check([str(tmp_path / "doc")])
    entries = json.loads(render_baseline(one.findings))["entries"]
    write_page(tmp_path / "doc", PAGE, "b.txt")  # the same page again: the same fingerprints
    two = budget_checks.check([str(tmp_path / "doc")], baseline=entries)
    assert sum(1 for f in two.findings if not f.known and f.code == "BL101") == 2
    both = json.loads(render_baseline(two.findings))["entries"]
    assert {e.get("count") for e in both} == {2}
    (tmp_path / "doc" / "b.txt").unlink()
    back = budget_checks.check([str(tmp_path / "doc")], baseline=both)
    stale = [f for f in back.findings if f.code == "BS101"]
    assert len(stale) == 3 and all("1/2" in f.message for f in stale)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not json", "not a baseline file: invalid JSON at line 1"),
        ('{"entries": []}', "not a baseline file (expected"),
        (f'{{"schema": "{SCHEMA}", "entries": [{{"code": "BL101"}}]}}', "has no valid fingerprint"),
        (f'{{"schema": "{SCHEMA}", "entries": [{{"fingerprint": "0123456789abcdef", "count": 0}}]}}', "has count 0"),
    ],
)
def test_a_bad_baseline_is_a_clear_usage_error(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "baseline.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(message)):
        load_baseline(path)
    write_page(tmp_path / "doc", PAGE)
    result = runner.invoke(app, ["check", str(tmp_path / "doc"), "--baseline", str(path)])
    assert result.exit_code == 2 and message in result.output and str(path) in result.output


def test_missing_baseline_file_is_a_usage_error(tmp_path: Path) -> None:
    write_page(tmp_path / "doc", PAGE)
    result = runner.invoke(app, ["check", str(tmp_path / "doc"), "--baseline", str(tmp_path / "nope.json")])
    assert result.exit_code == 2 and "cannot read baseline" in result.output


def test_rewriting_the_baseline_drops_stale_entries(tmp_path: Path) -> None:
    write_page(tmp_path / "doc", PAGE)
    path = tmp_path / "baseline.json"
    runner.invoke(app, ["check", str(tmp_path / "doc"), "--write-baseline", str(path)])
    before = load_baseline(path)
    write_page(tmp_path / "doc", PAGE.replace("\t45", "\t40"))  # Doel 1.1.2 fixed
    code, report = check(str(tmp_path / "doc"), "--baseline", str(path), "--write-baseline", str(path))
    assert code == 0 and [f["code"] for f in report["findings"] if f["code"] == "BS101"] == ["BS101"]
    after = load_baseline(path)
    assert len(after.entries) == len(before.entries) - 1
    assert not any(e.row == "Doel 1.1.2" for e in after.entries)
