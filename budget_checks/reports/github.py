"""GitHub Actions output: workflow commands that become annotations, and a job summary.

GitHub shows at most 10 annotations of each kind per step, so at most
`limit` findings per severity are annotated and the rest are counted on a
plain log line. Findings known from a baseline are not annotated (they are
accepted); they are listed in the Markdown summary, which is appended to the
file named by $GITHUB_STEP_SUMMARY when the variable is set.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from budget_checks.findings import Finding, Severity
from budget_checks.report import Report
from budget_checks.reports.labels import amount, github_words, labels
from budget_checks.reports.paths import finding_file, relative

LIMIT = 10  # annotations per severity that GitHub shows for one step
SUMMARY_ROWS = 200  # findings listed in the job summary (its size is capped at 1 MiB)
_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
_PLURAL = {Severity.ERROR: "errors", Severity.WARNING: "warnings", Severity.INFO: "infos"}


def escape_data(text: str) -> str:
    """The message part of a workflow command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value (file, title): also ':' and ',' that would end it."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter:
    name = "github"
    suffix = ".github.txt"
    binary = False

    def __init__(self, environ: Mapping[str, str] | None = None, root: str | None = None, limit: int = LIMIT) -> None:
        self.environ = os.environ if environ is None else environ
        self.root = root
        self.limit = limit

    def render(self, report: Report, *, color: bool = False) -> str:
        lines = commands(report, self.root, self.limit)
        target = self.environ.get("GITHUB_STEP_SUMMARY")
        if target:
            try:
                with open(target, "a", encoding="utf-8") as handle:
                    handle.write(markdown_summary(report, self.root))
            except OSError as exc:
                words = github_words(report.lang)
                lines.append("::warning::" + escape_data(words["unreadable_summary"].format(path=target, reason=exc.strerror or exc)))
        return "\n".join(lines) + "\n"


def commands(report: Report, root: str | None = None, limit: int = LIMIT) -> list[str]:
    words, names = labels(report.lang), github_words(report.lang)
    lines: list[str] = []
    for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO):
        findings = [f for f in report.findings if f.severity is severity and not f.known]
        lines += [_command(f, report, root) for f in findings[:limit]]
        if len(findings) > limit:
            lines.append("budget-checks: " + names["more"].format(n=len(findings) - limit, what=words[_PLURAL[severity]]))
    known = sum(1 for f in report.findings if f.known)
    if known:
        lines.append("budget-checks: " + names["known_skipped"].format(n=known))
    lines.append("budget-checks: " + _totals(report))
    return lines


def _command(f: Finding, report: Report, root: str | None) -> str:
    doc = report.rules.get(f.code)
    properties = []
    path = finding_file(f, root)
    if path:
        properties.append(f"file={escape_property(path)}")
    if f.line:
        properties.append(f"line={f.line}")
    properties.append(f"title={escape_property(f'{f.code} {doc.name}' if doc else f.code)}")
    where = " › ".join(x for x in (f.table, f.row, f.column) if x)
    message = f"{where}: {f.message}" if where else f.message
    return f"::{_COMMAND[f.severity]} {','.join(properties)}::{escape_data(message)}"


def _totals(report: Report) -> str:
    words = labels(report.lang)
    counts = report.counts(include_known=False)
    tables = report.tables()
    return (
        f"{counts[Severity.ERROR]} {words['errors']}, {counts[Severity.WARNING]} {words['warnings']}, "
        f"{counts[Severity.INFO]} {words['infos']} · {len(report.documents)} {words['documents']}, "
        f"{report.pages} {words['pages']}, {len(tables)} {words['tables']} ({report.tables_checked} {words['checked']}, "
        f"{report.tables_not_recognised} {words['not_recognised']})"
    )


# ---------------------------------------------------------------- job summary


def markdown_summary(report: Report, root: str | None = None) -> str:
    words, names = labels(report.lang), github_words(report.lang)
    out = [f"## budget-checks: {_totals(report)}", ""]
    if report.findings:
        out += [
            f"| {names['severity']} | Code | {names['file']} | {words['line']} | {names['place']} | {names['message']} |",
            "|---|---|---|---|---|---|",
        ]
        for f in report.findings[:SUMMARY_ROWS]:
            severity = words[f.severity.label] + (f" ({words['known']})" if f.known else "")
            where = " › ".join(x for x in (f.table, f.row, f.column) if x)
            source = str(f.line) if f.line else (f.cell or "")
            message = f.message
            if f.expected is not None and f.actual is not None:
                message += f" ({words['expected']} {amount(f.expected, report.lang)}, {words['actual']} {amount(f.actual, report.lang)})"
            out.append("| " + " | ".join(_cell(x) for x in (severity, f.code, finding_file(f, root), source, where, message)) + " |")
        if len(report.findings) > SUMMARY_ROWS:
            out.append("")
            out.append(names["rest"].format(n=len(report.findings) - SUMMARY_ROWS))
    else:
        out.append(words["no_findings"])
    unrecognised = [(d, p, t) for d, p, t in report.tables() if not t.checked]
    if unrecognised:
        out += ["", f"### {words['not_checked']}", ""]
        for d, p, t in unrecognised:
            start = " / ".join(t.first_lines[:3])
            out.append(f"- `{_cell(relative(p.path if p.path != d.path else d.path, root))}` {words['line']} {t.line}: {_cell(start)}")
    return "\n".join(out) + "\n\n"


def _cell(text: str) -> str:
    """One Markdown table cell: no line breaks, no column bars, no HTML."""
    return " ".join(str(text).split()).replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
