"""Reports: the Report in, one output format out; one class per format, chosen by name from this registry.

A reporter knows the Report and nothing else. `render(report, color=False)`
returns text (str) or, for binary formats, bytes. A text format may also have
`write(report, stream, color=False)`, which the command line prefers: it writes
the same text piece by piece, so a long run's report is never whole in memory.
"""

from __future__ import annotations

from importlib import import_module
from typing import Protocol

from budget_checks.report import Report

# name -> (module, class); modules load only when their format is asked for
FORMATS: dict[str, tuple[str, str]] = {
    "console": ("budget_checks.reports.console", "ConsoleReporter"),
    "json": ("budget_checks.reports.json_report", "JsonReporter"),
    "excel": ("budget_checks.reports.excel", "ExcelReporter"),
    "junit": ("budget_checks.reports.junit", "JunitReporter"),
    "sarif": ("budget_checks.reports.sarif", "SarifReporter"),
    "github": ("budget_checks.reports.github", "GithubReporter"),
}

# formats read in the job log: they stay on standard output when --output-dir is given
TO_STDOUT = frozenset({"console", "github"})


class Reporter(Protocol):
    name: str
    suffix: str  # file name suffix for --output-dir
    binary: bool

    def render(self, report: Report, *, color: bool = False) -> str | bytes: ...


def get_reporter(name: str) -> Reporter:
    return load(FORMATS, name, "format")


def load(formats: dict[str, tuple[str, str]], name: str, what: str):
    """The reporter a registry names, its module loaded only now; a clear error for an unknown name."""
    try:
        module, cls = formats[name]
    except KeyError:
        raise ValueError(f"unknown {what} {name!r}; choose from {', '.join(formats)}") from None
    return getattr(import_module(module), cls)()
