"""Golden files: the console, JSON and Markdown diff of the bundled sample and its amended copy,
compared in full. Run from the repository, so the paths are relative; the version is fixed.
When an output changes on purpose, rewrite the files with:

    UPDATE_GOLDEN=1 python -m pytest tests/test_diff_golden.py

and review the diff.
"""

from __future__ import annotations

import os

import pytest

import budget_checks
from budget_checks.compare.model import Diff
from budget_checks.reports.diff import get_diff_reporter
from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "golden"
FILES = {"console": "diff.console.txt", "json": "diff.json", "markdown": "diff.md"}


def golden_diff(monkeypatch: pytest.MonkeyPatch, lang: str) -> Diff:
    monkeypatch.chdir(ROOT)
    diff = budget_checks.diff("samples/begroting-2025", "samples/begroting-2025-amended", lang=lang)
    diff.tool_version = "0.0.0"
    return diff


@pytest.mark.parametrize("name", sorted(FILES))
def test_diff_matches_golden_file(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    actual = get_diff_reporter(name).render(golden_diff(monkeypatch, "en"))
    path = GOLDEN / FILES[name]
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8"), (
        f"{name} diff differs from tests/golden/{FILES[name]}; if the change is intended, "
        "rewrite it with UPDATE_GOLDEN=1 python -m pytest tests/test_diff_golden.py"
    )


def test_the_golden_diff_is_the_one_the_readme_shows(monkeypatch: pytest.MonkeyPatch) -> None:
    """The README shows the Dutch console diff of the samples; it must be what the tool prints."""
    text = get_diff_reporter("console").render(golden_diff(monkeypatch, "nl"))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert text.strip() in readme
