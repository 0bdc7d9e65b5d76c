"""One run: read every document, recognise its tables, check them, build the report."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from budget_checks import __version__
from budget_checks.checks import modules as check_modules
from budget_checks.checks.context import Context, DocumentTables
from budget_checks.docs import LANGUAGES, RuleDoc
from budget_checks.findings import Finding, Severity
from budget_checks.model import Document, ReadProblem
from budget_checks.readers.containers import read_document
from budget_checks.readers.limits import DEFAULT_LIMITS, Limits
from budget_checks.recognize import recognize_page
from budget_checks.report import CheckCount, DocumentInfo, PageInfo, Report, TableInfo
from budget_checks.rulebook import Rulebook, load_rulebook
from budget_checks.selection import Selection
from budget_checks.tables import PageTables, Table
from budget_checks.tolerance import Tolerance


@dataclass(frozen=True)
class Options:
    lang: str = "nl"
    tolerance: Tolerance = field(default_factory=Tolerance)
    selection: Selection = field(default_factory=Selection)
    rule_dirs: tuple[Path, ...] = ()
    limits: Limits = DEFAULT_LIMITS


def all_docs(book: Rulebook) -> dict[str, RuleDoc]:
    docs = {doc.code: doc for doc in book.docs()}
    docs.update({module.DOC.code: module.DOC for module in check_modules()})
    return dict(sorted(docs.items()))


def run(paths: list[str], options: Options = Options()) -> Report:
    if options.lang not in LANGUAGES:
        raise ValueError(f"language {options.lang!r} is not one of {', '.join(LANGUAGES)}")
    book = load_rulebook(options.rule_dirs)
    docs = all_docs(book)
    report = Report(started_at=datetime.now().replace(microsecond=0), tool_version=__version__, lang=options.lang, rules=docs)
    documents = [_read(path, options.limits) for path in paths]
    context = Context([_recognize(doc, book, options.tolerance) for doc in documents])
    findings: list[Finding] = []

    tables = list(context.tables())
    if any(t.rule.layout == "amounts" for _, t in tables):
        from budget_checks.dataset import check_arithmetic  # pandas and pandera load only when needed

        arithmetic = check_arithmetic(tables, options.tolerance)
        findings += arithmetic.findings
        report.checks.update(arithmetic.checks)
    for module in check_modules():
        if hasattr(module, "check"):
            produced = list(module.check(context))
            findings += produced
            report.checks[module.DOC.code] = CheckCount(context.count(module.SCOPE), len(produced))

    findings = options.selection.apply(findings, docs)
    findings.sort(key=_order)
    report.findings = [replace(f, message=docs[f.code].render(f, options.lang)) for f in findings]
    report.documents = [_document_info(doc) for doc in context.documents]
    report.options = {"lang": options.lang, "tolerance": options.tolerance.policy}
    return report


def _read(path: str, limits: Limits) -> Document:
    try:
        return read_document(path, limits)
    except FileNotFoundError:
        return Document(path=path, problems=[ReadProblem(path, "path not found")])
    except OSError as exc:
        return Document(path=path, problems=[ReadProblem(path, f"cannot read: {exc.strerror or exc}")])


def _recognize(doc: Document, book: Rulebook, tolerance: Tolerance) -> DocumentTables:
    return DocumentTables(doc.path, [recognize_page(page, book, tolerance) for page in doc.pages], list(doc.problems))


def _order(f: Finding):
    return (f.document, f.page, f.table_index or 0, f.line or 0, f.code, f.row, f.column)


# ---------------------------------------------------------------- report model


def _document_info(doc: DocumentTables) -> DocumentInfo:
    return DocumentInfo(doc.path, tuple(_page_info(p) for p in doc.pages))


def _page_info(pt: PageTables) -> PageInfo:
    tables = [_table_info(t) for t in pt.tables]
    start = len(tables)
    for i, block in enumerate(pt.unrecognised):
        tables.append(TableInfo(start + i + 1, "", "", "", None, "", 0, False, block.line, block.first_lines))
    tables.sort(key=lambda t: t.line or 0)
    footer = pt.page.footer
    return PageInfo(pt.page.path, pt.page.title, tuple(tables),
                    footer.built_at if footer else None, footer.exported_at if footer else None)


def _table_info(table: Table) -> TableInfo:
    cells = []
    for row in table.rows:
        cells.append((row.label, *(_cell_text(c) for c in row.cells)))
    return TableInfo(
        index=table.index,
        kind=table.kind,
        title=table.title,
        unit=table.unit_name,
        scale=table.scale if table.rule.has_unit else None,
        convention=table.convention,
        rows=len(table.rows),
        checked=True,
        line=table.line,
        columns=tuple(c.label for c in table.columns),
        cells=tuple(cells),
        row_lines=tuple(r.line for r in table.rows),
    )


def _cell_text(cell) -> str:
    return cell.text if cell is not None else ""


def mark_known(report: Report, fingerprints: set[str]) -> Report:
    """Findings whose fingerprint is in a baseline are shown but do not fail the run."""
    report.findings = [replace(f, known=f.fingerprint in fingerprints) for f in report.findings]
    return report


def severity_of(text: str | None) -> Severity | None:
    return None if text in (None, "never") else Severity.parse(text)
