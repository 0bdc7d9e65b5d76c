"""The floor: read and decode every page file of an export and split it into lines.

What any checker of these exports must at least do, in plain Python, in one
process. Prints JSON with the pages and lines it saw.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path


def main() -> None:
    root = Path(sys.argv[1])
    pages = lines = 0
    for document in sorted(p for p in root.iterdir() if p.is_dir()):
        for folder, dirs, files in os.walk(document):
            dirs.sort()
            for name in sorted(files):
                with open(os.path.join(folder, name), "rb") as handle:
                    text = handle.read().decode("utf-8-sig")
                lines += len(text.splitlines())
                pages += 1
    json.dump({"pages": pages, "lines": lines}, sys.stdout)


if __name__ == "__main__":
    main()
