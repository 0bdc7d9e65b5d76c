"""Hypothesis strategies shared by the property tests and the fuzz entry point:
numbers written the Dutch way, page-like text, and valid pages of every format
with random damage done to them."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal

from hypothesis import strategies as st

from tests.hostile.corpus import GOOD_PAGE, workbook

MAX_WHOLE = 10**15 - 1  # numbers.MAX_DIGITS digits


def dutch(n: int) -> str:
    """An integer with dots between groups of three: 2.240.502."""
    return f"{abs(n):,}".replace(",", ".")


def dutch_decimal(d: Decimal) -> str:
    """-1234.5 -> -1.234,5 (the fraction as written, with a decimal comma)."""
    sign, text = ("-" if d < 0 else ""), format(d.copy_abs(), "f")  # abs() would round to 28 digits
    whole, _, fraction = text.partition(".")
    return sign + dutch(int(whole)) + ("," + fraction if fraction else "")


def negative_forms(n: int) -> list[str]:
    """The ways a page writes -n (FORMATS.md §2)."""
    d = dutch(n)
    return [f"-{d}", f"- {d}", f"−{d}", f"{d}-", f"({d})", f"N {d}", f"N{d}", f"{d} N", f"€ -{d}"]


def positive_forms(n: int) -> list[str]:
    d = dutch(n)
    return [d, f"+{d}", f"€ {d}", f"{d} V", str(n)]


amounts = st.integers(min_value=-MAX_WHOLE, max_value=MAX_WHOLE)
decimals = st.integers(1, 30).flatmap(  # up to 30 decimals: more than Decimal's default 28 digits of precision
    lambda places: st.decimals(min_value=-MAX_WHOLE, max_value=MAX_WHOLE, allow_nan=False, allow_infinity=False, places=places)
)

# text that looks like pages: labels, numbers, separators and markup, so that
# the readers get past their first checks
_TOKENS = [
    "Doel 1.1.1", "Overzicht baten en lasten", "Lasten", "Baten", "Saldo", "Totaal", "(bedragen x € 1.000)", "x €1.000",
    "2.240.502", "-1.205.582", "1.034.920-", "(17)", "N 12", "42,8%", "PM", "n.v.t.", "-", "–", "2026", "0", "9" * 40,
    "\t", "  ", " ", "\n", "\r\n", "\r", ";", ",", "|", "|---|---|", '"', "<table>", "<tr>", "<td>", "</td>", "</tr>",
    '<td colspan="1000">', '<td rowspan="99999">', "<div>", "&amp;", "&#0;", "\x00", "\ufeff", "=SUM(A1)", "@x", "+1",
    "Deze pagina is gebouwd op 10/10/2025 07:33:06 met de export van 10/10/2025 07:24:21",
    "Deze pagina is gebouwd op 13/45/2025 07:33:06 met de export van 10/10/2025 07:24:21",
]
page_text = st.lists(st.one_of(st.sampled_from(_TOKENS), st.text(max_size=12)), max_size=120).map("".join)
encodings = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252"])


@st.composite
def page_bytes(draw) -> bytes:
    text = draw(page_text)
    encoding = draw(encodings)
    return text.encode(encoding, errors="replace") if encoding == "cp1252" else text.encode(encoding, errors="surrogatepass")


def _html() -> bytes:
    rows = "".join(f"<tr><th>{label}</th><td>100</td><td>20</td><td>80</td></tr>" for label in ("Doel 1.1.1", "Totaal"))
    return (f"<html><body><h1>Doel 1.1.1 Voorbeeld</h1><h2>Overzicht baten en lasten</h2><table>"
            f"<tr><th></th><th>Lasten</th><th>Baten</th><th>Saldo</th></tr>{rows}</table></body></html>").encode()


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def valid_files() -> dict[str, bytes]:
    """One good page per format (the starting points of damage)."""
    return {
        "pagina.txt": GOOD_PAGE.encode(),
        "pagina.html": _html(),
        "pagina.csv": GOOD_PAGE.replace("\t", ";").encode(),
        "pagina.md": b"# Doel 1.1.1\n\n| | Lasten | Baten | Saldo |\n|---|---|---|---|\n| Doel 1.1.1 | 100 | 20 | 80 |\n",
        "pagina.xlsx": workbook(),
    }


@st.composite
def damaged(draw, files: dict[str, bytes]) -> tuple[str, bytes]:
    """A valid file of some format with bytes flipped, cut, inserted or repeated."""
    name = draw(st.sampled_from(sorted(files)))
    data = bytearray(files[name])
    for _ in range(draw(st.integers(0, 6))):
        action = draw(st.sampled_from(["flip", "cut", "insert", "repeat"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if action == "flip" and data:
            data[at] ^= draw(st.integers(1, 255))
        elif action == "cut":
            del data[at:]
        elif action == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif action == "repeat" and data:
            piece = data[at : at + draw(st.integers(1, 64))]
            data[at:at] = piece * draw(st.integers(1, 50))
    return name, bytes(data)
