"""Reader for CSV exports: `;`, `,` or tab delimited, Dutch or plain numbers.

The encoding is detected as for text pages (BOM, UTF-8, else Windows-1252);
the delimiter is the one that splits most lines into the same number of
fields. Quoted fields may hold delimiters and line breaks. Numbers are written
either the Dutch way (`1.234.567`, `42,8`: left as they are, the number parser
reads them) or plain (`1234567.5`, `1,234,567`: what English Excel and most
databases write). A file whose numbers are plain is rewritten cell by cell to
the Dutch form, so that `1234.5` is not read as one thousand two hundred
thirty-four five. Every cell carries its 1-based line.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter

from budget_checks.model import Cell, Page, Row
from budget_checks.readers.assemble import Line, Piece, assemble, trim_row
from budget_checks.readers.errors import ReadError
from budget_checks.readers.limits import check_text_page
from budget_checks.readers.text import decode

_DELIMITERS = (";", "\t", ",")
_FIELD_LIMIT = 1 << 20  # one field of a megabyte is a broken quote, not a cell
# plain: a dot before other than three digits, or commas between groups of three before a dot
_PLAIN_NUMBER = re.compile(r"^[-+]?(?:\d+\.(?:\d{1,2}|\d{4,})|\d{1,3}(?:,\d{3})+(?:\.\d+)?)%?$")
_DUTCH_NUMBER = re.compile(r"^[-+]?(?:\d+,\d+|\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?)%?$")
_PLAIN_CANDIDATE = re.compile(r"^([-+]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(%?)$")


def read_csv(data: bytes, path: str) -> Page:
    text = decode(data, path)
    check_text_page(text)  # lines, line length and cells within limits before parsing
    delimiter = _delimiter(text)
    csv.field_size_limit(_FIELD_LIMIT)
    try:
        records = _records(text, delimiter)
    except csv.Error as exc:
        raise ReadError(f"CSV could not be read: {exc}") from None
    plain = _plain_numbers(records)
    pieces: list[Piece] = []
    for line, fields in records:
        cells = trim_row([Cell(_dutch(f.strip()) if plain else f.strip(), line) for f in fields])
        filled = [c for c in cells if c.text]
        if len(filled) == 1 and cells[0].text:
            pieces.append(Line(cells[0].text, line))
        elif filled:
            pieces.append(Row(tuple(cells), positional=True))
    return assemble(path, pieces, "csv")


def _delimiter(text: str) -> str:
    lines = [line for line in text.splitlines()[:200] if line.strip()]
    best, best_score = ";", -1
    for delimiter in _DELIMITERS:
        counts = Counter(n for n in (line.count(delimiter) for line in lines) if n)  # one-field lines say nothing
        score = max(counts.values(), default=0)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _records(text: str, delimiter: str) -> list[tuple[int, list[str]]]:
    """(line where the record starts, fields) for every record."""
    stream = io.StringIO(text.replace("\r\n", "\n").replace("\r", "\n"), newline="")
    reader = csv.reader(stream, delimiter=delimiter, quotechar='"', strict=False)
    out = []
    start = 1
    for fields in reader:
        out.append((start, fields))
        start = reader.line_num + 1
    return out


def _plain_numbers(records: list[tuple[int, list[str]]]) -> bool:
    """Plain when some numbers can only be plain and none can only be Dutch."""
    plain = dutch = 0
    for _, fields in records:
        for field in fields:
            value = field.strip().replace(" ", "")
            if _PLAIN_NUMBER.match(value):
                plain += 1
            elif _DUTCH_NUMBER.match(value):
                dutch += 1
    return plain > 0 and dutch == 0


def _dutch(text: str) -> str:
    """`1234567.5` -> `1234567,5`; `1,234,567` -> `1234567`; anything else as it is."""
    match = _PLAIN_CANDIDATE.match(text.replace(" ", ""))
    if not match:
        return text
    sign, whole, fraction, percent = match.groups()
    whole = whole.replace(",", "")
    return f"{sign}{whole}{',' + fraction if fraction else ''}{percent}"
