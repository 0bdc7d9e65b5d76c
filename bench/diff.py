"""Is a diff of two exports within twice the time of checking them?

Generates one synthetic document of N pages (generate.py, cell-per-line text), an amended copy
(one figure changed on every 25th page that has one, and two pages swapped in order), then times
`budget-checks check OLD NEW` and `budget-checks diff OLD NEW` as cold processes (JSON output,
the median of --repeat runs) and prints both, their ratio and what the diff found:

    .venv/bin/python bench/diff.py --pages 1000
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402
from measure import run  # noqa: E402

_FIGURE = re.compile(r"^-?\d{1,3}(?:\.\d{3})+$", re.MULTILINE)  # an amount alone on its line (cell per line)


def exports(root: Path, pages: int, seed: int, every: int = 25) -> tuple[Path, Path, int]:
    """The old document, its amended copy, and how many figures the copy changed."""
    generate.generate(root / "generated", pages, seed, pages_per_document=pages)
    old = root / "old"
    shutil.rmtree(old, ignore_errors=True)
    shutil.move(str(next((root / "generated" / "export").iterdir())), old)
    new = root / "new"
    shutil.rmtree(new, ignore_errors=True)
    shutil.copytree(old, new)
    files = sorted(new.iterdir())
    changed = 0
    for file in files[::every]:
        text = file.read_text(encoding="utf-8")
        found = _FIGURE.search(text)
        if found:
            figure = found.group(0)
            last = "8" if figure[-1] == "9" else str(int(figure[-1]) + 1)
            file.write_text(text[:found.start()] + figure[:-1] + last + text[found.end():], encoding="utf-8")
            changed += 1
    first, second = files[1], files[2]  # two pages in another order: no change
    first.rename(new / "swap.tmp")
    second.rename(first)
    (new / "swap.tmp").rename(second)
    return old, new, changed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--data", type=Path, default=HERE / ".data" / "diff")
    args = parser.parse_args()
    old, new, changed = exports(args.data, args.pages, args.seed)
    tool = str(Path(sys.executable).with_name("budget-checks"))
    out = args.data / "diff.json"
    commands = {
        "check OLD NEW": [tool, "check", str(old), str(new), "-f", "json", "-o", str(args.data / "check.json"), "--fail-on", "never"],
        "diff OLD NEW": [tool, "diff", str(old), str(new), "-f", "json", "-o", str(out)],
    }
    seconds = {}
    for name, command in commands.items():
        times = []
        for _ in range(args.repeat):
            measured = run(command)
            if measured.returncode != 0:
                raise SystemExit(f"{name} exited {measured.returncode}: {measured.stderr[-2000:]}")
            times.append(measured.seconds)
        seconds[name] = statistics.median(times)
        print(f"{name:<14} {seconds[name]:7.2f} s  (median of {args.repeat}: {', '.join(f'{t:.2f}' for t in times)})")
    ratio = seconds["diff OLD NEW"] / seconds["check OLD NEW"]
    summary = json.loads(out.read_text(encoding="utf-8"))["summary"]
    print(f"diff / check   {ratio:7.2f}  ({'within' if ratio <= 2 else 'NOT within'} twice the time of checking)")
    print(f"{args.pages} pages a side; {changed} figures changed in the copy; the diff found {summary['figures_changed']} "
          f"changed figures, {summary['pages_moved']} pages moved, {summary['findings_introduced']} findings introduced")


if __name__ == "__main__":
    main()
