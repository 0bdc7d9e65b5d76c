"""Roles from the rulebook's vocabulary, for labels as real headers write them."""

from __future__ import annotations

from budget_checks.recognize.roles import roles_of, vocabulary
from budget_checks.rulebook import load_rulebook

VOCAB = vocabulary(load_rulebook())


def _keys(label: str) -> set[str]:
    return {role.key for role in roles_of(label, VOCAB)}


def test_a_word_hyphenated_where_a_line_broke_has_its_role() -> None:
    assert _keys("Toe-voegingen") == _keys("Toevoegingen") == {"toevoegingen"}
    assert _keys("Aan-wendingen") == _keys("Aanwendingen")


def test_joining_a_hyphenated_word_gives_no_role_where_the_word_has_none() -> None:
    assert _keys("Stelsel-wijziging") == set()  # `stelselwijziging` names no role
    assert _keys("Lasten 2025") == {"lasten"}


def test_a_minus_written_against_a_word_still_reads_as_a_minus() -> None:
    assert _keys("Verschil begroot- werkelijk") == _keys("Verschil begroot - werkelijk") == {"verschil"}
