"""The arithmetic of the tables it is given, as one tidy frame per table family.

The engine gives it one document at a time (so memory stays bounded on large
runs). Every row of every recognised amounts table goes into its family's
frame (document, page, table, row keys and one integer column per line item).
Residuals of the rulebook's identities and totals are computed column-wise on
the family's arrays (residuals.py), the sign convention of each table is
inferred from how many of its rows fit it, and pandera validates types, keys
and residuals in one lazy pass per family. Findings are then made in one place
from pandera's failure cases.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pandera.pandas as pa

from budget_checks import residuals
from budget_checks.findings import Finding, Severity
from budget_checks.recognize.legends import stated_alternative
from budget_checks.locate import at_table
from budget_checks.report import CheckCount
from budget_checks.residuals import Masked, Rows
from budget_checks.rulebook import TableRule
from budget_checks.tables import PART, SUBTOTAL, TOTAL, Table
from budget_checks.tolerance import Tolerance

KEYS = ["doc", "page", "table", "row"]
TABLE_KEYS = ["doc", "page", "table"]
ROUNDING_CODE = "RD101"
CONVENTION_CODE = "SC101"


@dataclass(slots=True)
class ArithmeticResult:
    findings: list[Finding] = field(default_factory=list)
    checks: dict[str, CheckCount] = field(default_factory=dict)
    frames: list[tuple[str, pd.DataFrame]] | None = None  # (family, keyed excess columns) when asked for: the GX bridge


@dataclass(slots=True)
class _Family:
    rule: TableRule
    tables: list[tuple[str, Table]] = field(default_factory=list)  # (document, table)
    records: list[tuple] = field(default_factory=list)


def check_arithmetic(tables: list[tuple[str, Table]], tolerance: Tolerance, keep_frames: bool = False) -> ArithmeticResult:
    result = ArithmeticResult(frames=[] if keep_frames else None)
    families: dict[str, _Family] = {}
    for document, table in tables:
        if table.rule.layout != "amounts" or not (table.rule.identities or table.rule.total):
            continue
        family = families.setdefault(table.kind, _Family(table.rule))
        family.tables.append((document, table))
    for family in families.values():
        _check_family(family, tolerance, result)
    return result


# ---------------------------------------------------------------- the frame


def _value_keys(family: _Family) -> list[str]:
    """Frame columns holding amounts: the plain columns, then group members by position
    (`raming__1`, `raming__2`, ...), since tables differ in which years they show."""
    widths = {g: max((len(t.groups().get(g, [])) for _, t in family.tables), default=0) for g in family.rule.groups}
    return list(family.rule.columns) + [f"{g}__{i}" for g, width in widths.items() for i in range(1, width + 1)]


def table_column(table: Table, key: str) -> int | None:
    """The table's column index for a frame column, or None when the table lacks it."""
    group, sep, position = key.partition("__")
    if sep:
        members = table.groups().get(group, [])
        return table.column_index(members[int(position) - 1]) if int(position) <= len(members) else None
    try:
        return table.column_index(key)
    except KeyError:
        return None


def _rows(family: _Family, keys: list[str]) -> tuple[Rows, list[int]]:
    """The family's rows as arrays, and each row's index in its table."""
    groups = list(family.rule.groups)
    tables, indexes, roles = [], [], []
    amounts: dict[str, list[int | None]] = {k: [] for k in keys + [f"{g}__sum" for g in groups]}
    present: dict[str, list[bool]] = {k: [] for k in keys}
    members: dict[str, list[int]] = {g: [] for g in groups}
    for t, (document, table) in enumerate(family.tables):
        index = [table_column(table, k) for k in keys]
        in_group = table.groups()
        for r, row in enumerate(table.rows):
            readable = row.placement in ("given", "placed")  # others stay unknown
            tables.append(t)
            indexes.append(r)
            roles.append(row.role)
            for key, i in zip(keys, index):
                amounts[key].append(row.amount(i) if i is not None and readable else None)
                present[key].append(i is not None)
            for g in groups:
                values = [row.amount(table.column_index(k)) if readable else None for k in in_group.get(g, [])]
                amounts[f"{g}__sum"].append(None if any(a is None for a in values) else sum(values))
                members[g].append(len(values))
    rows = Rows(
        np.array(tables, dtype=np.int64),
        np.array(roles, dtype=str),
        {k: _masked(v) for k, v in amounts.items()},
        {k: np.array(v, dtype=bool) for k, v in present.items()},
        {g: np.array(v, dtype=np.int64) for g, v in members.items()},
    )
    return rows, indexes


def _masked(values: list[int | None]) -> Masked:
    return Masked(np.array([0 if v is None else v for v in values], dtype=np.int64), np.array([v is not None for v in values], dtype=bool))


def _int64(masked: Masked) -> pd.arrays.IntegerArray:
    """A nullable Int64 column (NA where unknown) for the frame pandera validates."""
    return pd.arrays.IntegerArray(masked.values.copy(), ~masked.known)


def _schema(family: _Family, checks: list[str]) -> pa.DataFrameSchema:
    key = (id(family.rule), tuple(checks))
    cached = _SCHEMAS.get(key)
    if cached is None or cached[0] is not family.rule:  # holding the rule keeps its id from being reused
        cached = _SCHEMAS[key] = (family.rule, _new_schema(family.rule, checks))
    return cached[1]


_SCHEMAS: dict[tuple[int, tuple[str, ...]], tuple[TableRule, pa.DataFrameSchema]] = {}  # built once per family and checks


def _new_schema(rule: TableRule, checks: list[str]) -> pa.DataFrameSchema:
    columns: dict[str, pa.Column] = {
        "doc": pa.Column(str),
        "page": pa.Column(str),
        "table": pa.Column(int, pa.Check.ge(1)),
        "row": pa.Column(int, pa.Check.ge(0)),
        "role": pa.Column(str, pa.Check.isin([PART, TOTAL, SUBTOTAL])),
    }
    for key in rule.columns:
        columns[key] = pa.Column("Int64", nullable=True)
    for code in checks:
        columns[f"excess__{code}"] = pa.Column("Int64", pa.Check.eq(0), nullable=True)
    return pa.DataFrameSchema(columns, unique=KEYS, strict=False, coerce=False)


def _check_family(family: _Family, tolerance: Tolerance, result: ArithmeticResult) -> None:
    keys = _value_keys(family)
    rows, indexes = _rows(family, keys)
    if not len(rows):
        return
    columns: dict[str, object] = {
        "doc": [family.tables[t][0] for t in rows.t],
        "page": [family.tables[t][1].page.path for t in rows.t],
        "table": np.array([family.tables[t][1].index for t in rows.t], dtype=np.int64),
        "row": np.array(indexes, dtype=np.int64),
        "role": rows.role.astype(object),
        "t": rows.t,
        "r": np.array(indexes, dtype=np.int64),
    }
    columns.update({k: _int64(rows.amounts[k]) for k in keys})
    codes: list[str] = []
    for rule in family.rule.identities:
        code = rule.doc.code
        found = residuals.identity(rows, rule, tolerance, lambda t: stated_alternative(family.tables[t][1], rule))
        columns[f"alt__{code}"] = found.alternative
        columns[f"res__{code}"] = _int64(found.residual)
        columns[f"excess__{code}"] = _int64(found.excess)
        columns.update({f"ok__{code}__{a}": fits for a, fits in enumerate(found.fits)})
        codes.append(code)
    if family.rule.total:
        code = family.rule.total.doc.code
        found = residuals.totals(rows, keys, tolerance)
        columns[f"ops__{code}"] = found.operands
        for key in keys:
            columns[f"exp__{code}__{key}"] = _int64(found.expected[key])
            columns[f"res__{code}__{key}"] = _int64(found.residual[key])
            columns[f"excess__{code}__{key}"] = _int64(found.excess[key])
        columns[f"excess__{code}"] = _int64(found.worst)
        codes.append(code)
    frame = pd.DataFrame(columns)
    try:
        _schema(family, codes).validate(frame, lazy=True)
        failed = pd.DataFrame(columns=["check", "index"])
    except pa.errors.SchemaErrors as errors:
        cases = errors.failure_cases
        residual = cases["column"].isin([f"excess__{code}" for code in codes])
        failed = pd.DataFrame({"check": cases.loc[residual, "column"].str.removeprefix("excess__"), "index": cases.loc[residual, "index"]})
        other = cases[~residual]
        if not other.empty:  # a broken frame is a bug of ours, never a silent pass
            raise RuntimeError(f"dataset schema violated: {other.head().to_dict('records')}")
    _conventions(frame, family)
    _findings(frame, family, codes, failed, result)
    if result.frames is not None:  # the same residuals, keyed by row label, for the GX bridge
        labels = [family.tables[t][1].rows[r].label for t, r in zip(frame["t"], frame["r"])]
        result.frames.append((family.rule.kind, frame[KEYS + [f"excess__{c}" for c in codes]].assign(label=labels)))


def _conventions(frame: pd.DataFrame, family: _Family) -> None:
    t = frame["t"].to_numpy()
    tables, first = np.unique(t, return_index=True)
    for rule in family.rule.identities:
        alternative = frame[f"alt__{rule.doc.code}"].to_numpy()[first]  # one per table
        evaluated = np.bincount(t[frame[f"res__{rule.doc.code}"].notna().to_numpy()], minlength=tables[-1] + 1)[tables] > 0
        for table_number, a, any_evaluated in zip(tables, alternative, evaluated):
            if not any_evaluated:
                continue  # the table lacks a column of this identity: it states no convention for it
            table = family.tables[int(table_number)][1]
            table.alternatives[rule.doc.code] = int(a)
            text = rule.alternatives[int(a)].text.replace("==", "=")
            table.convention = "; ".join(x for x in (table.convention, text) if x)


# ---------------------------------------------------------------- findings


def _findings(frame: pd.DataFrame, family: _Family, codes: list[str], failed: pd.DataFrame, result: ArithmeticResult) -> None:
    failed_rows = {(c, int(i)) for c, i in zip(failed["check"], failed["index"])}
    t_of, r_of = frame["t"].to_numpy(), frame["r"].to_numpy()
    for rule in family.rule.identities:
        code = rule.doc.code
        residual_of = frame[f"res__{code}"]
        evaluated = residual_of.notna()
        result.checks[code] = _count(result.checks.get(code), int(evaluated.sum()), sum(1 for c, _ in failed_rows if c == code))
        nonzero = frame.index[evaluated & (residual_of != 0)]
        alt_of = frame[f"alt__{code}"].to_numpy()
        fits_of = [frame[f"ok__{code}__{a}"].to_numpy() for a in range(len(rule.alternatives))]
        for i in nonzero:  # the index is a plain range: labels are positions
            document, table = family.tables[int(t_of[i])]
            row = table.rows[int(r_of[i])]
            identity = rule.alternatives[int(alt_of[i])]
            residual = int(residual_of.iat[i])
            lhs = identity.terms[0]
            column = table.column_index(lhs.name)
            actual = row.amount(column)
            if (code, int(i)) in failed_rows:
                result.findings.append(_identity_finding(code, rule.doc.severity, document, table, row, column, actual, residual, identity))
                fits = [a for a in range(len(rule.alternatives)) if bool(fits_of[a][i])]
                if fits:  # the row fits another sign convention than its table
                    other = rule.alternatives[fits[0]].text.replace("==", "=")
                    result.findings.append(at_table(CONVENTION_CODE, Severity.WARNING, document, table, row, identity=code,
                                                    convention=other, table_convention=identity.text.replace("==", "=")))
            else:
                result.findings.append(_identity_finding(ROUNDING_CODE, Severity.INFO, document, table, row, column, actual, residual, identity, rule=code))
    if family.rule.total:
        _total_findings(frame, family, failed_rows, result)


def _identity_finding(code, severity, document, table, row, column, actual, residual, identity, **extra) -> Finding:
    expected = actual - residual if actual is not None else None
    return at_table(code, severity, document, table, row, column, expected=expected, actual=actual,
                    holds=identity.text.replace("==", "="), **extra)


def _total_findings(frame: pd.DataFrame, family: _Family, failed_rows: set, result: ArithmeticResult) -> None:
    doc = family.rule.total.doc
    code = doc.code
    evaluated = 0
    failures = 0
    t_of, r_of, parts_of = frame["t"].to_numpy(), frame["r"].to_numpy(), frame[f"ops__{code}"].to_numpy()
    for key in _value_keys(family):
        residual = frame[f"res__{code}__{key}"]
        evaluated += int(residual.notna().sum())
        expected_of, excess_of = frame[f"exp__{code}__{key}"], frame[f"excess__{code}__{key}"]
        for i in frame.index[residual.notna() & (residual != 0)]:  # the index is a plain range: labels are positions
            document, table = family.tables[int(t_of[i])]
            row = table.rows[int(r_of[i])]
            column = table_column(table, key)
            expected = int(expected_of.iat[i])
            parts = int(parts_of[i])
            if int(excess_of.iat[i]) > 0:
                failures += 1
                result.findings.append(at_table(code, doc.severity, document, table, row, column, expected=expected, actual=row.amount(column), parts=parts))
            else:
                result.findings.append(at_table(ROUNDING_CODE, Severity.INFO, document, table, row, column, expected=expected, actual=row.amount(column), rule=code, holds=f"{row.label} = Σ"))
    result.checks[code] = _count(result.checks.get(code), evaluated, failures)


def _count(old: CheckCount | None, evaluated: int, failed: int) -> CheckCount:
    old = old or CheckCount()
    return CheckCount(old.evaluated + evaluated, old.failed + failed)
