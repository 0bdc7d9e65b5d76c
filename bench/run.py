"""Benchmark: budget-checks against the reading floor, Great Expectations and pandera.

For each size N the same synthetic export (bench/generate.py, cached under
--data) is checked by every variant as a cold process, --repeat times; the
table shows the median wall time and the peak memory of the process tree.
Every variant must find exactly the planted errors it checks (asserted), so no
variant wins by skipping work. A per-table variant that would take longer than
--budget seconds is cut off there and its time extrapolated from the tables it
validated (marked ~). Results go to --out as results.json and scaling.png.

    python bench/run.py                                  # N = 100, 1.000, 10.000
    python bench/run.py --sizes 100,1000,10000,100000    # and 100.000 (long)
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import statistics
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402
import measure  # noqa: E402

OURS_CODES = {"BL101", "BL102", "BL103", "KR101", "KR102", "KR103", "IN101"}
TIDY_CODES = OURS_CODES - {"IN101"}


@dataclass
class Variant:
    name: str
    codes: set[str]  # planted errors it must find; empty: it checks nothing
    budgeted: bool = False
    runs: dict[int, list[float]] = field(default_factory=dict)
    cpu: dict[int, list[float]] = field(default_factory=dict)  # user + system seconds, workers included
    peak: dict[int, float] = field(default_factory=dict)
    estimated: dict[int, bool] = field(default_factory=dict)


def _tool() -> list[str]:
    script = Path(sys.executable).with_name("budget-checks")
    return [str(script)] if script.exists() else [sys.executable, "-m", "budget_checks"]


def _has(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def _planted(truth: dict, codes: set[str], seen: set[tuple] | None = None) -> set[tuple]:
    return {(p["doc"], p["page"], p["table"], p["row"], p["code"]) for p in truth["planted"]
            if p["code"] in codes and (seen is None or (p["doc"], p["page"], p["table"]) in seen)}


def _ours(root: Path, truth: dict, jobs: int, out: Path) -> tuple[measure.Measured, dict]:
    documents = [str(root / "export" / d) for d in truth["documents"]]
    measured = measure.run([*_tool(), "check", *documents, "-f", "json", "-o", str(out), "--fail-on", "never", "-j", str(jobs)])
    if measured.returncode != 0:
        raise SystemExit(f"budget-checks failed ({measured.returncode}): {measured.stderr[-2000:]}")
    report = json.loads(out.read_text(encoding="utf-8"))
    found = {(Path(f["document"]).name, f["page"], f["table_index"], f["row"], f["code"])
             for f in report["findings"] if f["severity"] == "error" and f["code"] in OURS_CODES}
    _assert_found("budget-checks", found, _planted(truth, OURS_CODES))
    return measured, {"summary": report["summary"], "findings": report["findings"]}


def _tidy_variant(name: str, command: list[str], truth: dict) -> tuple[measure.Measured, dict]:
    measured = measure.run(command)
    if measured.returncode != 0:
        raise SystemExit(f"{name} failed ({measured.returncode}): {measured.stderr[-2000:]}")
    result = json.loads(measured.stdout)
    seen = None if result["complete"] else {tuple(c) for c in result["checked"]}
    _assert_found(name, {tuple(f) for f in result["failures"]}, _planted(truth, TIDY_CODES, seen))
    return measured, result


def _assert_found(name: str, found: set[tuple], planted: set[tuple]) -> None:
    if found != planted:
        raise SystemExit(f"{name} did not find exactly the planted errors:\n  missed {sorted(planted - found)[:5]}\n"
                         f"  extra {sorted(found - planted)[:5]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="page counts, comma-separated")
    parser.add_argument("--repeat", type=int, default=3, help="runs per variant and size (the median is shown)")
    parser.add_argument("--budget", type=float, default=60, help="seconds a per-table variant may validate before it is extrapolated")
    parser.add_argument("--jobs", type=int, default=0, help="budget-checks --jobs (0: one worker per core when it pays)")
    parser.add_argument("--variants", default="", help="run only these variants, comma-separated: names as in the table, or the part before a colon ('floor'); default: all")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--data", type=Path, default=HERE / ".data", help="where generated exports are kept")
    parser.add_argument("--out", type=Path, default=HERE / "results")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    args.out.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="budget-checks-bench-"))

    gx = _has("great_expectations")
    variants = [Variant("budget-checks", OURS_CODES), Variant("budget-checks -j 1", OURS_CODES),
                Variant("floor: read, decode, split", set()), Variant("pandera, per table", TIDY_CODES, budgeted=True)]
    if gx:
        variants += [Variant("GX, per document", TIDY_CODES), Variant("GX, per table", TIDY_CODES, budgeted=True)]
    else:
        print("Great Expectations is not installed: the GX variants are skipped (pip install 'great_expectations>=1.15,<2').")

    if args.variants:  # by name, or by the part before a colon ("floor")
        wanted = {name.strip() for name in args.variants.split(",")}
        short = {v.name: v.name.split(":")[0] for v in variants}
        unknown = wanted - set(short) - set(short.values())
        if unknown:
            raise SystemExit(f"unknown variants {sorted(unknown)}; choose from {sorted(set(short.values()))}")
        variants = [v for v in variants if v.name in wanted or short[v.name] in wanted]

    startup = _startup(args, scratch)
    print(f"budget-checks --help: {startup['help']:.2f} s; check of a 1-page document: {startup['check_1_page']:.2f} s; "
          f"of a 5-page document: {startup['check_5_pages']:.2f} s (cold, median of {args.repeat})", flush=True)

    summaries = {}
    for n in sizes:
        root = args.data / f"n{n}-seed{args.seed}"
        print(f"N = {n:,}: generating ..." if not (root / "truth.json").exists() else f"N = {n:,}:", flush=True)
        truth = generate.cached(root, n, args.seed)
        runners = {
            "budget-checks": lambda: _ours(root, truth, args.jobs, scratch / "parallel.json"),
            "budget-checks -j 1": lambda: _ours(root, truth, 1, scratch / "single.json"),
            "floor: read, decode, split": lambda: (measure.run([sys.executable, str(HERE / "variant_floor.py"), str(root / "export")]), None),
            "pandera, per table": lambda: _tidy_variant("pandera, per table", [sys.executable, str(HERE / "variant_pandera.py"), str(root), "--budget", str(args.budget)], truth),
            "GX, per document": lambda: _tidy_variant("GX, per document", [sys.executable, str(HERE / "variant_gx.py"), str(root), "--per", "document"], truth),
            "GX, per table": lambda: _tidy_variant("GX, per table", [sys.executable, str(HERE / "variant_gx.py"), str(root), "--per", "table", "--budget", str(args.budget)], truth),
        }
        outputs = {}
        for variant in variants:
            times, cpus, peaks, estimated = [], [], [], False
            for _ in range(args.repeat):
                measured, result = runners[variant.name]()
                seconds = measured.seconds
                if variant.budgeted and result and not result["complete"]:
                    # the validations left, at the pace of those done
                    seconds += result["validating"] * (result["units"] / max(result["validations"], 1) - 1)
                    estimated = True
                times.append(seconds)
                cpus.append(measured.cpu)
                peaks.append(measured.peak_mb)
                outputs[variant.name] = result
                if estimated:
                    break  # an extrapolation is not made better by repeating it
            variant.runs[n], variant.cpu[n], variant.peak[n], variant.estimated[n] = times, cpus, max(peaks), estimated
            print(f"  {variant.name:<28} {_fmt_s(statistics.median(times), estimated):>9}  cpu {statistics.median(cpus):7.2f} s  {max(peaks):6.0f} MB", flush=True)
        single, parallel = outputs.get("budget-checks -j 1"), outputs.get("budget-checks")
        if single is not None and parallel is not None and single != parallel:
            raise SystemExit(f"N = {n}: the single-process and parallel reports differ")
        summaries[n] = {"pages": truth["pages"], "documents": len(truth["documents"]), "tables": truth["tables"],
                        "planted": len(truth["planted"]), "findings": (parallel or single or {}).get("summary")}

    results = _results(args, sizes, variants, startup, summaries)
    if load is not None:  # other work on the machine slows every variant alike; say how busy it was
        results["machine"]["load_average"] = {"start": load, "end": os.getloadavg()[0]}
        print(f"\nload average (1 min) at start {load:.1f}, at end {os.getloadavg()[0]:.1f}, on {os.cpu_count()} cores")
    (args.out / "results.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    print()
    print(_table(sizes, variants, startup))
    print()
    print(_targets(sizes, variants, startup))
    chart = _chart(sizes, variants, args.out / "scaling.png")
    print(f"\nresults: {args.out / 'results.json'}" + (f", chart: {chart}" if chart else " (no chart: matplotlib is not installed)"))


def _startup(args, scratch: Path) -> dict:
    one = generate.cached(args.data / "n1", 1, args.seed)
    five = generate.cached(args.data / "n5", 5, args.seed)

    def median(command: list[str]) -> float:
        return statistics.median(measure.run(command).seconds for _ in range(max(args.repeat, 3)))

    check = [*_tool(), "check", "-f", "json", "-o", str(scratch / "startup.json"), "--fail-on", "never"]
    return {
        "help": median([*_tool(), "--help"]),
        "check_1_page": median([*check, str(args.data / "n1" / "export" / one["documents"][0])]),
        "check_5_pages": median([*check, str(args.data / "n5" / "export" / five["documents"][0])]),
    }


def _fmt_s(seconds: float, estimated: bool = False) -> str:
    return f"{'~' if estimated else ''}{seconds:,.2f} s"


def _median(variant: Variant, n: int) -> float:
    return statistics.median(variant.runs[n])


def _cpu(variant: Variant, n: int) -> float:
    return statistics.median(variant.cpu[n])


def _table(sizes: list[int], variants: list[Variant], startup: dict) -> str:
    last = f"{sizes[-1]:,}".replace(",", ".")
    head = "| variant | " + " | ".join(f"N = {n:,}".replace(",", ".") for n in sizes) + f" | CPU at N = {last} | peak memory at N = {last} |"
    lines = [head, "|---|" + "---:|" * (len(sizes) + 2)]
    for v in variants:
        cells = []
        for n in sizes:
            seconds = _median(v, n)
            cells.append(f"{_fmt_s(seconds, v.estimated[n])} ({n / seconds:,.0f} p/s)")
        cpu = "" if v.estimated[sizes[-1]] else f"{statistics.median(v.cpu[sizes[-1]]):,.2f} s"
        lines.append(f"| {v.name} | " + " | ".join(cells) + f" | {cpu} | {v.peak[sizes[-1]]:,.0f} MB |")
    lines.append("")
    lines.append("Times are medians of cold processes (wall clock), including start-up and imports; p/s = pages per second; "
                 "~ = extrapolated from the tables validated within the budget; CPU = user + system seconds, pool workers included.")
    return "\n".join(lines)


def _targets(sizes: list[int], variants: list[Variant], startup: dict) -> str:
    by = {v.name: v for v in variants}
    if "budget-checks" not in by or "floor: read, decode, split" not in by:
        return "(the targets need the budget-checks and floor variants)"
    n = 10_000 if 10_000 in sizes else sizes[-1]
    ours = _median(by["budget-checks"], n)
    after = n / max(ours - startup["check_1_page"], 1e-9)
    rows = [("budget-checks --help", f"{startup['help']:.2f} s", "< 0.25 s", startup["help"] < 0.25),
            ("check of a 5-page document, cold", f"{startup['check_5_pages']:.2f} s", "< 1.5 s", startup["check_5_pages"] < 1.5),
            (f"pages/s after start-up at N = {n:,}", f"{after:,.0f}", ">= 2.000", after >= 2000)]
    ours_cpu = _cpu(by["budget-checks"], n)
    for name, factor in (("GX, per document", 10), ("GX, per table", 10), ("pandera, per table", 3)):
        if name in by:
            ratio = _median(by[name], n) / ours
            rows.append((f"{name} / budget-checks at N = {n:,}", f"{ratio:,.1f}x", f">= {factor}x", ratio >= factor))
            if not by[name].estimated[n]:  # CPU time is what a busy machine distorts least
                cpu = _cpu(by[name], n) / ours_cpu
                rows.append(("  the same in CPU time", f"{cpu:,.1f}x", f">= {factor}x", cpu >= factor))
    floor = ours / _median(by["floor: read, decode, split"], n)
    rows.append((f"budget-checks / floor at N = {n:,}", f"{floor:,.1f}x", "<= 5x", floor <= 5))
    floor_cpu = ours_cpu / _cpu(by["floor: read, decode, split"], n)
    rows.append(("  the same in CPU time", f"{floor_cpu:,.1f}x", "<= 5x", floor_cpu <= 5))
    peak = by["budget-checks"].peak[n]
    rows.append((f"peak memory at N = {n:,}", f"{peak:,.0f} MB", "< 500 MB", peak < 500))
    if len(sizes) > 1:
        per_page = [(_median(by["budget-checks"], m) - startup["check_1_page"]) / m * 1000 for m in sizes]
        rows.append(("ms per page after start-up, by N", " / ".join(f"{p:.2f}" for p in per_page), "flat (linear)", None))
        cpu_page = [_cpu(by["budget-checks"], m) / m * 1000 for m in sizes]
        rows.append(("CPU ms per page (all processes), by N", " / ".join(f"{p:.2f}" for p in cpu_page), "flat (linear)", None))
        peaks = " / ".join(f"{by['budget-checks'].peak[m]:,.0f}" for m in sizes)
        rows.append(("peak MB by N", peaks, "bounded", None))
    out = ["| target | measured | goal | met |", "|---|---:|---|---|"]
    out += [f"| {a} | {b} | {c} | {'' if d is None else ('yes' if d else 'NO')} |" for a, b, c, d in rows]
    return "\n".join(out)


def _results(args, sizes, variants, startup, summaries) -> dict:
    import importlib.metadata as md

    def version(name: str) -> str | None:
        try:
            return md.version(name)
        except md.PackageNotFoundError:
            return None

    return {
        "machine": {"python": platform.python_version(), "platform": platform.platform(), "cores": os.cpu_count(),
                    "versions": {p: version(p) for p in ("budget-checks", "pandas", "pandera", "great_expectations")}},
        "settings": {"sizes": sizes, "repeat": args.repeat, "budget": args.budget, "jobs": args.jobs, "seed": args.seed},
        "startup": startup,
        "exports": summaries,
        "variants": {v.name: {str(n): {"median_seconds": _median(v, n), "runs": v.runs[n], "cpu": v.cpu[n], "peak_mb": v.peak[n],
                                       "estimated": v.estimated[n]} for n in sizes} for v in variants},
    }


def _chart(sizes: list[int], variants: list[Variant], target: Path) -> Path | None:
    if not _has("matplotlib"):
        return None
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(8, 5.5))
    for v in variants:
        xs, ys = sizes, [_median(v, n) for n in sizes]
        line, = axes.plot(xs, ys, marker="o", linestyle="--" if v.name.startswith("floor") else "-", label=v.name)
        hollow = [(x, y) for x, y, n in zip(xs, ys, sizes) if v.estimated[n]]
        if hollow:
            axes.plot(*zip(*hollow), marker="o", linestyle="none", markerfacecolor="white", color=line.get_color())
    axes.set_xscale("log")
    axes.set_yscale("log")
    axes.set_xlabel("pages in the export (N)")
    axes.set_ylabel("wall time, cold process (s)")
    axes.set_title("Checking a budget export: time against size (hollow: extrapolated)")
    axes.grid(True, which="both", alpha=0.3)
    axes.legend()
    figure.tight_layout()
    figure.savefig(target, dpi=120)
    return target


if __name__ == "__main__":
    main()
