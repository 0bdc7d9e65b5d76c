"""The library entry point: the same run as the CLI, returning the Report."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from budget_checks.findings import Severity
from budget_checks.readers.limits import DEFAULT_LIMITS, Limits
from budget_checks.report import Report
from budget_checks.run.engine import run
from budget_checks.run.options import Options
from budget_checks.selection import Selection
from budget_checks.tolerance import Tolerance

if TYPE_CHECKING:
    from budget_checks.compare.model import Diff


def check(
    paths: str | Path | list[str | Path],
    *,
    lang: str = "nl",
    tolerance: str = "rounding",
    tolerance_absolute: int = 0,
    select: list[str] | None = None,
    extend_select: list[str] | None = None,
    ignore: list[str] | None = None,
    severity: dict[str, str] | None = None,
    rule_dirs: list[str | Path] | None = None,
    per_path_ignores: dict[str, list[str]] | None = None,
    baseline: str | Path | list[dict] | None = None,
    jobs: int = 1,
    progress=None,
    table_cells: bool = True,
    limits: Limits | dict[str, float] | None = None,
) -> Report:
    """`per_path_ignores`: page glob -> codes not reported there. `baseline`: a
    baseline file (or its entries) whose findings are shown as known, not failing.
    `jobs`: worker processes over documents (1 = this process, 0 = decide by the run);
    the report is the same either way. `progress`: called with each document's result.
    `table_cells=False` leaves the tables' labels and cells out of the report, so memory
    stays small on very large runs (only the Excel reconciliation sheet shows them).
    `limits`: input limits to change, by name (docs/limits.md), e.g. {"max_file_bytes": 1_000_000}."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    options = options_of(lang=lang, tolerance=tolerance, tolerance_absolute=tolerance_absolute, select=select,
                         extend_select=extend_select, ignore=ignore, severity=severity, rule_dirs=rule_dirs,
                         per_path_ignores=per_path_ignores, jobs=jobs, table_cells=table_cells, limits=limits)
    selection = options.selection
    report = run([str(p) for p in paths], options, progress=progress)
    if baseline is not None:
        from budget_checks.baseline import apply_baseline, load_baseline

        report = apply_baseline(report, load_baseline(baseline), selection)
    return report


def diff(old: str | Path, new: str | Path, *, lang: str = "nl", **options) -> "Diff":
    """What changed between two exports of one budget (each a folder, `.zip` or page file): figures
    changed, rows, columns, tables and pages added or removed, and the `check` findings the new
    export resolves and introduces. `options` as for check() (tolerance, select, ignore, rule_dirs,
    limits, ...). Raises ValueError for an export without a readable page or a bad option."""
    from budget_checks.compare.run import compare_exports

    return compare_exports(old, new, options_of(lang=lang, **{**options, "jobs": 1, "table_cells": False}))


def options_of(
    *,
    lang: str = "nl",
    tolerance: str = "rounding",
    tolerance_absolute: int = 0,
    select: list[str] | None = None,
    extend_select: list[str] | None = None,
    ignore: list[str] | None = None,
    severity: dict[str, str] | None = None,
    rule_dirs: list[str | Path] | None = None,
    per_path_ignores: dict[str, list[str]] | None = None,
    jobs: int = 1,
    table_cells: bool = True,
    limits: Limits | dict[str, float] | None = None,
    **_report_only: object,  # baseline: applied to the report, not the run
) -> Options:
    """The engine's Options from check()'s keyword arguments (also for the GX bridge)."""
    selection = Selection(
        select=tuple(select) if select else ("",),
        extend_select=tuple(extend_select or ()),
        ignore=tuple(ignore or ()),
        severity={code.upper(): Severity.parse(level) for code, level in (severity or {}).items()},
        per_path_ignores=tuple((glob, tuple(codes)) for glob, codes in (per_path_ignores or {}).items()),
    )
    return Options(
        lang=lang,
        tolerance=Tolerance(tolerance, tolerance_absolute),
        selection=selection,
        rule_dirs=tuple(Path(d) for d in rule_dirs or ()),
        jobs=jobs,
        table_cells=table_cells,
        limits=limits if isinstance(limits, Limits) else DEFAULT_LIMITS.replace(**(limits or {})),
    )
