"""Two exports of one budget checked as `check` checks them, then compared.

Each side is one run of the engine (same readers, recogniser, checks and options as `check`),
whose recognised tables are kept as a snapshot (snapshot.py) before the engine drops them; so
a diff costs the two checks and a walk over their figures.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from budget_checks.version import __version__
from budget_checks.compare.consistency import attach, only_in
from budget_checks.compare.figures import compare_documents
from budget_checks.compare.model import Diff, Side
from budget_checks.compare.parts import SDocument
from budget_checks.compare.snapshot import snapshot
from budget_checks.report import Report
from budget_checks.run.engine import run
from budget_checks.run.options import Options


class UnreadableExport(ValueError):
    """An export with no readable page: nothing to compare."""


def compare_exports(old: str | Path, new: str | Path, options: Options) -> Diff:
    started = datetime.now().replace(microsecond=0)
    (old_report, old_doc), (new_report, new_doc) = _checked(old, options), _checked(new, options)
    pages = compare_documents(old_doc, new_doc)
    resolved = only_in(old_report.findings, new_report.findings)
    introduced = only_in(new_report.findings, old_report.findings)
    return Diff(
        old=_side(old_report, old_doc), new=_side(new_report, new_doc),
        pages=attach(pages, resolved, introduced),
        pages_compared=sum(1 for p in pages if p.old_path is not None and p.new_path is not None),
        tables_compared=sum(p.tables_compared for p in pages),
        resolved=resolved, introduced=introduced,
        lang=options.lang, tool_version=__version__, started_at=started,
    )


def _checked(path: str | Path, options: Options) -> tuple[Report, SDocument]:
    kept: list[SDocument] = []
    report = run([str(path)], options, keep=lambda document: kept.append(snapshot(document)))
    if report.pages == 0:
        reasons = "; ".join(f"{f.page or f.document}: {f.message}" for f in report.findings if f.code.startswith("IO"))
        raise UnreadableExport(f"{path}: no readable page" + (f" ({reasons})" if reasons else ""))
    return report, kept[0]


def _side(report: Report, document: SDocument) -> Side:
    return Side(document.path, len(document.pages), sum(len(p.tables) for p in document.pages), len(report.findings))
