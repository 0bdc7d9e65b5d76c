"""One document from its path to its result: read, recognise every page, check the tables,
render the findings; what the report keeps of it. The sequential run and the pool both call
`check_document`, so neither imports the other."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from time import perf_counter

from budget_checks.checks import modules as check_modules
from budget_checks.checks.context import Context, DocumentTables
from budget_checks.findings import Finding, distinct
from budget_checks.model import Document, Page, ReadProblem
from budget_checks.readers.containers import label, read_document
from budget_checks.readers.limits import DEFAULT_LIMITS, Limits, TimeLimitExceeded, alarm_handler, deadline
from budget_checks.recognize import recognize_page
from budget_checks.report import CheckCount, DocumentInfo, PageInfo, TableInfo
from budget_checks.rulebook import Rulebook
from budget_checks.run.options import Options, all_docs
from budget_checks.tables import PageTables, Table
from budget_checks.tolerance import Tolerance


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


def preload() -> None:
    """Import what checking loads only when needed, so that workers forked after this share it."""
    import budget_checks.arithmetic.dataset  # noqa: F401


def _severities(book: Rulebook) -> dict:
    return {code: doc.severity for code, doc in all_docs(book).items()}


def recognised(path: str, options: Options, book: Rulebook) -> DocumentTables:
    """One document read and its tables recognised (what the checks and the GX bridge see)."""
    with alarm_handler():  # the deadlines of the file and of each page share one signal handler
        return _recognize(_read(path, options.limits), book, options.tolerance, options.limits)


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
        cells.append((row.label, *[c.text if c is not None else "" for c in row.cells]))
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

