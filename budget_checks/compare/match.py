"""Pairing the parts of two exports: pages, tables, rows and columns alike.

Parts are paired by the first key; what is left by the next key, and so on. Parts that share
a key are paired in the order they stand (the first `Totaal` with the first `Totaal`), so a
repeated label or title never pairs crosswise. A key of None pairs nothing.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Pairing:
    """Positions: (old, new) pairs in the new export's order, then what only one side has."""

    pairs: tuple[tuple[int, int], ...]
    removed: tuple[int, ...]  # only in the old export, in its order
    added: tuple[int, ...]  # only in the new export, in its order


def pair(old: Sequence[T], new: Sequence[T], *keys: Callable[[T], Hashable | None]) -> Pairing:
    partner: dict[int, int] = {}  # new position -> old position
    taken: set[int] = set()  # old positions paired
    for key in keys:
        waiting: dict[Hashable, deque[int]] = defaultdict(deque)
        for j, item in enumerate(new):
            if j not in partner and (k := key(item)) is not None:
                waiting[k].append(j)
        for i, item in enumerate(old):
            if i in taken or (k := key(item)) is None or not waiting.get(k):
                continue
            partner[waiting[k].popleft()] = i
            taken.add(i)
    return Pairing(
        tuple((partner[j], j) for j in range(len(new)) if j in partner),
        tuple(i for i in range(len(old)) if i not in taken),
        tuple(j for j in range(len(new)) if j not in partner),
    )
