"""Benchmark: many pages in one document, where the cross-page checks (CP101–CP104) do their work.

Two variants, each measured as a cold process (wall time, peak memory of the process tree):

* `same-programme`: one document of N copies of the seeds' programme page (begroting-2025/003),
  every copy with its amounts multiplied by its own factor (1.000 + i) / 1.000, so every page shows
  other figures for the same programme, goals and kredieten, and every table still adds up.
* `distinct`: N distinct pages of the synthetic export (generate.py) checked as one document,
  against the same pages checked as N documents of one page each.

    python bench/crosspage.py                      # N = 1.000
    python bench/crosspage.py --pages 200 --variants same-programme
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402
import measure  # noqa: E402

SEED_PAGE = HERE.parent.parent / "shared" / "seeds" / "begroting-2025" / "003_f62ceb7c67b46cd3.txt"
_AMOUNT = re.compile(r"^(-?)(\d{1,3}(?:\.\d{3})+)$")  # a whole line holding one amount of 1.000 or more


def scaled_page(text: str, factor: int) -> str:
    """The page with every amount multiplied by factor/1.000 (exact: the amounts carry no decimals
    and every identity of the page is linear, so totals stay totals)."""

    def scale(line: str) -> str:
        match = _AMOUNT.match(line.strip())
        if not match:
            return line
        value = int(match.group(2).replace(".", "")) * factor
        return match.group(1) + f"{value:,}".replace(",", ".")

    return "\n".join(scale(line) for line in text.split("\n"))


def same_programme(root: Path, pages: int, seed_page: Path = SEED_PAGE) -> Path:
    """One document of `pages` copies of the programme page, each with its own figures."""
    folder = root / f"same-programme-{pages}"
    if (folder / "done").exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    text = seed_page.read_text(encoding="utf-8")
    for i in range(pages):
        (folder / f"{i:04d}_programma-1.txt").write_text(scaled_page(text, 1_000 + i), encoding="utf-8")
    (folder / "done").write_text("")
    return folder


def distinct(root: Path, pages: int, seed: int = 1) -> tuple[Path, list[Path]]:
    """N distinct pages as one document, and the same page files as N one-page documents."""
    base = root / f"distinct-{pages}-seed{seed}"
    one, many = base / "one-document", base / "documents"
    if not (base / "done").exists():
        shutil.rmtree(base, ignore_errors=True)
        generate.generate(base / "export", pages, seed, pages_per_document=pages)
        [source] = (base / "export" / "export").iterdir()
        source.rename(one)
        for page in sorted(one.iterdir()):
            (many / page.stem).mkdir(parents=True)
            shutil.copy(page, many / page.stem / page.name)
        shutil.rmtree(base / "export")
        (base / "done").write_text("")
    return one, sorted(many.iterdir())


def _tool() -> list[str]:
    script = Path(sys.executable).with_name("budget-checks")
    return [str(script)] if script.exists() else [sys.executable, "-m", "budget_checks"]


def check(documents: list[Path], out: Path, jobs: int) -> tuple[measure.Measured, dict]:
    measured = measure.run([*_tool(), "check", *map(str, documents), "-f", "json", "-o", str(out), "--fail-on", "never",
                            "-j", str(jobs)])
    if measured.returncode != 0:
        raise SystemExit(f"budget-checks failed ({measured.returncode}): {measured.stderr[-2000:]}")
    return measured, json.loads(out.read_text(encoding="utf-8"))


def _line(name: str, measured: measure.Measured, report: dict) -> str:
    findings = report["findings"]
    cross = sum(1 for f in findings if f["code"].startswith("CP"))
    pages = report["summary"]["pages"]
    per_page = max(Counter((f["document"], f["page"]) for f in findings).values(), default=0)
    return (f"| {name} | {_n(pages)} | {_n(measured.seconds, 1)} s | {_n(measured.cpu, 1)} s | {_n(measured.peak_mb)} MB | "
            f"{_n(len(findings))} | {_n(cross)} | {per_page} |")


def _n(value: float, decimals: int = 0) -> str:
    """A number as the README writes it: 1.234,5."""
    return f"{value:,.{decimals}f}".translate(str.maketrans(",.", ".,"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1_000)
    parser.add_argument("--variants", default="same-programme,distinct")
    parser.add_argument("--jobs", type=int, default=1, help="budget-checks --jobs (1: one process, as a document is checked)")
    parser.add_argument("--data", type=Path, default=HERE / ".data")
    parser.add_argument("--seed-page", type=Path, default=SEED_PAGE, help="the programme page the first variant copies")
    args = parser.parse_args()
    wanted = set(args.variants.split(","))
    out = args.data / "crosspage-report.json"
    args.data.mkdir(parents=True, exist_ok=True)
    print("| variant | pages | wall time | CPU | peak memory | findings | of them CP1xx | most findings on one page |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    if "same-programme" in wanted:
        folder = same_programme(args.data, args.pages, args.seed_page)
        print(_line("same programme, one document", *check([folder], out, args.jobs)), flush=True)
    if "distinct" in wanted:
        one, many = distinct(args.data, args.pages)
        whole = check([one], out, args.jobs)
        print(_line("distinct pages, one document", *whole), flush=True)
        apart = check(many, out, args.jobs)
        print(_line("the same pages, one document each", *apart), flush=True)
        print(f"\none document / separate documents: {whole[0].seconds / apart[0].seconds:.2f}× the time")


if __name__ == "__main__":
    main()
