"""Readers turn files into pages; containers turn paths into documents.

A reader is a function `(data: bytes, path: str) -> Page` registered by format
name. The format is detected from the content first and the file name second.
"""

from __future__ import annotations

from collections.abc import Callable

from budget_checks.model import Page
from budget_checks.readers.errors import ReadError
from budget_checks.readers.text import read_text

Reader = Callable[[bytes, str], Page]

READERS: dict[str, Reader] = {"text": read_text}


def detect_format(name: str, data: bytes) -> str:
    """The reader for these bytes; raises ReadError when none fits."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"pk\x03\x04"):
        raise ReadError("a zip or xlsx archive where a page was expected")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError("binary data, not a page")
    return "text"


def read_page(data: bytes, path: str) -> Page:
    return READERS[detect_format(path, data)](data, path)


__all__ = ["READERS", "ReadError", "detect_format", "read_page"]
