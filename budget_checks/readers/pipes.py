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
_DASHES = re.compile(r"[-–—:]+")
_MIN_ROWS = 2  # one line with a pipe is a breadcrumb or a sentence, not a table


PipeRow = tuple[tuple[str, int], ...]  # (text, line) per cell: a row broken over lines keeps each cell's line


def pipe_rows(numbered: list[tuple[int, str]]) -> dict[int, PipeRow | None]:
    """Line number -> the cells of a pipe row (text and line), or None for a rule row or a line
    joined to the row above (to be left out). Empty when the page has fewer than two pipe rows."""
    found: dict[int, PipeRow | None] = {}
    rows = 0
    ruled = 0  # the columns a rule row marks out (`|---|---|---|`)
    for number, text in numbered:
        if "|" not in text:
            continue
        if set(text) <= _RULE_CHARS and "-" in text:
            found[number] = None
            ruled = max(ruled, len(_DASHES.findall(text)))
            continue
        cells = _cells(text)
        if cells is not None:
            found[number] = tuple((cell, number) for cell in cells)
            rows += 1
    if rows < _MIN_ROWS:
        return {}
    _join_broken(numbered, found, ruled)
    return found


def _join_broken(numbered: list[tuple[int, str]], found: dict[int, PipeRow | None], ruled: int = 0) -> None:
    """`Lasten | 28.209.801 |` / `23.893.367 |` / `23.177.364 | 706.392 | V |`: a row broken over
    lines, each piece closed by a pipe. Consecutive pieces that together make exactly as many cells
    as the widest row of the table (or as the rule row marks out, where every cell stands on a line
    of its own) are one row (stored at its first line; the other lines are left out)."""
    pieces = [(n, [(cell, n) for cell in _raw(t)]) for n, t in numbered if found.get(n) is not None and t.rstrip().endswith("|")]
    width = max(max((len(cells) for _, cells in pieces), default=0), ruled)
    lines = [n for n, _ in numbered]
    position = {n: i for i, n in enumerate(lines)}
    k = 0
    while k < len(pieces):
        start, cells = pieces[k]
        if len(cells) >= width:
            k += 1
            continue
        merged, end = list(cells), k
        while len(merged) < width and end + 1 < len(pieces) and position[pieces[end + 1][0]] == position[pieces[end][0]] + 1:
            end += 1
            merged += pieces[end][1]
        if len(merged) == width and end > k:
            found[start] = tuple(merged)
            for n, _ in pieces[k + 1 : end + 1]:
                found[n] = None
            k = end + 1
        else:
            k += 1


def _raw(text: str) -> list[str]:
    """The cells of a closed pipe line, empty ones kept (not the nothing after its last pipe)."""
    stripped = text.strip()
    parts = [part.strip().replace("\\|", "|") for part in _SPLIT.split(stripped)]
    if stripped.startswith("|"):
        parts = parts[1:]
    return parts[:-1] if parts and not parts[-1] else parts


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
