"""Fuzzing entry point for the readers: hypothesis with a time budget instead of an example count.

    BUDGET_CHECKS_FUZZ_SECONDS=60 pytest -m fuzz tests/hostile/test_fuzz.py

fuzzes for about that many seconds in all, shared by the targets (the default, a
few seconds, keeps the ordinary test run quick). A failure prints the smallest
input hypothesis found.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from time import monotonic

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import budget_checks
from budget_checks.model import Document
from budget_checks.numbers import Kind, parse_number, strip_unit
from budget_checks.readers.containers import read_one
from budget_checks.readers.limits import DEFAULT_LIMITS, using
from tests.hostile.strategies import _zip, damaged, page_bytes, valid_files

pytestmark = pytest.mark.fuzz

SECONDS = float(os.environ.get("BUDGET_CHECKS_FUZZ_SECONDS", "3"))
BATCH = settings(max_examples=100, deadline=None, database=None, suppress_health_check=list(HealthCheck))
FILES = valid_files()
FILES["export.zip"] = _zip({name: data for name, data in FILES.items()})  # damage to a zip of pages too
NAMES = ["pagina.txt", "pagina.html", "pagina.csv", "pagina.md", "pagina.xlsx", "pagina", "export.zip"]


def for_seconds(target) -> int:
    """Run the hypothesis test `target` in batches until its share of the budget is spent."""
    end, batches = monotonic() + SECONDS / len(TARGETS), 0
    while True:
        target()
        batches += 1
        if monotonic() >= end:
            return batches


def _read(name: str, data: bytes) -> None:
    doc = Document(path="fuzz")
    with using(DEFAULT_LIMITS):
        page = read_one(name, data, doc, DEFAULT_LIMITS)
    assert (page is None) == bool(doc.problems)
    for problem in doc.problems:
        assert problem.code in ("IO101", "IO102") and problem.message
        assert not problem.message.startswith("internal error"), problem.message  # a reader bug, not bad input


@BATCH
@given(file=damaged(FILES), name=st.sampled_from(NAMES))
def _damaged_files(file: tuple[str, bytes], name: str) -> None:
    _read(file[0], file[1])
    _read(name, file[1])  # the same bytes under another name: detection by content


@BATCH
@given(data=st.one_of(page_bytes(), st.binary(max_size=5000)), name=st.sampled_from(NAMES))
def _arbitrary_bytes(data: bytes, name: str) -> None:
    _read(name, data)


@BATCH
@given(text=st.text(max_size=200))
def _numbers_and_units(text: str) -> None:
    parsed = parse_number(text, amount=True)
    assert (parsed.kind is Kind.NUMBER) == (parsed.value is not None)
    strip_unit(text)


@settings(max_examples=10, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(file=damaged(FILES))
def _whole_run(file: tuple[str, bytes]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / file[0]).write_bytes(file[1])
        report = budget_checks.check(tmp, lang="en", limits={"max_seconds_per_file": 10})
    assert not any("internal error" in f.message for f in report.findings)


TARGETS = {"damaged-files": _damaged_files, "arbitrary-bytes": _arbitrary_bytes,
           "numbers-and-units": _numbers_and_units, "whole-run": _whole_run}


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_fuzz(name: str) -> None:
    assert for_seconds(TARGETS[name]) >= 1
