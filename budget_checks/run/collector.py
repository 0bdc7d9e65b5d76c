"""Garbage collector settings for a process that does nothing but check (the command line, a worker).

A run makes millions of small objects that live for one document and are freed
by their reference counts; hardly any is part of a cycle. With the default thresholds
the cyclic collector walks them, and everything imported, again and again: about a
tenth of a run. A walk mid-document finds the document's own objects alive, so
each one is wasted work: a document of 250 pages grows by fewer than 100.000
objects, and the collector waits for that many.
Library callers keep their own settings; only the processes we start change them.
"""

from __future__ import annotations

import gc


def tune_for_a_run() -> None:
    gc.freeze()  # what is loaded by now stays out of every later walk
    gc.set_threshold(100_000, 20, 20)  # a walk per 100.000 new container objects, not per 700
