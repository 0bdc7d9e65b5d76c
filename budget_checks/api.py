"""The library entry point: the same run as the CLI, returning the Report."""

from __future__ import annotations

from pathlib import Path

from budget_checks.engine import Options, run
from budget_checks.findings import Severity
from budget_checks.report import Report
from budget_checks.selection import Selection
from budget_checks.tolerance import Tolerance


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
) -> Report:
    if isinstance(paths, (str, Path)):
        paths = [paths]
    selection = Selection(
        select=tuple(select) if select else ("",),
        extend_select=tuple(extend_select or ()),
        ignore=tuple(ignore or ()),
        severity={code.upper(): Severity.parse(level) for code, level in (severity or {}).items()},
    )
    options = Options(
        lang=lang,
        tolerance=Tolerance(tolerance, tolerance_absolute),
        selection=selection,
        rule_dirs=tuple(Path(d) for d in rule_dirs or ()),
    )
    return run([str(p) for p in paths], options)
