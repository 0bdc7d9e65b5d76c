"""Readers: bytes of a file in, a Page out; containers: a path in, a Document of pages out.

A reader is a function `(data: bytes, path: str) -> Page` registered by format
name. The format is detected from the content first and the file name second:
a portal that saves HTML as `.txt`, or a CSV without extension, is still read
by the right reader. The reader modules import lxml and openpyxl inside their
functions, so that the command line starts without them.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from io import BytesIO

from budget_checks.model import Page
from budget_checks.readers.csv import read_csv
from budget_checks.readers.errors import ReadError
from budget_checks.readers.html import read_html
from budget_checks.readers.markdown import read_markdown
from budget_checks.readers.text import decode, read_text
from budget_checks.readers.xlsx import read_xlsx

Reader = Callable[[bytes, str], Page]

READERS: dict[str, Reader] = {
    "text": read_text,
    "markdown": read_markdown,
    "html": read_html,
    "xlsx": read_xlsx,
    "csv": read_csv,
}

_EXTENSIONS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html", ".csv": "csv", ".tsv": "csv"}
_HTML_START = re.compile(rb"^(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|table|div|section|article|main|h[1-6]|p)[\s>/]", re.DOTALL)
_HTML_TAGS = re.compile(rb"<(?:table|tr|td|th|div|p|h[1-6]|span|body)[\s>]")
_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$")
_SNIFF_LINES = 60


def detect_format(name: str, data: bytes) -> str:
    """The reader for these bytes; raises ReadError when none fits."""
    suffix = _suffix(name)
    head = data[:4096]
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _archive_format(data)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise ReadError("an old Excel (.xls) or Office file; save it as .xlsx")
    if head.startswith(b"%PDF"):
        raise ReadError("a PDF document; export the pages as text, HTML, xlsx or csv")
    if head.startswith((b"\x1f\x8b", b"7z\xbc\xaf", b"Rar!")):
        raise ReadError("a compressed archive other than zip")
    text = decode(data[:16384], name)  # raises ReadError for binary data
    stripped = text.lstrip("\ufeff \t\r\n").encode("utf-8", "replace")[:2048]
    if _HTML_START.match(stripped.lower()) or (_EXTENSIONS.get(suffix) == "html" and _HTML_TAGS.search(stripped.lower())):
        return "html"
    lines = [line for line in _first_lines(text, _SNIFF_LINES) if line.strip()]
    piped = any("|" in line for line in lines)
    if piped and _is_markdown(lines):
        return "markdown"
    if piped and _EXTENSIONS.get(suffix) != "csv" and sum(1 for line in lines if line.count("|") >= 2) >= 2:
        return "text"  # pipe rows without Markdown's frame: commas in them are decimal commas
    if _EXTENSIONS.get(suffix) == "csv" or _is_delimited(lines):
        return "csv"
    return "markdown" if _EXTENSIONS.get(suffix) == "markdown" else "text"


def _first_lines(text: str, count: int) -> list[str]:
    """`text.splitlines()[:count]`, splitting only the start of the text when that holds them all."""
    head = text[:_SNIFF_CHARS].splitlines()
    return head[:count] if len(head) > count else text.splitlines()[:count]  # a line after them: they are whole


_SNIFF_CHARS = 8192


def _suffix(name: str) -> str:
    base = name.replace("\\", "/").rsplit("/", 1)[-1].lower()
    return "." + base.rsplit(".", 1)[1] if "." in base else ""


def _archive_format(data: bytes) -> str:
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        raise ReadError(f"damaged zip or xlsx archive: {exc}") from None
    if "[Content_Types].xml" in names and any(n.startswith("xl/") for n in names):
        return "xlsx"
    if "[Content_Types].xml" in names and any(n.startswith("word/") for n in names):
        raise ReadError("a Word document (.docx); export the pages as text, HTML, xlsx or csv")
    raise ReadError("a zip archive inside the document; unpack it or give it as its own document")


def _is_markdown(lines: list[str]) -> bool:
    """At least one pipe table: a header row, a rule row of dashes, a body row."""
    for i in range(len(lines) - 2):
        if _PIPE_ROW.match(lines[i]) and _PIPE_RULE.match(lines[i + 1]) and _PIPE_ROW.match(lines[i + 2]):
            return True
    return False


def _is_delimited(lines: list[str]) -> bool:
    """At least three lines, and half of all, hold the same number (two or more) of `;` or `,`.

    Prose has commas too, but not the same count on line after line; title lines
    of one field are common in exports. Tabs are left to the text reader, which
    reads tab-separated rows as rows already.
    """
    needed = max(3, len(lines) / 2)
    for delimiter in (";", ","):
        candidates = [line for line in lines if line.count(delimiter) >= 2]  # fewer never make two fields apart
        if len(candidates) < needed:
            continue
        counts = [n for n in (_delimiters(line, delimiter) for line in candidates) if n >= 2]
        if not counts:
            continue
        common = max(set(counts), key=counts.count)
        if counts.count(common) >= needed:
            return True
    return False


_DECIMAL_COMMA = re.compile(r"(?<!\S)[-+−]?\d[\d.]*,\d+%?(?!\S)")  # an amount standing alone between spaces


def _delimiters(line: str, delimiter: str) -> int:
    """How often the delimiter separates fields: the comma of an amount standing between spaces
    (`-1.166,3`) is a decimal comma; an unquoted csv field cannot hold one."""
    n = line.count(delimiter)
    return n - len(_DECIMAL_COMMA.findall(line)) if delimiter == "," and n else n


def read_page(data: bytes, path: str) -> Page:
    return READERS[detect_format(path, data)](data, path)


__all__ = ["READERS", "ReadError", "detect_format", "read_page"]
