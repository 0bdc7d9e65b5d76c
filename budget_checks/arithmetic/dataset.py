"""The arithmetic of a document's tables, as one tidy frame of relations.

Recognition says what must hold in each table (`table.relations`: a family's identities,
totals, relations the numbers show). Here every relation is evaluated on its table's
integer matrix (matrix.py), one vectorised pass per table, and the results go into one
frame per document: document, page, table, code, row, column, residual, margin and excess
(how far the residual lies beyond the rounding margin). pandera validates that frame in
one lazy pass: every excess must be 0. Its failure cases are the errors; residuals within
the margin are rounding differences (RD101); a place that fits another sign convention
than its table's is also reported (SC101).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pandera.pandas as pa

from budget_checks.findings import Finding, Severity
from budget_checks.matrix import carried_by_parts, evaluate, matrix
from budget_checks.locate import at_table
from budget_checks.report import CheckCount
from budget_checks.arithmetic.suspects import suspects
from budget_checks.tables import Relation, Table
from budget_checks.tolerance import Tolerance

KEYS = ["doc", "page", "table", "row"]
ROUNDING_CODE = "RD101"
CONVENTION_CODE = "SC101"
SUSPECT_CODE = "XC101"


@dataclass(slots=True)
class ArithmeticResult:
    findings: list[Finding] = field(default_factory=list)
    checks: dict[str, CheckCount] = field(default_factory=dict)
    frames: list[tuple[str, pd.DataFrame]] | None = None  # (kind, excess per row and code) when asked for: the GX bridge


_SCHEMA = pa.DataFrameSchema(
    {
        "doc": pa.Column(str),
        "page": pa.Column(str),
        "table": pa.Column(int, pa.Check.ge(1)),
        "code": pa.Column(str, pa.Check.str_matches(r"^[A-Z]{2}\d{3}$")),
        "row": pa.Column(int, pa.Check.ge(0)),
        "column": pa.Column(int, pa.Check.ge(0)),
        "residual": pa.Column("Int64", nullable=True),
        "allowed": pa.Column("Int64", pa.Check.ge(0)),
        "excess": pa.Column("Int64", pa.Check.eq(0), nullable=True),
    },
    strict=False,
    coerce=False,
)


def check_arithmetic(tables: list[tuple[str, Table]], tolerance: Tolerance, severities: dict[str, Severity] | None = None,
                     keep_frames: bool = False) -> ArithmeticResult:
    result = ArithmeticResult(frames=[] if keep_frames else None)
    severities = severities or {}
    columns: dict[str, list] = {name: [] for name in ("doc", "page", "table", "code", "row", "column", "residual", "known",
                                                     "allowed", "scale", "t", "i")}
    evaluated: list[tuple[str, Table]] = []
    for document, table in tables:
        if not table.relations:
            continue
        m = matrix(table)
        e = evaluate(table.relations, m, tolerance)
        table.evaluated = int(e.known.sum())
        n = len(table.relations)
        # plain lists per table, made arrays once per document: a few numpy calls per table cost more
        columns["doc"] += [document] * n
        columns["page"] += [table.page.path] * n
        columns["table"] += [table.index] * n
        columns["code"] += [r.code for r in table.relations]
        columns["row"] += [r.target[0] for r in table.relations]
        columns["column"] += [r.target[1] for r in table.relations]
        columns["residual"].append(e.residual)
        columns["known"].append(e.known)
        columns["allowed"].append(np.asarray(carried_by_parts(table.relations, m, e), dtype=np.int64))
        columns["scale"] += [10 ** m.decimals] * n
        columns["t"] += [len(evaluated)] * n
        columns["i"] += range(n)
        evaluated.append((document, table))
    if not evaluated:
        return result
    texts, evaluations = ("doc", "page", "code"), ("residual", "known", "allowed")  # the rest: integers listed per relation
    stacked = {k: v if k in texts else np.concatenate(v) if k in evaluations else np.array(v, dtype=np.int64) for k, v in columns.items()}
    unknown = ~stacked.pop("known")
    residual = stacked["residual"]
    frame = pd.DataFrame({
        **{k: stacked[k] for k in ("doc", "page", "table", "code", "row", "column")},
        "residual": pd.arrays.IntegerArray(residual.copy(), unknown),
        "allowed": pd.array(stacked["allowed"], dtype="Int64"),
        "excess": pd.arrays.IntegerArray(np.maximum(np.abs(residual) - stacked["allowed"], 0), unknown.copy()),
        **{k: stacked[k] for k in ("scale", "t", "i")},
    })
    try:
        _SCHEMA.validate(frame, lazy=True)
        failed: set[int] = set()
    except pa.errors.SchemaErrors as errors:
        cases = errors.failure_cases
        excess = cases["column"] == "excess"
        other = cases[~excess]
        if not other.empty:  # a broken frame is a bug of ours, never a silent pass
            raise RuntimeError(f"arithmetic frame violates its schema: {other.head().to_dict('records')}")
        failed = {int(i) for i in cases.loc[excess, "index"]}
    _findings(frame, evaluated, failed, severities, result)
    if result.frames is not None:
        result.frames.extend(_per_row(frame, evaluated))
    return result


def _findings(frame: pd.DataFrame, evaluated: list[tuple[str, Table]], failed: set[int], severities: dict[str, Severity],
              result: ArithmeticResult) -> None:
    known = frame["residual"].notna().to_numpy()
    residual = frame["residual"].fillna(0).to_numpy(dtype=np.int64)
    codes = frame["code"].to_numpy()
    for code in np.unique(codes):
        mine = codes == code
        fails = sum(1 for i in np.flatnonzero(mine) if int(i) in failed)
        old = result.checks.get(str(code), CheckCount())
        result.checks[str(code)] = CheckCount(old.evaluated + int((known & mine).sum()), old.failed + fails)
    t_of, i_of, scale_of = frame["t"].to_numpy(), frame["i"].to_numpy(), frame["scale"].to_numpy()
    allowed = frame["allowed"].to_numpy(dtype=np.int64)
    failing: dict[int, list[tuple[int, int, int]]] = {}  # table -> (relation, residual, margin)
    for k in np.flatnonzero(known & (residual != 0)):
        document, table = evaluated[int(t_of[k])]
        relation = table.relations[int(i_of[k])]
        if int(k) in failed:
            if relation.other and relation.source == "discovered":  # a difference taken the other way on this row
                row = table.rows[relation.target[0]]
                result.findings.append(at_table(CONVENTION_CODE, Severity.WARNING, document, table, row, relation.target[1],
                                                identity=relation.code, convention=relation.other, table_convention=relation.holds))
                continue
            failing.setdefault(int(t_of[k]), []).append((int(i_of[k]), int(residual[k]), int(allowed[k])))
            severity = severities.get(relation.code, Severity.ERROR)
            result.findings.append(_finding(relation.code, severity, document, table, relation, int(residual[k]), int(scale_of[k])))
            if relation.other:
                row = table.rows[relation.target[0]]
                result.findings.append(at_table(CONVENTION_CODE, Severity.WARNING, document, table, row, identity=relation.code,
                                                convention=relation.other, table_convention=relation.holds))
        else:
            result.findings.append(_finding(ROUNDING_CODE, Severity.INFO, document, table, relation, int(residual[k]), int(scale_of[k]), rule=relation.code))
    for t, mine in failing.items():
        document, table = evaluated[t]
        scale = int(scale_of[np.flatnonzero(t_of == t)[0]])
        for suspect in suspects(table.relations, mine):
            result.findings.append(_suspect(document, table, suspect, scale, severities.get(SUSPECT_CODE, Severity.ERROR)))


def _finding(code: str, severity: Severity, document: str, table: Table, relation: Relation, residual: int, scale: int, **extra) -> Finding:
    r, c = relation.target
    row = table.rows[r]
    actual = _shown(row.parsed[c], scale)
    expected = actual - residual if actual is not None else None
    parts = len(relation.terms)
    decimals = len(str(scale)) - 1
    return at_table(code, severity, document, table, row, c, expected=expected, actual=actual, holds=relation.holds,
                    parts=parts, evidence=relation.evidence, decimals=decimals, **extra)


def _suspect(document: str, table: Table, suspect, scale: int, severity: Severity) -> Finding:
    """The cell where failing identities cross: the value that, changed once, makes them all hold."""
    row = table.rows[suspect.row]
    actual = _shown(row.parsed[suspect.column], scale)
    holds = "; ".join(dict.fromkeys(table.relations[i].holds for i in suspect.relations))
    return at_table(SUSPECT_CODE, severity, document, table, row, suspect.column, expected=actual + suspect.change, actual=actual,
                    count=len(suspect.relations), holds=holds, decimals=len(str(scale)) - 1)


def _shown(parsed, scale: int) -> int | None:
    """The cell's amount in the matrix's units (tenths where the table shows one decimal)."""
    if parsed is None or parsed.value is None:
        return 0
    return int(parsed.value * scale)


def _per_row(frame: pd.DataFrame, evaluated: list[tuple[str, Table]]) -> list[tuple[str, pd.DataFrame]]:
    """The excess per table row and code (the worst over the row's places), keyed by row label."""
    out = []
    for t, mine in frame.assign(excess=frame["excess"].astype("float")).groupby("t"):
        # one table at a time: a pivot over every table at once would cross their rows
        wide = mine.pivot_table(index=["doc", "page", "table", "row"], columns="code", values="excess", aggfunc="max", dropna=False)
        wide.columns = [f"excess__{c}" for c in wide.columns]
        part = wide.reset_index()
        table = evaluated[int(t)][1]
        labelled = part.assign(label=[table.rows[int(r)].label for r in part["row"]])
        for column in labelled.columns:
            if column.startswith("excess__"):
                labelled[column] = labelled[column].round().astype("Int64")
        out.append((table.kind, labelled))
    return out
