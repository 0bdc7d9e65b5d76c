"""What a run keeps of what depends on texts alone: pages of one export repeat their headers.

A bounded store, emptied when full (the pages of one export ask for the same few keys again and
again; an old key seldom comes back), so a run of any length holds at most `size` entries.
"""

from __future__ import annotations

from typing import Any


class Kept(dict):
    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def keep(self, key: Any, value: Any) -> Any:
        if len(self) >= self.size:
            self.clear()
        self[key] = value
        return value
