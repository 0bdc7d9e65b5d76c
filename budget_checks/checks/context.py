"""What the Python rule modules see: the recognised tables of a run, per document."""

from __future__ import annotations

from dataclasses import dataclass, field

from budget_checks.docs import RuleDoc
from budget_checks.findings import Finding
from budget_checks.model import ReadProblem
from budget_checks.tables import PageTables, Table
from budget_checks.tolerance import Tolerance


@dataclass(slots=True)
class DocumentTables:
    path: str
    pages: list[PageTables] = field(default_factory=list)
    problems: list[ReadProblem] = field(default_factory=list)

    def tables(self) -> list[Table]:
        return [t for p in self.pages for t in p.tables]


@dataclass(slots=True)
class Context:
    documents: list[DocumentTables]
    tolerance: Tolerance = field(default_factory=Tolerance)
    passed: list[dict] = field(default_factory=list)  # comparisons that agreed (cross-page checks add them)
    shared: dict = field(default_factory=dict)  # what several rule modules work out once (groups.py)

    def tables(self, kind: str | None = None, layout: str | None = None):
        """(document path, table) pairs, optionally of one kind or layout."""
        for doc in self.documents:
            for table in doc.tables():
                if (kind is None or table.kind == kind) and (layout is None or table.rule.layout == layout):
                    yield doc.path, table

    def read_problems(self, doc: RuleDoc):
        """Findings for the files the readers could not read, of one IO code."""
        for document in self.documents:
            for problem in document.problems:
                if problem.code == doc.code:
                    yield Finding(doc.code, doc.severity, (("reason", problem.message),), document=document.path,
                                  page=problem.path, line=problem.line)

    def count(self, scope: str) -> int:
        """How many things a rule looked at: `files`, `pages`, `tables[:layout]`, `rows[:layout]`."""
        what, _, layout = scope.partition(":")
        if what == "files":
            return sum(len(d.pages) + len(d.problems) for d in self.documents)
        if what == "pages":
            return sum(len(d.pages) for d in self.documents)
        tables = [t for _, t in self.tables(layout=layout or None)]
        if what == "tables":
            return len(tables)
        return sum(len(t.rows) for t in tables)
