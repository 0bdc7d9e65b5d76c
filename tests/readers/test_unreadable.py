"""Unreadable members of a folder or zip give a located finding each and do not stop the others."""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

import budget_checks
from tests.formats.generator import broken_document, render

GOOD_HTML = ("<html><body><h1>Doel 1.1.1 Voorbeeld</h1><h2>Overzicht baten en lasten</h2><table>"
             "<tr><th></th><th>Lasten</th><th>Baten</th><th>Saldo</th></tr>"
             "<tr><th>Doel 1.1.1 Een</th><td>100</td><td>20</td><td>90</td></tr></table></body></html>")


def junk_members() -> dict[str, bytes]:
    xlsx = (render(broken_document(), "xlsx", Path(tempfile.mkdtemp())) / "programma-1.xlsx").read_bytes()
    return {
        "a-goed.html": GOOD_HTML.encode(),
        "b-afgebroken.xlsx": xlsx[: len(xlsx) // 2],
        "c-rommel.bin": bytes(range(256)) * 4,
        "d-utf16-zonder-bom.txt": "Doel 1.1.1 Voorbeeld\n".encode("utf-16-le"),  # readable: the encoding is detected
        "e-oud.xls": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512,
        "f-kapotte-bom.txt": b"\xff\xfe" + b"\x00\xd8",  # UTF-16 with a lone surrogate
        "g-goed.xlsx": xlsx,
    }


def check_codes(report) -> tuple[list[tuple[str, str]], list[tuple[str, str, str]]]:
    problems = sorted((f.page.rsplit("/", 1)[-1].rsplit(":", 1)[-1], f.message) for f in report.findings if f.code == "IO101")
    found = sorted((f.code, f.row, f.column) for f in report.findings if f.code in ("BL101", "KR103"))
    return problems, found


def assert_each_file_reported_and_the_rest_checked(report) -> None:
    problems, found = check_codes(report)
    assert [name for name, _ in problems] == ["b-afgebroken.xlsx", "c-rommel.bin", "e-oud.xls", "f-kapotte-bom.txt"]
    assert all(message for _, message in problems)
    assert ("BL101", "Doel 1.1.1 Een", "Saldo") in found  # the good html page
    assert ("BL101", "Doel 1.1.2 Tweede doel", "Saldo") in found  # the good workbook
    assert ("KR103", "Totaal", "Omvang krediet") in found


def test_a_folder_with_unreadable_files(tmp_path: Path) -> None:
    for name, data in junk_members().items():
        (tmp_path / name).write_bytes(data)
    assert_each_file_reported_and_the_rest_checked(budget_checks.check(str(tmp_path), lang="en"))


def test_a_zip_with_unreadable_members(tmp_path: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in reversed(list(junk_members().items())):  # stored out of order, read in order
            archive.writestr(f"export/{name}", data)
    path = tmp_path / "export.zip"
    path.write_bytes(out.getvalue())
    report = budget_checks.check(str(path), lang="en")
    assert_each_file_reported_and_the_rest_checked(report)
    assert [p.path for d in report.documents for p in d.pages] == ["export/a-goed.html", "export/d-utf16-zonder-bom.txt", "export/g-goed.xlsx"]
