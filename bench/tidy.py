"""The tidy tables of a generated export and the identity checks over them, in pandas.

This is what a team would write before handing the tables to Great Expectations
or pandera: residual columns for the same identities budget-checks checks
(BL101-BL103, KR101-KR103), each turned into an excess over the rounding
tolerance (|residual| <= operands // 2 in displayed units), so a row passes a
check when its excess is 0. Sign conventions are the portal's (saldo = lasten -
baten; resultaat = saldo + toevoeging - onttrekking), which the generator uses.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

KEYS = ["doc", "page", "table", "label"]
CODES = ["BL101", "BL102", "BL103", "KR101", "KR102", "KR103"]
BL = ["lasten", "baten", "saldo", "toevoeging", "onttrekking", "resultaat"]
KR = ["omvang", "gerealiseerd", "resterend", "raming_1", "raming_2", "raming_3"]


def documents(root: Path) -> list[Path]:
    return sorted((root / "tables").glob("*.csv"))


def read(csv: Path) -> pd.DataFrame:
    return pd.read_csv(csv, dtype={"doc": str, "page": str, "label": str, "kind": str, "role": str})


def _excess(residual: pd.Series, operands: int | pd.Series) -> pd.Series:
    return (residual.abs() - operands // 2).clip(lower=0)


def _totals(frame: pd.DataFrame, columns: list[str]) -> pd.Series:
    """Excess of each Totaal row over the sum of the other rows of its table, worst column."""
    by_table = ["doc", "page", "table"]
    parts = frame[frame["role"] == "part"].groupby(by_table)[columns]
    sums, counts = parts.sum(), parts.size()
    totals = frame[frame["role"] == "total"]
    expected = sums.reindex(pd.MultiIndex.from_frame(totals[by_table])).to_numpy()
    operands = counts.reindex(pd.MultiIndex.from_frame(totals[by_table])).to_numpy() + 1
    residual = pd.DataFrame(totals[columns].to_numpy() - expected, index=totals.index, columns=columns)
    worst = residual.abs().sub(operands // 2, axis=0).clip(lower=0).max(axis=1)
    return worst.reindex(frame.index)


def with_excess(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with one `excess__CODE` column per identity (empty where it does not apply)."""
    out = frame.copy()
    bl = out["kind"] == "baten_en_lasten"
    kr = out["kind"] == "kredieten"
    out["excess__BL101"] = _excess(out["saldo"] - (out["lasten"] - out["baten"]), 3).where(bl)
    out["excess__BL102"] = _excess(out["resultaat"] - (out["saldo"] + out["toevoeging"] - out["onttrekking"]), 4).where(bl)
    out["excess__KR101"] = _excess(out["resterend"] - (out["omvang"] - out["gerealiseerd"]), 3).where(kr)
    out["excess__KR102"] = _excess(out["resterend"] - (out["raming_1"] + out["raming_2"] + out["raming_3"]), 4).where(kr)
    out["excess__BL103"] = _totals(out[bl], BL).reindex(out.index) if bl.any() else pd.NA
    out["excess__KR103"] = _totals(out[kr], KR).reindex(out.index) if kr.any() else pd.NA
    for code in CODES:
        out[f"excess__{code}"] = out[f"excess__{code}"].astype("Int64")
    return out


def failures_of(frame: pd.DataFrame) -> list[list]:
    """Rows whose excess is not 0, as [doc, page, table, label, code] (what every variant reports)."""
    out = []
    for code in CODES:
        bad = frame[frame[f"excess__{code}"].fillna(0) != 0]
        out += [[d, p, int(t), label, code] for d, p, t, label in bad[KEYS].itertuples(index=False)]
    return out
