"""Where a finding's source file is, as the pipeline formats (SARIF, GitHub, JUnit) name it."""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from budget_checks.findings import Finding


def source_file(document: str, page: str) -> str:
    """The page file of a document: a folder's member, a single page file, or the document itself."""
    if not page or page == document:
        return _posix(document or page)
    if os.path.isabs(page):
        return _posix(page)
    return str(PurePosixPath(_posix(document)) / _posix(page))


def finding_file(finding: Finding, root: str | None = None) -> str:
    """The finding's page file, relative to `root` (the working folder) when it lies inside it."""
    return relative(source_file(finding.document, finding.page), root)


def relative(path: str, root: str | None = None) -> str:
    """CI tools resolve file names against the checkout, so paths inside it are made relative."""
    if not path:
        return path
    root = root or os.getcwd()
    absolute = os.path.abspath(path)
    try:
        inside = os.path.commonpath([absolute, os.path.abspath(root)]) == os.path.abspath(root)
    except ValueError:  # different drives
        inside = False
    if inside and os.path.isabs(path):
        return _posix(os.path.relpath(absolute, root))
    return _posix(os.path.normpath(path)) if not os.path.isabs(path) else _posix(path)


def uri(path: str) -> str:
    """A URI reference for a path: relative paths stay relative, absolute ones become file URIs."""
    if os.path.isabs(path):
        return Path(path).as_uri()
    return quote(path, safe="/")


def _posix(path: str) -> str:
    return path.replace("\\", "/")
