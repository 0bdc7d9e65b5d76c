"""The one finding type every check produces and every reporter reads."""

from __future__ import annotations

import hashlib
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


def _base(path: str) -> str:
    return path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] if path else ""
