"""Terminal diff: a summary, then every page that differs (the largest change first), its
tables with their changed figures (largest first), rows and columns that came or went, and
the findings the new export resolves and introduces."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape

from budget_checks.compare.model import ADDED, REMOVED, Diff, PageDiff, TableDiff
from budget_checks.findings import Finding
from budget_checks.reports.console import STYLE, rendered
from budget_checks.reports.diff.words import counted, difference_text, page_file, place, shown, signed, tally, unit_text
from budget_checks.reports.labels import diff_words as words

LARGEST = 5


class ConsoleDiffReporter:
    name = "console"
    suffix = ".diff.txt"
    binary = False

    def render(self, diff: Diff, *, color: bool = False, width: int = 110) -> str:
        return rendered(write, diff, color, width)


def write(console: Console, diff: Diff) -> None:
    w = words(diff.lang)
    console.print(f"[bold]{escape(diff.old.path)} → {escape(diff.new.path)}[/bold]")
    console.print(f"  {diff.pages_compared} {w['pages_compared']} · {diff.tables_compared} {w['tables_compared']} · {escape(tally(diff, w))}")
    if not diff.changed:
        console.print(f"  {w['no_changes']}")
    console.print()
    for page in diff.pages:
        _page(console, page, diff.lang)
    document = [(f, w["resolved"]) for f in diff.unplaced("resolved")] + [(f, w["introduced"]) for f in diff.unplaced("introduced")]
    if document:
        console.print(f"[bold]{w['document_findings']}[/bold]")
        for finding, how in document:
            _finding(console, finding, how, diff.lang, indent=2)
        console.print()
    _summary(console, diff)


def _page(console: Console, page: PageDiff, lang: str) -> None:
    w = words(lang)
    status = {ADDED: f" [green]({w['page_added']})[/green]", REMOVED: f" [red]({w['page_removed']})[/red]"}.get(page.status, "")
    moved = f" [dim]({w['moved']})[/dim]" if page.moved else ""
    console.print(f"[bold]{escape(page.title or page_file(page))}[/bold]{status}{moved}  [dim]{escape(page_file(page))}[/dim]")
    changes = page.changes
    if changes:
        console.print(f"  {counted(len(changes), 'figures_changed', w)}, "
                      f"{w['largest_one']} {escape(difference_text(changes[0], lang))}")
    for table in page.tables:
        _table(console, table, lang)
    for finding in page.resolved:
        _finding(console, finding, w["resolved"], lang, indent=2)
    for finding in page.introduced:
        _finding(console, finding, w["introduced"], lang, indent=2)
    console.print()


def _table(console: Console, table: TableDiff, lang: str) -> None:
    w = words(lang)
    unit = unit_text(table, w)
    status = {ADDED: f" [green]({w['table_added']}, {table.rows} {w['rows']})[/green]",
              REMOVED: f" [red]({w['table_removed']}, {table.rows} {w['rows']})[/red]"}.get(table.status, "")
    console.print(f"  [bold]{escape(table.title or table.kind)}[/bold]" + (f" ({escape(unit)})" if unit else "") + status)
    for c in table.changes:
        console.print(f"    {escape(c.row)} › {escape(c.column)}  {escape(shown(c.old))} → {escape(shown(c.new))}  "
                      f"[bold]{escape(difference_text(c, lang))}[/bold]")
    for row in table.rows_added:
        console.print(f"    [green]+ {w['row_added']}[/green] {escape(row.label)}  "
                      f"[dim]{escape(' | '.join(shown(v) for _, v in row.values))}[/dim]")
    for row in table.rows_removed:
        console.print(f"    [red]- {w['row_removed']}[/red] {escape(row.label)}  "
                      f"[dim]{escape(' | '.join(shown(v) for _, v in row.values))}[/dim]")
    for label in table.columns_added:
        console.print(f"    [green]+ {w['column_added']}[/green] {escape(label)}")
    for label in table.columns_removed:
        console.print(f"    [red]- {w['column_removed']}[/red] {escape(label)}")
    for finding in table.resolved:
        _finding(console, finding, w["resolved"], lang)
    for finding in table.introduced:
        _finding(console, finding, w["introduced"], lang)


def _finding(console: Console, f: Finding, how: str, lang: str, indent: int = 4) -> None:
    w = words(lang)
    where = place(f)
    console.print(f"{' ' * indent}[{STYLE[f.severity]}]{how} {w[f.severity.label]}[/] [bold]{f.code}[/bold] "
                  f"{escape(where)}{': ' if where else ''}{escape(f.message)}")


def _summary(console: Console, diff: Diff) -> None:
    w = words(diff.lang)
    console.print(f"[bold]{w['summary']}[/bold]")
    console.print(f"  {escape(tally(diff, w))}")
    console.print(f"  {len(diff.resolved)} {w['findings_resolved']} · {len(diff.introduced)} {w['findings_introduced']}")
    largest = diff.largest(LARGEST)
    if largest:
        console.print(f"  {w['largest']}:")
        for page, table, c in largest:
            euros = f"€ {signed(c.euros, diff.lang)}" if c.euros is not None else difference_text(c, diff.lang)
            console.print(f"    {escape(euros)}  {escape(page.title)} › {escape(table.title)} › {escape(c.row)} › {escape(c.column)}")
