"""What the change did to consistency: the `check` findings of both exports compared.

A finding is the same in both exports when its fingerprint (findings.py: code and place by
page title, table, row and column; never lines or file names) is, leaving out the document's
name, which differs between two exports by nature. Fingerprints are counted, as baselines
count them: two equal findings in the old export and one in the new resolve one.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from budget_checks.compare.model import UNCHANGED, PageDiff, TableDiff
from budget_checks.findings import Finding


def fingerprint(finding: Finding) -> str:
    """The finding's fingerprint without its document."""
    return replace(finding, document="").fingerprint


def only_in(these: list[Finding], others: list[Finding]) -> list[Finding]:
    """The findings of `these` that `others` does not have (by fingerprint, counted)."""
    left = Counter(fingerprint(f) for f in others)
    out = []
    for finding in these:
        key = fingerprint(finding)
        if left[key] > 0:
            left[key] -= 1
        else:
            out.append(finding)
    return out


def attach(pages: list[PageDiff], resolved: list[Finding], introduced: list[Finding]) -> list[PageDiff]:
    """Each page and table with the findings it lost (old export) and gained (new export); the pages
    and tables where nothing differs dropped; the largest change first. A finding on a page but on
    none of its compared tables (a block no rule recognised, the page's footer) stays with the page."""
    lost, gained = _by_page(resolved), _by_page(introduced)
    out = []
    for page in pages:
        old_here, new_here = lost.get(page.old_path, []), gained.get(page.new_path, [])
        tables = tuple(
            replace(t, resolved=_on(old_here, t.old_index), introduced=_on(new_here, t.new_index)) for t in page.tables
        )
        page = replace(
            page, tables=tuple(sorted((t for t in tables if _differs(t)), key=lambda t: -t.size)),
            resolved=_off(old_here, {t.old_index for t in tables}), introduced=_off(new_here, {t.new_index for t in tables}),
        )
        if page.status != UNCHANGED or page.moved or page.tables or page.resolved or page.introduced:
            out.append(page)
    out.sort(key=lambda p: -p.size)  # stable: pages of equal size keep the new export's order
    return out


def _differs(table: TableDiff) -> bool:
    return table.status != UNCHANGED or bool(table.resolved or table.introduced)


def _by_page(findings: list[Finding]) -> dict[str, list[Finding]]:
    out: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.page:
            out.setdefault(finding.page, []).append(finding)
    return out


def _on(findings: list[Finding], index: int | None) -> tuple[Finding, ...]:
    return tuple(f for f in findings if index is not None and f.table_index == index)


def _off(findings: list[Finding], indices: set[int | None]) -> tuple[Finding, ...]:
    return tuple(f for f in findings if f.table_index is None or f.table_index not in indices)
