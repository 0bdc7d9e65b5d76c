"""One run over many documents: each checked on its own (here or in the pool), their results
merged into the report in input order, so only the report grows with the run."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import datetime

from budget_checks.version import __version__
from budget_checks.checks import modules as check_modules
from budget_checks.checks.context import DocumentTables
from budget_checks.docs import LANGUAGES
from budget_checks.findings import Finding, Severity, distinct
from budget_checks.report import CheckCount, Report
from budget_checks.rulebook import Rulebook, load_rulebook
from budget_checks.run.document import DocumentResult, check_document
from budget_checks.run.options import Options, all_docs
from budget_checks.run.spool import Spool


# what the report keeps in memory; the rest of a long run waits in a temporary file (spool.py)
DOCUMENTS_IN_MEMORY = 10
COMPARISONS_IN_MEMORY = 2_000


def run(paths: list[str], options: Options = Options(), progress: Callable[[DocumentResult], None] | None = None,
        keep: Callable[[DocumentTables], None] | None = None) -> Report:
    """Check the documents one at a time (or in a process pool, see `Options.jobs`) and
    merge their results in input order, so only the report grows with the run. `keep` is
    shown each document's recognised tables before they are dropped (in this process:
    a run with `keep` checks its documents here)."""
    if options.lang not in LANGUAGES:
        raise ValueError(f"language {options.lang!r} is not one of {', '.join(LANGUAGES)}")
    book = load_rulebook(options.rule_dirs)
    docs = all_docs(book)
    report = Report(started_at=datetime.now().replace(microsecond=0), tool_version=__version__, lang=options.lang, rules=docs)
    report.checks = {m.DOC.code: CheckCount() for m in check_modules() if hasattr(m, "check")}
    report.documents, report.passed = Spool(keep=DOCUMENTS_IN_MEMORY), Spool(keep=COMPARISONS_IN_MEMORY)
    findings: list[Finding] = []
    for result in _results(paths, options, book, keep):
        findings += result.findings
        report.passed.extend(p for p in result.passed if options.selection.enabled(p["code"]))
        for code, count in result.checks.items():
            old = report.checks.get(code, CheckCount())
            report.checks[code] = CheckCount(old.evaluated + count.evaluated, old.failed + count.failed)
        report.documents.append(result.info)
        if progress is not None:
            progress(result)
    report.checks = dict(sorted(report.checks.items()))

    findings = options.selection.apply(findings, docs)
    findings.sort(key=_order)
    # rendered per document already; one document given twice still reports each finding once
    report.findings, _ = distinct([f if f.message else replace(f, message=docs[f.code].render(f, options.lang)) for f in findings])
    report.options = {"lang": options.lang, "tolerance": options.tolerance.policy}
    return report


def _results(paths: list[str], options: Options, book: Rulebook,
             keep: Callable[[DocumentTables], None] | None = None) -> Iterator[DocumentResult]:
    if options.jobs == 1 or len(paths) < 2 or keep is not None:
        return (check_document(path, options, book, keep) for path in paths)
    from budget_checks.run.pool import results_in_order

    return results_in_order(paths, options, book)


def _order(f: Finding):
    return (f.document, f.page, f.table_index or 0, f.line or 0, f.code, f.row, f.column)


def mark_known(report: Report, fingerprints: set[str]) -> Report:
    """Findings whose fingerprint is in a baseline are shown but do not fail the run."""
    report.findings = [replace(f, known=f.fingerprint in fingerprints) for f in report.findings]
    return report


def severity_of(text: str | None) -> Severity | None:
    return None if text in (None, "never") else Severity.parse(text)
