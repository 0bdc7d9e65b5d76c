"""The Great Expectations bridge: a suite of our checks, and Data Docs whose failures are our findings.

The tests that run GX skip when the extra is not installed (CI installs it:
see .ci/gx-test); the tests of what happens without it always run.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import budget_checks.gx as bridge
from budget_checks.cli import app
from budget_checks.rulebook import load_rulebook
from tests.conftest import SAMPLES

runner = CliRunner()
needs_gx = pytest.mark.skipif(importlib.util.find_spec("great_expectations") is None,
                              reason="the gx extra is not installed (pip install -e '.[gx]')")


def _said(result) -> str:
    try:
        return result.output + result.stderr
    except ValueError:  # stderr mixed into output
        return result.output


def _arithmetic_codes() -> set[str]:
    return {doc.code for rule in load_rulebook().tables if rule.layout == "amounts" for doc in rule.docs}


@needs_gx
def test_gx_suite_holds_one_expectation_per_arithmetic_code(tmp_path: Path) -> None:
    target = tmp_path / "suite.json"
    result = runner.invoke(app, ["gx-suite", "-o", str(target)])
    assert result.exit_code == 0, _said(result)
    suite = json.loads(target.read_text(encoding="utf-8"))
    assert suite["name"] == bridge.SUITE
    codes = {e["meta"]["code"] for e in suite["expectations"]}
    assert codes == _arithmetic_codes() and {"BL101", "KR103"} <= codes
    for expectation in suite["expectations"]:
        assert expectation["type"] == "expect_column_values_to_be_between"
        assert expectation["kwargs"]["column"] == f"excess__{expectation['meta']['code']}"
        assert expectation["kwargs"]["min_value"] == expectation["kwargs"]["max_value"] == 0


@needs_gx
def test_gx_data_docs_fail_exactly_where_our_report_does(tmp_path: Path) -> None:
    docs, ours = tmp_path / "gx-docs", tmp_path / "report.json"
    result = runner.invoke(app, ["check", str(SAMPLES / "broken"), "-f", "json", "-o", str(ours), "--gx-docs", str(docs)])
    assert result.exit_code == 1, _said(result)
    assert (docs / "index.html").is_file()
    assert list((docs / "validations").rglob("*.html")), "no validation page in the Data Docs"

    validation = json.loads((docs / bridge.RESULT_FILE).read_text(encoding="utf-8"))
    assert validation["success"] is False
    failing = set()
    for expectation in validation["results"]:
        code = expectation["expectation_config"]["meta"]["code"]
        for row in expectation["result"].get("unexpected_index_list") or []:
            failing.add((code, row["doc"], row["page"], int(row["table"]), row["label"]))
    report = json.loads(ours.read_text(encoding="utf-8"))
    codes = _arithmetic_codes()
    found = {(f["code"], f["document"], f["page"], f["table_index"], f["row"])
             for f in report["findings"] if f["code"] in codes and f["severity"] == "error"}
    assert {"BL101", "BL102", "BL103", "KR101", "KR102", "KR103"} <= {code for code, *_ in found}
    assert failing == found


@needs_gx
def test_a_clean_document_passes_in_gx(tmp_path: Path) -> None:
    from budget_checks.api import options_of

    failures = bridge.build_data_docs([str(SAMPLES / "begroting-2025")], options_of(), tmp_path / "docs")
    assert failures == []
    assert json.loads((tmp_path / "docs" / bridge.RESULT_FILE).read_text(encoding="utf-8"))["success"] is True


def test_without_the_extra_both_commands_say_how_to_install_it(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(bridge, "available", lambda: False)
    suite = runner.invoke(app, ["gx-suite"])
    assert suite.exit_code == 2
    assert "pip install 'budget-checks[gx]'" in _said(suite)
    checked = runner.invoke(app, ["check", str(SAMPLES / "begroting-2025"), "--gx-docs", str(tmp_path / "docs")])
    assert checked.exit_code == 2
    assert "pip install 'budget-checks[gx]'" in _said(checked)
    assert not (tmp_path / "docs").exists()


def test_the_command_line_never_imports_gx_unless_asked() -> None:
    code = ("import sys; from budget_checks.cli import app\n"
            "try: app(['--help'])\nexcept SystemExit: pass\n"
            "assert 'great_expectations' not in sys.modules and 'pandas' not in sys.modules")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
