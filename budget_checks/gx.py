"""The Great Expectations bridge (the optional extra `budget-checks[gx]`).

For teams whose data platform already collects GX results: the run's arithmetic
checks as a GX 1.x expectation suite over the tidy table, and a validation of
that table through GX with Data Docs. The tidy table has one row per row of a
recognised amounts table, keyed by `doc`, `page`, `table` (index on the page),
`row` (index in the table) and `label`, and one `excess__CODE` column per
arithmetic code: how far the row's residual exceeds the rounding tolerance in
the sign convention of its table, empty where the code does not apply. A row
passes a code when its excess is 0, exactly as in our own report.

Nothing here is imported unless a GX command or option is used; GX's usage
statistics are switched off and its progress bars hidden.
"""

from __future__ import annotations

import importlib.util
import json
import os
from dataclasses import dataclass
from pathlib import Path

from budget_checks.rulebook import Rulebook, load_rulebook
from budget_checks.run.document import recognised
from budget_checks.run.options import Options

INSTALL = "the Great Expectations bridge needs the gx extra: pip install 'budget-checks[gx]'"
SUITE = "budget-checks"
KEYS = ["doc", "page", "table", "row", "label"]
FAILURE_KEYS = ["doc", "page", "table", "label"]  # how GX names a failing row
RESULT_FILE = "budget-checks-validation.json"  # the validation result, beside the Data Docs


class GXMissing(RuntimeError):
    def __init__(self) -> None:
        super().__init__(INSTALL)


@dataclass(frozen=True, slots=True)
class Failure:
    code: str
    doc: str
    page: str
    table: int
    label: str


def available() -> bool:
    return importlib.util.find_spec("great_expectations") is not None


def _gx():
    if not available():
        raise GXMissing()
    os.environ["GX_ANALYTICS_ENABLED"] = "False"  # before the import: GX reads it once
    import great_expectations as gx

    return gx


def arithmetic_codes(book: Rulebook, options: Options) -> list[tuple[str, str]]:
    """(code, summary) of every identity and total the run checks."""
    out = []
    for rule in book.tables:
        if rule.layout == "amounts":
            out += [(doc.code, doc.summary) for doc in rule.docs if options.selection.enabled(doc.code)]
    return out


def expectation_suite(book: Rulebook, options: Options):
    gx = _gx()
    expectations = [
        gx.expectations.ExpectColumnValuesToBeBetween(column=f"excess__{code}", min_value=0, max_value=0, meta={"code": code, "rule": summary})
        for code, summary in arithmetic_codes(book, options)
    ]
    return gx.ExpectationSuite(name=SUITE, expectations=expectations, meta={"tidy_table_keys": KEYS})


def suite_json(options: Options = Options()) -> str:
    suite = expectation_suite(load_rulebook(options.rule_dirs), options)
    return json.dumps(suite.to_json_dict(), indent=2, ensure_ascii=False) + "\n"


def tidy_table(paths: list[str], options: Options, book: Rulebook, codes: list[str]):
    """The tidy table of a run, one document at a time (the same residuals the report used)."""
    import pandas as pd

    from budget_checks.arithmetic.dataset import check_arithmetic

    frames = []
    for path in paths:
        document = recognised(path, options, book)
        tables = [(document.path, table) for table in document.tables()]
        frames += [frame for _, frame in check_arithmetic(tables, options.tolerance, keep_frames=True).frames]
    columns = KEYS + [f"excess__{code}" for code in codes]
    if not frames:
        return pd.DataFrame({c: pd.Series(dtype="Int64" if c.startswith("excess__") else object) for c in columns})
    table = pd.concat(frames, ignore_index=True)
    for column in columns:
        if column not in table:
            table[column] = pd.NA
    return table[columns].astype({c: "Int64" for c in columns if c.startswith("excess__")})


def build_data_docs(paths: list[str], options: Options, target: Path) -> list[Failure]:
    """Validate the run's tidy table with the suite through GX, build Data Docs in `target`
    and write the validation result beside them. Returns the failing rows per code."""
    gx = _gx()
    from great_expectations.data_context.types.base import ProgressBarsConfig

    book = load_rulebook(options.rule_dirs)
    suite = expectation_suite(book, options)
    codes = [code for code, _ in arithmetic_codes(book, options)]
    frame = tidy_table(paths, options, book, codes)
    target.mkdir(parents=True, exist_ok=True)
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    context.add_data_docs_site(site_name=SUITE, site_config={
        "class_name": "SiteBuilder",
        "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(target.resolve())},
    })
    batch = context.data_sources.add_pandas(SUITE).add_dataframe_asset("tidy-table").add_batch_definition_whole_dataframe("run")
    validation = context.validation_definitions.add(gx.ValidationDefinition(name=SUITE, data=batch, suite=context.suites.add(suite)))
    checkpoint = context.checkpoints.add(gx.Checkpoint(
        name=SUITE, validation_definitions=[validation],
        actions=[gx.checkpoint.UpdateDataDocsAction(name="data-docs", site_names=[SUITE])],
        result_format={"result_format": "COMPLETE", "unexpected_index_column_names": FAILURE_KEYS},
    ))
    outcome = checkpoint.run(batch_parameters={"dataframe": frame})
    failures: list[Failure] = []
    for result in outcome.run_results.values():
        (target / RESULT_FILE).write_text(json.dumps(result.to_json_dict(), indent=1, default=str), encoding="utf-8")
        for expectation in result.results:
            code = expectation.expectation_config.meta["code"]
            for row in expectation.result.get("unexpected_index_list") or []:
                failures.append(Failure(code, row["doc"], row["page"], int(row["table"]), row["label"]))
    return failures
