"""Turn a path the user gave into one document: a folder, a zip or a single file.

Files are read into memory; nothing is ever extracted or written, and inputs
are opened read-only. Members and files are read in a stable (sorted) order.
A file that cannot be read, or that exceeds a limit (readers/limits.py),
becomes a ReadProblem of the document (IO101 or IO102) and the others are
still read: one broken file never hides the findings of the rest.
"""

from __future__ import annotations

import logging
import os
import stat
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from budget_checks.model import Document, Page, ReadProblem
from budget_checks.readers import ReadError, detect_format, read_page
from budget_checks.readers.limits import DEFAULT_LIMITS, Limits, LimitError, TimeLimitExceeded, deadline, using
from budget_checks.readers.zipsafe import ZIP_ERRORS, check_workbook, member_name, member_problem, read_member

_SKIP_NAMES = {".ds_store", "thumbs.db", "desktop.ini"}
_log = logging.getLogger("budget_checks")


def read_document(path: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read every page under `path`. Raises FileNotFoundError for a missing path."""
    doc = Document(path=label(path))
    target = Path(path)
    if not target.exists() and not target.is_symlink():
        raise FileNotFoundError(path)
    if target.is_dir():
        sources = _folder(target, doc, limits)
    elif _is_regular(target) and target.suffix.lower() != ".xlsx" and _is_zip(target):
        sources = _zip(target, target.name, doc, limits)
    else:
        sources = _single(target, doc, limits)
    for name, data in sources:
        page = read_one(name, data, doc, limits)
        if page is not None:
            doc.pages.append(page)
    if target.is_dir() and not doc.pages and not doc.problems:
        doc.problems.append(ReadProblem(".", "the folder holds no page files"))
    return doc


def label(name: str) -> str:
    """A file name fit for every report: bytes that were not UTF-8 (kept by the file
    system as surrogate escapes, which no report can write) become U+FFFD."""
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # a lone surrogate of another origin
        return name.encode("utf-8", "replace").decode("utf-8")


def read_one(name: str, data: bytes, doc: Document, limits: Limits) -> Page | None:
    """One file's page, or None with the reason added to the document's problems."""
    if not data or data.isspace():
        doc.problems.append(ReadProblem(name, "empty file" if not data else "the file holds only blank space"))
        return None
    try:
        with using(limits), deadline(limits.max_seconds_per_file, "reading the file"):  # readers see the limits
            if data[:2] == b"PK" and detect_format(name, data) == "xlsx":
                check_workbook(data, limits)  # before the spreadsheet library inflates anything
            return read_page(data, name)
    except LimitError as exc:
        doc.problems.append(ReadProblem(name, exc.message, exc.line, code="IO102"))
    except ReadError as exc:
        doc.problems.append(ReadProblem(name, exc.message, exc.line))
    except TimeLimitExceeded as exc:
        doc.problems.append(ReadProblem(name, str(exc), code="IO102"))
    except MemoryError:
        doc.problems.append(ReadProblem(name, "ran out of memory reading the file", code="IO102"))
    except RecursionError:
        doc.problems.append(ReadProblem(name, "nested too deeply to read"))
    except Exception as exc:  # a reader's bug must not end the run; --debug shows the traceback
        _log.debug("reading %s failed", name, exc_info=True)
        doc.problems.append(ReadProblem(name, f"internal error while reading: {type(exc).__name__}: {exc}"))
    return None


def _single(target: Path, doc: Document, limits: Limits) -> Iterator[tuple[str, bytes]]:
    data = _read_file(target, label(str(target)), doc, limits)
    if data is not None:
        yield label(str(target)), data


def _folder(root: Path, doc: Document, limits: Limits) -> Iterator[tuple[str, bytes]]:
    for file in _walk(root, doc, limits):
        name = label(file.relative_to(root).as_posix())
        if file.suffix.lower() == ".zip" and _is_zip(file):
            yield from _zip(file, name, doc, limits, prefix=f"{name}/")
            continue
        data = _read_file(file, name, doc, limits)
        if data is not None:
            yield name, data


def _walk(root: Path, doc: Document, limits: Limits) -> Iterator[Path]:
    """Regular files under root in sorted order; link loops, deep trees and special files are reported."""
    seen: set[tuple[int, int]] = set()
    stack: list[tuple[Path, int]] = [(root, 0)]
    files: list[Path] = []
    while stack:
        folder, depth = stack.pop()
        try:
            info = folder.stat()
        except OSError as exc:
            doc.problems.append(ReadProblem(_rel(folder, root), f"cannot open folder: {exc.strerror or exc}"))
            continue
        if (info.st_dev, info.st_ino) in seen:
            doc.problems.append(ReadProblem(_rel(folder, root), "folder link loop, not followed"))
            continue
        seen.add((info.st_dev, info.st_ino))
        if depth > limits.max_folder_depth:
            doc.problems.append(ReadProblem(_rel(folder, root), f"folders nested deeper than the limit max_folder_depth = {limits.max_folder_depth}", code="IO102"))
            continue
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            doc.problems.append(ReadProblem(_rel(folder, root), f"cannot list folder: {exc.strerror or exc}"))
            continue
        for entry in entries:
            if entry.name.startswith(".") or entry.name.lower() in _SKIP_NAMES:
                continue
            child = Path(entry.path)
            try:
                is_dir, is_file = entry.is_dir(), entry.is_file()
            except OSError as exc:
                doc.problems.append(ReadProblem(_rel(child, root), f"cannot open: {exc.strerror or exc}"))
                continue
            if is_dir:
                stack.append((child, depth + 1))
            elif is_file:
                files.append(child)
            elif entry.is_symlink():
                doc.problems.append(ReadProblem(_rel(child, root), "broken or looping link, skipped"))
            else:
                doc.problems.append(ReadProblem(_rel(child, root), "not a regular file (a pipe, socket or device), skipped"))
    return iter(sorted(files, key=lambda f: f.relative_to(root).as_posix()))


def _rel(path: Path, root: Path) -> str:
    try:
        return label(path.relative_to(root).as_posix() or ".")
    except ValueError:
        return label(str(path))


def _is_regular(file: Path) -> bool:
    try:
        return stat.S_ISREG(file.stat().st_mode)
    except OSError:
        return False


def _is_zip(file: Path) -> bool:
    try:
        return zipfile.is_zipfile(file)
    except OSError:
        return False


def _read_file(file: Path, name: str, doc: Document, limits: Limits) -> bytes | None:
    """The file's bytes, never more than the limit: a file that grows while it is read,
    or a device that never ends, stops at max_file_bytes + 1."""
    try:
        if not stat.S_ISREG(os.stat(file).st_mode):  # before open: opening a pipe waits for a writer
            doc.problems.append(ReadProblem(name, "not a regular file (a pipe, socket or device), skipped"))
            return None
        with open(file, "rb") as stream:
            info = os.fstat(stream.fileno())
            if info.st_size > limits.max_file_bytes:
                doc.problems.append(ReadProblem(name, _too_big(info.st_size, limits), code="IO102"))
                return None
            data = stream.read(limits.max_file_bytes + 1)
    except OSError as exc:
        doc.problems.append(ReadProblem(name, f"cannot read file: {exc.strerror or exc}"))
        return None
    if len(data) > limits.max_file_bytes:
        doc.problems.append(ReadProblem(name, _too_big(len(data), limits, at_least=True), code="IO102"))
        return None
    return data


def _too_big(size: int, limits: Limits, at_least: bool = False) -> str:
    more = "at least " if at_least else ""
    return f"file of {more}{size:,} bytes exceeds the limit max_file_bytes = {limits.max_file_bytes:,}"


def _zip(file: Path, label: str, doc: Document, limits: Limits, prefix: str = "") -> Iterator[tuple[str, bytes]]:
    """The members of a zip, read in memory. Pages are named `prefix + member`, problems `label:member`."""
    try:
        archive = zipfile.ZipFile(file)
    except ZIP_ERRORS as exc:
        doc.problems.append(ReadProblem(label, f"unreadable zip: {exc}"))
        return
    with archive:
        members = sorted((m for m in archive.infolist() if not m.is_dir()), key=lambda m: m.filename)
        if len(members) > limits.max_zip_members:
            doc.problems.append(ReadProblem(label, f"{len(members):,} members exceed the limit max_zip_members = {limits.max_zip_members:,}; only the first are read", code="IO102"))
            members = members[: limits.max_zip_members]
        if not members:
            doc.problems.append(ReadProblem(label, "the zip holds no files"))
        total = 0
        for member in members:
            name = member_name(member.filename)
            base = PurePosixPath(name).name
            if base.startswith(".") or base.lower() in _SKIP_NAMES:
                continue
            problem = member_problem(member, total, limits)
            if problem:
                doc.problems.append(ReadProblem(f"{label}:{name}", problem[1], code=problem[0]))
                continue
            try:
                data = read_member(archive, member, limits)
            except LimitError as exc:
                doc.problems.append(ReadProblem(f"{label}:{name}", exc.message, code="IO102"))
                continue
            except ReadError as exc:
                doc.problems.append(ReadProblem(f"{label}:{name}", exc.message))
                continue
            total += len(data)
            yield prefix + name, data
