"""A list that keeps its first items in memory and the rest in a temporary file.

The report of a run keeps what every document contributed (its pages and
tables, the comparisons that agreed) for the reporters to read. At a hundred
thousand pages that is hundreds of megabytes; past `keep` items a spool
pickles them to an anonymous temporary file and reads them back one at a time
whenever it is iterated, so memory no longer grows with the run. Runs of a
normal size never touch the disk.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Generic, TypeVar

T = TypeVar("T")


class Spool(Generic[T]):
    def __init__(self, items: Iterable[T] = (), keep: int = 1000) -> None:
        self._memory: list[T] = []
        self._keep = keep
        self._file = None  # opened at the first item past `keep`; deleted when closed or collected
        self._on_disk = 0
        self.extend(items)

    def append(self, item: T) -> None:
        if len(self._memory) < self._keep:
            self._memory.append(item)
            return
        if self._file is None:
            self._file = tempfile.TemporaryFile(prefix="budget-checks-")
        self._file.seek(0, 2)
        pickle.dump(item, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self._on_disk += 1

    def extend(self, items: Iterable[T]) -> None:
        for item in items:
            self.append(item)

    def __iter__(self) -> Iterator[T]:
        yield from self._memory
        if self._file is None:
            return
        offset, read = 0, 0
        while read < self._on_disk:  # items appended meanwhile are read too, as a list's iterator does
            read += 1
            self._file.seek(offset)  # every iterator keeps its own place (two may interleave, appends move the file's)
            item = pickle.load(self._file)
            offset = self._file.tell()
            yield item

    def __len__(self) -> int:
        return len(self._memory) + self._on_disk

    def __bool__(self) -> bool:
        return len(self) > 0

    def __getitem__(self, index: int | slice):
        if isinstance(index, slice):
            if index.step is None and (index.start or 0) >= 0 and (index.stop is None or index.stop >= 0):
                return list(islice(self, index.start, index.stop))
            return list(self)[index]
        if 0 <= index < len(self._memory):
            return self._memory[index]
        return list(self)[index]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (Spool, list)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    def __repr__(self) -> str:
        return f"Spool({len(self)} items, {self._on_disk} on disk)"

    def __reduce__(self):  # pickles (and copies) as the items themselves
        return (Spool, (list(self), self._keep))

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
            self._on_disk = 0
