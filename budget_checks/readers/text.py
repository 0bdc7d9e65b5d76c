"""Reader for the portal's plain-text export of one page.

Handles both text layouts: cell-per-line (every cell on its own line, blank
lines between) and one-line-per-row (a label, then values separated by tabs or
spaces). Every cell keeps its 1-based source line number.
"""

from __future__ import annotations

import re
from datetime import datetime

from budget_checks.model import Cell, Footer, Item, Page, Prose, Row
from budget_checks.numbers import Kind, parse_number
from budget_checks.readers.errors import ReadError

_FOOTER = re.compile(
    r"Deze pagina is gebouwd op\s+(?P<built>\d{1,2}/\d{1,2}/\d{4}\s+\d{1,2}:\d{2}:\d{2})"
    r"\s+met de export van\s+(?P<exported>\d{1,2}/\d{1,2}/\d{4}\s+\d{1,2}:\d{2}:\d{2})"
)
_TITLE = re.compile(r"^(?:beschrijving\s+)?(?:doel|programma)\s+\d", re.IGNORECASE)
_BULLET = re.compile(r"^(?:[•·▪◦*]|-\s+[A-Za-z]|\d+\.\s+\w+(?:\s+\w+){4})")
_SENTENCE_END = (".", "!", "?", ":", ";")
_TITLE_SEARCH_LINES = 12


def decode(data: bytes, path: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ReadError(f"invalid UTF-16 text at byte {exc.start}") from None
    if b"\x00" in data[:4096]:
        raise ReadError("binary data, not a text page")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_text(data: bytes, path: str) -> Page:
    text = decode(data, path)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    page = Page(path=path, source_format="text")
    numbered = [(n, line.strip()) for n, line in enumerate(lines, start=1) if line.strip()]
    numbered = _take_footer(page, numbered)
    numbered = _take_title(page, numbered)
    page.items = [_item(text, n) for n, text in numbered]
    if any(isinstance(item, Row) and len(item.cells) > 1 for item in page.items):
        page.layout = "row-per-line"
    return page


def _take_footer(page: Page, numbered: list[tuple[int, str]]) -> list[tuple[int, str]]:
    for index in range(len(numbered) - 1, -1, -1):
        number, text = numbered[index]
        match = _FOOTER.search(text)
        if match:
            try:
                page.footer = Footer(_when(match["built"]), _when(match["exported"]), number)
            except ValueError:
                raise ReadError(f"footer has an impossible date: {match.group(0)!r}", number) from None
            return numbered[:index] + numbered[index + 1 :]
    return numbered


def _when(text: str) -> datetime:
    return datetime.strptime(" ".join(text.split()), "%m/%d/%Y %H:%M:%S")


def _take_title(page: Page, numbered: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The title is the Doel/Programma line near the top; what stands above it is breadcrumbs."""
    for index, (number, text) in enumerate(numbered[:_TITLE_SEARCH_LINES]):
        if _TITLE.match(text) and len(_split_row(text, number)) == 1:
            page.breadcrumbs = tuple(t for _, t in numbered[:index])
            page.title = text
            return numbered[index + 1 :]
    if numbered:
        page.title = numbered[0][1]
        return numbered[1:]
    return numbered


def _item(text: str, line: int) -> Item:
    cells = _split_row(text, line)
    if len(cells) > 1:
        return Row(cells)
    if _is_prose(text):
        return Prose(text, line)
    return Row((Cell(text, line),))


def _is_prose(text: str) -> bool:
    words = len(text.split())
    if _BULLET.match(text):
        return True
    return words > 12 or (words >= 6 and text.endswith(_SENTENCE_END))


def _split_row(text: str, line: int) -> tuple[Cell, ...]:
    """One-line-per-row: tab-separated cells, or a label followed by numbers."""
    if "\t" in text:
        parts = [part.strip() for part in text.split("\t")]
        if len(parts) > 1:
            return tuple(Cell(part, line) for part in parts)
    parts = re.split(r"\s{2,}", text)
    if len(parts) > 2 and (_count_values(parts[1:]) == len(parts) - 1 or all(len(p.split()) <= 6 for p in parts)):
        return tuple(Cell(part, line) for part in parts)  # columns separated by runs of spaces
    tokens = text.split(" ")
    values: list[str] = []
    # single spaces: only real numbers count, so "2024 - 2030" stays a label
    while tokens and parse_number(tokens[-1], amount=True).kind is Kind.NUMBER:
        values.insert(0, tokens.pop())
    if len(values) >= 2 and tokens:
        return (Cell(" ".join(tokens), line), *(Cell(v, line) for v in values))
    return (Cell(text, line),)


def _is_value(token: str) -> bool:
    parsed = parse_number(token, amount=True)
    return parsed.kind is Kind.NUMBER or token in {"-", "–"}


def _count_values(parts: list[str]) -> int:
    return sum(1 for part in parts if _is_value(part.strip()))
