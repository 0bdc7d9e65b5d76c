"""The one finding type every check produces and every reporter reads."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from enum import IntEnum


class Severity(IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> "Severity":
        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r} (use error, warning or info)") from None


@dataclass(frozen=True, slots=True)
class Finding:
    """A located, immutable result of one check on one place.

    Amounts (expected, actual, difference) are integers in the table's
    displayed unit; `unit` names that unit and `scale` its size in euros.
    """

    code: str
    severity: Severity
    params: tuple[tuple[str, object], ...] = ()  # message template fields
    document: str = ""
    page: str = ""
    page_title: str = ""
    table: str = ""
    table_index: int | None = None
    row: str = ""
    column: str = ""
    line: int | None = None
    cell: str | None = None
    expected: int | None = None
    actual: int | None = None
    difference: int | None = None
    unit: str = ""
    scale: int | None = None
    known: bool = field(default=False, compare=False)  # matched by a baseline
    message: str = field(default="", compare=False)  # rendered in the run's language

    @property
    def fingerprint(self) -> str:
        """Stable across runs, line shifts and re-exports: code and place, never lines or paths."""
        where = self.page_title or self.page_name
        key = "\x1f".join([self.code, _base(self.document), where, self.table, self.row, self.column])
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]

    @property
    def page_name(self) -> str:
        return _base(self.page)

    def param(self, name: str, default: object = None) -> object:
        return dict(self.params).get(name, default)


@dataclass(frozen=True, slots=True)
class Tally:
    """The values one figure shows across the pages of a document, most shown first, each with
    how many pages show it and the first few of them; amounts in the finding's unit. It holds
    the first few values only (`more`: values were left out), so a finding stays small however
    many pages there are."""

    values: tuple[tuple[int, int, tuple[str, ...]], ...]  # (amount, pages, (page path, ...))
    more: bool = False


def distinct(findings: list[Finding]) -> tuple[list[Finding], Counter[str]]:
    """The findings without repeats: two with the same code, place and (rendered) message are one.
    Also how many were dropped per code, so the checks' counts can follow."""
    seen: set[tuple] = set()
    out, dropped = [], Counter()
    for f in findings:
        key = (f.code, f.document, f.page, f.table, f.table_index, f.row, f.column, f.line, f.cell, f.message)
        if key in seen:
            dropped[f.code] += 1
        else:
            seen.add(key)
            out.append(f)
    return out, dropped


def _base(path: str) -> str:
    return path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] if path else ""
