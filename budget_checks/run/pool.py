"""Check documents in a pool of worker processes, yielding results in input order.

A worker checks whole documents with its own copy of the rulebook, and the main
process merges the results in the order of the paths, so the report is the same
as a single-process run. With `jobs=0` the run decides: a pool (one worker per
core) starts at once when the folders given hold enough files to pay for it;
otherwise the first document is checked here, and a pool starts only when the
documents left hold enough pages.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

from budget_checks.rulebook import Rulebook, load_rulebook
from budget_checks.run.collector import tune_for_a_run
from budget_checks.run.document import DocumentResult, check_document, preload
from budget_checks.run.options import Options

POOL_PAYS_AT_PAGES = 200  # estimated pages left below which one process is faster than starting a pool

_worker: tuple[Options, Rulebook] | None = None


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def results_in_order(paths: list[str], options: Options, book: Rulebook) -> Iterator[DocumentResult]:
    jobs = options.jobs if options.jobs > 0 else cores()
    rest = paths
    if options.jobs == 0 and (jobs < 2 or _files(paths) < POOL_PAYS_AT_PAGES):
        first = check_document(paths[0], options, book)
        yield first
        rest = paths[1:]
        if jobs < 2 or first.pages * len(rest) < POOL_PAYS_AT_PAGES:
            yield from (check_document(path, options, book) for path in rest)
            return
    jobs = min(jobs, len(rest))
    if jobs < 2:
        yield from (check_document(path, options, book) for path in rest)
        return
    # fork shares what the main process already imported (pandas, the checks); spawn elsewhere
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    if context.get_start_method() == "fork":
        preload()
    pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_start, initargs=(options,))
    try:
        yield from pool.map(_check, rest)
    finally:  # on an error (or when the caller stops early) the documents not yet begun are dropped
        pool.shutdown(wait=True, cancel_futures=True)


def _files(paths: list[str]) -> int:
    """A cheap estimate of the pages of a run: the files at the top of each folder, one per file."""
    count = 0
    for path in paths:
        try:
            with os.scandir(path) as entries:
                count += sum(1 for _ in entries)
        except OSError:  # a file (or a path the reader will report)
            count += 1
    return count


def _start(options: Options) -> None:
    global _worker
    tune_for_a_run()
    _worker = (options, load_rulebook(options.rule_dirs))


def _check(path: str) -> DocumentResult:
    options, book = _worker
    return check_document(path, options, book)
