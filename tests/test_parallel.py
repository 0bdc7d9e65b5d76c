"""A run over a process pool reports exactly what a single-process run reports."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import budget_checks.run.pool as parallel
from budget_checks import check
from budget_checks.cli import app
from budget_checks.reports.json_report import to_dict
from tests.conftest import ROOT, SAMPLES

runner = CliRunner()


def _generator():
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def export(tmp_path_factory) -> Path:
    """Four synthetic documents of 15 pages (whole euros and thousands) with planted errors."""
    root = tmp_path_factory.mktemp("export")
    _generator().generate(root, 60, seed=7, pages_per_document=15, plant_every=8)
    return root


def _paths(export: Path) -> list[str]:
    documents = sorted(str(p) for p in (export / "export").iterdir())
    return documents + [str(SAMPLES / "broken"), str(SAMPLES / "begroting-2025")]


def test_pool_and_single_process_give_the_same_report(export: Path) -> None:
    single = check(_paths(export), jobs=1)
    pooled = check(_paths(export), jobs=2)
    assert any(f.severity.label == "error" for f in single.findings)  # the runs did real work
    assert to_dict(pooled) == to_dict(single)
    assert pooled.findings == single.findings
    assert [f.message for f in pooled.findings] == [f.message for f in single.findings]
    assert pooled.documents == single.documents
    assert pooled.checks == single.checks


def test_a_pool_finds_every_planted_error(export: Path) -> None:
    truth = json.loads((export / "truth.json").read_text(encoding="utf-8"))
    planted = {(p["doc"], p["page"], p["table"], p["row"], p["code"]) for p in truth["planted"]}
    assert planted  # the seed plants errors in this export
    report = check(sorted(str(p) for p in (export / "export").iterdir()), jobs=2)
    codes = {code for *_, code in planted} | {"BL101", "BL102", "BL103", "KR101", "KR102", "KR103", "IN101"}
    found = {(Path(f.document).name, f.page, f.table_index, f.row, f.code)
             for f in report.findings if f.code in codes and f.severity.label == "error"}
    assert found == planted


def test_cli_output_is_the_same_with_one_or_two_jobs(export: Path) -> None:
    for fmt in ("json", "console"):
        one = runner.invoke(app, ["check", *_paths(export), "-f", fmt, "-j", "1"])
        two = runner.invoke(app, ["check", *_paths(export), "-f", fmt, "-j", "2"])
        assert one.exit_code == two.exit_code == 1
        assert one.output == two.output
        assert "BL101" in one.output


def test_automatic_jobs_start_a_pool_when_it_pays(export: Path, monkeypatch) -> None:
    started = []
    real = parallel.ProcessPoolExecutor

    def counting(*args, **kwargs):
        started.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", counting)
    monkeypatch.setattr(parallel, "POOL_PAYS_AT_PAGES", 1)
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    assert to_dict(check(_paths(export), jobs=0)) == to_dict(check(_paths(export), jobs=1))
    assert started  # the pool did run


def test_automatic_jobs_give_every_document_to_the_pool_when_the_folders_hold_enough_files(export: Path, monkeypatch) -> None:
    checked_here = []
    real = parallel.check_document

    def recording(path, *args, **kwargs):
        checked_here.append(path)  # a forked worker appends to its own copy
        return real(path, *args, **kwargs)

    monkeypatch.setattr(parallel, "check_document", recording)
    monkeypatch.setattr(parallel, "POOL_PAYS_AT_PAGES", 30)  # the four documents hold 60 files
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    assert to_dict(check(_paths(export), jobs=0)) == to_dict(check(_paths(export), jobs=1))
    assert checked_here == []


def test_automatic_jobs_stay_in_one_process_for_a_small_run(monkeypatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("a pool for two one-page documents")

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", refuse)
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    paths = [str(SAMPLES / "begroting-2021"), str(SAMPLES / "begroting-2026")]
    assert to_dict(check(paths, jobs=0)) == to_dict(check(paths, jobs=1))


def test_a_report_without_table_cells_has_the_same_findings(export: Path) -> None:
    full = check(_paths(export))
    light = check(_paths(export), table_cells=False, jobs=2)
    assert light.findings == full.findings
    assert to_dict(light) == to_dict(full)  # the JSON report never showed the cells
    assert all(t.cells == () for _, _, t in light.tables())
    assert any(t.cells for _, _, t in full.tables())
