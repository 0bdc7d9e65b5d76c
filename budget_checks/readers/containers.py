"""Turn a path the user gave into one document: a folder, a zip or a single file.

Files are read into memory; nothing is ever extracted or written. Members and
files are read in a stable (sorted) order. A file that cannot be read becomes a
ReadProblem of the document and the others are still read.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from budget_checks.model import Document, ReadProblem
from budget_checks.readers import ReadError, read_page
from budget_checks.readers.limits import DEFAULT_LIMITS, Limits

_SKIP_NAMES = {".ds_store", "thumbs.db", "desktop.ini"}


def read_document(path: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read every page under `path`. Raises FileNotFoundError for a missing path."""
    doc = Document(path=path)
    target = Path(path)
    if not target.exists():
        raise FileNotFoundError(path)
    if target.is_dir():
        sources = _folder(target, doc, limits)
    elif zipfile.is_zipfile(target) and target.suffix.lower() != ".xlsx":
        sources = _zip(target, doc, limits)
    else:
        sources = _single(target, doc, limits)
    for name, data in sources:
        try:
            doc.pages.append(read_page(data, name))
        except ReadError as exc:
            doc.problems.append(ReadProblem(name, exc.message, exc.line))
    return doc


def _single(target: Path, doc: Document, limits: Limits) -> Iterator[tuple[str, bytes]]:
    data = _read_file(target, str(target), doc, limits)
    if data is not None:
        yield str(target), data


def _folder(root: Path, doc: Document, limits: Limits) -> Iterator[tuple[str, bytes]]:
    for file in _walk(root, doc, limits):
        name = file.relative_to(root).as_posix()
        if zipfile.is_zipfile(file) and file.suffix.lower() == ".zip":
            for member, data in _zip(file, doc, limits):
                yield f"{name}/{member}", data
            continue
        data = _read_file(file, name, doc, limits)
        if data is not None:
            yield name, data


def _walk(root: Path, doc: Document, limits: Limits) -> Iterator[Path]:
    """Files under root in sorted order; symlink loops and deep trees are reported."""
    seen: set[tuple[int, int]] = set()
    stack: list[tuple[Path, int]] = [(root, 0)]
    files: list[Path] = []
    while stack:
        folder, depth = stack.pop()
        try:
            stat = folder.stat()
        except OSError as exc:
            doc.problems.append(ReadProblem(_rel(folder, root), f"cannot open folder: {exc.strerror}"))
            continue
        if (stat.st_dev, stat.st_ino) in seen:
            doc.problems.append(ReadProblem(_rel(folder, root), "folder link loop, not followed"))
            continue
        seen.add((stat.st_dev, stat.st_ino))
        if depth > limits.max_folder_depth:
            doc.problems.append(ReadProblem(_rel(folder, root), f"folders nested deeper than {limits.max_folder_depth}"))
            continue
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            doc.problems.append(ReadProblem(_rel(folder, root), f"cannot list folder: {exc.strerror}"))
            continue
        for entry in entries:
            if entry.name.startswith(".") or entry.name.lower() in _SKIP_NAMES:
                continue
            child = Path(entry.path)
            if entry.is_dir():
                stack.append((child, depth + 1))
            elif entry.is_file():
                files.append(child)
            else:
                doc.problems.append(ReadProblem(_rel(child, root), "not a regular file (broken link?), skipped"))
    return iter(sorted(files, key=lambda f: f.relative_to(root).as_posix()))


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix() or "."
    except ValueError:
        return str(path)


def _read_file(file: Path, name: str, doc: Document, limits: Limits) -> bytes | None:
    try:
        size = file.stat().st_size
        if size > limits.max_file_bytes:
            doc.problems.append(ReadProblem(name, f"file of {size:,} bytes exceeds the limit of {limits.max_file_bytes:,}", code="IO102"))
            return None
        return file.read_bytes()
    except OSError as exc:
        doc.problems.append(ReadProblem(name, f"cannot read file: {exc.strerror or exc}"))
        return None


def _zip(file: Path, doc: Document, limits: Limits) -> Iterator[tuple[str, bytes]]:
    label = file.name
    try:
        archive = zipfile.ZipFile(file)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        doc.problems.append(ReadProblem(label, f"unreadable zip: {exc}"))
        return
    with archive:
        members = sorted((m for m in archive.infolist() if not m.is_dir()), key=lambda m: m.filename)
        if len(members) > limits.max_zip_members:
            doc.problems.append(ReadProblem(label, f"{len(members):,} members exceed the limit of {limits.max_zip_members:,}; only the first are read", code="IO102"))
            members = members[: limits.max_zip_members]
        total = 0
        for member in members:
            name = _member_name(member.filename)
            if PurePosixPath(name).name.startswith(".") or PurePosixPath(name).name.lower() in _SKIP_NAMES:
                continue
            problem = _zip_limit(member, total, limits)
            if problem:
                doc.problems.append(ReadProblem(f"{label}:{name}", problem, code="IO102"))
                continue
            try:
                data = _read_member(archive, member, limits)
            except (zipfile.BadZipFile, RuntimeError, OSError, ValueError, EOFError) as exc:
                doc.problems.append(ReadProblem(f"{label}:{name}", f"unreadable zip member: {exc}"))
                continue
            if data is None:
                doc.problems.append(ReadProblem(f"{label}:{name}", f"inflates past the limit of {limits.max_file_bytes:,} bytes", code="IO102"))
                continue
            total += len(data)
            yield name, data


def _member_name(raw: str) -> str:
    """Member names are labels only (never paths on disk): drop drive, root and `..`."""
    parts = [p for p in raw.replace("\\", "/").split("/") if p not in ("", ".", "..")]
    return "/".join(parts) or "(unnamed)"


def _zip_limit(member: zipfile.ZipInfo, total: int, limits: Limits) -> str | None:
    if member.flag_bits & 0x1:
        return "encrypted member, not read"
    if member.file_size > limits.max_file_bytes:
        return f"declares {member.file_size:,} bytes, over the limit of {limits.max_file_bytes:,}"
    if member.compress_size and member.file_size / member.compress_size > limits.max_zip_ratio:
        return f"compression ratio {member.file_size // member.compress_size}:1 exceeds {limits.max_zip_ratio}:1"
    if total + member.file_size > limits.max_zip_total_bytes:
        return f"the zip inflates past {limits.max_zip_total_bytes:,} bytes in all"
    return None


def _read_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo, limits: Limits) -> bytes | None:
    """Read in chunks so a member that lies about its size still stops at the limit."""
    chunks, size = [], 0
    with archive.open(member) as stream:
        while chunk := stream.read(1 << 20):
            size += len(chunk)
            if size > limits.max_file_bytes:
                return None
            chunks.append(chunk)
    return b"".join(chunks)
