"""Limits that keep one hostile input from exhausting the machine.

Hitting a limit is reported as a located finding (IO102), never a silent
truncation: the file or member that hit it is not checked, the others are.
docs/limits.md describes every limit and its default.

The limits of the read in progress are available to every reader through
`active()`, so readers keep their `(data, path) -> Page` signature.
"""

from __future__ import annotations

import math
import re
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, fields
from itertools import chain
from time import monotonic

from budget_checks.readers.errors import ReadError


@dataclass(frozen=True, slots=True)
class Limits:
    max_file_bytes: int = 64 * 1024 * 1024  # one page file, or one zip or xlsx member once inflated
    max_zip_total_bytes: int = 512 * 1024 * 1024  # all members of one zip (or xlsx), inflated
    max_zip_ratio: int = 200  # inflated size / compressed size of one member
    max_zip_members: int = 50_000
    max_folder_depth: int = 32
    max_page_lines: int = 200_000  # lines of a text page, rows of a csv file, an html table or a sheet
    max_line_chars: int = 100_000  # characters on one line of a text, markdown or csv page
    max_page_cells: int = 1_000_000  # cells of one page, so of every table on it (html spans expanded, xlsx used ranges)
    max_seconds_per_file: float = 60.0  # reading one file, and recognising its tables, each; 0 = no limit

    def replace(self, **changes: object) -> "Limits":
        """These limits with some changed; unknown names and values below 0 are a ValueError."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        for name, value in changes.items():
            if name not in values:
                raise ValueError(f"unknown limit {name!r}; known limits: {', '.join(values)}")
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not value >= 0:
                raise ValueError(f"limit {name} must be a number of at least 0, not {value!r}")
            if name != "max_seconds_per_file" and not (math.isfinite(value) and value == int(value)):
                raise ValueError(f"limit {name} must be a whole number, not {value!r}")
            values[name] = float(value) if name == "max_seconds_per_file" else int(value)
        return Limits(**values)


DEFAULT_LIMITS = Limits()
LIMIT_NAMES = tuple(f.name for f in fields(Limits))


class LimitError(ReadError):
    """A reader stopped because its input exceeds a limit (reported as IO102)."""


class TimeLimitExceeded(BaseException):
    """Raised into the code that ran out of time. A BaseException on purpose, like
    KeyboardInterrupt: a reader's `except Exception` must not turn it into an
    ordinary read error."""


_ACTIVE: ContextVar[Limits] = ContextVar("budget_checks_limits", default=DEFAULT_LIMITS)


def active() -> Limits:
    """The limits of the read in progress (the defaults outside one)."""
    return _ACTIVE.get()


@contextmanager
def using(limits: Limits) -> Iterator[Limits]:
    token = _ACTIVE.set(limits)
    try:
        yield limits
    finally:
        _ACTIVE.reset(token)


def check_text_page(text: str) -> None:
    """Lines, longest line and cells of a decoded line-based page (text, markdown,
    csv), measured before the page is split, in linear time and bounded memory.

    Every cell holds a word or stands beside a separator, so words plus
    separators plus lines bound the cells any of these readers can build.
    """
    limits = active()
    lines = text.count("\n") + text.count("\r") - text.count("\r\n") + (0 if text.endswith(("\n", "\r")) else 1)
    if lines > limits.max_page_lines:
        raise LimitError(f"{lines:,} lines exceed the limit max_page_lines = {limits.max_page_lines:,}")
    if len(text) > limits.max_line_chars:
        _check_line_lengths(text, limits.max_line_chars)
    if len(text) + lines <= limits.max_page_cells:
        return  # too short to hold more cells than that
    cells = lines + sum(text.count(separator) for separator in _SEPARATORS)
    for start in range(0, len(text), _SLICE):  # slices keep the word lists small
        cells += len(text[start : start + _SLICE].split())
    if cells > limits.max_page_cells:
        raise LimitError(f"about {cells:,} cells (words and separators) exceed the limit max_page_cells = {limits.max_page_cells:,}")


_SEPARATORS = ("\t", ";", ",", "|")
_SLICE = 1 << 20
_BREAK = re.compile(r"\r\n|\r|\n")


def _check_line_lengths(text: str, limit: int) -> None:
    start, number = 0, 1
    for brk in chain(_BREAK.finditer(text), [None]):
        end = brk.start() if brk else len(text)
        if end - start > limit:
            raise LimitError(f"a line of {end - start:,} characters exceeds the limit max_line_chars = {limit:,}", number)
        if brk:
            start, number = brk.end(), number + 1


class CellCount:
    """Counts the cells a reader builds for one page; raises past max_page_cells."""

    def __init__(self) -> None:
        self.limit = active().max_page_cells
        self.count = 0

    def add(self, cells: int, line: int | None = None) -> None:
        self.count += cells
        if self.count > self.limit:
            raise LimitError(f"more cells than the limit max_page_cells = {self.limit:,}", line)


@contextmanager
def deadline(seconds: float, what: str) -> Iterator[None]:
    """Interrupt the block with TimeLimitExceeded after `seconds` of wall time.

    Uses the interval timer (SIGALRM), so it works in the main thread of a
    process on Unix (the command line and its worker processes); elsewhere the
    block runs without a time limit and the size limits alone bound it. A timer
    the caller had set is restored afterwards, and so is its handler.
    """
    if not 0 < seconds < math.inf or not _can_alarm():
        yield
        return
    with alarm_handler():
        _EXPIRED.append(f"{what} took longer than the limit max_seconds_per_file = {seconds:g} s")
        started = monotonic()
        outer, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            _EXPIRED.pop()
            if outer:  # give back what remains of the caller's own timer
                signal.setitimer(signal.ITIMER_REAL, max(outer - (monotonic() - started), 0.001))


@contextmanager
def alarm_handler() -> Iterator[None]:
    """The deadlines' signal handler, installed once for all the deadlines inside (a file's and each
    of its pages'): installing a handler costs more than setting the timer. The caller's own handler
    is restored afterwards, and in between it still gets a signal that no deadline of ours set."""
    if _PREVIOUS or not _can_alarm():  # installed already (or no timer here)
        yield
        return
    _PREVIOUS.append(signal.signal(signal.SIGALRM, _expired))
    try:
        yield
    finally:
        signal.signal(signal.SIGALRM, _PREVIOUS.pop())


_EXPIRED: list[str] = []  # what each running deadline says when it expires, the innermost last
_PREVIOUS: list = []  # the handler alarm_handler replaced, while it is installed


def _expired(signum, frame) -> None:
    if _EXPIRED:
        raise TimeLimitExceeded(_EXPIRED[-1])
    previous = _PREVIOUS[-1] if _PREVIOUS else signal.SIG_DFL
    if callable(previous):  # the caller's own timer, between our deadlines
        previous(signum, frame)
    elif previous == signal.SIG_DFL:  # what the signal would have done: end the process
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
        signal.raise_signal(signal.SIGALRM)


def _can_alarm() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
