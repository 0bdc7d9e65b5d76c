"""`budget-checks diff OLD NEW`: what changed between two exports of one budget.

The command's body, kept out of cli.py; cli.py registers it (with its guard against
tracebacks). Imports only typer at start-up, like cli.py.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from budget_checks.cli_output import emit, fail, refuse_overwriting_inputs
from budget_checks.docs import LANGUAGES

EXIT_SAME, EXIT_CHANGED = 0, 1  # and 2 for a usage error or an unreadable export, as for check

Lang = Enum("Lang", {code: code for code in LANGUAGES}, type=str)  # the languages the messages have


def diff(
    old: Annotated[Path, typer.Argument(help="The earlier export: a folder of page files, a .zip or one page.", show_default=False)],
    new: Annotated[Path, typer.Argument(help="The later export of the same budget.", show_default=False)],
    format: Annotated[Optional[list[str]], typer.Option("--format", "-f", help="Output format (repeatable): console, json, excel, markdown. Default: console.", show_default=False)] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the diff to this file instead of standard output.")] = None,
    output_dir: Annotated[Optional[Path], typer.Option("--output-dir", help="Write one file per format into this folder, budget-checks.diff.<format> (console stays on standard output).")] = None,
    fail_on_change: Annotated[bool, typer.Option("--fail-on-change", help="Exit 1 when any figure changed, came or went.")] = False,
    lang: Annotated[Optional[Lang], typer.Option(help="Language of headings and messages. Default: nl.", show_default=False)] = None,
    color: Annotated[Optional[bool], typer.Option("--color/--no-color", help="Colour the console diff (default: when a terminal).")] = None,
    config: Annotated[Optional[Path], typer.Option("--config", help="Settings file, as for check (tolerance, select, ignore, rule folders, limits).", show_default=False)] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show the traceback of an internal error.")] = False,
) -> None:
    """Show what changed between two exports of one budget: figures, rows, columns, tables and
    pages, and the findings the new export resolves and introduces."""
    from budget_checks.config import ConfigError, load_settings
    from budget_checks.reports.diff import get_diff_reporter

    for path in (old, new):
        if not path.exists():
            fail(f"{path}: no such file or folder")
    refuse_overwriting_inputs([old, new], output, output_dir)
    try:
        settings = load_settings(config).merged(lang=lang.value if lang is not None else None)
        reporters = [get_diff_reporter(name) for name in dict.fromkeys(format or ["console"])]
    except (ConfigError, ValueError) as exc:
        fail(str(exc))
    if len(reporters) > 1 and output is not None:
        fail("--output takes one format; use --output-dir for several")
    from budget_checks.api import diff as compare

    try:
        result = compare(str(old), str(new), **settings.check_options())
    except ValueError as exc:  # an export without a readable page, a bad rule file or option
        fail(str(exc))
    for reporter in reporters:
        emit(reporter, result, output, output_dir, color)
    raise typer.Exit(EXIT_CHANGED if fail_on_change and result.changed else EXIT_SAME)
