"""Garbage collector settings for a process that does nothing but check (the command line, a worker).

A run makes millions of small objects that live for one document and are freed
by their reference counts. With the default thresholds the cyclic collector
walks them, and everything imported, again and again: about a tenth of a run.
Library callers keep their own settings; only the processes we start change them.
"""

from __future__ import annotations

import gc


def tune_for_a_run() -> None:
    gc.freeze()  # what is loaded by now stays out of every later walk
    gc.set_threshold(10_000, 20, 20)  # a walk per 10.000 new container objects, not per 700
