"""The one parser for Dutch numbers and unit labels.

Values are exact: a `Decimal` for what the cell shows, and an `int` when the
cell holds an amount. Nothing here ever returns a float.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from enum import Enum


class Kind(str, Enum):
    NUMBER = "number"
    EMPTY = "empty"  # blank, "-", "–": nothing shown, read as no value
    PLACEHOLDER = "placeholder"  # PM, n.v.t., nb, ?: a value is announced but not given
    MALFORMED = "malformed"  # looks like a number but is not one (-3..305, 360.ooo)
    TEXT = "text"  # a word or label


@dataclass(frozen=True, slots=True)
class Parsed:
    kind: Kind
    text: str
    value: Decimal | None = None
    percent: bool = False
    marker: str = ""  # "N" (nadeel) or "V" (voordeel) when the cell carried one
    reason: str = ""  # why a cell is malformed
    # the value as an integer amount, or None when it is not a whole number (worked out once:
    # parsed cells are cached and their amounts read again and again)
    amount: int | None = field(init=False, default=None)
    places: int = field(init=False, default=0)  # decimals shown (`1.166,3`: 1)

    def __post_init__(self) -> None:
        if self.kind is Kind.NUMBER and self.value is not None:
            exponent = self.value.as_tuple().exponent
            if isinstance(exponent, int) and exponent < 0:
                object.__setattr__(self, "places", -exponent)
            if self.value == self.value.to_integral_value():
                object.__setattr__(self, "amount", int(self.value))

    @property
    def is_number(self) -> bool:
        return self.kind is Kind.NUMBER


_EMPTY = {"", "-", "–", "—", "--", "−"}
PRO_MEMORIE = frozenset({"pm", "-pm", "p.m.", "-p.m."})  # an amount announced, not quantified: a cell of a row of values
_PLACEHOLDERS = {*PRO_MEMORIE, "n.v.t.", "nvt", "n.v.t", "nb", "n.b.", "n.n.b.", "nnb", "?", "x"}
_DIGITS = r"\d{1,3}(?:\.\d{3})+|\d+"  # dotted thousands or a plain run of digits
_ANY_DIGIT = re.compile(r"\d")
_NUMBER = re.compile(rf"^(?P<int>{_DIGITS})(?:,(?P<frac>\d+))?$")
_PLAIN = re.compile(rf"^(?P<minus>-?)(?P<int>{_DIGITS})$")  # what most cells hold, read without the steps below
_COMMA_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+$")
_DOT_DECIMAL = re.compile(r"^\d{1,3}\.\d{1,2}$")
_RANGE = re.compile(r"^[\d.,]+\s*[-–]\s*[\d.,]+\s*%?$")  # "90-130%": a range, as a norm states it
_MINUS = "-−–"
# A whole part longer than this is not an amount but junk: 15 digits keep every sum of a
# table's column inside the 64-bit integers the dataset stage computes with.
MAX_DIGITS = 15
_NUMERIC_CHARS = set("0123456789.,%-−–+€ ()oO")


# why a cell is malformed: the reasons NU101 reports (translated in its documentation)
TWO_MINUS = "two minus signs"
TOO_LONG = f"more than {MAX_DIGITS} digits before the decimal comma"
DOUBLED = "doubled separator"
LETTER_O = "letter o where a digit belongs"
STRAY_DOT = "dot that is neither a thousands separator nor a decimal comma"
NOT_A_NUMBER = "not a number"
REASONS = (TWO_MINUS, TOO_LONG, DOUBLED, LETTER_O, STRAY_DOT, NOT_A_NUMBER)

_CACHED_LENGTH = 64  # cells are parsed by the reader, the recognizer and the placement alike


def is_plain_number(text: str) -> bool:
    """Digits, in dotted thousands or not, perhaps after a minus: what most cells hold."""
    return _PLAIN.match(text) is not None


def parse_number(text: str, *, amount: bool = False) -> Parsed:
    """Parse one cell. `amount=True` reads `17,473` as seventeen thousand (a comma
    between groups of three is a thousands separator in amount columns)."""
    if len(text) <= _CACHED_LENGTH:  # only short cells are cached, so huge cells never stay in memory
        return _parse_cached(text, amount)
    return _parse(text, amount)


@lru_cache(maxsize=1 << 16)
def _parse_cached(text: str, amount: bool) -> Parsed:
    return _parse(text, amount)


def _parse(text: str, amount: bool) -> Parsed:
    plain = _PLAIN.match(text)
    if plain:  # most cells: digits, in dotted thousands or not, perhaps a minus
        return _number(text, plain["int"], None, bool(plain["minus"]), False, "")
    raw = text
    s = " ".join(text.replace("\u00a0", " ").split())
    if s in _EMPTY:
        return Parsed(Kind.EMPTY, raw)
    if s.lower() in _PLACEHOLDERS:
        return Parsed(Kind.PLACEHOLDER, raw)
    if not _ANY_DIGIT.search(s):
        return Parsed(Kind.TEXT, raw)

    body, marker = _strip_marker(s)
    body = body.replace("€", "").replace(" ", "")
    if body.startswith("-/-"):  # "-/- 216": the bookkeepers' minus
        body = "-" + body[3:]
    negative = False
    percent = False
    if body.endswith("%"):
        percent, body = True, body[:-1]
    if body.startswith("(") and body.endswith(")"):
        negative, body = True, body[1:-1]
    if body[:1] in _MINUS:
        negative, body = True, body[1:]
    elif body[:1] == "+":
        body = body[1:]
    if body[-1:] in _MINUS:
        if negative:
            return _malformed(raw, TWO_MINUS)
        negative, body = True, body[:-1]
    if body.endswith("%") and not percent:
        percent, body = True, body[:-1]

    if amount and _COMMA_THOUSANDS.match(body):
        body = body.replace(",", ".")
    if percent and _DOT_DECIMAL.match(body):
        body = body.replace(".", ",")  # "65.98 %": a dot before two digits and a percent sign is a decimal point
    match = _NUMBER.match(body)
    if not match:
        return _classify_failure(raw, s)
    if marker == "N":
        negative = not negative
    return _number(raw, match["int"], match["frac"], negative, percent, marker)


def _number(raw: str, whole: str, fraction: str | None, negative: bool, percent: bool, marker: str) -> Parsed:
    """The number of a cell read as `whole` (digits, perhaps in dotted thousands) and `fraction`."""
    whole = whole.replace(".", "")
    if len(whole.lstrip("0")) > MAX_DIGITS:
        return _malformed(raw, TOO_LONG)
    value = Decimal(whole + ("." + fraction if fraction else ""))
    # copy_negate is exact; unary minus would round to the context's 28 digits
    return Parsed(Kind.NUMBER, raw, value.copy_negate() if negative else value, percent, marker)


def _strip_marker(s: str) -> tuple[str, str]:
    """N/V markers for nadeel/voordeel: `N 1.234`, `N1.234`, `1.234 V`."""
    m = re.match(r"^([NV])\s*(?=[\d€(-])", s)
    if m:
        return s[m.end():], m.group(1)
    m = re.search(r"(?<=[\d)])\s*([NV])$", s)
    if m:
        return s[: m.start()], m.group(1)
    return s, ""


def _classify_failure(raw: str, s: str) -> Parsed:
    if _RANGE.match(s):
        return Parsed(Kind.TEXT, raw)
    chars = set(s)
    if chars <= _NUMERIC_CHARS:
        if ".." in s or ",," in s:
            return _malformed(raw, DOUBLED)
        if re.search(r"\d[oO]|[oO]\d|\.[oO]", s):
            return _malformed(raw, LETTER_O)
        if re.search(r"\.\d{1,2}(?!\d)", s) or re.search(r"\.\d{4,}", s):
            return _malformed(raw, STRAY_DOT)
        return _malformed(raw, NOT_A_NUMBER)
    return Parsed(Kind.TEXT, raw)


def _malformed(raw: str, reason: str) -> Parsed:
    return Parsed(Kind.MALFORMED, raw, reason=reason)


def is_year(text: str) -> bool:
    s = text.strip()
    return len(s) == 4 and s.isdigit() and 1900 <= int(s) <= 2199


YEAR_IN = re.compile(r"(?<!\d)(?:19|20|21)\d\d(?!\d)")  # a year inside a heading (`Begroting 2025`, `31-12-2024`)


# ---------------------------------------------------------------- units


@dataclass(frozen=True, slots=True)
class Unit:
    label: str  # as written in the source, e.g. "x €1.000"
    scale: int  # euros per displayed unit: 1, 1_000 or 1_000_000

    @property
    def name(self) -> str:
        return UNIT_NAMES[self.scale]


UNIT_NAMES = {1: "€", 1_000: "x €1.000", 1_000_000: "x €1 mln"}
EUROS = Unit("", 1)

# Order matters: millions before thousands, thousands before whole euros.
_UNIT_PATTERNS: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"(?:[x×*]|in)\s*€?\s*1[.\s]?000[.\s]?000(?![\d])|(?:[x×*]\s*)?€\s*(?:1\s*)?(?:mln|miljoen)|[x×*]\s*(?:1\s*)?(?:mln|miljoen)"), 1_000_000),
    (re.compile(r"(?:[x×*]|in)\s*(?:€\s*)?1[.\s]?000(?:,-+)?(?![.\d])(?:\s*euro'?s?)?|in\s+duizenden\s+(?:euro'?s?|€)|duizend\s+euro'?s?"), 1_000),
    (re.compile(r"(?:bedragen\s+)?in\s+(?:€|euro'?s?)(?![\s\d]*1[.\s]?000)"), 1),
)
_UNIT_CONTEXT = re.compile(r"€|euro|bedragen|mln|miljoen|duizend", re.IGNORECASE)


def find_unit(text: str) -> tuple[Unit, tuple[int, int]] | None:
    """Find a unit label inside a title or header cell; returns the unit and its span."""
    return _find_unit(text) if len(text) <= 200 else _find_unit.__wrapped__(text)  # huge cells never stay in memory


@lru_cache(maxsize=1 << 14)  # titles, captions, headers and labels recur on every page of an export
def _find_unit(text: str) -> tuple[Unit, tuple[int, int]] | None:
    if not _UNIT_CONTEXT.search(text):
        return None
    low = text.lower()
    for pattern, scale in _UNIT_PATTERNS:
        m = pattern.search(low)
        if m:
            start, end = _widen(text, m.start(), m.end())
            return Unit(text[start:end].strip(), scale), (start, end)
    return None


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """Take in the surrounding `(bedragen ...)` so the remaining title is clean."""
    open_at = text.rfind("(", 0, start)
    if open_at != -1 and ")" not in text[open_at:start]:
        close_at = text.find(")", end)
        return open_at, (close_at + 1 if close_at != -1 else len(text))
    m = re.search(r"bedragen\s*$", text[:start], re.IGNORECASE)
    if m:
        start = m.start()
    return start, end


def strip_unit(text: str) -> tuple[str, Unit | None]:
    """Split `Overzicht baten en lasten (x €1.000)` into its title and unit."""
    found = find_unit(text)
    if not found:
        return text.strip(), None
    unit, (start, end) = found
    rest = (text[:start] + text[end:]).strip(" \t-–:,")
    return " ".join(rest.split()), unit


UNIT_REMAINS = re.compile(r"\s*\((?:[^()]*(?:€|bedragen|euro|\bx\b)[^()]*)\)?\s*$|\s+bedragen\b.*$", re.IGNORECASE)


def unit_problem(label: str) -> str:
    """The fragment of a label that states a unit this module does not understand, or ''."""
    if label and re.search(r"€|bedragen|euro|\bx\s*\d", label, re.IGNORECASE) and find_unit(label) is None:
        fragment = UNIT_REMAINS.search(label)
        return fragment.group(0).strip() if fragment else label
    return ""
