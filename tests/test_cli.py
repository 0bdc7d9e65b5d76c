"""The command line as a user meets it: exit codes, bad paths, formats, start-up cost."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

from typer.testing import CliRunner

from budget_checks.cli import app
from tests.conftest import SAMPLES, write_page

runner = CliRunner()
GOOD = """
Doel 1.1.1 Voorbeeld
Overzicht baten en lasten
Lasten  Baten  Saldo
Doel 1.1.1  100  20  80
"""
BAD = GOOD.replace("  80", "  90").replace("1.1.1", "1.1.2")  # another goal, so no cross-page finding


def test_clean_document_exits_0(tmp_path: Path) -> None:
    write_page(tmp_path, GOOD)
    result = runner.invoke(app, ["check", str(tmp_path)])
    assert result.exit_code == 0, result.output


def test_error_exits_1_and_fail_on_never_exits_0(tmp_path: Path) -> None:
    write_page(tmp_path, BAD)
    assert runner.invoke(app, ["check", str(tmp_path)]).exit_code == 1
    assert runner.invoke(app, ["check", str(tmp_path), "--fail-on", "never"]).exit_code == 0


def test_fail_on_info_counts_infos(tmp_path: Path) -> None:
    write_page(tmp_path, GOOD)  # no unit label: UN101 info
    assert runner.invoke(app, ["check", str(tmp_path), "--fail-on", "info"]).exit_code == 1
    assert runner.invoke(app, ["check", str(tmp_path), "--fail-on", "warning"]).exit_code == 0


def test_missing_path_exits_2_without_traceback(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_empty_folder_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(tmp_path)])
    assert result.exit_code == 2
    assert "no readable page" in result.output


def test_binary_file_alone_exits_2_with_located_finding(tmp_path: Path) -> None:
    junk = tmp_path / "junk.txt"
    junk.write_bytes(b"\x00\x01\x02\xff" * 100)
    result = runner.invoke(app, ["check", str(junk), "--format", "json"])
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert [(f["code"], f["page"]) for f in report["findings"]] == [("IO101", str(junk))]


def test_zip_with_broken_member_reports_it_and_checks_the_rest(tmp_path: Path) -> None:
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("b_bad.txt", BAD.strip())
        z.writestr("c_junk.txt", b"\x00\x00binary\x00")
        z.writestr("a_good.txt", GOOD.strip())
    result = runner.invoke(app, ["check", str(archive), "--format", "json"])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert [p["path"] for p in report["documents"][0]["pages"]] == ["a_good.txt", "b_bad.txt"]
    codes = sorted((f["code"], f["page"]) for f in report["findings"] if f["severity"] != "info")
    assert codes == [("BL101", "b_bad.txt"), ("IO101", "c_junk.txt")]


def test_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    write_page(tmp_path, GOOD)
    result = runner.invoke(app, ["check", str(tmp_path), "--format", "pdf"])
    assert result.exit_code == 2
    assert "unknown format" in result.output


def test_output_file_and_language(tmp_path: Path) -> None:
    write_page(tmp_path / "doc", BAD)
    out = tmp_path / "out" / "report.json"
    result = runner.invoke(app, ["check", str(tmp_path / "doc"), "--format", "json", "--output", str(out), "--lang", "en"])
    assert result.exit_code == 1
    findings = json.loads(out.read_text(encoding="utf-8"))["findings"]
    bl101 = next(f for f in findings if f["code"] == "BL101")
    assert bl101["message"].startswith("Saldo does not add up")
    assert (bl101["expected"], bl101["actual"], bl101["difference"], bl101["line"]) == (80, 90, 10, 4)


def test_console_report_groups_by_page_and_summarises(tmp_path: Path) -> None:
    write_page(tmp_path, BAD, "p1.txt")
    write_page(tmp_path, GOOD, "p2.txt")
    result = runner.invoke(app, ["check", str(tmp_path), "--lang", "en", "--no-color"])
    assert "p1.txt — Doel 1.1.2 Voorbeeld" in result.output
    assert "BL101" in result.output and "expected 80  actual 90  difference 10" in result.output
    assert "1 documents · 2 pages · 2 tables (2 checked, 0 not recognised)" in result.output
    assert "1 errors · 0 warnings · 2 infos" in result.output


def test_select_and_ignore(tmp_path: Path) -> None:
    write_page(tmp_path, BAD)
    result = runner.invoke(app, ["check", str(tmp_path), "--format", "json", "--ignore", "BL,UN"])
    assert json.loads(result.stdout)["findings"] == []
    assert result.exit_code == 0
    result = runner.invoke(app, ["check", str(tmp_path), "--format", "json", "--select", "UN101"])
    assert [f["code"] for f in json.loads(result.stdout)["findings"]] == ["UN101"]


def test_rules_lists_every_code() -> None:
    result = runner.invoke(app, ["rules"])
    assert result.exit_code == 0
    assert {"BL101", "KR102", "IN101", "TB001", "RD101"} <= {line.split()[0] for line in result.output.splitlines()}


def test_explain_unknown_code() -> None:
    result = runner.invoke(app, ["explain", "ZZ999"])
    assert result.exit_code == 2


def test_help_imports_no_heavy_libraries() -> None:
    code = (
        "import sys\n"
        "from budget_checks.cli import app\n"
        "from typer.testing import CliRunner\n"
        "CliRunner().invoke(app, ['--help'])\n"
        "heavy = [m for m in ('pandas', 'pandera', 'openpyxl', 'great_expectations') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_python_dash_m_runs_the_cli() -> None:
    out = subprocess.run([sys.executable, "-m", "budget_checks", "check", str(SAMPLES / "begroting-2026"), "--format", "json"],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["summary"]["tables_checked"] == 2


def test_library_api_returns_the_report(tmp_path: Path) -> None:
    import budget_checks

    write_page(tmp_path, BAD)
    report = budget_checks.check(tmp_path, lang="en")
    assert [(f.code, f.row, f.column) for f in report.findings if f.severity.label == "error"] == [("BL101", "Doel 1.1.2", "Saldo")]
    assert report.checks["BL101"].evaluated == 1 and report.checks["BL101"].failed == 1
