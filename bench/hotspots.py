"""Where the time of a check goes: stage times and the hottest functions.

Checks the given documents in this process (one at a time, as the engine does),
first untimed to warm up imports, then timed without a profiler (CPU seconds
per page), then under cProfile, and prints the cumulative time of each stage
and the functions with the most time of their own.

    python bench/hotspots.py bench/.data/n1000-seed1/export/*/ [--top 25]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time

from budget_checks.rulebook import load_rulebook
from budget_checks.run.document import check_document
from budget_checks.run.options import Options

# (label, file suffix, function): the stages of budget_checks.run.document.check_document
STAGES = [
    ("read and split pages", "readers/containers.py", "read_document"),
    ("recognise tables", "recognize/page.py", "recognize_page"),
    ("  find relations", "recognize/identities.py", "find_relations"),
    ("  place values of rows", "recognize/placement.py", "place_rows"),
    ("arithmetic (pandas, pandera)", "arithmetic/dataset.py", "check_arithmetic"),
    ("report model", "run/document.py", "_document_info"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("documents", nargs="+")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    options, book = Options(), load_rulebook()
    check_document(args.documents[0], options, book)  # imports and caches

    started = time.process_time()
    pages = sum(check_document(path, options, book).pages for path in args.documents)
    cpu = time.process_time() - started
    print(f"{pages} pages, {cpu:.2f} CPU s without profiler: {cpu / pages * 1000:.2f} ms per page, {pages / cpu:,.0f} pages/s on one core\n")

    profiler = cProfile.Profile()
    profiler.enable()
    for path in args.documents:
        check_document(path, options, book)
    profiler.disable()
    stats = pstats.Stats(profiler)
    total = max(v[3] for v in stats.stats.values())
    checks = sum(v[3] for (file, _, name), v in stats.stats.items() if "/checks/" in file and name == "check")
    print(f"{'stage (under cProfile)':<32} {'seconds':>8} {'share':>6}")
    for label, suffix, function in STAGES:
        seconds = sum(v[3] for (file, _, name), v in stats.stats.items() if file.endswith(suffix) and name == function)
        print(f"{label:<32} {seconds:8.2f} {seconds / total:6.0%}")
    print(f"{'rule modules (checks/*.py)':<32} {checks:8.2f} {checks / total:6.0%}")
    print(f"{'total':<32} {total:8.2f}\n")
    stats.sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
