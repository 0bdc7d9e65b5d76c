"""Configuration: found from the working folder upwards, validated, and overridden by flags."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from budget_checks.cli import app
from budget_checks.config import ConfigError, Settings, find_config, load_settings
from tests.conftest import write_page

runner = CliRunner()
# one saldo error (BL101) and no unit label (UN101, info)
BAD = """
Doel 1.1.1 Voorbeeld
Overzicht baten en lasten
Lasten  Baten  Saldo
Doel 1.1.1  100  20  90
"""


def pyproject(folder: Path, body: str) -> Path:
    path = folder / "pyproject.toml"
    path.write_text('[project]\nname = "gemeente-export"\n\n[tool.budget-checks]\n' + body, encoding="utf-8")
    return path


def run_json(folder: Path, *args: str):
    result = runner.invoke(app, ["check", "export", "--format", "json", *args])
    return result, (json.loads(result.stdout) if result.stdout.startswith("{") else None)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write_page(tmp_path / "export", BAD)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_pyproject_changes_which_rules_run(project: Path) -> None:
    _, report = run_json(project)
    assert sorted(f["code"] for f in report["findings"]) == ["BL101", "UN101"]
    pyproject(project, 'ignore = ["UN"]\n')
    result, report = run_json(project)
    assert [f["code"] for f in report["findings"]] == ["BL101"] and result.exit_code == 1
    pyproject(project, 'select = ["UN101"]\n')
    _, report = run_json(project)
    assert [f["code"] for f in report["findings"]] == ["UN101"]


def test_pyproject_changes_severities_and_fail_on(project: Path) -> None:
    pyproject(project, 'severity = { BL101 = "warning" }\n')
    result, report = run_json(project)
    assert {f["code"]: f["severity"] for f in report["findings"]}["BL101"] == "warning"
    assert result.exit_code == 0  # a warning does not fail at the default fail-on error
    pyproject(project, 'severity = { BL101 = "warning" }\nfail-on = "warning"\n')
    result, _ = run_json(project)
    assert result.exit_code == 1


def test_flags_win_over_the_file(project: Path) -> None:
    pyproject(project, 'ignore = ["BL"]\nfail-on = "never"\nlang = "en"\n')
    result, report = run_json(project)
    assert [f["code"] for f in report["findings"]] == ["UN101"] and result.exit_code == 0
    assert report["findings"][0]["message"].startswith("No unit")
    result, report = run_json(project, "--ignore", "UN", "--fail-on", "error", "--lang", "nl")
    assert [f["code"] for f in report["findings"]] == ["BL101"] and result.exit_code == 1
    assert report["findings"][0]["message"].startswith("Saldo klopt niet")


def test_found_from_a_subfolder_and_budget_checks_toml_first(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pyproject(project, 'ignore = ["UN"]\n')
    sub = project / "a" / "b"
    sub.mkdir(parents=True)
    assert find_config(sub) == project / "pyproject.toml"
    (project / "a" / "budget-checks.toml").write_text('select = ["UN"]\n', encoding="utf-8")
    assert find_config(sub) == project / "a" / "budget-checks.toml"
    monkeypatch.chdir(sub)
    result = runner.invoke(app, ["check", str(project / "export"), "--format", "json"])
    assert [f["code"] for f in json.loads(result.stdout)["findings"]] == ["UN101"]


def test_pyproject_without_the_section_is_passed_over(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[tool.other]\nx = 1\n', encoding="utf-8")
    assert load_settings(cwd=inner) == Settings()


def test_config_option_names_the_file(project: Path) -> None:
    custom = project / "ci.toml"
    custom.write_text('ignore = ["BL"]\n', encoding="utf-8")
    _, report = run_json(project, "--config", str(custom))
    assert [f["code"] for f in report["findings"]] == ["UN101"]
    result = runner.invoke(app, ["check", "export", "--config", str(project / "nope.toml")])
    assert result.exit_code == 2 and "nope.toml: configuration file not found" in result.output


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('selct = ["BL"]\n', "unknown key 'selct'"),
        ('select = ["B-1"]\n', "'select' has 'B-1'"),
        ("select = 5\n", "'select' must be a list of strings"),
        ('severity = { BL101 = "fatal" }\n', "'severity.BL101' must be one of error, warning, info"),
        ('severity = { "Saldo" = "error" }\n', "'severity' has 'Saldo'"),
        ('fail-on = "sometimes"\n', "'fail-on' must be one of error, warning, info, never"),
        ('lang = "de"\n', "'lang' must be one of nl, en"),
        ('tolerance = "loose"\n', "'tolerance' must be one of rounding, exact, absolute"),
        ('tolerance = { policy = "absolute", absolute = -1 }\n', "'tolerance.absolute' must be a whole number"),
        ('tolerance = { policy = "absolute", bound = 2 }\n', "unknown key 'tolerance.bound'"),
        ('rule-dirs = ["no-such-folder"]\n', "'rule-dirs' names 'no-such-folder', which is not a folder"),
        ('per-path-ignores = ["TB001"]\n', "'per-path-ignores' must be a table"),
        ('format = ["pdf"]\n', "'format' has 'pdf'"),
        ("select = [\n", "not valid TOML"),
        ("limits = 5\n", "'limits' must be a table"),
        ("limits = { max_bytes = 5 }\n", "unknown limit 'limits.max_bytes'"),
        ("limits = { max_file_bytes = -1 }\n", "'limits':"),
    ],
)
def test_bad_settings_are_clear_errors_naming_key_and_file(project: Path, body: str, message: str) -> None:
    path = pyproject(project, body)
    with pytest.raises(ConfigError) as info:
        load_settings(cwd=project)
    assert str(path) in str(info.value) and message in str(info.value)
    result = runner.invoke(app, ["check", "export"])
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output


def test_every_key_is_read(project: Path) -> None:
    (project / "extra-rules").mkdir()
    path = pyproject(project, "\n".join([
        'select = ["BL", "UN"]', 'extend-select = ["TB001"]', 'ignore = ["BL103"]', 'severity = { BL101 = "info" }',
        'tolerance = { policy = "absolute", absolute = 3 }', 'fail-on = "warning"', 'lang = "en"', 'rule-dirs = ["extra-rules"]',
        'per-path-ignores = { "*nieuws*" = ["TB001"] }', 'format = ["json", "junit"]', 'output-dir = "reports"',
        'baseline = "baseline.json"', "limits = { max_file_bytes = 5000000 }", "",
    ]))
    settings = load_settings(cwd=project)
    assert settings.select == ("BL", "UN") and settings.extend_select == ("TB001",) and settings.ignore == ("BL103",)
    assert settings.severity == {"BL101": "info"}
    assert (settings.tolerance, settings.tolerance_absolute) == ("absolute", 3)
    assert (settings.fail_on, settings.lang, settings.format) == ("warning", "en", ("json", "junit"))
    assert settings.rule_dirs == (project / "extra-rules",)
    assert settings.per_path_ignores == {"*nieuws*": ("TB001",)}
    assert settings.output_dir == project / "reports" and settings.baseline == project / "baseline.json"
    assert settings.limits == {"max_file_bytes": 5_000_000}
    assert settings.source == path


def test_limits_from_the_file_reach_the_run_and_limit_flags_win_name_by_name(project: Path) -> None:
    pyproject(project, "limits = { max_file_bytes = 20, max_page_lines = 100000 }\n")
    result, report = run_json(project, "--fail-on", "never")
    assert result.exit_code == 2 and report["summary"]["pages"] == 0  # the one page is over the file's limit
    assert [f["code"] for f in report["findings"]] == ["IO102"] and "max_file_bytes = 20" in report["findings"][0]["message"]
    _, report = run_json(project, "--limit", "max_file_bytes=1000000")
    assert sorted(f["code"] for f in report["findings"]) == ["BL101", "UN101"]


def test_per_path_ignores_and_tolerance_reach_the_run(project: Path) -> None:
    write_page(project / "export", BAD.replace("Doel 1.1.1 Voorbeeld", "Doel 1.1.2 Nieuws"), "nieuws.txt")
    pyproject(project, 'per-path-ignores = { "nieuws*" = ["BL101"] }\n')
    _, report = run_json(project)
    assert sorted((f["code"], f["page"]) for f in report["findings"] if f["code"] == "BL101") == [("BL101", "page.txt")]
    pyproject(project, 'tolerance = { policy = "absolute", absolute = 10 }\n')
    _, report = run_json(project)
    assert "BL101" not in {f["code"] for f in report["findings"]}


def test_format_and_output_dir_from_the_file(project: Path) -> None:
    pyproject(project, 'format = ["console", "json", "sarif"]\noutput-dir = "reports"\n')
    result = runner.invoke(app, ["check", "export", "--lang", "en", "--no-color"])
    assert result.exit_code == 1
    assert "Summary" in result.stdout  # the console report stays in the job log
    assert sorted(p.name for p in (project / "reports").iterdir()) == ["budget-checks.json", "budget-checks.sarif"]


def test_several_formats_in_one_run_from_flags(project: Path) -> None:
    result = runner.invoke(app, ["check", "export", "--format", "console", "--format", "json", "--format", "github",
                                 "--format", "junit", "--output-dir", "reports", "--lang", "en", "--no-color"])
    assert result.exit_code == 1
    assert "Summary" in result.stdout and "::error file=export/page.txt,line=4" in result.stdout
    assert sorted(p.name for p in (project / "reports").iterdir()) == ["budget-checks.json", "budget-checks.junit.xml"]
    assert json.loads((project / "reports" / "budget-checks.json").read_text(encoding="utf-8"))["summary"]["errors"] == 1
