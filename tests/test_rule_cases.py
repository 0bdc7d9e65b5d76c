"""Data-driven rule tests: tests/rule_cases/CODE.toml holds passing and failing cases per code."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

import budget_checks
from tests.conftest import write_page

CASES_DIR = Path(__file__).parent / "rule_cases"


def load_cases() -> list[tuple[str, dict]]:
    cases = []
    for file in sorted(CASES_DIR.glob("*.toml")):
        for case in tomllib.loads(file.read_text(encoding="utf-8")).get("case", []):
            cases.append((file.stem, case))
    return cases


CASES = load_cases()


@pytest.mark.parametrize(("code", "case"), CASES, ids=[f"{code}-{case['name']}" for code, case in CASES])
def test_rule_case(code: str, case: dict, tmp_path: Path) -> None:
    if "files" in case:
        for name, text in case["files"].items():
            write_page(tmp_path / "doc", text, name)
        target = tmp_path / "doc"
    else:
        target = write_page(tmp_path, case["page"])
    report = budget_checks.check([str(target)], lang="en", **case.get("options", {}))
    found = [f for f in report.findings if f.code == code]
    if case["findings"] == 0 and code not in ("TB001", "IO101", "IO102"):
        # a passing case must pass because the rule held, not because nothing was read
        assert report.tables_not_recognised == 0, [f.message for f in report.findings if f.code == "TB001"]
        assert report.tables_checked >= case.get("tables", 1)
    assert len(found) == case["findings"], [(f.code, f.row, f.column, f.message) for f in report.findings]
    if found:
        first = found[0]
        for key in ("severity", "row", "column", "line"):
            if key in case:
                actual = first.severity.label if key == "severity" else getattr(first, key)
                assert actual == case[key], f"{key}: {actual!r} != {case[key]!r}"
