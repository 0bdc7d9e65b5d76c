"""Every rule code is documented and has a passing and a failing test case."""

from __future__ import annotations

import pytest

from budget_checks.rulebook import load_rulebook
from budget_checks.run.options import all_docs
from tests.test_rule_cases import CASES

DOCS = all_docs(load_rulebook())


@pytest.mark.parametrize("code", sorted(DOCS))
def test_rule_is_documented(code: str) -> None:
    assert DOCS[code].missing() == [], f"{code} lacks documentation: {DOCS[code].missing()}"


@pytest.mark.parametrize("code", sorted(DOCS))
def test_rule_has_passing_and_failing_case(code: str) -> None:
    counts = [case["findings"] for c, case in CASES if c == code]
    assert any(n == 0 for n in counts), f"{code} has no passing case in tests/rule_cases/{code}.toml"
    assert any(n > 0 for n in counts), f"{code} has no failing case in tests/rule_cases/{code}.toml"


def test_codes_are_unique_and_well_formed() -> None:
    import re

    assert all(re.fullmatch(r"[A-Z]{2}\d{3}", code) for code in DOCS)


def test_explain_prints_every_rule() -> None:
    from typer.testing import CliRunner

    from budget_checks.cli import app

    runner = CliRunner()
    for code in DOCS:
        result = runner.invoke(app, ["explain", code.lower()])
        assert result.exit_code == 0, result.output
        assert DOCS[code].why.split()[0] in result.output


def test_every_reason_a_cell_is_malformed_reads_in_dutch() -> None:
    from budget_checks.checks import NU101
    from budget_checks.numbers import REASONS, parse_number

    dutch = NU101.DOC.words["nl"]
    assert set(REASONS) | {NU101.FORMULA, NU101.NOT_WHOLE} <= set(dutch)
    assert all(dutch[reason] != reason for reason in REASONS)
    malformed = parse_number("5.9.73", amount=True)
    assert dutch[malformed.reason] == "punt die geen duizendtalscheiding en geen decimale komma is"
