"""The arithmetic of the tables it is given, as one tidy frame per table family.

The engine gives it one document at a time (so memory stays bounded on large
runs). Every row of every recognised amounts table goes into its family's
frame (document, page, table, row keys and one integer column per line item).
Residuals of the rulebook's identities and totals are computed column-wise,
the sign convention of each table is inferred with one group-by, and pandera
validates types, keys and residuals in one lazy pass per family. Findings are
then made in one place from pandera's failure cases.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pandera.pandas as pa

from budget_checks.expressions import Identity
from budget_checks.findings import Finding, Severity
from budget_checks.legends import stated_alternative
from budget_checks.locate import at_table
from budget_checks.report import CheckCount
from budget_checks.rulebook import IdentityRule, TableRule
from budget_checks.tables import PART, SUBTOTAL, TOTAL, Table, TableRow
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


def _frame(family: _Family) -> pd.DataFrame:
    keys = _value_keys(family)
    groups = list(family.rule.groups)
    records = []
    for t, (document, table) in enumerate(family.tables):
        index = [table_column(table, k) for k in keys]
        members = table.groups()
        for r, row in enumerate(table.rows):
            readable = row.placement in ("given", "placed")  # others stay unknown (NA)
            values = [row.amount(i) if i is not None and readable else None for i in index]
            present = [i is not None for i in index]
            sums, counts = [], []
            for g in groups:
                amounts = [row.amount(table.column_index(k)) if readable else None for k in members.get(g, [])]
                sums.append(None if any(a is None for a in amounts) else sum(amounts))
                counts.append(len(amounts))
            records.append((t, r, row.role, *values, *present, *sums, *counts))
    columns = ["t", "r", "role", *keys, *(f"{k}__present" for k in keys), *(f"{g}__sum" for g in groups), *(f"{g}__n" for g in groups)]
    frame = pd.DataFrame.from_records(records, columns=columns)
    for k in keys + [f"{g}__sum" for g in groups]:
        frame[k] = frame[k].astype("Int64")
    frame["doc"] = [family.tables[t][0] for t in frame["t"]]
    frame["page"] = [family.tables[t][1].page.path for t in frame["t"]]
    frame["table"] = [family.tables[t][1].index for t in frame["t"]]
    frame["row"] = frame["r"]
    return frame


def _schema(family: _Family, checks: list[str]) -> pa.DataFrameSchema:
    rule = family.rule
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
    frame = _frame(family)
    if frame.empty:
        return
    groups = {g: [f"{g}__sum"] for g in family.rule.groups}
    codes: list[str] = []
    for rule in family.rule.identities:
        _identity_columns(frame, family, rule, groups, tolerance)
        codes.append(rule.doc.code)
    if family.rule.total:
        _total_columns(frame, family, tolerance)
        codes.append(family.rule.total.doc.code)
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


def _operands(frame: pd.DataFrame, identity: Identity, groups: dict[str, list[str]]) -> pd.Series:
    count = pd.Series(0, index=frame.index)
    for term in identity.terms:
        count = count + (frame[f"{term.name}__n"] if term.group else 1)
    return count


def _allowed(operands: pd.Series, tolerance: Tolerance) -> pd.Series:
    """The tolerance per row: the policy asked once per distinct operand count, not once per row."""
    return operands.map({int(n): tolerance.allowed(int(n)) for n in operands.unique()})


def _identity_columns(frame: pd.DataFrame, family: _Family, rule: IdentityRule, groups: dict[str, list[str]], tolerance: Tolerance) -> None:
    """Residuals of every alternative, the table's chosen alternative, and the excess over tolerance."""
    code = rule.doc.code
    usable = pd.Series(True, index=frame.index)
    for term in rule.alternatives[0].terms:
        if not term.group:
            usable &= frame[f"{term.name}__present"]
    holds_cols = []
    for a, identity in enumerate(rule.alternatives):
        residual = identity.residual(lambda k: frame[k], groups).where(usable)
        allowed = _allowed(_operands(frame, identity, groups), tolerance)
        frame[f"res__{code}__{a}"] = residual.astype("Int64")
        frame[f"ok__{code}__{a}"] = (residual.abs() <= allowed).fillna(False).astype(bool)
        frame[f"allowed__{code}__{a}"] = allowed
        holds_cols.append(f"ok__{code}__{a}")
    per_table = frame.groupby("t")[holds_cols].sum()
    # a convention stated by a header or legend wins a tie; otherwise the first alternative does
    stated = [stated_alternative(family.tables[t][1], rule) for t in per_table.index]  # once per table: it reads the page
    bonus = np.array([[0.5 if s == a else 0.0 for a in range(len(rule.alternatives))] for s in stated]).reshape(per_table.shape)
    best = (per_table.to_numpy() + bonus).argmax(axis=1)
    choice = pd.Series(best, index=per_table.index)
    alt = frame["t"].map(choice).to_numpy()
    frame[f"alt__{code}"] = alt
    res = pd.Series(pd.NA, index=frame.index, dtype="Int64")
    allowed = pd.Series(0, index=frame.index)
    for a in range(len(rule.alternatives)):
        mask = alt == a
        res[mask] = frame.loc[mask, f"res__{code}__{a}"]
        allowed[mask] = frame.loc[mask, f"allowed__{code}__{a}"]
    frame[f"res__{code}"] = res
    frame[f"excess__{code}"] = (res.abs() - allowed).clip(lower=0).astype("Int64")



def _total_columns(frame: pd.DataFrame, family: _Family, tolerance: Tolerance) -> None:
    """Expected totals: a subtotal sums the parts above it; a total sums the subtotals since the
    previous total and the parts below the last of them (never subtotals and their parts together)."""
    code = family.rule.total.doc.code
    role = frame["role"]
    boundary = (role != PART).astype(int)
    frame["seg"] = boundary.groupby(frame["t"]).cumsum() - boundary  # a boundary row closes its segment
    closing = (role == TOTAL).astype(int)
    frame["block"] = closing.groupby(frame["t"]).cumsum() - closing  # a total closes its block of subtotals
    keys = _value_keys(family)
    values = frame[keys]
    by_segment, by_block = [frame["t"], frame["seg"]], [frame["t"], frame["block"]]
    is_part, is_sub, is_total = role.eq(PART), role.eq(SUBTOTAL), role.eq(TOTAL)
    rows = lambda mask: np.broadcast_to(mask.to_numpy()[:, None], values.shape)  # a row mask over every column
    part = values.where(rows(is_part))
    part_sum = part.groupby(by_segment).transform("sum")  # all amount columns in one pass
    unknown = (part.isna() & rows(is_part)).groupby(by_segment).transform("any")
    part_sum = part_sum.where(~unknown)  # a part we cannot read makes the total unverifiable
    sub_sum = values.where(rows(is_sub)).groupby(by_block).transform("sum")
    part_n = is_part.groupby(by_segment).transform("sum")
    sub_n = is_sub.groupby(by_block).transform("sum")
    expected = part_sum + sub_sum.where(rows(is_total), 0)
    operands = part_n + sub_n.where(is_total, 0) + 1
    frame[f"ops__{code}"] = operands - 1
    present = frame[[f"{k}__present" for k in keys]].to_numpy()
    residual = (values - expected).where(rows(~is_part & (operands > 1)) & present)
    excess = residual.abs().sub(_allowed(operands, tolerance), axis=0).clip(lower=0)
    for key in keys:
        frame[f"exp__{code}__{key}"] = expected[key].astype("Int64")
        frame[f"res__{code}__{key}"] = residual[key].astype("Int64")
        frame[f"excess__{code}__{key}"] = excess[key].astype("Int64")
    worst = excess.max(axis=1, skipna=True)
    frame[f"excess__{code}"] = worst.astype("Int64")


def _conventions(frame: pd.DataFrame, family: _Family) -> None:
    for rule in family.rule.identities:
        alt = frame.groupby("t")[f"alt__{rule.doc.code}"].first()
        evaluated = frame[f"res__{rule.doc.code}"].notna().groupby(frame["t"]).any()
        for t, a in alt.items():
            if not evaluated[t]:
                continue  # the table lacks a column of this identity: it states no convention for it
            table = family.tables[t][1]
            table.alternatives[rule.doc.code] = int(a)
            text = rule.alternatives[int(a)].text.replace("==", "=")
            table.convention = "; ".join(x for x in (table.convention, text) if x)


# ---------------------------------------------------------------- findings


def _findings(frame: pd.DataFrame, family: _Family, codes: list[str], failed: pd.DataFrame, result: ArithmeticResult) -> None:
    failed_rows = {(c, int(i)) for c, i in zip(failed["check"], failed["index"])}
    t_of, r_of = frame["t"].to_numpy(), frame["r"].to_numpy()
    for rule in family.rule.identities:
        code = rule.doc.code
        residuals = frame[f"res__{code}"]
        evaluated = residuals.notna()
        result.checks[code] = _count(result.checks.get(code), int(evaluated.sum()), sum(1 for c, _ in failed_rows if c == code))
        nonzero = frame.index[evaluated & (residuals != 0)]
        alt_of = frame[f"alt__{code}"].to_numpy()
        fits_of = [frame[f"ok__{code}__{a}"].to_numpy() for a in range(len(rule.alternatives))]
        for i in nonzero:  # the index is a plain range: labels are positions
            document, table = family.tables[int(t_of[i])]
            row = table.rows[int(r_of[i])]
            identity = rule.alternatives[int(alt_of[i])]
            residual = int(residuals.iat[i])
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
