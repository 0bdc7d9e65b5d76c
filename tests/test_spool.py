"""The report's spool behaves as a list whether its items are in memory or on disk."""

import copy
import pickle
from pathlib import Path

from hypothesis import given, strategies as st

from budget_checks.run.spool import Spool


@given(st.lists(st.tuples(st.integers(), st.text(max_size=5))), st.integers(0, 5))
def test_a_spool_holds_its_items_in_order(items, keep) -> None:
    spool = Spool(items, keep=keep)
    assert list(spool) == items and len(spool) == len(items) and bool(spool) == bool(items)
    assert spool == items and spool[:3] == items[:3] and spool[1:] == items[1:]
    if items:
        assert spool[len(items) - 1] == items[-1] and spool[-1] == items[-1]
    assert pickle.loads(pickle.dumps(spool)) == items and copy.deepcopy(spool) == items


def test_items_past_keep_go_to_disk_and_iterators_keep_their_place() -> None:
    spool = Spool(range(5), keep=2)
    assert spool._on_disk == 3
    first, second = iter(spool), iter(spool)
    assert [next(first), next(first), next(first)] == [0, 1, 2]
    assert [next(second) for _ in range(4)] == [0, 1, 2, 3]
    spool.append(5)  # an append while iterating
    assert list(first) == [3, 4, 5] and list(second) == [4, 5]
    spool.close()
    assert list(spool) == [0, 1]


def test_a_long_run_spools_its_documents_and_the_json_report_streams_the_same_text(tmp_path, monkeypatch) -> None:
    import json

    import budget_checks.run.engine as engine
    from budget_checks.api import check
    from budget_checks.reports.json_report import JsonReporter, to_dict

    monkeypatch.setattr(engine, "DOCUMENTS_IN_MEMORY", 1)
    monkeypatch.setattr(engine, "COMPARISONS_IN_MEMORY", 1)
    samples = Path(__file__).resolve().parents[1] / "samples"
    paths = [str(samples / name) for name in ("begroting-2025", "begroting-2026", "broken", "jaarstukken-voorbeeld")]
    report = check(paths, lang="en")
    assert report.documents._on_disk == 3 and report.passed._on_disk == len(report.passed) - 1 > 0
    streamed = JsonReporter().render(report)
    assert streamed == json.dumps(to_dict(report), ensure_ascii=False, indent=2) + "\n"
    assert [d["path"] for d in json.loads(streamed)["documents"]] == [d.path for d in report.documents]
