"""Diff reporters: one class per output format of `budget-checks diff`, chosen by name.

A diff reporter knows the Diff (budget_checks/compare/model.py) and nothing else: never the
readers or the recognizer. `render(diff, color=False)` returns text, or bytes for a binary
format; the reporters share the attributes of the check reporters (name, suffix, binary), so
the command line writes both kinds alike.
"""

from __future__ import annotations

from typing import Protocol

from budget_checks.compare.model import Diff
from budget_checks.reports import load

# name -> (module, class); modules load only when their format is asked for
DIFF_FORMATS: dict[str, tuple[str, str]] = {
    "console": ("budget_checks.reports.diff.console", "ConsoleDiffReporter"),
    "json": ("budget_checks.reports.diff.json_diff", "JsonDiffReporter"),
    "excel": ("budget_checks.reports.diff.excel", "ExcelDiffReporter"),
    "markdown": ("budget_checks.reports.diff.markdown", "MarkdownDiffReporter"),
}


class DiffReporter(Protocol):
    name: str
    suffix: str  # file name suffix for --output-dir (budget-checks-diff<suffix>)
    binary: bool

    def render(self, diff: Diff, *, color: bool = False) -> str | bytes: ...


def get_diff_reporter(name: str) -> DiffReporter:
    return load(DIFF_FORMATS, name, "diff format")
