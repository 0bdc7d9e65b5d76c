"""What the commands share: a usage error as one line and exit 2, the guard that no report is
written over an input, and writing a report to standard output or a file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

EXIT_USAGE = 2


def fail(message: str) -> None:
    typer.echo(f"budget-checks: {message}", err=True)
    raise typer.Exit(EXIT_USAGE)


def refuse_overwriting_inputs(paths: list[Path], output: Optional[Path], output_dir: Optional[Path]) -> None:
    """Inputs are never modified: a report may not be written over a file being checked."""
    targets = [output] if output is not None else []
    if output_dir is not None and output_dir.is_dir():
        targets += [t for t in output_dir.glob("budget-checks.*") if t.is_file()]
    for target in targets:
        for path in paths:
            try:
                if target.exists() and path.exists() and (target.samefile(path) or path.is_dir() and path.resolve() in target.resolve().parents):
                    fail(f"the report {target} would be written over or into the input {path}; choose another output path")
            except OSError:
                continue


def emit(reporter, report, output: Optional[Path], output_dir: Optional[Path], color: Optional[bool]) -> None:
    from budget_checks.reports import TO_STDOUT

    to_dir = output_dir is not None and reporter.name not in TO_STDOUT
    target = output or (output_dir / f"budget-checks{reporter.suffix}" if to_dir else None)
    use_color = bool(color) if color is not None else (target is None and sys.stdout.isatty())
    if hasattr(reporter, "write"):  # a streaming format: written piece by piece, never whole in memory
        try:
            if target is None:
                reporter.write(report, sys.stdout, color=use_color)
                return
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("w", encoding="utf-8") as stream:
                reporter.write(report, stream, color=use_color)
        except OSError as exc:
            fail(f"cannot write {target}: {exc.strerror or exc}")
        return
    content = reporter.render(report, color=use_color)
    if target is None:
        if isinstance(content, bytes):
            fail(f"the {reporter.name} format is binary: give --output FILE")
        sys.stdout.write(content)
        return
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    except OSError as exc:
        fail(f"cannot write {target}: {exc.strerror or exc}")
