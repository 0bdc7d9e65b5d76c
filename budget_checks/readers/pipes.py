"""Pipe tables inside a text page, as portals and converters write them.

    ACTIVA | 31-12-2022 | 31-12-2023 | ||
    ---|---|---|---|---|
    Vaste activa | ||||
    Immateriële vaste activa | 2.186 | 2.307 | ||

Not always Markdown: the leading pipe may be missing, the rule row of dashes may be
missing or stand in the middle of the table, and rows may carry runs of empty cells.
Every line with cells between pipes becomes a row that keeps its empty cells (their
positions are the columns); rule rows carry no cells and are left out.
"""

from __future__ import annotations

import re

_SPLIT = re.compile(r"(?<!\\)\|")
_RULE_CHARS = set("|-:–— \t")
_MIN_ROWS = 2  # one line with a pipe is a breadcrumb or a sentence, not a table


def pipe_rows(numbered: list[tuple[int, str]]) -> dict[int, tuple[str, ...] | None]:
    """Line number -> the cells of a pipe row, or None for a rule row (to be left out).
    Empty when the page has fewer than two pipe rows."""
    found: dict[int, tuple[str, ...] | None] = {}
    rows = 0
    for number, text in numbered:
        if "|" not in text:
            continue
        if set(text) <= _RULE_CHARS and "-" in text:
            found[number] = None
            continue
        cells = _cells(text)
        if cells is not None:
            found[number] = cells
            rows += 1
    return found if rows >= _MIN_ROWS else {}


def _cells(text: str) -> tuple[str, ...] | None:
    stripped = text.strip()
    parts = [part.strip().replace("\\|", "|") for part in _SPLIT.split(stripped)]
    if stripped.startswith("|"):
        parts = parts[1:]
    closed = stripped.endswith("|")
    while parts and not parts[-1]:
        parts.pop()
    if len(parts) >= 2 or (parts and closed):
        return tuple(parts)
    return None
