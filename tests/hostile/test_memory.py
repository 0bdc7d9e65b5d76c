"""Memory stays under 1 GB on the inflation cases (zip and xlsx bombs, absurd spans,
huge lines, millions of lines): each is checked in a fresh process whose peak
resident size is measured. `pytest -s` prints the figures (docs/limits.md lists them)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile.corpus import CASES, SMALL_LIMITS, Case, build_case

LIMIT_KB = 1024 * 1024  # 1 GB
MEASURED = [c for c in CASES if c.inflation]

# VmHWM is this process's own peak; ru_maxrss would also count the parent's pages it had
# before exec (Linux carries the forked copy's peak over), and pytest's process is large
_CHILD = """
import json, resource, sys, time
import budget_checks

def peak_kb():
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

started = time.perf_counter()
report = budget_checks.check(sys.argv[1], lang="en", limits=json.loads(sys.argv[2]))
print(json.dumps({
    "seconds": round(time.perf_counter() - started, 2),
    "peak_kb": peak_kb(),
    "codes": sorted({f.code for f in report.findings}),
}))
"""


def measure(folder: Path, limits: dict) -> dict:
    done = subprocess.run([sys.executable, "-c", _CHILD, str(folder), json.dumps(limits)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def baseline(tmp_path_factory) -> dict:
    """The same run on the good page alone: what the interpreter and its libraries take."""
    folder = build_case(Case("basis", lambda f: None, ()), tmp_path_factory.mktemp("basis"))
    return measure(folder, SMALL_LIMITS)


@pytest.mark.parametrize("case", MEASURED, ids=[c.name for c in MEASURED])
def test_memory_stays_under_one_gigabyte(case: Case, tmp_path: Path, baseline: dict) -> None:
    folder = build_case(case, tmp_path)
    figures = measure(folder, {**SMALL_LIMITS, **case.limits})
    print(f"\n{case.name}: peak {figures['peak_kb'] / 1024:.0f} MB (good page alone {baseline['peak_kb'] / 1024:.0f} MB), "
          f"{figures['seconds']} s, findings {figures['codes']}")
    assert figures["peak_kb"] < LIMIT_KB
    assert "BL101" in figures["codes"]  # the planted error is still found


def test_memory_of_a_page_just_within_the_default_limits(tmp_path: Path, baseline: dict) -> None:
    """The largest text page the default limits let through (about max_page_cells words
    and separators): read, recognised or stopped by the time limit, under 1 GB."""
    folder = build_case(Case("op-de-limiet", lambda f: None, ()), tmp_path)
    rows = "".join(f"Regel {i}\t{i + 3}\t3\t{i}\n" for i in range(110_000))  # ~990,000 words, tabs and lines; rows add up
    (folder / "groot.txt").write_text("Doel 9.9.9 Groot\nOverzicht baten en lasten\nLasten\tBaten\tSaldo\n" + rows, encoding="utf-8")
    figures = measure(folder, {"max_seconds_per_file": 20})
    print(f"\nop-de-limiet: peak {figures['peak_kb'] / 1024:.0f} MB (good page alone {baseline['peak_kb'] / 1024:.0f} MB), "
          f"{figures['seconds']} s, findings {figures['codes']}")
    assert figures["peak_kb"] < LIMIT_KB
    assert "BL101" in figures["codes"]
