"""The identity checks through Great Expectations 1.x, as a team would write them.

One ephemeral context, one suite (ExpectColumnValuesToBeBetween 0..0 on each
excess column), one validation definition; then one validation per document
(`--per document`) or per table (`--per table`, the naive way). Prints JSON:
the failing rows, how many validations ran, and, when `--budget` seconds ran
out first, how many units there were in all (the runner extrapolates).
Timed as a whole process, so GX's import counts.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

os.environ["GX_ANALYTICS_ENABLED"] = "False"

import great_expectations as gx  # noqa: E402
from great_expectations.data_context.types.base import ProgressBarsConfig  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import tidy  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("root", type=Path)
    parser.add_argument("--per", choices=["document", "table"], default="document")
    parser.add_argument("--budget", type=float, default=0, help="stop after this many seconds of validating (0: never)")
    args = parser.parse_args()
    started = time.perf_counter()

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    suite = context.suites.add(gx.ExpectationSuite(name="identities", expectations=[
        gx.expectations.ExpectColumnValuesToBeBetween(column=f"excess__{code}", min_value=0, max_value=0, meta={"code": code})
        for code in tidy.CODES
    ]))
    batch = context.data_sources.add_pandas("tables").add_dataframe_asset("tidy").add_batch_definition_whole_dataframe("all")
    validation = context.validation_definitions.add(gx.ValidationDefinition(name="identities", data=batch, suite=suite))
    result_format = {"result_format": "COMPLETE", "unexpected_index_column_names": tidy.KEYS}

    failures, validations, units, done = [], 0, 0, True
    checked = []  # (doc, page, table) validated, so a cut-off run is judged on what it saw
    validating = validated = time.perf_counter()
    for csv in tidy.documents(args.root):
        frame = tidy.read(csv)
        pieces = [frame] if args.per == "document" else [t for _, t in frame.groupby(["page", "table"], sort=False)]
        units += len(pieces)
        for piece in pieces:
            if not done:
                continue
            if args.budget and time.perf_counter() - validating > args.budget:
                done = False
                continue
            result = validation.run(batch_parameters={"dataframe": tidy.with_excess(piece)}, result_format=result_format)
            validations += 1
            validated = time.perf_counter()
            checked += piece[["doc", "page", "table"]].drop_duplicates().values.tolist()
            for expectation in result.results:
                code = expectation.expectation_config.meta["code"]
                for row in expectation.result.get("unexpected_index_list") or []:
                    failures.append([row["doc"], row["page"], int(row["table"]), row["label"], code])
    json.dump({"failures": failures, "validations": validations, "units": units, "complete": done, "checked": checked,
               "validating": validated - validating, "seconds": time.perf_counter() - started}, sys.stdout)


if __name__ == "__main__":
    main()
