"""Limits that keep one hostile input from exhausting the machine.

Hitting a limit is reported as a located finding, never a silent truncation.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Limits:
    max_file_bytes: int = 64 * 1024 * 1024  # one page file, or one zip member once inflated
    max_zip_total_bytes: int = 512 * 1024 * 1024  # all members of one zip, inflated
    max_zip_ratio: int = 200  # inflated size / compressed size of one member
    max_zip_members: int = 50_000
    max_folder_depth: int = 32


DEFAULT_LIMITS = Limits()
