"""What a run is asked to do: language, tolerance, selection, rulebook, limits, workers; and the
documentation of every code the run may report."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from budget_checks.checks import modules as check_modules
from budget_checks.docs import RuleDoc
from budget_checks.readers.limits import DEFAULT_LIMITS, Limits
from budget_checks.rulebook import Rulebook
from budget_checks.selection import Selection
from budget_checks.tolerance import Tolerance


@dataclass(frozen=True)
class Options:
    lang: str = "nl"
    tolerance: Tolerance = field(default_factory=Tolerance)
    selection: Selection = field(default_factory=Selection)
    rule_dirs: tuple[Path, ...] = ()
    limits: Limits = DEFAULT_LIMITS
    jobs: int = 1  # worker processes over documents; 0 = decide by the run (see pool.py)
    table_cells: bool = True  # keep each table's labels and cells in the report (the Excel reconciliation shows them)


def all_docs(book: Rulebook) -> dict[str, RuleDoc]:
    docs = {doc.code: doc for doc in book.docs()}
    docs.update({module.DOC.code: module.DOC for module in check_modules()})
    return dict(sorted(docs.items()))
