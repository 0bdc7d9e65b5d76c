"""Reader for the portal's plain-text export of one page.

Handles both text layouts: cell-per-line (every cell on its own line, blank
lines between) and one-line-per-row (a label, then values separated by tabs or
spaces). Every cell keeps its 1-based source line number.
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache

from budget_checks.model import Cell, Footer, Item, Page, Prose, Row, one_cell_row
from budget_checks.numbers import PRO_MEMORIE, Kind, find_unit, is_year, parse_number
from budget_checks.readers.columns import aligned_rows, has_gaps
from budget_checks.readers.errors import ReadError
from budget_checks.readers.limits import check_text_page
from budget_checks.readers.pipes import pipe_rows
from budget_checks.readers.spaced import spaced_rows

_FOOTER = re.compile(
    r"Deze pagina is gebouwd op\s+(?P<built>\d{1,2}/\d{1,2}/\d{4}\s+\d{1,2}:\d{2}:\d{2})"
    r"\s+met de export van\s+(?P<exported>\d{1,2}/\d{1,2}/\d{4}\s+\d{1,2}:\d{2}:\d{2})"
)
_TITLE = re.compile(r"^(?:beschrijving\s+)?(?:doel|programma)\s+\d", re.IGNORECASE)
_BULLET_SIGNS = "•·▪◦*"
_MIN_BULLET_CELLS = 6  # a bulleted run this long, a third of it numbers, is a table
_MAX_VALUE_LENGTH = 40  # a longer cell is text, whatever digits it holds
_BULLET = re.compile(rf"^(?:[{_BULLET_SIGNS}]|-\s+[A-Za-z]|\d+\.\s+\w+(?:\s+\w+){{4}})")
_SENTENCE_END = (".", "!", "?", ":", ";")
_LABEL_WORDS = 40  # a row label may be long (the balance sheet's names are); running text ends like a sentence
_TITLE_SEARCH_LINES = 12


def decode(data: bytes, path: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 (with a BOM, or recognised by its zero
    bytes), else cp1252. Binary data is a ReadError: a NUL byte anywhere (located
    at its line), or a start that is mostly control characters."""
    global _LAST
    last = _LAST
    if last[0] is data:  # the same bytes again: format detection decodes a page, then its reader
        return last[1]
    text = _decode(data)
    _LAST = (data, text)
    return text


_LAST: tuple[bytes | None, str] = (None, "")  # the bytes decoded last (held, so their id is theirs) and their text


def _decode(data: bytes) -> str:
    codec = "utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else _utf16_without_bom(data)
    if codec:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as exc:
            raise ReadError(f"invalid UTF-16 text at byte {exc.start}") from None
        if "\x00" in text:
            raise ReadError("binary data (a NUL character), not a text page", text.count("\n", 0, text.index("\x00")) + 1)
        sample = text[:2048]
        if len(sample) - len(sample.translate(_CONTROL_CHARS)) > len(sample) // 10:
            raise ReadError("binary data (control characters), not a text page")
        return text
    nul = data.find(b"\x00")
    if nul != -1:
        raise ReadError("binary data (a NUL byte), not a text page", data.count(b"\n", 0, nul) + 1)
    sample = data[:4096]
    if len(sample) - len(sample.translate(None, _CONTROL_BYTES)) > len(sample) // 10:
        raise ReadError("binary data (control characters), not a text page")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


_CONTROL_BYTES = bytes([*range(1, 9), 11, *range(14, 32), 127])  # C0 controls other than tab, line breaks and form feed
_CONTROL_CHARS = dict.fromkeys(_CONTROL_BYTES)  # str.translate table that deletes them


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without BOM: text in Latin script has a zero byte in every other place."""
    sample = data[:4096]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    zeros_even, zeros_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zeros_odd > 0.6 and zeros_even < 0.05:
        return "utf-16-le"
    if zeros_even > 0.6 and zeros_odd < 0.05:
        return "utf-16-be"
    return None


def read_text(data: bytes, path: str) -> Page:
    text = decode(data, path)
    check_text_page(text)  # lines, line length and cells within limits before anything is split
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    page = Page(path=path, source_format="text", text=text)
    numbered = [(n, stripped) for n, line in enumerate(lines, start=1) if (stripped := line.strip())]
    if any(sign in text for sign in _BULLET_SIGNS):  # most pages have no bullet sign anywhere
        numbered = _unbullet(numbered)
    numbered = _take_footer(page, numbered)
    numbered = _take_title(page, numbered)
    gaps = has_gaps(text)
    aligned = aligned_rows(lines) if gaps else {}  # space-aligned blocks: a run of spaces may be an empty cell
    piped = pipe_rows(numbered) if "|" in text else {}
    if gaps:  # rows whose empty cells are spaces keep their positions as pipe rows do
        piped = {**piped, **spaced_rows(lines)}
    if piped or aligned:
        page.items = [_row_of(piped, aligned, n, line, gaps) for n, line in numbered if piped.get(n, True) is not None]
    else:  # most pages: every line is read on its own; most lines are one word, a cell (_item's first case)
        page.items = [one_cell_row(line, n) if _one_cell(line, gaps) else _item(line, n, gaps) for n, line in numbered]
    if any(isinstance(item, Row) and len(item.cells) > 1 for item in page.items):
        page.layout = "row-per-line"
    return page


def _row_of(piped: dict, aligned: dict, n: int, line: str, gaps: bool) -> Item:
    if n in piped:
        return Row(tuple(Cell(c, at) for c, at in piped[n]), positional=True)
    if n in aligned:
        return Row(tuple(Cell(c, n) for c in aligned[n]), positional=True)
    return _item(line, n, gaps)


def _unbullet(numbered: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A run of bullet lines of which many are numbers (`• 192.038`) is a table exported one cell per
    bullet, not a list: the bullets go, the cells stay."""
    bulleted = [k for k, (_, text) in enumerate(numbered) if text[:1] in _BULLET_SIGNS and text[1:2].isspace()]
    if len(bulleted) < _MIN_BULLET_CELLS:
        return numbered
    out = list(numbered)
    runs: list[list[int]] = []  # runs of consecutive bullet lines
    for k in bulleted:
        if runs and runs[-1][-1] == k - 1:
            runs[-1].append(k)
        else:
            runs.append([k])
    for run in runs:
        if len(run) >= _MIN_BULLET_CELLS:
            cells = [out[k][1][1:].strip() for k in run]
            if sum(1 for c in cells if len(c) <= _MAX_VALUE_LENGTH and _is_value(c)) * 3 >= len(cells):
                for k, cell in zip(run, cells):
                    out[k] = (out[k][0], cell)
    return out


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


@lru_cache(maxsize=256)  # the pages of one export share their build and export times
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
        page.title = numbered[0][1]  # the first line titles the page and stays an item: it may title a table
    return numbered


def _one_cell(text: str, gaps: bool) -> bool:
    """A stripped line that `_item` reads as one cell at once: one word, no bullet sign."""
    return text[0] not in _BULLET_SIGNS and not (_HAS_SPACE.search(text) if gaps else " " in text)


def _item(text: str, line: int, gaps: bool = True) -> Item:
    """A line as a row of cells or prose. `gaps=False`: the page has no tab and no run of
    spaces inside a line, so only the label-and-numbers split can apply."""
    # without gaps the page's only whitespace inside a (stripped) line is single spaces: counting them is enough
    words = len(text.split()) if gaps else text.count(" ") + 1
    if words == 1:  # a cell of the cell-per-line layout (most lines); of _BULLET, only a bullet sign fits one word
        return Prose(text, line) if text[0] in _BULLET_SIGNS else Row((Cell(text, line),))
    cells = _split_row(text, line, words, gaps)
    if len(cells) > 1:
        positional = gaps and "\t" in text
        return Row(cells, positional=positional, spaced=not positional and not (gaps and _GAPS.search(text)))
    if _is_prose(text, words):
        return Prose(text, line)
    return Row(cells)


def _is_prose(text: str, words: int) -> bool:
    if _BULLET.match(text):  # "- basisonderwijs" labels a table row; "- De begroting is ..." is a list item
        return text[0] in _BULLET_SIGNS or words > 12 or text.endswith(_SENTENCE_END)
    return words > _LABEL_WORDS or (words >= 6 and text.endswith(_SENTENCE_END))


_GAPS = re.compile(r"\s{2,}")
_HAS_SPACE = re.compile(r"\s")  # the whitespace str.split() splits on


def _split_row(text: str, line: int, words: int | None = None, gaps: bool = True) -> tuple[Cell, ...]:
    """One-line-per-row: tab-separated cells, or a label followed by numbers."""
    if (len(text.split()) if words is None else words) == 1:
        return (Cell(text, line),)  # one word: a cell of the cell-per-line layout (most lines)
    if not gaps:  # single spaces only: a line that does not end in a value or a marker is one cell (running text)
        last = text[text.rfind(" ") + 1 :]
        if last not in _TRAILING_MARKS and parse_number(last, amount=True).kind is not Kind.NUMBER:
            return (Cell(text, line),)
    if _spaced_value(text):
        return (Cell(text, line),)  # one value written with a space: "- 230", "€ 1.234", "8. 675"
    if gaps and "\t" in text:
        parts = [part.strip() for part in text.split("\t")]
        if len(parts) > 1:
            return tuple(Cell(part, line) for part in parts)
    parts = _GAPS.split(text) if gaps else [text]
    if len(parts) > 2:
        values = _count_values(parts[1:])
        short = all(len(p.split()) <= 6 for p in parts)
        headings = values == 0 and not _is_value(parts[0].strip()) and short  # a header: labels apart
        if values == len(parts) - 1 or headings or (values * 2 >= len(parts) - 1 and short):
            # columns separated by runs of spaces; a part of several numbers apart by single spaces is
            # several cells (`11.167 11.167 11.167` where the export narrowed the gaps)
            return tuple(Cell(piece, line) for part in parts for piece in _numbers_apart(part))
    tokens = text.split(" ")
    values: list[str] = []
    numbers = 0
    # single spaces: a run of values at the end of the line (numbers, and dashes or V/N markers
    # between them), so "2024 - 2030" stays a label
    while tokens:
        if tokens[-1] == "€" and values and not values[-1].startswith("€"):
            values[-1] = "€ " + values[-1]  # `€ 6.139.382 € 6.668.089`: each euro sign goes with its value
            tokens.pop()
            continue
        kind = parse_number(tokens[-1], amount=True).kind
        if kind is Kind.NUMBER:
            numbers += 1
        elif not (tokens[-1] in _TRAILING_MARKS and (values or len(tokens) > 1)) and tokens[-1].lower() not in PRO_MEMORIE:
            break
        values.append(tokens.pop())
    while values and values[-1] in _TRAILING_MARKS:  # a dash or marker that opens the run belongs to the label
        tokens.append(values.pop())
    values.reverse()  # collected from the end; reversed once, so a long line stays linear
    if values and tokens and tokens[-1] == "€":
        values[0] = tokens.pop() + " " + values[0]  # "€ 12.321" is one value
    unit = find_unit(text) if values else None
    if unit and unit[1][1] > len(" ".join(tokens)):
        return (Cell(text, line),)  # "x €1.000" is a unit label, not a value
    if any(v in _TRAILING_MARKS for v in values) and all(is_year(v) for v in values if v not in _TRAILING_MARKS):
        return (Cell(text, line),)  # a range of years ("2024 - 2030") names something
    if not tokens and _SPACED_DATE.match(text.strip()):
        return (Cell(text, line),)  # a date written with spaces ("31 12 2018") heads a column
    if numbers and (len(values) >= 2 or (values and tokens and _lone_value(values[0].removeprefix("€ ")))):
        label = (Cell(" ".join(tokens), line),) if tokens else ()
        return (*label, *(Cell(v, line) for v in values))
    return (Cell(text, line),)


_TRAILING_MARKS = {"-", "–", "V", "N"}
_SPACED_DATE = re.compile(r"(?:0?[1-9]|[12]\d|3[01]) (?:0?[1-9]|1[0-2]) (?:19|20)\d\d$")


def _numbers_apart(part: str) -> list[str]:
    tokens = part.split()
    if len(tokens) > 1 and all(parse_number(t, amount=True).kind is Kind.NUMBER for t in tokens):
        return tokens
    return [part]


def _spaced_value(text: str) -> bool:
    """One value that a space split in two: a sign, a euro sign or a thousands dot before it."""
    tokens = text.split()
    if len(tokens) != 2 or len(text) > 24:
        return False
    return parse_number(tokens[0], amount=True).kind is not Kind.NUMBER and parse_number(text, amount=True).kind is Kind.NUMBER


def _lone_value(token: str) -> bool:
    """One number after a label is a value when it is written as an amount, not a number of a
    name ("Programma 2") or a year ("Jaarrekening 2018")."""
    if is_year(token):
        return False
    if any(ch in token for ch in ".,-%€"):
        return True
    # a longer plain run of digits may be numbers glued together; `(4)` after a label refers to a note
    return 3 <= len(token.strip("()")) <= 6


def _is_value(token: str) -> bool:
    """A number, a dash, PM, or what is meant as a number (`360.ooo`, `49.72`: a finding later, a cell now)."""
    parsed = parse_number(token, amount=True)
    return parsed.kind in (Kind.NUMBER, Kind.MALFORMED) or token in {"-", "–"} or token.lower() in PRO_MEMORIE


def _count_values(parts: list[str]) -> int:
    return sum(1 for part in parts if _is_value(part.strip()))


# ---------------------------------------------------------------- shared with the other readers


def take_chrome(page: Page, numbered: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Footer, title and breadcrumbs from a page's text lines, as for a text page.

    The html, markdown, xlsx and csv readers pass their own lines (keyed by any
    unique number), so a page's chrome is read the same way in every format.
    """
    return _take_title(page, _take_footer(page, numbered))


def line_item(text: str, line: int | None) -> Item:
    """One line of page text as prose or a row, as the text reader reads it."""
    return _item(text, line)
