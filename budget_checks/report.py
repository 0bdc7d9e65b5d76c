"""The report of one run: what was read, what was checked, what was found.

Every reporter reads this and nothing else. Statistics are derived from the
findings and the table list, never stored twice.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime

from budget_checks.docs import RuleDoc
from budget_checks.findings import Finding, Severity


@dataclass(frozen=True, slots=True)
class TableInfo:
    index: int
    kind: str  # rule kind, or "" when not recognised
    title: str
    unit: str
    scale: int | None
    convention: str
    rows: int
    checked: bool
    line: int | None
    first_lines: tuple[str, ...] = ()
    # the table as reported, for the reconciliation sheet: header labels and row cells
    columns: tuple[str, ...] = ()
    cells: tuple[tuple[str, ...], ...] = ()  # per row: label, then one text per column
    row_lines: tuple[int | None, ...] = ()
    end_line: int | None = None
    evaluated: int = 0  # identities (and indicator checks) that ran on it; 0: nothing was checked


@dataclass(frozen=True, slots=True)
class PageInfo:
    path: str
    title: str
    tables: tuple[TableInfo, ...] = ()
    built_at: datetime | None = None
    exported_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    path: str
    pages: tuple[PageInfo, ...] = ()


@dataclass(frozen=True, slots=True)
class CheckCount:
    evaluated: int = 0
    failed: int = 0


@dataclass(slots=True)
class Report:
    # a list, or for a run a Spool (spool.py): a list whose items past the first may wait on disk
    documents: list[DocumentInfo] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    checks: dict[str, CheckCount] = field(default_factory=dict)
    rules: dict[str, RuleDoc] = field(default_factory=dict)  # every code the run knows
    options: dict[str, object] = field(default_factory=dict)
    started_at: datetime | None = None
    tool_version: str = ""
    lang: str = "nl"
    passed: list[dict] = field(default_factory=list)  # cross-page comparisons that agreed

    # ------------------------------------------------------------ derived statistics

    @property
    def pages(self) -> int:
        return sum(len(d.pages) for d in self.documents)

    def tables(self) -> list[tuple[DocumentInfo, PageInfo, TableInfo]]:
        return list(self.iter_tables())

    def iter_tables(self) -> Iterator[tuple[DocumentInfo, PageInfo, TableInfo]]:
        """Every table, one at a time (a long run's documents are read back from disk)."""
        for d in self.documents:
            for p in d.pages:
                for t in p.tables:
                    yield d, p, t

    @property
    def table_count(self) -> int:
        return sum(1 for _ in self.iter_tables())

    @property
    def tables_checked(self) -> int:
        return sum(1 for _, _, t in self.iter_tables() if t.checked)

    @property
    def tables_not_recognised(self) -> int:
        """Tables nothing was checked in: not recognised at all, or read without a relation to check (TB001)."""
        return sum(1 for _, _, t in self.iter_tables() if not t.checked)

    def counts(self, include_known: bool = True) -> Counter[Severity]:
        return Counter(f.severity for f in self.findings if include_known or not f.known)

    def by_rule(self) -> Counter[str]:
        return Counter(f.code for f in self.findings)

    def worst(self, include_known: bool = False) -> Severity | None:
        severities = [f.severity for f in self.findings if include_known or not f.known]
        return max(severities) if severities else None

    def fails(self, fail_on: Severity | None) -> bool:
        worst = self.worst()
        return fail_on is not None and worst is not None and worst >= fail_on
