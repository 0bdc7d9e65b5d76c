"""What a cell of a table-like block holds: a value, a year, a V/N marker, a code or text.

The one classification the grid, the header and the rows share. A year (`2025`) is
a heading in a header and a value in a row; a code (`0.61`, `04.01`, `1.`) names a
row; a marker (`V`, `N`) says voordeel or nadeel beside a value.
"""

from __future__ import annotations

import re
from functools import lru_cache

from budget_checks.numbers import Kind, Parsed, find_unit, is_plain_number, is_year, parse_number

VALUE, YEAR, MARKER, CODE, TEXT = "value", "year", "marker", "code", "text"

_MARKERS = {"v", "n", "v/n", "n/v", "v / n", "n / v", "nadeel", "voordeel", "nadelig", "voordelig"}
_CODE = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})+\.?|\d{1,3}\.|[A-Z]{1,2}\d{0,2}\.)$")  # 0.61, 04.01, 1.2.0.1, 1., A.
_SENTENCE_END = (".", "!", "?", ":", ";")


_DATE = re.compile(r"^\d{1,2}[-/]\d{1,2}(?:[-/](?:\d{4}|\d{2}))?$|^\d{1,2}[. ]\d{1,2}[. ]\d{4}$")  # 31-12-2022, 1-1, 31.12.2022
OPERATORS = {"+": 1, "(+)": 1, "+/+": 1, "(-)": -1, "(−)": -1, "(–)": -1, "-/-": -1}


@lru_cache(maxsize=1 << 16)
def kind(text: str) -> str:
    t = text.strip()
    if is_plain_number(t):  # most cells: an amount, or a year above a column
        return YEAR if is_year(t) else VALUE
    return _kind(t)


def _kind(t: str) -> str:
    if t.lower() in _MARKERS or t in OPERATORS:
        return MARKER
    t = t.rstrip("*¹²³ ").strip() or t  # a footnote mark: "2018 *"
    if is_year(t) or _DATE.match(t):
        return YEAR  # a heading above a column, or a date
    if is_unit_note(t):
        return TEXT
    if _CODE.match(t) and not _THOUSANDS.match(t):
        return CODE
    parsed = parse_number(t, amount=True)
    if parsed.kind is Kind.TEXT:
        return TEXT
    return VALUE


_THOUSANDS = re.compile(r"^-?\d{1,3}(?:\.\d{3})+$")


def parsed(text: str) -> Parsed:
    return parse_number(text, amount=True)


def amount_of(text: str) -> int | None:
    """A cell's whole amount: an empty cell (`-`) is 0, a placeholder or bad value None."""
    p = parse_number(text, amount=True)
    return 0 if p.kind is Kind.EMPTY else p.amount


def is_number(text: str) -> bool:
    return parse_number(text, amount=True).kind is Kind.NUMBER


@lru_cache(maxsize=1 << 14)
def is_unit_note(text: str) -> bool:
    """A cell that states a unit and little else: `(bedragen x € 1.000)`, `x € 1.000`."""
    found = find_unit(text)
    if not found:
        return False
    start, end = found[1]
    rest = (text[:start] + text[end:]).strip(" ()-–:;,/=")
    return len(rest.split()) <= 4


_CHROME = ("terug naar navigatie", "ga terug", "naar boven", "lees meer", "lees verder")


@lru_cache(maxsize=1 << 14)
def is_sentence(text: str) -> bool:
    """Running text or the portal's navigation, not a cell: many words, a few that end like a
    sentence, or a link back (`Terug naar navigatie - ...`)."""
    words = len(text.split())
    t = text.rstrip()
    if t.lower().startswith(_CHROME):
        return True
    last = t.split()[-1] if words else ""
    # `e.v.`, `t/m.`, `niet won.`: a short label that ends in an abbreviation is no sentence,
    # and `Totaal baten programma 0.` ends in the number of what it totals
    abbreviation = "." in last[:-1] or (words <= 8 and len(last) <= 5 and (last[:-1].isalpha() and last[:-1].islower() or last[:-1].isdigit()))
    if t.endswith((":", ";")) and words <= 8:
        return False  # `Aantal periodieke bijstandsgerechtigden:` heads the rows under it
    return words > 40 or (words >= 3 and t.endswith(_SENTENCE_END) and not abbreviation)


def decimals(text: str) -> int:
    """Digits after the decimal comma as written (`-1.166,3` has one)."""
    p = parse_number(text, amount=True)
    if p.kind is not Kind.NUMBER or p.value is None:
        return 0
    exponent = p.value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0
