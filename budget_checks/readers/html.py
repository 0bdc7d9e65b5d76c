"""Reader for HTML pages (a portal's page as saved, or its HTML export).

lxml parses the page; the body is walked in document order. Block elements
give lines of text, `<table>` gives rows: `thead`, `tbody`, `tfoot` and loose
`tr`, `th` and `td` alike, `colspan` and `rowspan` expanded onto a grid (a
spanned label is repeated in every row it spans, a spanned header or value
stands in its first column only), hidden cells, rows and elements dropped
(`hidden`, `display:none`, `aria-hidden`, screen-reader-only text). The
caption, or else the nearest heading above the table, is put before its rows as
the table's title. Script, style, forms and navigation other than breadcrumbs
are page chrome and skipped. A table that holds tables is layout, not data: its
cells are read as text.

Every cell carries its source line and `ref` "t2:r3c4" (data table 2 of the
page, row 3, column 4 of the table's grid, 1-based).
"""

from __future__ import annotations

import re

from budget_checks.model import Cell, Page, Row
from budget_checks.numbers import Kind, parse_number
from budget_checks.readers.assemble import Line, Piece, assemble, trim_row
from budget_checks.readers.errors import ReadError
from budget_checks.readers.limits import CellCount, LimitError
from budget_checks.readers.text import decode

_SKIP = {"script", "style", "noscript", "template", "svg", "button", "select", "option", "textarea", "input", "iframe", "object", "head", "form"}
_BLOCKS = {
    "p", "div", "li", "ul", "ol", "section", "article", "header", "footer", "main", "aside", "nav", "dl", "dt", "dd",
    "blockquote", "pre", "figure", "figcaption", "address", "details", "summary", "h1", "h2", "h3", "h4", "h5", "h6",
    "tr", "td", "th", "table", "caption", "body", "hr", "fieldset", "legend", "center",
}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_HIDDEN_CLASSES = {"sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text", "hidden", "d-none", "u-hidden", "element-invisible"}
_CRUMBS = re.compile(r"breadcrumb|kruimel", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_MAX_SPAN = 1000  # a colspan or rowspan beyond this is hostile or broken, not a table


def read_html(data: bytes, path: str) -> Page:
    from lxml import etree, html  # loaded only when an HTML page is read

    text = _XML_DECLARATION.sub("", decode(data, path), count=1)
    if not text.strip():
        raise ReadError("empty HTML page")
    parser = html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)
    try:
        root = html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise ReadError(f"HTML could not be parsed: {exc}") from None
    for error in parser.error_log:  # the parser stops at its depth limit; what lies deeper would be lost unseen
        if error.type_name == "ERR_RESOURCE_LIMIT":
            raise LimitError(f"HTML parser limit reached: {error.message.split(',')[0]}", error.line or None)
    walker = _Walker()
    body = root.find("body")
    walker.walk(body if body is not None else root)
    walker.flush()
    return assemble(path, walker.pieces, "html")


class _Walker:
    """Walks the element tree in document order, collecting lines and table rows."""

    def __init__(self) -> None:
        self.pieces: list[Piece] = []
        self.buffer: list[str] = []
        self.buffer_line: int | None = None
        self.heading: str = ""  # the nearest heading above, for a table without caption
        self.heading_piece: int | None = None  # its index in pieces
        self.tables = 0
        self.cells = CellCount()  # all tables of the page, spans expanded

    def flush(self, heading: bool = False) -> None:
        text = _normal("".join(self.buffer))
        if text:
            self.pieces.append(Line(text, self.buffer_line))
            if heading:
                self.heading, self.heading_piece = text, len(self.pieces) - 1
        self.buffer, self.buffer_line = [], None

    def add(self, text: str | None, line: int | None) -> None:
        if text:
            if self.buffer_line is None and text.strip():
                self.buffer_line = line
            self.buffer.append(text)

    def walk(self, element) -> None:
        tag = _tag(element)
        if tag is None or tag in _SKIP or _hidden(element):
            self.add(element.tail, element.sourceline)
            return
        if tag == "nav" and not _is_crumbs(element):
            self.add(element.tail, element.sourceline)
            return
        if tag == "table" and element.find(".//table") is None:
            self.flush()
            self._table(element)
        elif tag == "br":
            self.flush()
        elif tag in _BLOCKS or (tag in ("a", "span", "li") and _is_crumbs(element.getparent())):
            self.flush()
            self.add(element.text, element.sourceline)
            for child in element:
                self.walk(child)
            self.flush(heading=tag in _HEADINGS)
        else:
            self.add(element.text, element.sourceline)
            for child in element:
                self.walk(child)
        self.add(element.tail, element.sourceline)

    def _table(self, table) -> None:
        grid = _grid(table, self.cells)
        if not grid:
            return
        self.tables += 1
        t = self.tables
        caption = table.find("caption")
        caption_text = _cell_text(caption) if caption is not None and not _hidden(caption) else ""
        if caption_text:
            self.pieces.append(Row((Cell(caption_text, caption.sourceline, f"t{t}"),)))
        elif self.heading and self.heading_piece != len(self.pieces) - 1:
            # the nearest heading above, repeated right before the rows so that it titles the table
            self.pieces.append(Row((Cell(self.heading, table.sourceline, f"t{t}"),)))
        for r, row in enumerate(grid, start=1):
            cells = trim_row([Cell(text, line, f"t{t}:r{r}c{c}") for c, (text, line) in enumerate(row, start=1)])
            if cells:
                self.pieces.append(Row(tuple(cells), positional=True))


def _tag(element) -> str | None:
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else None  # comments and processing instructions have none


def _hidden(element) -> bool:
    attrib = element.attrib
    if not attrib:
        return False
    if "hidden" in attrib or attrib.get("aria-hidden", "").lower() == "true":
        return True
    if _HIDDEN_STYLE.search(attrib.get("style", "")):
        return True
    return bool(_HIDDEN_CLASSES.intersection(attrib.get("class", "").lower().split()))


def _is_crumbs(element) -> bool:
    if element is None:
        return False
    attrib = element.attrib
    return bool(_CRUMBS.search(" ".join((attrib.get("class", ""), attrib.get("id", ""), attrib.get("aria-label", "")))))


def _normal(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u200b", "").split())


def _cell_text(element) -> str:
    """The visible text of a cell: nested elements included, hidden ones left out."""
    if len(element) == 0:
        return _normal(element.text or "")
    parts: list[str] = []

    def visit(node) -> None:
        tag = _tag(node)
        if tag is None or tag in _SKIP or _hidden(node):
            return
        if tag == "br" or tag in _BLOCKS:
            parts.append(" ")
        if node.text:
            parts.append(node.text)
        for child in node:
            visit(child)
            if child.tail:
                parts.append(child.tail)

    visit(element)
    return _normal("".join(parts))


def _rows(table) -> list:
    """The table's own rows in display order: head, body (and loose rows), foot."""
    head, body, foot = [], [], []
    for child in table:
        tag = _tag(child)
        if tag == "thead":
            head += [r for r in child if _tag(r) == "tr"]
        elif tag == "tfoot":
            foot += [r for r in child if _tag(r) == "tr"]
        elif tag == "tbody":
            body += [r for r in child if _tag(r) == "tr"]
        elif tag == "tr":
            body.append(child)
    return head + body + foot


def _span(element, name: str) -> int:
    if name not in element.attrib:
        return 1
    try:
        return max(1, min(int(element.get(name, "1").strip() or 1), _MAX_SPAN))
    except ValueError:
        return 1


def _grid(table, cells: CellCount | None = None) -> list[list[tuple[str, int | None]]]:
    """Visible rows expanded onto a grid of (text, source line)."""
    rows = [r for r in _rows(table) if not _hidden(r)]
    grid: list[list[tuple[str, int | None]]] = []
    pending: dict[tuple[int, int], tuple[str, int | None]] = {}  # cells that rowspans carry down
    for r, tr in enumerate(rows):
        out: dict[int, tuple[str, int | None]] = {c: v for (rr, c), v in pending.items() if rr == r}
        col = 0
        for cell in tr:
            if _tag(cell) not in ("td", "th") or _hidden(cell):
                continue
            while col in out:
                col += 1
            text = _cell_text(cell)
            colspan, rowspan = _span(cell, "colspan"), _span(cell, "rowspan")
            if cells is not None:  # counted before the spans are expanded
                cells.add(colspan * min(rowspan, len(rows) - r), cell.sourceline)
            out[col] = (text, cell.sourceline)
            for extra in range(1, colspan):
                out.setdefault(col + extra, ("", cell.sourceline))
            if rowspan == 1:
                col += colspan
                continue
            # a spanned label belongs to every row it spans; a spanned amount is counted once
            carried = text if parse_number(text, amount=True).kind is Kind.TEXT else ""
            for down in range(1, min(rowspan, len(rows) - r)):
                for extra in range(colspan):
                    pending[(r + down, col + extra)] = (carried if extra == 0 else "", cell.sourceline)
            col += colspan
        if out:
            width = max(out) + 1
            grid.append([out.get(c, ("", tr.sourceline)) for c in range(width)])
        else:
            grid.append([])
    return [row for row in grid if any(text for text, _ in row)]
