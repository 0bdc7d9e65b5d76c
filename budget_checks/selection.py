"""Which rules run and how severe their findings are (select / ignore / severity).

Precedence, as in flake8: a code is reported when the longest matching prefix
among `select` and `extend_select` is at least as long as the longest matching
prefix in `ignore`; per-rule severities then replace the rule's own.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from budget_checks.docs import RuleDoc
from budget_checks.findings import Finding, Severity


@dataclass(frozen=True)
class Selection:
    select: tuple[str, ...] = ("",)  # "" selects every code
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)  # code -> severity
    per_path_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (glob, codes)

    def enabled(self, code: str, page: str = "") -> bool:
        chosen = _longest(code, self.select + self.extend_select)
        ignored = _longest(code, self.ignore + self._path_ignores(page))
        return chosen >= 0 and chosen >= ignored

    def _path_ignores(self, page: str) -> tuple[str, ...]:
        from fnmatch import fnmatch

        return tuple(code for pattern, codes in self.per_path_ignores if page and fnmatch(page, pattern) for code in codes)

    def apply(self, findings: list[Finding], docs: dict[str, RuleDoc]) -> list[Finding]:
        out = []
        for finding in findings:
            if not self.enabled(finding.code, finding.page):
                continue
            severity = self.severity.get(finding.code)
            out.append(replace(finding, severity=severity) if severity else finding)
        return out


def _longest(code: str, prefixes: tuple[str, ...]) -> int:
    """Length of the longest prefix that matches, -1 when none does."""
    lengths = [len(p) for p in prefixes if code.startswith(p.upper())]
    return max(lengths) if lengths else -1
