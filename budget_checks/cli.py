"""The command line. Imports only typer and the standard library at start-up;
the engine, pandas and pandera load when a command needs them."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Check that the numbers of a Dutch municipal budget export agree with each other.",
)

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


class Lang(str, Enum):
    nl = "nl"
    en = "en"


class Policy(str, Enum):
    rounding = "rounding"
    exact = "exact"
    absolute = "absolute"


def _fail(message: str) -> None:
    typer.echo(f"budget-checks: {message}", err=True)
    raise typer.Exit(EXIT_USAGE)


@app.command()
def check(
    paths: Annotated[list[Path], typer.Argument(help="Documents: folders of page files, .zip files or single pages.", show_default=False)],
    format: Annotated[list[str], typer.Option("--format", "-f", help="Output format (repeatable): console, json.")] = ["console"],
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report to this file instead of standard output.")] = None,
    output_dir: Annotated[Optional[Path], typer.Option("--output-dir", help="Write one report per format into this folder.")] = None,
    fail_on: Annotated[FailOn, typer.Option(help="Exit 1 when a finding is at least this severe.")] = FailOn.error,
    lang: Annotated[Lang, typer.Option(help="Language of messages and headings.")] = Lang.nl,
    tolerance: Annotated[Policy, typer.Option(help="When an identity holds: rounding (|residual| <= n/2), exact, absolute.")] = Policy.rounding,
    tolerance_absolute: Annotated[int, typer.Option(help="The bound for --tolerance absolute, in displayed units.")] = 0,
    select: Annotated[Optional[str], typer.Option(help="Comma-separated codes or prefixes to report (default: all).")] = None,
    ignore: Annotated[Optional[str], typer.Option(help="Comma-separated codes or prefixes not to report.")] = None,
    color: Annotated[Optional[bool], typer.Option("--color/--no-color", help="Colour the console report (default: when a terminal).")] = None,
) -> None:
    """Check documents and report the findings."""
    from budget_checks.api import check as run_check
    from budget_checks.reports import get_reporter

    try:
        reporters = [get_reporter(name) for name in format]
    except ValueError as exc:
        _fail(str(exc))
    if len(reporters) > 1 and output is not None:
        _fail("--output takes one format; use --output-dir for several")
    try:
        report = run_check(
            [str(p) for p in paths], lang=lang.value, tolerance=tolerance.value, tolerance_absolute=tolerance_absolute,
            select=_codes(select), ignore=_codes(ignore),
        )
    except ValueError as exc:  # a bad rule file or option
        _fail(str(exc))
    report.options.update({"fail_on": fail_on.value, "formats": list(format)})
    for reporter in reporters:
        _emit(reporter, report, output, output_dir, color)
    if report.pages == 0:
        typer.echo("budget-checks: no readable page in the given paths", err=True)
        raise typer.Exit(EXIT_USAGE)
    from budget_checks.engine import severity_of

    raise typer.Exit(EXIT_FINDINGS if report.fails(severity_of(fail_on.value)) else EXIT_CLEAN)


def _codes(text: Optional[str]) -> Optional[list[str]]:
    return [c.strip().upper() for c in text.split(",") if c.strip()] if text else None


def _emit(reporter, report, output: Optional[Path], output_dir: Optional[Path], color: Optional[bool]) -> None:
    target = output or (output_dir / f"budget-checks{reporter.suffix}" if output_dir else None)
    use_color = bool(color) if color is not None else (target is None and sys.stdout.isatty())
    content = reporter.render(report, color=use_color)
    if target is None:
        if isinstance(content, bytes):
            _fail(f"the {reporter.name} format is binary: give --output FILE")
        sys.stdout.write(content)
        return
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    except OSError as exc:
        _fail(f"cannot write {target}: {exc.strerror or exc}")


@app.command()
def rules(
    lang: Annotated[Lang, typer.Option(help="Language.")] = Lang.nl,
) -> None:
    """List every rule code with a one-line summary."""
    from budget_checks.engine import all_docs
    from budget_checks.rulebook import load_rulebook

    for code, doc in all_docs(load_rulebook()).items():
        typer.echo(f"{code}  {doc.severity.label:<8} {doc.name:<26} {doc.summary}")


@app.command()
def explain(code: Annotated[str, typer.Argument(help="A rule code, e.g. BL101.")]) -> None:
    """Print the documentation of one rule: what, why, a failing example, how to fix."""
    from budget_checks.engine import all_docs
    from budget_checks.rulebook import load_rulebook

    docs = all_docs(load_rulebook())
    doc = docs.get(code.strip().upper())
    if doc is None:
        _fail(f"unknown rule code {code!r}; `budget-checks rules` lists them")
    typer.echo(f"{doc.code} {doc.name} ({doc.severity.label})\n")
    typer.echo(f"{doc.summary}\n")
    typer.echo(f"Why\n{doc.why}\n")
    typer.echo(f"Failing example\n{doc.example}\n")
    typer.echo(f"How to fix\n{doc.fix}")


def main() -> None:
    app(prog_name="budget-checks")
