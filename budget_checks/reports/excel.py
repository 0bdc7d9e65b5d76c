"""Excel report for the finance team: a workbook to filter, sort and hand out.

Four sheets, named in the run's language: a summary of what was checked and
found; one row per finding (an Excel table with filter, amounts as numbers,
a link to the table it is about); every checked table reproduced with the
recomputed values beside the failing cells; and everything that was not
checked, so silence is never taken for approval. openpyxl loads only when
this format is asked for.
"""

from __future__ import annotations

from collections import Counter

from budget_checks.findings import Severity
from budget_checks.report import Report

_SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)


class ExcelReporter:
    name = "excel"
    suffix = ".xlsx"
    binary = True
    table_cells = True  # the reconciliation sheet shows every table's cells: the run keeps them

    def render(self, report: Report, *, color: bool = False) -> bytes:
        from budget_checks.reports.excel_cells import saved

        return saved(build_workbook(report), report.started_at)


def build_workbook(report: Report):
    from openpyxl import Workbook

    from budget_checks.reports.labels import excel_words as words
    from budget_checks.reports.excel_reconcile import write_reconciliation

    w = words(report.lang)
    book = Workbook()
    summary = book.active
    summary.title = w["summary"]
    findings = book.create_sheet(w["findings"])
    reconciliation = book.create_sheet(w["reconciliation"])
    not_checked = book.create_sheet(w["not_checked"])
    # the sheets that are linked to are written first, so the links know where to point
    anchors = write_reconciliation(reconciliation, report, w)
    blocks = _write_not_checked(not_checked, report, w)
    _write_findings(findings, report, w, anchors, blocks)
    _write_summary(summary, report, w)
    return book


def _link(ws_title: str, coordinate: str):
    from openpyxl.worksheet.hyperlink import Hyperlink

    return Hyperlink(ref="", location=f"'{ws_title}'!{coordinate}")


# ---------------------------------------------------------------- findings


def _write_findings(ws, report: Report, w: dict[str, str], anchors, blocks: dict[tuple[str, str, int | None], int]) -> None:
    from openpyxl.styles import Alignment
    from openpyxl.worksheet.table import Table, TableStyleInfo

    from budget_checks.reports.excel_cells import AMOUNT_FORMAT, LINK, fit_columns, fit_rows, header, landscape, put, severity_cell

    columns = ["severity", "code", "rule", "document", "page", "page_title", "table", "row", "column", "expected",
               "actual", "difference", "unit", "message", "line", "cell", "known", "fingerprint"]
    at = {name: i + 1 for i, name in enumerate(columns)}
    header(ws, 1, [w[name] for name in columns])
    reconciliation, not_checked = w["reconciliation"], w["not_checked"]
    for n, f in enumerate(report.findings):
        row = n + 2
        doc = report.rules.get(f.code)
        severity_cell(ws, row, at["severity"], f.severity, w[f.severity.label])
        for name, value in (
            ("code", f.code), ("rule", doc.name if doc else ""), ("document", f.document), ("page", f.page_name),
            ("page_title", f.page_title), ("row", f.row), ("column", f.column), ("unit", f.unit),
            ("line", f.line), ("cell", f.cell), ("known", w["yes"] if f.known else ""), ("fingerprint", f.fingerprint),
        ):
            if value not in (None, ""):
                put(ws, row, at[name], value)
        for name in ("expected", "actual", "difference"):
            value = getattr(f, name)
            if value is not None:
                put(ws, row, at[name], value, number_format=AMOUNT_FORMAT)
        put(ws, row, at["message"], f.message, wrap=True)
        table_cell = put(ws, row, at["table"], f.table)
        target = anchors.findings.get(n) or anchors.tables.get((f.document, f.page, f.table_index or 0))
        if target:
            table_cell.hyperlink = _link(reconciliation, target)
            table_cell.font = LINK
        elif (f.document, f.page, f.line) in blocks:
            table_cell.value = w["go_not_checked"]
            table_cell.hyperlink = _link(not_checked, f"A{blocks[(f.document, f.page, f.line)]}")
            table_cell.font = LINK
        for column in range(1, len(columns) + 1):  # rows grow with the message: everything reads from the top
            cell = ws.cell(row=row, column=column)
            cell.alignment = Alignment(vertical="top", wrap_text=column == at["message"], indent=1 if column == at["unit"] else 0)
    last = len(report.findings) + 1
    if report.findings:
        from openpyxl.utils import get_column_letter

        table = Table(displayName="tbl" + w["findings"].replace(" ", ""), ref=f"A1:{get_column_letter(len(columns))}{last}")
        table.tableStyleInfo = TableStyleInfo(name="TableStyleLight1", showRowStripes=True)
        ws.add_table(table)
    else:
        put(ws, 2, 1, w["no_findings"])
    ws.freeze_panes = "A2"
    fit_columns(ws, maximum=40, fixed={at["message"]: 70, at["fingerprint"]: 18})
    fit_rows(ws, (at["message"],), first=2)
    landscape(ws)


# ---------------------------------------------------------------- not checked


def _write_not_checked(ws, report: Report, w: dict[str, str]) -> dict[tuple[str, str, int | None], int]:
    """Unrecognised blocks, pages without tables, documents of which no page was read. Returns block -> row."""
    from openpyxl.styles import Alignment
    from openpyxl.worksheet.table import Table, TableStyleInfo

    from budget_checks.reports.excel_cells import TITLE, fit_columns, fit_rows, header, landscape, put

    put(ws, 1, 1, w["not_checked"], font=TITLE)
    put(ws, 2, 1, w["not_checked_legend"])
    columns = ["status", "document", "page", "page_title", "line", "first_lines"]
    header(ws, 4, [w[name] for name in columns])
    rows: list[tuple[str, str, str, str, int | None, str]] = []
    blocks: dict[tuple[str, str, int | None], int] = {}
    for d, p, t in report.tables():
        if not t.checked:  # not recognised, or read without anything to check in it
            blocks[(d.path, p.path, t.line)] = 5 + len(rows)
            rows.append((w["status_block"], d.path, p.path, p.title, t.line, "\n".join(t.first_lines)))
    for d in report.documents:
        if not d.pages:
            rows.append((w["status_unread"], d.path, "", "", None, ""))
        rows += [(w["status_no_tables"], d.path, p.path, p.title, None, "") for p in d.pages if not p.tables]
    for n, values in enumerate(rows):
        for column, value in enumerate(values, start=1):
            cell = put(ws, 5 + n, column, value) if value not in (None, "") else ws.cell(row=5 + n, column=column)
            cell.alignment = Alignment(vertical="top", wrap_text=column in (4, 6))
    if rows:
        from openpyxl.utils import get_column_letter

        table = Table(displayName="tbl" + w["not_checked"].replace(" ", ""), ref=f"A4:{get_column_letter(len(columns))}{4 + len(rows)}")
        table.tableStyleInfo = TableStyleInfo(name="TableStyleLight1", showRowStripes=True)
        ws.add_table(table)
    else:
        put(ws, 5, 1, w["nothing_unchecked"])
    ws.freeze_panes = "A5"
    fit_columns(ws, maximum=40, fixed={4: 40, 6: 80}, first=4)  # not the title and legend above the table
    fit_rows(ws, (4, 6), first=5)
    landscape(ws)
    return blocks


# ---------------------------------------------------------------- summary


def _write_summary(ws, report: Report, w: dict[str, str]) -> None:
    from openpyxl.styles import Alignment

    from budget_checks.reports.excel_cells import BOLD, DATE_FORMAT, TITLE, fit_columns, header, landscape, put, severity_cell

    put(ws, 1, 1, f"budget-checks — {w['summary']}", font=TITLE)
    row = 3
    put(ws, row, 1, w["run"], font=BOLD)
    row += 1
    facts: list[tuple[str, object]] = [(w["date"], report.started_at), (w["version"], report.tool_version), (w["language"], report.lang)]
    facts += [(f"{w['option']}: {key}", _option(value)) for key, value in sorted(report.options.items())]
    for label, value in facts:
        put(ws, row, 1, label)
        if value is not None:
            cell = put(ws, row, 2, value, number_format=DATE_FORMAT if label == w["date"] else None)
            cell.alignment = Alignment(horizontal="left")
        row += 1

    row += 1
    put(ws, row, 1, w["checked_what"], font=BOLD)
    row += 1
    pages = [p for d in report.documents for p in d.pages]
    for label, value in (
        (w["documents"], len(report.documents)), (w["pages"], len(pages)),
        (w["tables_checked"], report.tables_checked), (w["tables_not_recognised"], report.tables_not_recognised),
        (w["pages_without_tables"], sum(1 for p in pages if not p.tables)), (w["rules_run"], len(report.checks)),
    ):
        put(ws, row, 1, label)
        put(ws, row, 2, value)
        row += 1

    row += 1
    put(ws, row, 1, w["by_severity"], font=BOLD)
    row += 1
    header(ws, row, [w["severity"], w["count"], w["of_which_known"]])
    row += 1
    counts, known = report.counts(), Counter(f.severity for f in report.findings if f.known)
    for severity in _SEVERITIES:
        severity_cell(ws, row, 1, severity, w[severity.label])
        put(ws, row, 2, counts[severity])
        put(ws, row, 3, known[severity])
        row += 1

    row += 1
    put(ws, row, 1, w["by_rule"], font=BOLD)
    row += 1
    header(ws, row, [w["code"], w["rule"], w["severity"], w["evaluated"], w["findings"], w["description"]])
    row += 1
    found = report.by_rule()
    for code in sorted(set(report.checks) | set(found)):
        doc = report.rules.get(code)
        check = report.checks.get(code)
        put(ws, row, 1, code)
        put(ws, row, 2, doc.name if doc else "")
        if doc:
            put(ws, row, 3, w[doc.severity.label])
        put(ws, row, 4, check.evaluated if check else None)
        put(ws, row, 5, found.get(code, 0))
        put(ws, row, 6, doc.summary if doc else "").alignment = Alignment(indent=1)
        row += 1

    row += 1
    put(ws, row, 1, w["per_document"], font=BOLD)
    row += 1
    header(ws, row, [w["document"], w["pages"], w["tables_checked"], w["not_recognised"], w["findings"]])
    row += 1
    per_document = Counter(f.document for f in report.findings)
    for d in report.documents:
        tables = [t for p in d.pages for t in p.tables]
        for column, value in enumerate((d.path, len(d.pages), sum(1 for t in tables if t.checked),
                                        sum(1 for t in tables if not t.checked), per_document[d.path]), start=1):
            put(ws, row, column, value)
        row += 1
    fit_columns(ws, maximum=60, fixed={1: 44, 6: 90})
    landscape(ws)


def _option(value: object) -> object:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    if isinstance(value, (int, str)) or value is None:
        return value
    return str(value)

