"""Splitting pasted text into clauses, and the word-by-word diff shown on an amendment."""

import pytest

from groundswell.constitution.diffing import word_diff
from groundswell.constitution.splitting import SplitError, split_clauses


def test_paragraphs_become_clauses_without_their_typed_numbers() -> None:
    text = "1. First\nline.\n\n(2) Second.\r\n\r\nClause 3: Third.\n\n\n12 members form a quorum."
    assert split_clauses(text) == ["First\nline.", "Second.", "Third.", "12 members form a quorum."]


@pytest.mark.parametrize("text", ["", "   \n\n  ", "bad\x00byte"])
def test_it_refuses_empty_text_and_control_characters(text: str) -> None:
    with pytest.raises(SplitError):
        split_clauses(text)


def test_the_diff_marks_removed_and_added_words() -> None:
    pieces = word_diff("The committee has nine members.", "The committee has eleven members.")
    assert pieces == [("same", "The committee has "), ("removed", "nine "),
                      ("added", "eleven "), ("same", "members.")]  # fmt: skip
