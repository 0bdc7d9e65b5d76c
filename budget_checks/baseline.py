"""Baselines: accept the findings an existing budget already has, fail only on new ones.

`--write-baseline FILE` records the fingerprint of every finding of a run (one
entry per line, sorted, with code and place for the humans who review it).
`--baseline FILE` shows matching findings as known (they do not fail the run)
and reports entries that match nothing any more (BS101), so the baseline
shrinks as problems are fixed. Fingerprints leave out line numbers and page
file names (see Finding.fingerprint), so a baseline survives re-exports.
Two findings can share a fingerprint (two pages with the same title): an
entry then records how many there were, and only that many are known.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from pathlib import Path

from budget_checks.findings import Finding
from budget_checks.findings import _base as base_name  # the one rule for a path's last part
from budget_checks.report import CheckCount, Report
from budget_checks.selection import Selection

SCHEMA = "budget-checks/baseline/v1"
STALE = "BS101"
_FINGERPRINT = re.compile(r"[0-9a-f]{16}")
_PLACE = ("document", "page", "table", "row", "column")


@dataclass(frozen=True, slots=True)
class Entry:
    fingerprint: str
    code: str = ""
    document: str = ""
    page: str = ""
    table: str = ""
    row: str = ""
    column: str = ""
    count: int = 1  # findings with this fingerprint when the baseline was written
    line: int | None = None  # where the entry stands in the baseline file

    @property
    def where(self) -> str:
        return " › ".join(part for part in (self.document, self.page, self.table, self.row, self.column) if part)

    def as_dict(self) -> dict[str, str]:
        out = {"fingerprint": self.fingerprint, "code": self.code}
        out.update({key: getattr(self, key) for key in _PLACE if getattr(self, key)})
        if self.count > 1:
            out["count"] = self.count
        return out


@dataclass(frozen=True, slots=True)
class Baseline:
    entries: tuple[Entry, ...] = ()
    path: str = ""  # "" for entries given in code

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for entry in self.entries:
            out[entry.fingerprint] = out.get(entry.fingerprint, 0) + entry.count
        return out


def entry_of(finding: Finding) -> Entry:
    """The entry that records a finding; the place fields are those the fingerprint is made of."""
    return Entry(
        fingerprint=finding.fingerprint, code=finding.code, document=base_name(finding.document),
        page=finding.page_title or finding.page_name, table=finding.table, row=finding.row, column=finding.column,
    )


# ---------------------------------------------------------------- reading and writing


def load_baseline(source: str | Path | list[dict] | Baseline) -> Baseline:
    """A baseline from its file, or from a list of entries (as the file holds them)."""
    if isinstance(source, Baseline):
        return source
    if isinstance(source, list):
        return Baseline(tuple(_entry(item, "baseline", None) for item in source))
    path = Path(source)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ValueError(f"{path}: cannot read baseline: {exc.strerror or exc}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: not a baseline file: invalid JSON at line {exc.lineno}: {exc.msg}") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA or not isinstance(data.get("entries"), list):
        raise ValueError(f"{path}: not a baseline file (expected {{\"schema\": \"{SCHEMA}\", \"entries\": [...]}})")
    lines = text.splitlines()
    return Baseline(tuple(_entry(item, str(path), lines) for item in data["entries"]), str(path))


def _entry(item: object, where: str, lines: list[str] | None) -> Entry:
    if not isinstance(item, dict) or not isinstance(item.get("fingerprint"), str) or not _FINGERPRINT.fullmatch(item["fingerprint"]):
        raise ValueError(f"{where}: baseline entry {item!r} has no valid fingerprint (16 hexadecimal digits)")
    fields = {key: str(item.get(key, "")) for key in ("code", *_PLACE)}
    count = item.get("count", 1)
    if isinstance(count, bool) or not isinstance(count, int) or count < 1:
        raise ValueError(f"{where}: baseline entry {item['fingerprint']} has count {count!r}; expected a whole number >= 1")
    return Entry(item["fingerprint"], count=count, line=_line_of(item["fingerprint"], lines), **fields)


def _line_of(fingerprint: str, lines: list[str] | None) -> int | None:
    for number, line in enumerate(lines or (), start=1):
        if fingerprint in line:
            return number
    return None


def render_baseline(findings: list[Finding]) -> str:
    """The file text: one entry per line, so a review diff shows exactly what came and went."""
    entries: dict[str, Entry] = {}
    for finding in findings:
        if finding.code == STALE:
            continue
        seen = entries.get(finding.fingerprint)
        entries[finding.fingerprint] = replace(seen, count=seen.count + 1) if seen else entry_of(finding)
    ordered = sorted(entries.values(), key=lambda e: (e.document, e.page, e.table, e.row, e.column, e.code, e.fingerprint))
    body = ",\n".join("    " + json.dumps(e.as_dict(), ensure_ascii=False) for e in ordered)
    return f'{{\n  "schema": "{SCHEMA}",\n  "entries": [\n{body}\n  ]\n}}\n' if body else f'{{\n  "schema": "{SCHEMA}",\n  "entries": []\n}}\n'


def write_baseline(report: Report, path: str | Path) -> int:
    """Record the run's findings in `path`; from now on they are known. Returns the number of entries."""
    from budget_checks.run.engine import mark_known

    text = render_baseline(report.findings)
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise ValueError(f"{target}: cannot write baseline: {exc.strerror or exc}") from None
    recorded = [f for f in report.findings if f.code != STALE]
    mark_known(report, {f.fingerprint for f in recorded})
    return len(recorded)


# ---------------------------------------------------------------- comparing a run with a baseline


def apply_baseline(report: Report, baseline: Baseline, selection: Selection = Selection()) -> Report:
    """Mark known findings and add a BS101 finding for every entry that matches nothing (or fewer findings)."""
    left = baseline.counts()  # how many findings each fingerprint may still cover
    findings = []
    for f in report.findings:
        known = left.get(f.fingerprint, 0) > 0
        if known:
            left[f.fingerprint] -= 1
        findings.append(replace(f, known=known))
    report.findings = findings
    doc = report.rules[STALE]
    stale = []
    for entry in baseline.entries:
        unmatched = min(entry.count, left.get(entry.fingerprint, 0))
        if unmatched:
            left[entry.fingerprint] -= unmatched
            where = entry.where or "?"
            if entry.count > 1:
                where += f"; {unmatched}/{entry.count}"
            stale.append(Finding(
                STALE, doc.severity, (("entry_code", entry.code or "?"), ("where", where), ("fingerprint", entry.fingerprint)),
                document=baseline.path, line=entry.line,
            ))
    stale = [replace(f, message=report.rules[f.code].render(f, report.lang)) for f in selection.apply(stale, report.rules)]
    report.findings = report.findings + stale
    report.checks[STALE] = CheckCount(len(baseline.entries), len(stale))
    report.options["baseline"] = baseline.path or f"{len(baseline.entries)} entries"
    return report
