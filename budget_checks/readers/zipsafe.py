"""Zip archives read within limits, in memory: export zips and xlsx workbooks.

Nothing is ever extracted to disk, so a member named `../x` or `/etc/x` is
only a label. Declared sizes are checked first and then the actual inflated
bytes are counted, so a member that lies about its size still stops at the
limit. An xlsx workbook is checked the same way before the spreadsheet
library opens it, and its sheets are measured (rows × columns of the used
range) because that library allocates every cell of the range at once.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from io import BytesIO

from budget_checks.readers.errors import ReadError
from budget_checks.readers.limits import Limits, LimitError

CHUNK = 1 << 20
try:
    from lzma import LZMAError
except ImportError:  # a Python built without lzma cannot open such members at all
    LZMAError = zlib.error

# what zipfile and its decompressors raise for damaged archives (bz2 raises OSError; an unsupported
# compression method raises a subclass of RuntimeError)
ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, LZMAError, RuntimeError, OSError, ValueError, EOFError, LookupError)


def member_name(raw: str) -> str:
    """Member names are labels only (never paths on disk): drop drive, root and `..`."""
    parts = [p for p in raw.replace("\\", "/").split("/") if p not in ("", ".", "..")]
    if parts and len(parts[0]) == 2 and parts[0][1] == ":":
        parts = parts[1:]  # a drive letter
    return "/".join(parts) or "(unnamed)"


def member_problem(member: zipfile.ZipInfo, total: int, limits: Limits) -> tuple[str, str] | None:
    """(code, reason) when a member must not be read, judged by what it declares."""
    if member.flag_bits & 0x1:
        return "IO101", "encrypted member, not read"
    if member.file_size > limits.max_file_bytes:
        return "IO102", f"declares {member.file_size:,} bytes, over the limit max_file_bytes = {limits.max_file_bytes:,}"
    if member.file_size > 1024 and member.file_size > limits.max_zip_ratio * max(member.compress_size, 1):
        ratio = member.file_size // max(member.compress_size, 1)
        return "IO102", f"compression ratio {ratio:,}:1 exceeds the limit max_zip_ratio = {limits.max_zip_ratio}:1"
    if total + member.file_size > limits.max_zip_total_bytes:
        return "IO102", f"the archive inflates past the limit max_zip_total_bytes = {limits.max_zip_total_bytes:,}"
    return None


def read_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo, limits: Limits) -> bytes:
    """The member's bytes; LimitError past max_file_bytes, ReadError when damaged."""
    chunks, size = [], 0
    try:
        with archive.open(member) as stream:
            while chunk := stream.read(CHUNK):
                size += len(chunk)
                if size > limits.max_file_bytes:
                    raise LimitError(f"inflates past the limit max_file_bytes = {limits.max_file_bytes:,}")
                chunks.append(chunk)
    except ZIP_ERRORS as exc:
        raise ReadError(f"unreadable zip member: {exc}") from None
    return b"".join(chunks)


# ---------------------------------------------------------------- xlsx


_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(row|c)\b([^>]*?)(/?)>")
_REF = re.compile(rb"""\br\s*=\s*["']([A-Za-z]{0,3})(\d{1,9})["']""")
_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


def check_workbook(data: bytes, limits: Limits) -> None:
    """Raise LimitError or ReadError before a workbook is opened, when it is a bomb.

    Checks every member's declared and actual inflated size, the ratio and the
    total; refuses XML with a document type declaration (entity expansion and
    external entities need one); and measures each worksheet's used range.
    """
    try:
        archive = zipfile.ZipFile(BytesIO(data))
    except ZIP_ERRORS as exc:
        raise ReadError(f"damaged xlsx archive: {exc}") from None
    with archive:
        members = [m for m in archive.infolist() if not m.is_dir()]
        if len(members) > limits.max_zip_members:
            raise LimitError(f"{len(members):,} members exceed the limit max_zip_members = {limits.max_zip_members:,}")
        total, cells = 0, [0]  # inflated bytes, cells of the sheets measured so far
        for member in members:
            problem = member_problem(member, total, limits)
            if problem:
                error = LimitError if problem[0] == "IO102" else ReadError
                raise error(f"{member_name(member.filename)}: {problem[1]}")
            total += _scan_member(archive, member, limits, cells)


def _scan_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo, limits: Limits, cells: list[int]) -> int:
    name = member.filename
    xml = name.lower().endswith((".xml", ".rels", ".vml"))
    sheet = _Extent(cells[0]) if name.startswith("xl/worksheets/") and xml else None
    size, tail = 0, b""
    try:
        with archive.open(member) as stream:
            while chunk := stream.read(CHUNK):
                size += len(chunk)
                if size > limits.max_file_bytes:
                    raise LimitError(f"{name}: inflates past the limit max_file_bytes = {limits.max_file_bytes:,}")
                if not xml:
                    continue
                buffer = tail + chunk
                if _DOCTYPE.search(buffer):
                    raise ReadError(f"{name}: XML with a document type declaration; entity declarations are refused")
                if sheet is not None:
                    sheet.scan(buffer)
                    sheet.check(name, limits)
                cut = buffer.rfind(b"<")
                tail = buffer[cut:] if cut != -1 and len(buffer) - cut < 4096 else buffer[-16:]
    except ZIP_ERRORS as exc:
        raise ReadError(f"{name}: unreadable zip member: {exc}") from None
    if sheet is not None:
        cells[0] = sheet.cells()
    return size


class _Extent:
    """The used range of a worksheet as the cell references in its XML give it."""

    def __init__(self, before: int = 0) -> None:
        self.before = before  # cells of the workbook's sheets before this one
        self.rows: tuple[int, int] | None = None
        self.cols: tuple[int, int] | None = None
        self.row, self.col = 0, 0

    def scan(self, buffer: bytes) -> None:
        for tag, attributes, empty in _TAG.findall(buffer):
            ref = _REF.search(attributes)
            if tag == b"row":
                self.row = int(ref.group(2)) if ref else self.row + 1
                self.col = 0
                continue
            if ref and ref.group(1):
                self.row, self.col = int(ref.group(2)), _column(ref.group(1))
            else:
                self.col += 1
            if not empty:  # a self-closing cell holds no value
                self._take(max(self.row, 1), self.col)

    def _take(self, row: int, col: int) -> None:
        self.rows = (min(self.rows[0], row), max(self.rows[1], row)) if self.rows else (row, row)
        self.cols = (min(self.cols[0], col), max(self.cols[1], col)) if self.cols else (col, col)

    def size(self) -> tuple[int, int]:
        if self.rows is None or self.cols is None:
            return 0, 0
        return self.rows[1] - self.rows[0] + 1, self.cols[1] - self.cols[0] + 1

    def cells(self) -> int:
        height, width = self.size()
        return self.before + height * width

    def check(self, name: str, limits: Limits) -> None:
        height, width = self.size()
        if height > limits.max_page_lines:
            raise LimitError(f"{name}: a used range of {height:,} rows exceeds the limit max_page_lines = {limits.max_page_lines:,}")
        if self.cells() > limits.max_page_cells:
            raise LimitError(
                f"{name}: a used range of {height:,} rows × {width:,} columns takes the workbook past "
                f"the limit max_page_cells = {limits.max_page_cells:,}"
            )


def _column(letters: bytes) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - 64
    return number
