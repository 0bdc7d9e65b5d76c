"""A progress line on standard error for long runs, shown only on a terminal."""

from __future__ import annotations

import sys
from time import monotonic
from typing import TextIO

_WIDTH = 24  # characters of the bar
_QUIET_FOR = 0.5  # seconds before the line appears, so short runs print nothing
_EVERY = 0.1  # seconds between redraws


class ProgressLine:
    """Called with each document's result; `close()` clears the line."""

    def __init__(self, documents: int, stream: TextIO):
        self.total, self.stream = max(documents, 1), stream
        self.documents = self.pages = 0
        self.started = self.drawn = monotonic()
        self.shown = False

    def __call__(self, result) -> None:
        self.documents += 1
        self.pages += result.pages
        now = monotonic()
        if now - self.started < _QUIET_FOR or (now - self.drawn < _EVERY and self.documents < self.total):
            return
        self.drawn, self.shown = now, True
        done = _WIDTH * self.documents // self.total
        rate = self.pages / max(now - self.started, 1e-9)
        self.stream.write(f"\r[{'#' * done}{'.' * (_WIDTH - done)}] {self.documents}/{self.total} documents, "
                          f"{self.pages:,} pages, {rate:,.0f} pages/s ")
        self.stream.flush()

    def close(self) -> None:
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()


def progress_line(documents: int, stream: TextIO | None = None) -> ProgressLine | None:
    stream = stream or sys.stderr
    return ProgressLine(documents, stream) if stream.isatty() else None
