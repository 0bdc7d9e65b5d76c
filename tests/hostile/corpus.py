"""The hostile and broken input corpus, built by code in a temporary folder.

Every case is a folder holding one good page with a planted error (`00-goed.txt`)
beside the hostile input, so that each case shows both halves of the promise:
the hostile file gets a located finding, and the planted error is still found.
Big inputs are generated here, never committed. The figures are the seeds'.
"""

from __future__ import annotations

import io
import os
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

# 2.240.502 - 1.205.582 = 1.034.920, the page shows 1.044.920: BL101 on "Doel 1.1.1 Voorbeeld" › Saldo
GOOD_PAGE = (
    "Doel 1.1.1 Voorbeeld\n"
    "Overzicht baten en lasten (bedragen x € 1.000)\n"
    "Lasten\tBaten\tSaldo\tToevoeging aan reserves\tOnttrekking aan reserves\tGeraamd resultaat\n"
    "Doel 1.1.1 Voorbeeld\t2.240.502\t1.205.582\t1.044.920\t0\t0\t1.044.920\n"
)
PLANTED = ("BL101", "Doel 1.1.1 Voorbeeld", "Saldo")
GOOD_NAME = "00-goed.txt"
SMALL_LIMITS = {"max_seconds_per_file": 20}  # every case must finish well within this


@dataclass(frozen=True)
class Expect:
    """What the hostile file must give: a finding of `code` on a page whose name
    ends with `page`, a message holding `says`, at `line` when given."""

    code: str | None  # None: the file is readable and gives no IO finding
    page: str = ""
    says: str = ""
    line: int | None = None
    row: str | None = None
    unit: str | None = None


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[Path], None]  # writes the hostile file(s) into the case folder
    expect: tuple[Expect, ...]
    limits: dict[str, float] = field(default_factory=dict)
    planted_pages: int = 1  # pages that carry the planted error (readable copies count too)
    inflation: bool = False  # measured for memory


def good(folder: Path, name: str = GOOD_NAME, text: str = GOOD_PAGE, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def build_case(case: Case, root: Path) -> Path:
    folder = root / case.name
    folder.mkdir(parents=True, exist_ok=True)
    good(folder)
    case.build(folder)
    return folder


# ---------------------------------------------------------------- files


def _write(name: str, make: Callable[[], bytes]) -> Callable[[Path], None]:
    """A case that writes one file; its bytes are made only when the case is built."""

    def build(folder: Path) -> None:
        (folder / name).write_bytes(make())

    return build


def _random(n: int, seed: int = 7) -> bytes:
    """Deterministic noise with NUL bytes, like any compressed or image file."""
    out, x = bytearray(), seed
    for _ in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        out.append((x >> 16) & 0xFF)
    return bytes(out)


def _zip(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name), data, compress_type=method)
    return out.getvalue()


def _encrypted_flag(data: bytes) -> bytes:
    """Set the 'encrypted' bit of every member, in local headers and the central directory."""
    raw = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = raw.find(signature)
        while at != -1:
            flags = struct.unpack_from("<H", raw, at + offset)[0]
            struct.pack_into("<H", raw, at + offset, flags | 0x1)
            at = raw.find(signature, at + 4)
    return bytes(raw)


def _corrupt_member(data: bytes) -> bytes:
    """Flip bytes inside the first member's compressed data (its CRC no longer matches)."""
    raw = bytearray(data)
    name_len, extra_len = struct.unpack_from("<HH", raw, 26)
    start = 30 + name_len + extra_len
    for i in range(start + 2, start + 12):
        raw[i] ^= 0x5A
    return bytes(raw)


def _lying_size(data: bytes, size: int) -> bytes:
    """Make the first member declare `size` bytes (local header and central directory)."""
    raw = bytearray(data)
    struct.pack_into("<I", raw, 22, size)
    central = raw.find(b"PK\x01\x02")
    struct.pack_into("<I", raw, central + 24, size)
    return bytes(raw)


def _bomb(size: int) -> bytes:
    """`size` bytes of one repeated character: deflate packs it ~1000:1."""
    return b" " * size


def _zip_bomb(name: str, size: int) -> bytes:
    """A zip whose one member truly inflates to `size` (< 4 GiB) bytes of blank space.

    Built by hand from one compressed megabyte repeated (a full flush makes every
    megabyte compress to the same bytes), so making a gigabyte bomb takes a moment.
    """
    chunk = _bomb(1 << 20)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    count = size >> 20
    data = block * count + zlib.compressobj(9, zlib.DEFLATED, -15).flush()  # an empty final block
    crc = 0
    for _ in range(count):
        crc = zlib.crc32(chunk, crc)
    raw = name.encode()
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(data), size, len(raw), 0) + raw
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(data), size, len(raw), 0, 0, 0, 0, 0, 0) + raw
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central), len(local) + len(data), 0)
    return local + data + central + end


# ---------------------------------------------------------------- xlsx


def workbook(cells: dict[str, object] | None = None) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Blad1"
    rows = [
        ["Overzicht baten en lasten"],
        ["", "Lasten", "Baten", "Saldo"],
        ["Doel 2.1.1 Werkboek", 500, 100, 400],
    ]
    for row in rows:
        ws.append(row)
    for ref, value in (cells or {}).items():
        ws[ref] = value
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _rewrite(xlsx: bytes, edits: dict[str, Callable[[bytes], bytes]], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(xlsx))
    members = {}
    for name in source.namelist():
        data = source.read(name)
        members[name] = edits[name](data) if name in edits else data
    return _zip(members, method)


def _xlsx_far_cell(folder: Path) -> None:
    # one value at the last cell Excel has: the used range is 1,048,576 rows x 16,384 columns
    (folder / "ver-weg.xlsx").write_bytes(_rewrite(workbook(), {
        "xl/worksheets/sheet1.xml": lambda x: x.replace(b"</sheetData>", b'<row r="1048576"><c r="XFD1048576" t="n"><v>1</v></c></row></sheetData>'),
    }))


def _xlsx_bomb(folder: Path) -> None:
    # 60 MB of blank space inside the sheet XML, some sixty kilobytes compressed
    (folder / "bom.xlsx").write_bytes(_rewrite(workbook(), {
        "xl/worksheets/sheet1.xml": lambda x: x.replace(b"<sheetData>", b"<sheetData>" + _bomb(60 * 1024 * 1024)),
    }))


_ENTITIES = b"".join(b'<!ENTITY %s "%s">' % (bytes([98 + i]), (b"&" + bytes([97 + i]) + b";") * 10) for i in range(9))
_LAUGHS = b'<!ENTITY a "hahahahahahahahahahaha">' + _ENTITIES  # &j; would be 10^9 times "haha..."


def _with_doctype(sheet: bytes, declarations: bytes, reference: bytes) -> bytes:
    """The sheet XML with a document type declaration and a cell whose text is `reference`."""
    body = sheet.split(b"?>", 1)[1] if sheet.startswith(b"<?xml") else sheet
    cell = b'<row r="9"><c r="A9" t="inlineStr"><is><t>' + reference + b"</t></is></c></row>"
    body = body.replace(b"</sheetData>", cell + b"</sheetData>")
    return b'<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE worksheet [' + declarations + b"]>" + body


def entity_bomb_xlsx() -> bytes:
    return _rewrite(workbook(), {"xl/worksheets/sheet1.xml": lambda x: _with_doctype(x, _LAUGHS, b"&j;")})


def external_entity_xlsx(secret: Path) -> bytes:
    declaration = b'<!ENTITY x SYSTEM "file://' + str(secret).encode() + b'">'
    return _rewrite(workbook(), {"xl/worksheets/sheet1.xml": lambda x: _with_doctype(x, declaration, b"&x;")})


def _xlsx_entities(folder: Path) -> None:
    (folder / "entiteiten.xlsx").write_bytes(entity_bomb_xlsx())


SECRET = "GEHEIM-1234-NIET-LEZEN"


def secret_file(folder: Path) -> Path:
    secret = folder.parent / f"{folder.name}-geheim.txt"  # outside the case folder: never read
    secret.write_text(SECRET, encoding="utf-8")
    return secret


def _xlsx_external(folder: Path) -> None:
    (folder / "extern.xlsx").write_bytes(external_entity_xlsx(secret_file(folder)))


# ---------------------------------------------------------------- html


def _deep_html(folder: Path) -> None:
    depth = 100_000
    (folder / "diep.html").write_bytes(b"<html><body>" + b"<div>" * depth + b"Doel" + b"</div>" * depth + b"</body></html>")


def _span_html(folder: Path) -> None:
    row = "<tr><th>Doel</th>" + '<td colspan="1000" rowspan="1000">1</td>' * 50 + "</tr>"
    (folder / "spans.html").write_text("<html><body><table>" + row * 200 + "</table></body></html>", encoding="utf-8")


def _absurd_span_small_table(folder: Path) -> None:
    table = (
        "<html><body><h2>Overzicht</h2><table>"
        '<tr><th colspan="999999999">Kop</th></tr><tr><td rowspan="-5">Doel</td><td colspan="abc">1</td></tr>'
        "</table></body></html>"
    )
    (folder / "rare-spans.html").write_text(table, encoding="utf-8")


def _html_entities(folder: Path) -> None:
    secret = secret_file(folder)
    declarations = _LAUGHS + b'<!ENTITY x SYSTEM "file://' + str(secret).encode() + b'">'
    page = b"<!DOCTYPE html [" + declarations + b"]><html><body><p>&j;</p><p>&x;</p></body></html>"
    (folder / "entiteiten.html").write_bytes(page)


# ---------------------------------------------------------------- folders


def _symlink_loop(folder: Path) -> None:
    (folder / "lus").symlink_to(folder, target_is_directory=True)  # a folder that contains itself
    (folder / "zelf.txt").symlink_to(folder / "zelf.txt")  # a link to itself


def _special_files(folder: Path) -> None:
    os.mkfifo(folder / "pijp.txt")  # reading a pipe would wait for ever


def _unreadable(folder: Path) -> None:
    path = folder / "geen-toegang.txt"
    path.write_text(GOOD_PAGE, encoding="utf-8")
    path.chmod(0)


def _deep_folders(folder: Path) -> None:
    path = folder
    for i in range(40):
        path = path / f"n{i}"
    good(path, "diep.txt")


# ---------------------------------------------------------------- text


def _page_with(line: str) -> str:
    return GOOD_PAGE.replace("Doel 1.1.1 Voorbeeld\n", "Doel 1.1.1 Voorbeeld\n" + line + "\n", 1)


def _undecodable_name(folder: Path) -> None:
    """A file name that is not UTF-8 (the bytes of a Windows-1252 or broken name)."""
    try:
        good(folder, os.fsdecode(b"\xff\xfe-pagina.txt"))
    except (OSError, UnicodeError):  # a file system that only takes UTF-8 names
        good(folder, "pagina.txt")


def _cp1252(folder: Path) -> None:
    good(folder, "cp1252.txt", GOOD_PAGE.replace("Voorbeeld", "Voorbeëld"), "cp1252")


def _mixed_breaks(folder: Path) -> None:
    lines = GOOD_PAGE.replace("Voorbeeld", "Regeleinden").splitlines()
    text = lines[0] + "\r" + lines[1] + "\r\n" + lines[2] + "\n" + lines[3] + "\r\n"
    (folder / "regeleinden.txt").write_bytes(text.encode("utf-8"))


BIG_NUMBER = "9" * 5000


def _formula_page() -> str:
    labels = ["=SUM(A1:A9)", "+1+1", "-2+3", "@SUM(1)", "=HYPERLINK(\"http://x\")"]
    rows = "".join(f"{label}\t100\t20\t90\t0\t0\t90\n" for label in labels)
    return (
        "Doel 1.1.1 Formules\nOverzicht baten en lasten\n"
        "Lasten\tBaten\tSaldo\tToevoeging aan reserves\tOnttrekking aan reserves\tGeraamd resultaat\n" + rows
    )


# ---------------------------------------------------------------- the cases


CASES: tuple[Case, ...] = (
    Case("leeg-bestand", _write("leeg.txt", lambda: b""), (Expect("IO101", "leeg.txt", "empty file"),)),
    Case("alleen-witruimte", _write("wit.txt", lambda: b" \n\t\r\n  "), (Expect("IO101", "wit.txt", "blank"),)),
    Case("binair-als-txt", _write("plaatje.txt", lambda: _random(50_000)), (Expect("IO101", "plaatje.txt", "binary"),)),
    Case("binair-als-html", _write("pagina.html", lambda: _random(50_000, 3)), (Expect("IO101", "pagina.html", "binary"),)),
    Case("binair-als-csv", _write("tabel.csv", lambda: _random(50_000, 5)), (Expect("IO101", "tabel.csv", "binary"),)),
    Case("binair-als-xlsx", _write("werkboek.xlsx", lambda: _random(50_000, 11)), (Expect("IO101", "werkboek.xlsx", "binary"),)),
    Case("stuurtekens", _write("stuur.txt", lambda: bytes(range(1, 9)) * 500), (Expect("IO101", "stuur.txt", "control characters"),)),
    Case("nul-bytes", _write("nul.txt", lambda: b"Doel 1\nOverzicht\nregel\x00drie\n"), (Expect("IO101", "nul.txt", "NUL", line=3),)),
    Case("utf8-bom", lambda f: good(f, "bom.txt", "\ufeff" + GOOD_PAGE), (Expect(None),), planted_pages=2),
    Case("utf16-bom", lambda f: good(f, "utf16.txt", GOOD_PAGE, "utf-16"), (Expect(None),), planted_pages=2),
    Case("utf16-zonder-bom", lambda f: good(f, "utf16be.txt", GOOD_PAGE, "utf-16-be"), (Expect(None),), planted_pages=2),
    Case("onleesbare-bestandsnaam", _undecodable_name, (Expect(None),), planted_pages=2),
    Case("cp1252", _cp1252, (Expect(None), Expect("BL101", "cp1252.txt", row="Doel 1.1.1 Voorbeëld", unit="x €1.000"))),
    Case("gemengde-regeleinden", _mixed_breaks, (Expect(None), Expect("BL101", "regeleinden.txt", row="Doel 1.1.1 Regeleinden", line=4))),
    Case("lange-regel", _write("lang.txt", lambda: b"Doel 1\n" + b"1 " * (6 * 1024 * 1024) + b"\n"),
         (Expect("IO102", "lang.txt", "max_line_chars", line=2),), inflation=True),
    Case("miljoenen-regels", _write("regels.txt", lambda: b"Doel 1\n" + b"x\n" * 2_000_000),
         (Expect("IO102", "regels.txt", "max_page_lines"),), inflation=True),
    Case("duizenden-cijfers", lambda f: good(f, "cijfers.txt", GOOD_PAGE.replace("1.044.920\t0\t0\t1.044.920", f"{BIG_NUMBER}\t0\t0\t{BIG_NUMBER}")),
         (Expect("NU101", "cijfers.txt", "digits"),)),
    Case("html-diep-genest", _deep_html, (Expect("IO102", "diep.html", "depth"),)),
    Case("html-absurde-spans", _span_html, (Expect("IO102", "spans.html", "max_page_cells"),), inflation=True),
    Case("html-rare-spans-klein", _absurd_span_small_table, (Expect(None),)),
    Case("html-entiteiten", _html_entities, (Expect(None),)),
    Case("zip-afgebroken", _write("export.zip", lambda: _zip({"a.txt": GOOD_PAGE.encode()})[:60]), (Expect("IO101", "export.zip", ""),)),
    Case("zip-versleuteld", _write("export.zip", lambda: _encrypted_flag(_zip({"a.txt": GOOD_PAGE.encode()}))),
         (Expect("IO101", "a.txt", "encrypted"),)),
    Case("zip-kapot-lid", _write("export.zip", lambda: _corrupt_member(_zip({"a.txt": GOOD_PAGE.encode() * 50}))),
         (Expect("IO101", "a.txt", "unreadable"),)),
    Case("zip-paden", _write("export.zip", lambda: _zip({"../../ontsnapt.txt": GOOD_PAGE.encode(), "/tmp/absoluut.txt": GOOD_PAGE.encode(),
                                                 "C:\\windows\\schijf.txt": GOOD_PAGE.encode()})),
         (Expect(None),), planted_pages=4),
    Case("zip-in-zip", _write("export.zip", lambda: _zip({"binnen.zip": _zip({"a.txt": GOOD_PAGE.encode()})})),
         (Expect("IO101", "binnen.zip", "zip archive inside"),)),
    Case("zip-bom", _write("export.zip", lambda: _zip_bomb("bom.txt", 60 * 1024 * 1024)), (Expect("IO102", "bom.txt", "ratio"),), inflation=True),
    Case("zip-bom-ratio-verhoogd", _write("export.zip", lambda: _zip_bomb("bom.txt", 60 * 1024 * 1024)),
         (Expect("IO101", "bom.txt", "blank"),), limits={"max_zip_ratio": 1_000_000}, inflation=True),
    Case("zip-bom-groot", _write("export.zip", lambda: _zip_bomb("bom.txt", 1024 * 1024 * 1024)),
         (Expect("IO102", "bom.txt", "max_file_bytes"),), inflation=True),
    Case("zip-liegt-over-grootte", _write("export.zip", lambda: _lying_size(_zip({"a.txt": _bomb(20 * 1024 * 1024)}), 1000)),
         (Expect("IO101", "a.txt", "CRC"),), inflation=True),
    Case("zip-lid-te-groot", _write("export.zip", lambda: _zip({"groot.txt": b"Doel 1\n" + _random(600_000).hex().encode()})),
         (Expect("IO102", "groot.txt", "max_file_bytes"),), limits={"max_file_bytes": 1_000_000}, inflation=True),
    Case("zip-te-veel-leden", _write("export.zip", lambda: _zip({f"p{i:03}.txt": b"Doel 1\ntekst\n" for i in range(30)})),
         (Expect("IO102", "export.zip", "max_zip_members"),), limits={"max_zip_members": 10}),
    Case("xlsx-bom", _xlsx_bomb, (Expect("IO102", "bom.xlsx", "ratio"),), inflation=True),
    Case("xlsx-bom-ratio-verhoogd", _xlsx_bomb, (Expect(None),), limits={"max_zip_ratio": 1_000_000}, inflation=True),
    Case("xlsx-verre-cel", _xlsx_far_cell, (Expect("IO102", "ver-weg.xlsx", "max_page_lines"),), inflation=True),
    Case("xlsx-entiteiten", _xlsx_entities, (Expect("IO101", "entiteiten.xlsx", "document type declaration"),)),
    Case("xlsx-extern", _xlsx_external, (Expect("IO101", "extern.xlsx", "document type declaration"),)),
    Case("symlink-lus", _symlink_loop, (Expect("IO101", "lus", "loop"), Expect("IO101", "zelf.txt", "link"))),
    Case("pijp", _special_files, (Expect("IO101", "pijp.txt", "not a regular file"),)),
    Case("geen-toegang", _unreadable, (Expect("IO101", "geen-toegang.txt", "Permission denied"),)),
    Case("diepe-mappen", _deep_folders, (Expect("IO102", "n32", "max_folder_depth"),)),
    Case("te-groot-bestand", lambda f: good(f, "groot.txt", GOOD_PAGE * 10), (Expect("IO102", "groot.txt", "max_file_bytes"),),
         limits={"max_file_bytes": 2000}),
    Case("csv-open-aanhalingsteken", _write("kapot.csv", lambda: b'Doel;Lasten;Baten\n"Doel 1;100;20\n' + (b"x" * 999 + b"\n") * 1500),
         (Expect("IO101", "kapot.csv", ""),)),
    Case("formules", lambda f: good(f, "formules.txt", _formula_page()), (Expect(None),)),
)


def case(name: str) -> Case:
    return next(c for c in CASES if c.name == name)
