"""The command line on hostile input: no traceback ever, exit codes as usual,
inputs never modified, nothing written outside the named output paths."""

from __future__ import annotations

import hashlib
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from budget_checks.cli import app
from tests.hostile.corpus import CASES, SMALL_LIMITS, build_case

runner = CliRunner()
LIMIT_FLAGS = [f"--limit={name}={value}" for name, value in SMALL_LIMITS.items()]
CLI_CASES = [c for c in CASES if not c.limits and c.name != "geen-toegang"]


@pytest.mark.parametrize("case", CLI_CASES, ids=[c.name for c in CLI_CASES])
def test_no_traceback_and_the_planted_error_decides_the_exit_code(case, tmp_path: Path) -> None:
    folder = build_case(case, tmp_path)
    result = runner.invoke(app, ["check", str(folder), "--lang", "en", *LIMIT_FLAGS])
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code == 1, result.output  # the planted error; a junk file alone never changes that
    assert "BL101" in result.output
    never = runner.invoke(app, ["check", str(folder), "--fail-on", "never", *LIMIT_FLAGS])
    assert never.exit_code == 0


def test_exit_2_only_when_nothing_at_all_could_be_read(tmp_path: Path) -> None:
    (tmp_path / "junk.txt").write_bytes(b"\x00\x01" * 100)
    (tmp_path / "leeg.txt").write_bytes(b"")
    result = runner.invoke(app, ["check", str(tmp_path), "--lang", "en", "--format", "json"])
    assert result.exit_code == 2
    assert result.output.count('"IO101"') >= 2  # the report still names every file and why


def test_the_text_reports_survive_the_whole_corpus(tmp_path: Path) -> None:
    """Console and GitHub output on every case at once (the file formats: the next test)."""
    folders = [str(build_case(c, tmp_path)) for c in CLI_CASES]
    result = runner.invoke(app, ["check", *folders, "--format", "console", "--format", "github", *LIMIT_FLAGS])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output.count("::error") >= 10


def _snapshot(root: Path) -> dict[str, tuple]:
    """Every entry under root, without following links: kind, size, mtime and a checksum of regular files."""
    seen = {}
    for folder, dirs, files in os.walk(root, followlinks=False):
        for name in dirs + files:
            path = Path(folder, name)
            info = path.lstat()
            digest = ""
            if stat.S_ISREG(info.st_mode) and info.st_mode & stat.S_IRUSR:
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
            seen[str(path.relative_to(root))] = (stat.S_IFMT(info.st_mode), info.st_size, info.st_mtime_ns, info.st_mode, digest)
    return seen


def test_inputs_are_never_modified_and_nothing_is_written_beside_them(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    folders = [str(build_case(c, inputs)) for c in CASES]
    before = _snapshot(inputs)
    assert len([v for v in before.values() if v[-1]]) > len(CASES)  # the checksums cover real files
    out = tmp_path / "out"
    cwd = os.getcwd()
    os.chdir(inputs)  # a relative write by mistake would land among the inputs
    try:
        result = runner.invoke(app, ["check", *folders, "--format", "json", "--format", "excel", "--format", "sarif",
                                     "--format", "junit", "--output-dir", str(out), *LIMIT_FLAGS])
    finally:
        os.chdir(cwd)
    assert result.exit_code == 1, result.output
    assert _snapshot(inputs) == before
    written = sorted(p.name for p in out.iterdir())
    assert [name.split(".", 1)[0] for name in written] == ["budget-checks"] * 4 and all((out / n).stat().st_size for n in written)


def test_a_report_is_not_written_over_an_input(tmp_path: Path) -> None:
    page = build_case(CASES[0], tmp_path) / "00-goed.txt"
    before = page.read_bytes()
    result = runner.invoke(app, ["check", str(page), "--format", "json", "--output", str(page)])
    assert result.exit_code == 2 and "input" in result.output
    assert page.read_bytes() == before


def test_the_installed_command_has_no_traceback_and_debug_shows_one(tmp_path: Path) -> None:
    """A real process: the top-level guard in main(), an internal error planted with a hook."""
    folder = build_case(CASES[0], tmp_path)
    script = (
        "import sys, budget_checks.run.engine as e\n"
        "def boom(*a, **k): raise KeyError('planted internal error')\n"
        "e.check_document = boom\n"
        "from budget_checks.cli import main\n"
        "sys.argv = ['budget-checks', *sys.argv[1:]]\n"
        "main()\n"
    )
    plain = subprocess.run([sys.executable, "-c", script, "check", str(folder)], capture_output=True, text=True, timeout=120)
    assert plain.returncode == 2
    assert "Traceback" not in plain.stderr + plain.stdout
    assert "internal error: KeyError" in plain.stderr and "--debug" in plain.stderr
    debug = subprocess.run([sys.executable, "-c", script, "check", str(folder), "--debug"], capture_output=True, text=True, timeout=120)
    assert debug.returncode == 2 and "Traceback" in debug.stderr and "planted internal error" in debug.stderr


def test_a_reader_bug_is_a_finding_and_debug_logs_its_traceback(tmp_path: Path, monkeypatch) -> None:
    import budget_checks.readers.containers as containers

    folder = build_case(CASES[0], tmp_path)
    (folder / "tweede.txt").write_text("Doel 2\nOverzicht\n", encoding="utf-8")
    real = containers.read_page

    def flaky(data: bytes, name: str):
        if name == "tweede.txt":
            raise IndexError("planted reader bug")
        return real(data, name)

    monkeypatch.setattr(containers, "read_page", flaky)
    result = runner.invoke(app, ["check", str(folder), "--lang", "en", "--debug"])
    assert result.exit_code == 1  # the planted error on the good page still decides
    assert "internal error while reading: IndexError: planted reader bug" in result.output
    assert "BL101" in result.output
