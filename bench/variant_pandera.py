"""The identity checks through pandera, one `validate` per table as a team would write it.

One schema (an `eq(0)` check on each excess column, nullable, not required,
since a table has only its own family's columns); one lazy validation per
table; failing rows taken from the failure cases. Prints JSON like
variant_gx.py, including the `--budget` cut-off.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import pandera.pandas as pa

sys.path.insert(0, str(Path(__file__).resolve().parent))
import tidy  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("root", type=Path)
    parser.add_argument("--budget", type=float, default=0, help="stop after this many seconds of validating (0: never)")
    args = parser.parse_args()
    started = time.perf_counter()
    schema = pa.DataFrameSchema({
        f"excess__{code}": pa.Column("Int64", pa.Check.eq(0), nullable=True, required=False) for code in tidy.CODES
    })
    failures, validations, units, done = [], 0, 0, True
    checked = []  # (doc, page, table) validated, so a cut-off run is judged on what it saw
    validating = validated = time.perf_counter()
    for csv in tidy.documents(args.root):
        frame = tidy.read(csv)
        for _, table in frame.groupby(["page", "table"], sort=False):
            units += 1
            if not done or (args.budget and time.perf_counter() - validating > args.budget):
                done = False
                continue
            kind = table["kind"].iloc[0]
            family = "BL" if kind == "baten_en_lasten" else "KR"
            frame_checked = tidy.with_excess(table)
            frame_checked = frame_checked.drop(columns=[f"excess__{c}" for c in tidy.CODES if not c.startswith(family)])
            validations += 1
            try:
                schema.validate(frame_checked, lazy=True)
            except pa.errors.SchemaErrors as errors:
                cases = errors.failure_cases
                for column, index in zip(cases["column"], cases["index"]):
                    row = frame_checked.loc[index]
                    failures.append([row["doc"], row["page"], int(row["table"]), row["label"], column.removeprefix("excess__")])
            validated = time.perf_counter()
            checked.append([table["doc"].iloc[0], table["page"].iloc[0], int(table["table"].iloc[0])])
    json.dump({"failures": failures, "validations": validations, "units": units, "complete": done, "checked": checked,
               "validating": validated - validating, "seconds": time.perf_counter() - started}, sys.stdout)


if __name__ == "__main__":
    main()
