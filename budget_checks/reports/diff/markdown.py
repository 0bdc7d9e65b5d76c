"""Markdown diff for a pull-request comment or a GitHub job summary: the tally, the largest
changes, then per page its tables' changed figures, rows and columns that came or went, and
the findings resolved and introduced. Long diffs are cut (GitHub caps a summary at 1 MiB)."""

from __future__ import annotations

from budget_checks.compare.model import ADDED, REMOVED, Diff, PageDiff, TableDiff
from budget_checks.findings import Finding, Severity
from budget_checks.reports.diff.words import counted, difference_text, page_file, place, shown, signed, tally, unit_text
from budget_checks.reports.labels import diff_words as words

ROWS = 300  # changed figures listed in all; the rest are counted
LARGEST = 5
_ICON = {Severity.ERROR: "❌", Severity.WARNING: "⚠️", Severity.INFO: "ℹ️"}


class MarkdownDiffReporter:
    name = "markdown"
    suffix = ".diff.md"
    binary = False

    def render(self, diff: Diff, *, color: bool = False) -> str:
        return "\n".join(lines(diff)) + "\n"


def cell(text: object) -> str:
    """Text in a table cell: pipes and line breaks would end the cell."""
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("\r", " ")


def lines(diff: Diff, rows: int = ROWS) -> list[str]:
    w = words(diff.lang)
    out = [f"## budget-checks diff: `{diff.old.path}` → `{diff.new.path}`", ""]
    out.append(f"**{tally(diff, w)}** · {diff.pages_compared} {w['pages_compared']} · "
               f"{len(diff.resolved)} {w['findings_resolved']} · {len(diff.introduced)} {w['findings_introduced']}")
    out.append("")
    if not diff.changed:
        out += [w["no_changes"], ""]
    largest = diff.largest(LARGEST)
    if largest:
        out += [f"### {w['largest']}", "", f"| {w['page']} | {w['table']} | {w['row']} | {w['column']} | {w['old']} | {w['new']} | {w['euros']} |",
                "|---|---|---|---|---:|---:|---:|"]
        out += [f"| {cell(p.title)} | {cell(t.title)} | {cell(c.row)} | {cell(c.column)} | {cell(shown(c.old))} | {cell(shown(c.new))} | "
                f"{cell(signed(c.euros, diff.lang) if c.euros is not None else difference_text(c, diff.lang))} |" for p, t, c in largest]
        out.append("")
    left = rows
    for page in diff.pages:
        out += _page(page, diff.lang, left)
        left -= min(left, len(page.changes))
    document = [(f, w["resolved"]) for f in diff.unplaced("resolved")] + [(f, w["introduced"]) for f in diff.unplaced("introduced")]
    if document:
        out += [f"### {w['document_findings']}", ""] + [_finding(f, how, diff.lang) for f, how in document] + [""]
    return out


def _page(page: PageDiff, lang: str, rows: int) -> list[str]:
    w = words(lang)
    status = {ADDED: f" ({w['page_added']})", REMOVED: f" ({w['page_removed']})"}.get(page.status, "")
    out = [f"### {page.title or page_file(page)}{status}", ""]
    facts = [f"`{page_file(page)}`" + (f" ({w['moved']})" if page.moved else "")]
    changes = page.changes
    if changes:
        facts.append(f"{counted(len(changes), 'figures_changed', w)}, {w['largest_one']} {difference_text(changes[0], lang)}")
    out += [" · ".join(facts), ""]
    for table in page.tables:
        out += _table(table, lang, rows)
        rows -= min(rows, len(table.changes))
    out += [_finding(f, w["resolved"], lang) for f in page.resolved] + [_finding(f, w["introduced"], lang) for f in page.introduced]
    if page.resolved or page.introduced:
        out.append("")
    return out


def _table(table: TableDiff, lang: str, rows: int) -> list[str]:
    w = words(lang)
    unit = unit_text(table, w)
    status = {ADDED: f" — {w['table_added']}, {table.rows} {w['rows']}", REMOVED: f" — {w['table_removed']}, {table.rows} {w['rows']}"}
    out = [f"**{cell(table.title or table.kind)}**" + (f" ({cell(unit)})" if unit else "") + status.get(table.status, ""), ""]
    if table.changes:
        out += [f"| {w['row']} | {w['column']} | {w['old']} | {w['new']} | {w['difference']} |", "|---|---|---:|---:|---:|"]
        out += [f"| {cell(c.row)} | {cell(c.column)} | {cell(shown(c.old))} | {cell(shown(c.new))} | {cell(difference_text(c, lang))} |"
                for c in table.changes[:rows]]
        if len(table.changes) > rows:
            out.append(f"| {w['more'].format(n=len(table.changes) - rows)} | | | | |")
        out.append("")
    listed = [f"- ➕ {w['row_added']}: {cell(r.label)}" for r in table.rows_added]
    listed += [f"- ➖ {w['row_removed']}: {cell(r.label)}" for r in table.rows_removed]
    listed += [f"- ➕ {w['column_added']}: {cell(label)}" for label in table.columns_added]
    listed += [f"- ➖ {w['column_removed']}: {cell(label)}" for label in table.columns_removed]
    listed += [_finding(f, w["resolved"], lang) for f in table.resolved] + [_finding(f, w["introduced"], lang) for f in table.introduced]
    return out + (listed + [""] if listed else [])


def _finding(f: Finding, how: str, lang: str) -> str:
    w = words(lang)
    where = place(f)
    return f"- {_ICON[f.severity]} {how} {w[f.severity.label]} **{f.code}** {cell(where)}{': ' if where else ''}{cell(f.message)}"
