"""Terminal report: findings grouped by document and page, then a summary."""

from __future__ import annotations

import io
from itertools import groupby

from rich.console import Console
from rich.markup import escape

from budget_checks.findings import Finding, Severity
from budget_checks.report import Report
from budget_checks.reports.labels import amount, labels

STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}  # also the diff's
PAGES_SHOWN = 5  # pages an agreement names on the console


class ConsoleReporter:
    name = "console"
    suffix = ".txt"
    binary = False

    def render(self, report: Report, *, color: bool = False, width: int = 110) -> str:
        return rendered(write, report, color, width)


def rendered(write, subject, color: bool, width: int) -> str:
    """What `write(console, subject)` prints, as text (with colour codes when asked)."""
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=width, highlight=False, soft_wrap=not color)
    write(console, subject)
    return buffer.getvalue()


def write(console: Console, report: Report) -> None:
    words = labels(report.lang)
    titles = {(d.path, p.path): p.title for d in report.documents for p in d.pages}
    findings = report.findings
    if not findings:
        console.print(words["no_findings"])
    for document, in_doc in groupby(findings, key=lambda f: f.document):
        console.print(f"[bold]{escape(document)}[/bold]")
        for page, in_page in groupby(in_doc, key=lambda f: f.page):
            title = titles.get((document, page), "")
            console.print(f"  [bold]{escape(page or '.')}[/bold]" + (f" — {escape(title)}" if title else ""))
            for finding in in_page:
                _finding(console, finding, report.lang)
        console.print()
    _summary(console, report)


def _finding(console: Console, f: Finding, lang: str) -> None:
    words = labels(lang)
    where = " › ".join(x for x in (f.table, f.row, f.column) if x)
    line = f"{words['line']} {f.line}" if f.line else (f.cell or "")
    known = f" [dim]({words['known']})[/dim]" if f.known else ""
    console.print(
        f"    [{STYLE[f.severity]}]{words[f.severity.label]:<12}[/] [bold]{f.code}[/bold] "
        f"[dim]{escape(line)}[/dim]  {escape(where)}{known}"
    )
    console.print(f"        {escape(f.message)}")
    if f.expected is not None or f.actual is not None:
        unit = f" ({escape(f.unit)})" if f.unit else ""
        console.print(
            f"        [dim]{words['expected']}[/dim] {amount(f.expected, lang)}  "
            f"[dim]{words['actual']}[/dim] {amount(f.actual, lang)}  "
            f"[dim]{words['difference']}[/dim] {amount(f.difference, lang)}{unit}"
        )


def _summary(console: Console, report: Report) -> None:
    words = labels(report.lang)
    counts = report.counts()
    tables = report.tables()
    console.print(f"[bold]{words['summary']}[/bold]")
    console.print(
        f"  {len(report.documents)} {words['documents']} · {report.pages} {words['pages']} · "
        f"{len(tables)} {words['tables']} ({report.tables_checked} {words['checked']}, "
        f"{report.tables_not_recognised} {words['not_recognised']})"
    )
    console.print(
        f"  [{STYLE[Severity.ERROR]}]{counts[Severity.ERROR]} {words['errors']}[/] · "
        f"[{STYLE[Severity.WARNING]}]{counts[Severity.WARNING]} {words['warnings']}[/] · "
        f"[{STYLE[Severity.INFO]}]{counts[Severity.INFO]} {words['infos']}[/]"
    )
    for comparison in report.passed[:10]:  # cross-page comparisons that agreed: what was checked, not only what failed
        shown = comparison.get("pages", [])  # a figure agreed on by hundreds of pages names the first few
        pages = " = ".join(escape(p) for p in shown[:PAGES_SHOWN]) + (f" = … (+{len(shown) - PAGES_SHOWN})" if len(shown) > PAGES_SHOWN else "")
        console.print(f"  [green]{words['agrees']}[/green] {comparison.get('code', '')} {escape(str(comparison.get('row', '')))}: {pages}")
    if len(report.passed) > 10:
        console.print(f"  [green]{words['agrees']}[/green] … +{len(report.passed) - 10}")
    unrecognised = [(d, p, t) for d, p, t in tables if not t.checked]
    if unrecognised:
        console.print(f"  {words['not_checked']}:")
        for d, p, t in unrecognised:
            console.print(f"    {escape(p.path)} {words['line']} {t.line}: {escape(' / '.join(t.first_lines[:3]))}")
    empty = [p for d in report.documents for p in d.pages if not p.tables]
    if empty:
        names = ", ".join(escape(p.path) for p in empty[:8]) + (" …" if len(empty) > 8 else "")
        console.print(f"  [dim]{words['no_tables']}: {names}[/dim]")
