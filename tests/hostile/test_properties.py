"""Property-based tests: the number and unit parser, every reader, and the run as a whole."""

from __future__ import annotations

import shutil
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

import budget_checks
from budget_checks.model import Document, Page
from budget_checks.numbers import MAX_DIGITS, UNIT_NAMES, Kind, find_unit, is_year, parse_number, strip_unit
from budget_checks.readers import READERS, ReadError, detect_format, read_page
from budget_checks.readers.containers import read_one
from budget_checks.readers.limits import DEFAULT_LIMITS, using
from tests.conftest import SEEDS
from tests.hostile.corpus import GOOD_PAGE
from tests.hostile.strategies import (
    amounts, damaged, decimals, dutch_decimal, negative_forms, page_bytes, page_text, positive_forms, valid_files,
)

READER_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FILES = valid_files()

# ---------------------------------------------------------------- numbers


@given(amounts)
@example(0)
@example(-1)
@example(10**15 - 1)
@example(-(10**15 - 1))
def test_a_dutch_amount_parses_back_to_itself(n: int) -> None:
    for text in positive_forms(n) if n >= 0 else negative_forms(-n):
        parsed = parse_number(text, amount=True)
        assert parsed.kind is Kind.NUMBER and parsed.amount == n, text


@given(decimals)
@example(Decimal("-1.1234567890123456789012345678901"))  # more digits than the context keeps
def test_a_dutch_decimal_parses_back_to_itself(d: Decimal) -> None:
    text = dutch_decimal(d)
    parsed = parse_number(text)
    assert parsed.kind is Kind.NUMBER and parsed.value == d, text
    percent = parse_number(text + "%")
    assert percent.percent and percent.value == d


@given(st.integers(min_value=MAX_DIGITS + 1, max_value=5000), st.booleans())
def test_a_number_with_too_many_digits_is_malformed_not_an_amount(digits: int, negative: bool) -> None:
    text = ("-" if negative else "") + "9" * digits
    parsed = parse_number(text, amount=True)
    assert parsed.kind is Kind.MALFORMED and "digits" in parsed.reason and parsed.amount is None


@given(st.text())
@example("9" * 10_000)
@example("1." * 5000 + "1")
@example("(" * 1000)
@example("N" * 1000 + "1")
@example("\x00")
def test_any_text_parses_without_raising(text: str) -> None:
    for amount in (False, True):
        parsed = parse_number(text, amount=amount)
        assert parsed.kind in Kind and parsed.text == text
        assert parsed.value is None or isinstance(parsed.value, Decimal)
        assert (parsed.kind is Kind.NUMBER) == (parsed.value is not None)
        assert parsed.amount is None or isinstance(parsed.amount, int)
    is_year(text)


# ---------------------------------------------------------------- units


_LABELS = {
    "x € 1.000": 1_000, "x €1.000": 1_000, "(bedragen x € 1.000)": 1_000, "bedragen x € 1.000,-": 1_000,
    "(x 1.000 euro)": 1_000, "in duizenden euro's": 1_000, "Bedragen × € 1.000": 1_000,
    "x € 1.000.000": 1_000_000, "x € 1 mln": 1_000_000, "€ mln": 1_000_000, "(bedragen in €)": 1,
}
_TITLE_WORDS = st.lists(st.sampled_from(["Overzicht", "baten", "en", "lasten", "Kredieten", "Reserves", "Doel", "programma"]), max_size=6)


@given(_TITLE_WORDS, st.sampled_from(sorted(_LABELS)))
def test_a_unit_label_in_a_title_is_found_and_taken_out(words: list[str], label: str) -> None:
    title = " ".join(words)
    rest, unit = strip_unit(f"{title} {label}")
    assert unit is not None and unit.scale == _LABELS[label] and unit.name == UNIT_NAMES[unit.scale]
    assert rest == " ".join(title.split()).strip(" -–:,")


@given(st.text())
@example("€" * 10_000)
@example("x € " + "1" * 5000)
@example("(" * 5000 + "bedragen")
def test_any_text_gives_a_unit_or_none_without_raising(text: str) -> None:
    found = find_unit(text)
    if found is not None:
        unit, (start, end) = found
        assert 0 <= start <= end <= len(text) and unit.scale in UNIT_NAMES
    rest, unit = strip_unit(text)
    assert isinstance(rest, str) and (unit is None) == (found is None)


# ---------------------------------------------------------------- readers


def _read_or_read_error(reader, data: bytes, name: str) -> None:
    try:
        page = reader(data, name)
    except ReadError as exc:
        assert exc.message
        return
    assert isinstance(page, Page)


@pytest.mark.parametrize("fmt", sorted(READERS))
@READER_SETTINGS
@given(data=st.binary(max_size=4000))
def test_a_reader_given_any_bytes_raises_only_read_error(fmt: str, data: bytes) -> None:
    _read_or_read_error(READERS[fmt], data, f"pagina.{fmt}")


@pytest.mark.parametrize("fmt", sorted(READERS))
@READER_SETTINGS
@given(data=page_bytes())
def test_a_reader_given_page_like_text_raises_only_read_error(fmt: str, data: bytes) -> None:
    _read_or_read_error(READERS[fmt], data, f"pagina.{fmt}")


@READER_SETTINGS
@given(file=damaged(FILES))
def test_a_damaged_page_of_any_format_is_read_or_refused(file: tuple[str, bytes]) -> None:
    name, data = file
    try:
        detect_format(name, data)
    except ReadError:
        pass
    _read_or_read_error(read_page, data, name)
    doc = Document(path="doc")
    with using(DEFAULT_LIMITS):
        page = read_one(name, data, doc, DEFAULT_LIMITS)  # what a run does: never raises
    assert (page is None) == bool(doc.problems)
    assert all(p.code in ("IO101", "IO102") and p.path == name and p.message for p in doc.problems)
    assert not any(p.message.startswith("internal error") for p in doc.problems), doc.problems


@pytest.mark.parametrize("name", sorted(FILES))
def test_the_undamaged_pages_are_read(name: str) -> None:
    doc = Document(path="doc")
    page = read_one(name, FILES[name], doc, DEFAULT_LIMITS)
    assert page is not None and not doc.problems and page.items


# ---------------------------------------------------------------- the whole run


def _keys(report) -> set[tuple]:
    return {(f.code, f.page, f.table, f.row, f.column, f.line, f.cell) for f in report.findings}


@pytest.fixture(scope="module")
def base_document(tmp_path_factory) -> tuple[Path, set[tuple]]:
    """Two seed pages (a goal and its programme, cross-page checks apply) and the planted page."""
    if not SEEDS.is_dir():
        pytest.skip("the shared seeds are not beside this checkout")
    folder = tmp_path_factory.mktemp("basis")
    for page in sorted((SEEDS / "begroting-2025").glob("*.txt")):
        shutil.copy(page, folder / page.name)
    (folder / "00-goed.txt").write_text(GOOD_PAGE, encoding="utf-8")
    report = budget_checks.check(str(folder), lang="en")
    assert any(f.code == "BL101" for f in report.findings)
    return folder, _keys(report)


_EXTRA = st.one_of(
    st.tuples(st.sampled_from(["txt", "html", "csv", "md", "xlsx", "zip"]), st.binary(max_size=3000)),
    st.tuples(st.sampled_from(["txt", "html", "csv", "md"]), page_bytes()),
    damaged(FILES).map(lambda f: (f[0].rsplit(".", 1)[1], f[1])),
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(extra=_EXTRA)
def test_adding_a_page_never_removes_the_findings_of_the_others(base_document, extra: tuple[str, bytes]) -> None:
    folder, before = base_document
    suffix, data = extra
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "doc"
        shutil.copytree(folder, copy)
        (copy / f"zz-extra.{suffix}").write_bytes(data)
        report = budget_checks.check(str(copy), lang="en")
    after = _keys(report)
    missing = before - after
    assert not missing, missing
    new = after - before
    assert all(key[1].startswith("zz-extra") or key[0] in _CROSS_PAGE for key in new), new


# findings another page may add to these pages: cross-page comparisons within a document
_CROSS_PAGE = {"CP101", "CP102", "CP103", "CP104", "MD101"}


@given(page_text)
@settings(max_examples=60, deadline=None)
def test_any_page_text_gives_a_report_not_a_traceback(text: str) -> None:
    assume(text.strip())
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "pagina.txt").write_text(text, encoding="utf-8", errors="surrogatepass")
        report = budget_checks.check(tmp, lang="en")
    assert report.pages + sum(1 for f in report.findings if f.code in ("IO101", "IO102")) == 1
    assert not any("internal error" in f.message for f in report.findings)
