"""The reporters' words live in one module; every word has both languages."""

import pytest

from budget_checks.reports import labels


@pytest.mark.parametrize("vocabulary", [labels.LABELS, labels.EXCEL, labels.GITHUB, labels.DIFF])
def test_every_word_is_in_dutch_and_english(vocabulary: dict) -> None:
    assert set(vocabulary) == {"nl", "en"}
    assert set(vocabulary["nl"]) == set(vocabulary["en"])
    assert all(text.strip() for words in vocabulary.values() for text in words.values())
