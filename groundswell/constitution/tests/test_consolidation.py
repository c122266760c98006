"""The pure rule that turns adopted amendments into the new text, conflicts included."""

import pytest

from groundswell.constitution.consolidation import Change, Entry, consolidate

TEXT = [(10, "One."), (20, "Two."), (30, "Three.")]


def test_a_replacement_keeps_the_clause_identity_and_names_the_amendment() -> None:
    outcome = consolidate(TEXT, [Change(1, "replace", 20, "Deux.")])
    assert outcome.entries == [Entry(10, "One."), Entry(20, "Deux.", 1), Entry(30, "Three.")]
    assert outcome.fell == []


def test_a_deletion_removes_the_clause() -> None:
    outcome = consolidate(TEXT, [Change(1, "delete", 10)])
    assert [e.clause for e in outcome.entries] == [20, 30]


def test_insertions_follow_their_clause_in_ballot_order_even_when_it_is_deleted() -> None:
    changes = [Change(1, "insert", 10, "New A1."), Change(2, "delete", 10),
               Change(3, "insert", 10, "New A2."), Change(4, "insert", 30, "Four.")]  # fmt: skip
    texts = [e.text for e in consolidate(TEXT, changes).entries]
    assert texts == ["New A1.", "New A2.", "Two.", "Three.", "Four."]


def test_a_later_replacement_or_deletion_of_a_taken_clause_falls() -> None:
    changes = [Change(1, "replace", 20, "First."), Change(2, "replace", 20, "Second."),
               Change(3, "delete", 20)]  # fmt: skip
    outcome = consolidate(TEXT, changes)
    assert [e.text for e in outcome.entries] == ["One.", "First.", "Three."]
    assert outcome.fell == [2, 3]


def test_a_deletion_first_makes_a_later_replacement_fall() -> None:
    outcome = consolidate(TEXT, [Change(1, "delete", 30), Change(2, "replace", 30, "Trois.")])
    assert [e.text for e in outcome.entries] == ["One.", "Two."]
    assert outcome.fell == [2]


def test_it_refuses_a_change_to_a_clause_not_in_the_text() -> None:
    with pytest.raises(ValueError, match="No clause"):
        consolidate(TEXT, [Change(1, "replace", 99, "Nope.")])
