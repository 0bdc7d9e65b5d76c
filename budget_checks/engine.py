"""One run: read every document, recognise its tables, check them, build the report."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from time import perf_counter

from budget_checks import __version__
from budget_checks.checks import modules as check_modules
from budget_checks.checks.context import Context, DocumentTables
from budget_checks.docs import LANGUAGES, RuleDoc
from budget_checks.findings import Finding, Severity, distinct
from budget_checks.model import Document, Page, ReadProblem
from budget_checks.readers.containers import label, read_document
from budget_checks.readers.limits import DEFAULT_LIMITS, Limits, TimeLimitExceeded, deadline
from budget_checks.recognize import recognize_page
from budget_checks.report import CheckCount, DocumentInfo, PageInfo, Report, TableInfo
from budget_checks.rulebook import Rulebook, load_rulebook
from budget_checks.selection import Selection
from budget_checks.spool import Spool
from budget_checks.tables import PageTables, Table
from budget_checks.tolerance import Tolerance


@dataclass(frozen=True)
class Options:
    lang: str = "nl"
    tolerance: Tolerance = field(default_factory=Tolerance)
    selection: Selection = field(default_factory=Selection)
    rule_dirs: tuple[Path, ...] = ()
    limits: Limits = DEFAULT_LIMITS
    jobs: int = 1  # worker processes over documents; 0 = decide by the run (see parallel.py)
    table_cells: bool = True  # keep each table's labels and cells in the report (the Excel reconciliation shows them)


def all_docs(book: Rulebook) -> dict[str, RuleDoc]:
    docs = {doc.code: doc for doc in book.docs()}
    docs.update({module.DOC.code: module.DOC for module in check_modules()})
    return dict(sorted(docs.items()))


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


@dataclass(slots=True)
class DocumentResult:
    """What one document contributes to the report; the document itself is dropped."""

    info: DocumentInfo
    findings: list[Finding]
    checks: dict[str, CheckCount]
    passed: list[dict]
    pages: int
    seconds: float = 0.0


def check_document(path: str, options: Options, book: Rulebook,
                   keep: Callable[[DocumentTables], None] | None = None) -> DocumentResult:
    """Read, recognise and check one document. Checks see one document at a time; its findings
    leave with their messages, each once; `keep` sees its checked tables before they are dropped."""
    started = perf_counter()
    context = Context([recognised(path, options, book)], tolerance=options.tolerance)
    findings: list[Finding] = []
    checks: dict[str, CheckCount] = {}
    tables = list(context.tables())
    if any(t.relations for _, t in tables):
        from budget_checks.arithmetic.dataset import check_arithmetic  # pandas and pandera load only when needed

        arithmetic = check_arithmetic(tables, options.tolerance, _severities(book))
        findings += arithmetic.findings
        checks.update(arithmetic.checks)
    for module in check_modules():
        if hasattr(module, "check"):
            produced = list(module.check(context))
            findings += produced
            checks[module.DOC.code] = CheckCount(context.count(module.SCOPE), len(produced))
    docs = all_docs(book)
    findings, dropped = distinct([replace(f, message=docs[f.code].render(f, options.lang)) for f in findings])
    for code, count in dropped.items():  # a finding given twice was counted twice
        if code in checks:
            checks[code] = CheckCount(checks[code].evaluated, checks[code].failed - count)
    document = context.documents[0]
    if keep is not None:
        keep(document)
    info = _document_info(document, options.table_cells)
    return DocumentResult(info, findings, checks, context.passed, len(document.pages), perf_counter() - started)


def _severities(book: Rulebook) -> dict:
    return {code: doc.severity for code, doc in all_docs(book).items()}


def recognised(path: str, options: Options, book: Rulebook) -> DocumentTables:
    """One document read and its tables recognised (what the checks and the GX bridge see)."""
    return _recognize(_read(path, options.limits), book, options.tolerance, options.limits)


def _results(paths: list[str], options: Options, book: Rulebook,
             keep: Callable[[DocumentTables], None] | None = None) -> Iterator[DocumentResult]:
    if options.jobs == 1 or len(paths) < 2 or keep is not None:
        return (check_document(path, options, book, keep) for path in paths)
    from budget_checks.parallel import results_in_order

    return results_in_order(paths, options, book)


def _read(path: str, limits: Limits) -> Document:
    try:
        return read_document(path, limits)
    except FileNotFoundError:
        return Document(path=label(path), problems=[ReadProblem(label(path), "path not found")])
    except OSError as exc:
        return Document(path=label(path), problems=[ReadProblem(label(path), f"cannot read: {exc.strerror or exc}")])


def _recognize(doc: Document, book: Rulebook, tolerance: Tolerance, limits: Limits = DEFAULT_LIMITS) -> DocumentTables:
    pages = [tables for page in doc.pages if (tables := _recognize_page(page, doc, book, tolerance, limits)) is not None]
    return DocumentTables(doc.path, pages, list(doc.problems))


def _recognize_page(page: Page, doc: Document, book: Rulebook, tolerance: Tolerance, limits: Limits) -> PageTables | None:
    """A page's tables; a page that runs out of time or trips a bug in recognition
    becomes a finding of its own (IO102, IO101) and the other pages go on."""
    try:
        with deadline(limits.max_seconds_per_file, "recognising the tables"):
            return recognize_page(page, book, tolerance)
    except TimeLimitExceeded as exc:
        doc.problems.append(ReadProblem(page.path, str(exc), code="IO102"))
    except (MemoryError, RecursionError) as exc:
        doc.problems.append(ReadProblem(page.path, f"too large to recognise its tables ({type(exc).__name__})", code="IO102"))
    except Exception as exc:  # --debug shows the traceback
        logging.getLogger("budget_checks").debug("recognising %s failed", page.path, exc_info=True)
        doc.problems.append(ReadProblem(page.path, f"internal error while recognising the tables: {type(exc).__name__}: {exc}"))
    return None


def _order(f: Finding):
    return (f.document, f.page, f.table_index or 0, f.line or 0, f.code, f.row, f.column)


# ---------------------------------------------------------------- report model


def _document_info(doc: DocumentTables, cells: bool = True) -> DocumentInfo:
    return DocumentInfo(doc.path, tuple(_page_info(p, cells) for p in doc.pages))


def _page_info(pt: PageTables, cells: bool = True) -> PageInfo:
    tables = [_table_info(t, cells) for t in pt.tables]
    start = len(tables)
    for i, block in enumerate(pt.unrecognised):
        tables.append(TableInfo(start + i + 1, "", "", "", None, "", 0, False, block.line, block.first_lines, end_line=block.end_line))
    tables.sort(key=lambda t: t.line or 0)
    footer = pt.page.footer
    return PageInfo(pt.page.path, pt.page.title, tuple(tables),
                    footer.built_at if footer else None, footer.exported_at if footer else None)


def _table_info(table: Table, with_cells: bool = True) -> TableInfo:
    cells = []
    for row in table.rows if with_cells else ():  # most of what the report keeps per page
        cells.append((row.label, *(_cell_text(c) for c in row.cells)))
    return TableInfo(
        index=table.index,
        kind=table.kind,
        title=table.title,
        unit=table.unit_name,
        scale=table.scale if table.rule.has_unit else None,
        convention=table.convention,
        rows=len(table.rows),
        checked=table.evaluated > 0 or table.rule.layout == "text",  # a text table has no arithmetic: reading it is all
        line=table.line,
        columns=tuple(c.label for c in table.columns) if with_cells else (),
        cells=tuple(cells),
        row_lines=tuple(r.line for r in table.rows) if with_cells else (),
        end_line=table.end_line,
        evaluated=table.evaluated,
        first_lines=table.first_lines() if table.evaluated == 0 else (),
    )


def _cell_text(cell) -> str:
    return cell.text if cell is not None else ""


def mark_known(report: Report, fingerprints: set[str]) -> Report:
    """Findings whose fingerprint is in a baseline are shown but do not fail the run."""
    report.findings = [replace(f, known=f.fingerprint in fingerprints) for f in report.findings]
    return report


def severity_of(text: str | None) -> Severity | None:
    return None if text in (None, "never") else Severity.parse(text)
