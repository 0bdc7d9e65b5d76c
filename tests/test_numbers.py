"""Dutch numbers and unit labels (FORMATS.md §2 and §3)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import example, given, strategies as st

from budget_checks.numbers import Kind, _parse, find_unit, parse_number, strip_unit


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2.240.502", 2240502), ("1234", 1234), ("0", 0), ("-1.234", -1234), ("- 1.234", -1234),
        ("1.234-", -1234), ("€ -1.234", -1234), ("€ 14.321", 14321), ("N 1.234", -1234), ("N1.234", -1234),
        ("1.234 N", -1234), ("1.234 V", 1234), ("(1.234)", -1234), ("\u00a01.234\u00a0", 1234), ("−1.234", -1234),
    ],
)
def test_amounts(text: str, value: int) -> None:
    parsed = parse_number(text, amount=True)
    assert parsed.kind is Kind.NUMBER and parsed.amount == value


@pytest.mark.parametrize(("text", "value", "percent"), [("1,5", "1.5", False), ("42,8", "42.8", False), ("12,3%", "12.3", True), ("12,1 %", "12.1", True), ("42,6%", "42.6", True)])
def test_decimals_and_percentages(text: str, value: str, percent: bool) -> None:
    parsed = parse_number(text)
    assert parsed.value == Decimal(value) and parsed.percent is percent
    assert parsed.amount is None  # not a whole amount


def test_comma_thousands_only_in_amount_columns() -> None:
    assert parse_number("17,473-", amount=True).amount == -17473
    assert parse_number("17,473-").value == Decimal("-17.473")


@pytest.mark.parametrize("text", ["", "-", "–", "—", "  "])
def test_empty(text: str) -> None:
    assert parse_number(text).kind is Kind.EMPTY


@pytest.mark.parametrize("text", ["PM", "-PM", "n.v.t.", "nb", "n.n.b.", "?"])
def test_placeholders(text: str) -> None:
    assert parse_number(text).kind is Kind.PLACEHOLDER


@pytest.mark.parametrize("text", ["-3..305", "49.72", "360.ooo", "1.2345", "--5"])
def test_malformed_numbers_are_not_numbers(text: str) -> None:
    parsed = parse_number(text, amount=True)
    assert parsed.kind is Kind.MALFORMED and parsed.reason


@pytest.mark.parametrize("text", ["Minder", "lager", "Doel 1.2.3", "Totaal", "- toevoegingen"])
def test_words(text: str) -> None:
    assert parse_number(text).kind is Kind.TEXT


@pytest.mark.parametrize(
    ("label", "scale"),
    [
        ("x € 1.000", 1000), ("x €1.000", 1000), ("(bedragen x € 1.000)", 1000), ("bedragen x € 1.000,-", 1000),
        ("(bedragen x € 1.000,--)", 1000), ("(x 1.000 euro)", 1000), ("bedragen in 1.000 euro's", 1000),
        ("(bedragen in € 1.000)", 1000), ("in duizenden euro's", 1000), ("Bedragen * € 1000", 1000),
        ("Bedragen × € 1.000", 1000), ("Duizend euro", 1000), ("(bedragen x € 1.000", 1000),
        ("x € 1.000.000", 1_000_000), ("x € 1 mln", 1_000_000), ("€ mln", 1_000_000),
        ("(bedragen in €)", 1), ("In euro's", 1),
    ],
)
def test_unit_labels(label: str, scale: int) -> None:
    found = find_unit(label)
    assert found is not None and found[0].scale == scale


def test_unit_is_taken_off_the_title() -> None:
    title, unit = strip_unit("Overzicht baten en lasten (x €1.000)")
    assert (title, unit.scale, unit.label) == ("Overzicht baten en lasten", 1000, "(x €1.000)")


@pytest.mark.parametrize("text", ["Overzicht kredieten", "Raming 2026 en verder", "Begroting 2025"])
def test_no_unit(text: str) -> None:
    assert find_unit(text) is None


@given(st.text(alphabet="0123456789.-", min_size=1, max_size=22), st.booleans())
@example("-0", True)
@example("1.234.567.890.123.456", True)  # sixteen digits: too long either way
@example("0001", False)
def test_plain_cells_read_quickly_read_as_every_other_cell(text, amount):
    """Digits, dotted thousands and a minus are read without the general steps; a space in front
    sends the same text through them, and what is read must be the same."""
    quick, general = _parse(text, amount), _parse(" " + text, amount)
    assert (quick.kind, quick.value, quick.percent, quick.marker, quick.reason) == \
        (general.kind, general.value, general.percent, general.marker, general.reason)
    if quick.value is not None:
        assert str(quick.value) == str(general.value)  # -0 stays -0, 1.0 is not 1
