"""The store of what depends on texts alone stays bounded however long the run."""

from budget_checks.recognize.kept import Kept


def test_a_full_store_is_emptied_before_it_keeps_more() -> None:
    kept = Kept(3)
    for n in range(10):
        assert kept.keep(f"header {n}", n) == n
        assert len(kept) <= 3 and kept[f"header {n}"] == n
