"""budget-checks: check that the numbers of a Dutch municipal budget export agree."""

from __future__ import annotations

from budget_checks.version import __version__

__all__ = ["__version__", "check", "diff"]


def check(paths, **options):
    """Check documents (folders, zips or page files) and return the Report.

    Options: lang ("nl"|"en"), tolerance ("rounding"|"exact"|"absolute"),
    tolerance_absolute (int), select, ignore, extend_select (code prefixes),
    severity ({code: "error"|"warning"|"info"}), rule_dirs (folders of extra rules).
    """
    from budget_checks.api import check as _check

    return _check(paths, **options)


def diff(old, new, **options):
    """What changed between two exports of one budget: returns a Diff (budget_checks/compare/model.py).

    `old` and `new` are folders, zips or page files, read as `check` reads them; options as for check.
    """
    from budget_checks.api import diff as _diff

    return _diff(old, new, **options)
