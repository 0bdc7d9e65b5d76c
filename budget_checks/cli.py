"""The command line. Imports only typer and the standard library at start-up;
the engine, pandas and pandera load when a command needs them."""

from __future__ import annotations

import functools
import logging
import sys
import traceback
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from budget_checks.cli_diff import diff as diff_command
from budget_checks.cli_output import EXIT_USAGE, emit, fail, refuse_overwriting_inputs
from budget_checks.run.collector import tune_for_a_run

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,  # plain help: rendering it with rich costs ~0.1 s of start-up
    help="Check that the numbers of a Dutch municipal budget export agree with each other.",
)

EXIT_CLEAN, EXIT_FINDINGS = 0, 1  # and EXIT_USAGE (2) for a usage error


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


def _guarded(command):
    """No traceback reaches the user: an internal error is one clear line and exit 2
    (with --debug, the traceback too). Exits, usage errors and findings pass as they are."""

    @functools.wraps(command)
    def run(*args, **kwargs):
        debug = bool(kwargs.get("debug"))
        logger, handler = _debug_logging() if debug else (None, None)
        try:
            return command(*args, **kwargs)
        except _PASSING:
            raise
        except Exception as exc:
            _internal_error(exc, debug)
            raise typer.Exit(EXIT_USAGE) from None
        finally:
            if logger is not None:
                logger.removeHandler(handler)
                logger.setLevel(logging.NOTSET)

    return run


# how typer and click end a command on purpose: exit codes, usage errors, Ctrl-C
_PASSING = (typer.Exit, typer.Abort, typer.exceptions.TyperException)  # typer's usage errors derive from TyperException


def _internal_error(exc: BaseException, debug: bool) -> None:
    if debug:
        traceback.print_exception(exc, file=sys.stderr)
    hint = "" if debug else "; run again with --debug to see where"
    typer.echo(f"budget-checks: internal error: {type(exc).__name__}: {exc}{hint}", err=True)


def _debug_logging() -> tuple[logging.Logger, logging.Handler]:
    """Tracebacks of files a reader failed on (they are findings too) on standard error."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("budget-checks debug: %(message)s"))
    logger = logging.getLogger("budget_checks")
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    return logger, handler


def _limits(pairs: Optional[list[str]]) -> Optional[dict[str, float]]:
    """`--limit NAME=VALUE` pairs; a bad name or value is a usage error."""
    if not pairs:
        return None
    from budget_checks.readers.limits import DEFAULT_LIMITS

    changes: dict[str, float] = {}
    for pair in pairs:
        name, _, value = pair.partition("=")
        try:
            number = float(value)
            changes[name.strip()] = int(number) if number.is_integer() else number
        except ValueError:
            fail(f"--limit {pair!r}: give NAME=NUMBER, e.g. max_file_bytes=1000000")
    try:
        DEFAULT_LIMITS.replace(**changes)
    except ValueError as exc:
        fail(f"--limit: {exc}")
    return changes


@app.command()
@_guarded
def check(
    paths: Annotated[list[Path], typer.Argument(help="Documents: folders of page files, .zip files or single pages.", show_default=False)],
    format: Annotated[Optional[list[str]], typer.Option("--format", "-f", help="Output format (repeatable): console, json, excel, junit, sarif, github. Default: console.", show_default=False)] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report to this file instead of standard output.")] = None,
    output_dir: Annotated[Optional[Path], typer.Option("--output-dir", help="Write one report per format into this folder (console and github stay on standard output).")] = None,
    fail_on: Annotated[Optional[FailOn], typer.Option(help="Exit 1 when a finding is at least this severe. Default: error.", show_default=False)] = None,
    lang: Annotated[Optional[Lang], typer.Option(help="Language of messages and headings. Default: nl.", show_default=False)] = None,
    tolerance: Annotated[Optional[Policy], typer.Option(help="When an identity holds: rounding (|residual| <= n/2, the default), exact, absolute.", show_default=False)] = None,
    tolerance_absolute: Annotated[Optional[int], typer.Option(help="The bound for --tolerance absolute, in displayed units.", show_default=False)] = None,
    select: Annotated[Optional[str], typer.Option(help="Comma-separated codes or prefixes to report (default: all).")] = None,
    ignore: Annotated[Optional[str], typer.Option(help="Comma-separated codes or prefixes not to report.")] = None,
    color: Annotated[Optional[bool], typer.Option("--color/--no-color", help="Colour the console report (default: when a terminal).")] = None,
    config: Annotated[Optional[Path], typer.Option("--config", help="Settings file (default: budget-checks.toml or [tool.budget-checks] in pyproject.toml, from here upwards).", show_default=False)] = None,
    baseline: Annotated[Optional[Path], typer.Option("--baseline", help="Findings recorded in this file are shown as known and do not fail the run.", show_default=False)] = None,
    write_baseline: Annotated[Optional[Path], typer.Option("--write-baseline", help="Record this run's findings in this file (they become known).", show_default=False)] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, help="Worker processes over documents; 0: one per core when the run is large enough to pay.")] = 0,
    gx_docs: Annotated[Optional[Path], typer.Option("--gx-docs", help="Also validate the tables through Great Expectations and build its Data Docs in this folder (extra: budget-checks[gx]).", show_default=False)] = None,
    limit: Annotated[Optional[list[str]], typer.Option("--limit", help="Change an input limit, NAME=VALUE (repeatable), e.g. max_file_bytes=1000000; see docs/limits.md.", show_default=False)] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show the traceback of an internal error, and of each file a reader failed on.")] = False,
) -> None:
    """Check documents and report the findings."""
    limits = _limits(limit)
    refuse_overwriting_inputs(paths, output, output_dir)
    from budget_checks.api import check as run_check
    from budget_checks.config import ConfigError, load_settings
    from budget_checks.reports import get_reporter

    try:  # a settings file, with the flags given here put over it
        settings = load_settings(config).merged(
            format=format or None, output_dir=output_dir, fail_on=_value(fail_on), lang=_value(lang),
            tolerance=_value(tolerance), tolerance_absolute=tolerance_absolute, select=_codes(select),
            ignore=_codes(ignore), baseline=baseline,
        )
    except ConfigError as exc:
        fail(str(exc))
    try:
        reporters = [get_reporter(name) for name in settings.effective_format]
    except ValueError as exc:
        fail(str(exc))
    if len(reporters) > 1 and output is not None:
        fail("--output takes one format; use --output-dir for several")
    try:
        if gx_docs is not None:
            _need_gx()
        from budget_checks.run.progress import progress_line

        progress = progress_line(len(paths))
        cells = any(getattr(r, "table_cells", False) for r in reporters)  # only some reports show every cell
        options = settings.check_options()
        options["limits"] = {**options["limits"], **(limits or {})}  # --limit wins over the file, name by name
        report = run_check([str(p) for p in paths], **options, jobs=jobs, progress=progress, table_cells=cells)
        if progress is not None:
            progress.close()
        if write_baseline is not None:
            from budget_checks.baseline import write_baseline as record

            typer.echo(f"budget-checks: {record(report, write_baseline)} findings recorded in {write_baseline}", err=True)
    except ValueError as exc:  # a bad rule file, option or baseline
        fail(str(exc))
    report.options.update(settings.describe())
    if gx_docs is not None:
        _gx_docs([str(p) for p in paths], settings.check_options(), gx_docs)
    for reporter in reporters:
        emit(reporter, report, output, settings.output_dir, color)
    if report.pages == 0:
        typer.echo("budget-checks: no readable page in the given paths", err=True)
        raise typer.Exit(EXIT_USAGE)
    from budget_checks.run.engine import severity_of

    raise typer.Exit(EXIT_FINDINGS if report.fails(severity_of(settings.effective_fail_on)) else EXIT_CLEAN)


def _value(choice: Optional[Enum]) -> Optional[str]:
    return choice.value if choice is not None else None


def _codes(text: Optional[str]) -> Optional[list[str]]:
    return [c.strip().upper() for c in text.split(",") if c.strip()] if text else None


def _need_gx() -> None:
    from budget_checks.gx import INSTALL, available

    if not available():
        fail(INSTALL)


def _gx_docs(paths: list[str], options: dict, target: Path) -> None:
    from budget_checks.api import options_of
    from budget_checks.gx import build_data_docs

    failures = build_data_docs(paths, options_of(**options), target)
    typer.echo(f"budget-checks: Great Expectations Data Docs in {target / 'index.html'} ({len(failures)} failing rows)", err=True)


@app.command("gx-suite")
def gx_suite(
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the suite to this file instead of standard output.")] = None,
    config: Annotated[Optional[Path], typer.Option("--config", help="Settings file (rule folders, select, ignore).", show_default=False)] = None,
) -> None:
    """Write the arithmetic checks as a Great Expectations 1.x expectation suite (JSON) over the tidy table."""
    from budget_checks.config import ConfigError, load_settings

    _need_gx()
    try:
        settings = load_settings(config)
    except ConfigError as exc:
        fail(str(exc))
    from budget_checks.api import options_of
    from budget_checks.gx import suite_json

    text = suite_json(options_of(**settings.check_options()))
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")


@app.command()
def rules(
    lang: Annotated[Lang, typer.Option(help="Language.")] = Lang.nl,
) -> None:
    """List every rule code with a one-line summary."""
    from budget_checks.run.options import all_docs
    from budget_checks.rulebook import load_rulebook

    for code, doc in all_docs(load_rulebook()).items():
        typer.echo(f"{code}  {doc.severity.label:<8} {doc.name:<26} {doc.summary}")


@app.command()
def explain(code: Annotated[str, typer.Argument(help="A rule code, e.g. BL101.")]) -> None:
    """Print the documentation of one rule: what, why, a failing example, how to fix."""
    from budget_checks.run.options import all_docs
    from budget_checks.rulebook import load_rulebook

    docs = all_docs(load_rulebook())
    doc = docs.get(code.strip().upper())
    if doc is None:
        fail(f"unknown rule code {code!r}; `budget-checks rules` lists them")
    typer.echo(f"{doc.code} {doc.name} ({doc.severity.label})\n")
    typer.echo(f"{doc.summary}\n")
    typer.echo(f"Why\n{doc.why}\n")
    typer.echo(f"Failing example\n{doc.example}\n")
    typer.echo(f"How to fix\n{doc.fix}")


app.command("diff")(_guarded(diff_command))  # the command's body lives in cli_diff.py


def main() -> None:
    tune_for_a_run()  # the process does nothing else (not done when the app is called as a library)
    try:
        app(prog_name="budget-checks")
    except Exception as exc:  # any command: one line and exit 2, the traceback with --debug
        _internal_error(exc, "--debug" in sys.argv[1:])
        sys.exit(EXIT_USAGE)
