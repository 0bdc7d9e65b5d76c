"""Limits: configurable through the library and the command line, reported when hit,
and the text readers stay linear in the size of their input."""

from __future__ import annotations

import gc
import signal
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import budget_checks
from budget_checks.cli import app
from budget_checks.readers.limits import DEFAULT_LIMITS, LIMIT_NAMES, Limits, LimitError, TimeLimitExceeded, check_text_page, deadline, using
from budget_checks.readers.text import read_text
from tests.hostile.corpus import GOOD_NAME, PLANTED, good

runner = CliRunner()


def test_limits_change_by_name_and_refuse_nonsense() -> None:
    changed = DEFAULT_LIMITS.replace(max_file_bytes=10, max_seconds_per_file=0.5)
    assert changed.max_file_bytes == 10 and changed.max_seconds_per_file == 0.5
    assert changed.max_page_lines == DEFAULT_LIMITS.max_page_lines
    for bad in ({"max_bogus": 1}, {"max_file_bytes": -1}, {"max_file_bytes": "veel"}, {"max_page_lines": True}):
        with pytest.raises(ValueError):
            DEFAULT_LIMITS.replace(**bad)


def test_every_limit_is_documented() -> None:
    text = (Path(__file__).parents[2] / "docs" / "limits.md").read_text(encoding="utf-8")
    for name in LIMIT_NAMES:
        assert f"`{name}`" in text, name


def _two_pages(folder: Path) -> Path:
    good(folder)
    (folder / "tien-regels.txt").write_text("Doel 2\n" + "regel\n" * 9, encoding="utf-8")
    return folder


def test_a_limit_set_through_the_library_is_reported_where_it_was_hit(tmp_path: Path) -> None:
    folder = _two_pages(tmp_path)
    assert not [f for f in budget_checks.check(str(folder)).findings if f.code == "IO102"]
    report = budget_checks.check(str(folder), lang="en", limits={"max_page_lines": 9})
    hits = [f for f in report.findings if f.code == "IO102"]
    assert [(f.page, f.severity.label) for f in hits] == [("tien-regels.txt", "error")]
    assert "10 lines exceed the limit max_page_lines = 9" in hits[0].message
    assert any((f.code, f.row, f.column) == PLANTED and f.page == GOOD_NAME for f in report.findings)


def test_a_limit_set_on_the_command_line(tmp_path: Path) -> None:
    folder = _two_pages(tmp_path)
    result = runner.invoke(app, ["check", str(folder), "--lang", "en", "--limit", "max_page_lines=9"])
    assert result.exit_code == 1 and "IO102" in result.output and "max_page_lines = 9" in result.output
    for bad in ("max_page_lines", "max_page_lines=veel", "onbekend=3", "max_file_bytes=-5"):
        refused = runner.invoke(app, ["check", str(folder), "--limit", bad])
        assert refused.exit_code == 2 and "--limit" in refused.output, bad


def test_a_file_that_takes_too_long_to_read_is_reported_and_the_rest_checked(tmp_path: Path, monkeypatch) -> None:
    import budget_checks.readers.text as text_reader

    good(tmp_path)
    (tmp_path / "traag.txt").write_bytes(b"Doel 1\nx\n")
    real = text_reader.check_text_page

    def slow(text: str) -> None:  # a reader stuck on this file: how long a real one takes depends on the machine
        if text.startswith("Doel 1\n"):
            time.sleep(30)
        real(text)

    monkeypatch.setattr(text_reader, "check_text_page", slow)
    started = time.perf_counter()
    report = budget_checks.check(str(tmp_path), lang="en", limits={"max_seconds_per_file": 0.3})
    assert time.perf_counter() - started < 30
    hits = [f for f in report.findings if f.code == "IO102"]
    assert [f.page for f in hits] == ["traag.txt"] and "took longer than" in hits[0].message
    assert any((f.code, f.row) == PLANTED[:2] for f in report.findings)


def test_a_page_whose_recognition_takes_too_long_is_reported(tmp_path: Path, monkeypatch) -> None:
    import budget_checks.run.document as engine

    good(tmp_path)
    good(tmp_path, "traag.txt", "Doel 2 Traag\nOverzicht\n")
    real = engine.recognize_page

    def slow(page, book, tolerance):
        if page.path == "traag.txt":
            time.sleep(30)
        return real(page, book, tolerance)

    monkeypatch.setattr(engine, "recognize_page", slow)
    started = time.perf_counter()
    report = budget_checks.check(str(tmp_path), lang="en", limits={"max_seconds_per_file": 0.5})
    assert time.perf_counter() - started < 20
    hits = [f for f in report.findings if f.code == "IO102"]
    assert [f.page for f in hits] == ["traag.txt"] and "recognising the tables took longer" in hits[0].message
    assert report.pages == 1 and any(f.code == "BL101" for f in report.findings)


def test_the_time_limit_gives_back_a_timer_the_caller_had_set() -> None:
    fired = []
    previous = signal.signal(signal.SIGALRM, lambda *_: fired.append(True))
    try:
        signal.setitimer(signal.ITIMER_REAL, 100)
        with deadline(5, "iets"):
            pass
        remaining, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 90 < remaining <= 100
        with pytest.raises(TimeLimitExceeded):
            with deadline(0.05, "iets"):
                time.sleep(2)
        assert 90 < signal.getitimer(signal.ITIMER_REAL)[0] <= 100 and not fired
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_deadlines_under_one_installed_handler_each_expire_on_their_own_and_give_the_handler_back() -> None:
    from budget_checks.readers.limits import alarm_handler

    fired = []
    previous = signal.signal(signal.SIGALRM, lambda *_: fired.append(True))
    try:
        with alarm_handler():
            with pytest.raises(TimeLimitExceeded, match="page one"):
                with deadline(0.05, "page one"):
                    time.sleep(2)
            with deadline(5, "page two"):
                pass
            signal.setitimer(signal.ITIMER_REAL, 0.05)  # the caller's own timer, between two deadlines
            time.sleep(0.5)
            assert fired == [True]  # reached the caller's handler, not ours
            with pytest.raises(TimeLimitExceeded, match="page three"):
                with deadline(0.05, "page three"):
                    time.sleep(2)
        assert fired == [True]
        signal.setitimer(signal.ITIMER_REAL, 0.05)
        time.sleep(0.5)
        assert fired == [True, True]  # the caller's handler is back
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_text_page_measures_count_every_kind_of_line_break() -> None:
    with using(Limits(max_page_lines=3)):
        check_text_page("a\rb\r\nc\n")  # three lines
        with pytest.raises(LimitError, match="4 lines"):
            check_text_page("a\rb\r\nc\nd")
    with using(Limits(max_line_chars=5)):
        check_text_page("12345\r\n12345\r12345")
        with pytest.raises(LimitError) as raised:
            check_text_page("12345\r\n12345\r123456\n1")
        assert raised.value.line == 3
    with using(Limits(max_page_cells=10)):
        check_text_page("a b c d e")
        with pytest.raises(LimitError, match="max_page_cells"):
            check_text_page("a;b;c;d;e;f\n1\t2\t3\t4")


def _seconds(data: bytes) -> float:
    """Best of three reads, without the garbage collector: a full collection walks every
    object the test session holds, which is not the reader's time."""
    best = float("inf")
    gc.collect()
    gc.disable()
    try:
        with using(Limits(max_line_chars=10**7, max_page_cells=10**7)):  # the line is long on purpose
            for _ in range(3):
                started = time.perf_counter()
                read_text(data, "p.txt")
                best = min(best, time.perf_counter() - started)
    finally:
        gc.enable()
    return best


def test_a_long_line_of_numbers_is_read_in_linear_time() -> None:
    """The label-and-values split once moved every value it took (quadratic in the line)."""
    small = _seconds(b"Doel 1\nBedragen " + b"1 " * 40_000 + b"\n")
    large = _seconds(b"Doel 1\nBedragen " + b"1 " * 160_000 + b"\n")
    assert large < 8 * small + 0.05  # linear: about 4x; quadratic: about 16x
