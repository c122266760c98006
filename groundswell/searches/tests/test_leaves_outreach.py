"""Leaves over outreach records: answers to survey questions, and being called or texted lately."""

import pytest

from groundswell.searches.definition import DefinitionError
from groundswell.searches.queries import matching
from groundswell.searches.tests.fixtures import (
    Movement,
    answer,
    assignment,
    called,
    names,
    question,
    texted,
)

pytestmark = pytest.mark.django_db


def test_answer_with_no_values_finds_anyone_who_answered(movement: Movement) -> None:
    asked = question(created_by=movement.national)
    answer(movement.ada, asked, "yes")
    answer(movement.bea, asked, "no")
    answer(movement.cal, question(), "yes")  # another question
    found = matching(movement.national, {"filter": "answer", "question": asked.pk})
    assert names(found) == {"Ada", "Bea"}


def test_answer_with_values_finds_those_who_gave_one_of_them(movement: Movement) -> None:
    asked = question("multiple", choices=["Doors", "Phones", "Cakes"])
    answer(movement.ada, asked, "Doors")
    answer(movement.bea, asked, "Cakes")
    answer(movement.cal, asked, "Phones")
    answer(movement.cal, asked, "Cakes")
    leaf = {"filter": "answer", "question": asked.pk, "values": ["Doors", "Phones"]}
    assert names(matching(movement.national, leaf)) == {"Ada", "Cal"}


def test_answer_refuses_a_value_the_question_does_not_offer(movement: Movement) -> None:
    asked = question()
    leaf = {"filter": "answer", "question": asked.pk, "values": ["perhaps"]}
    with pytest.raises(DefinitionError, match="“perhaps” is not an answer to question"):
        matching(movement.national, leaf)


def test_answer_to_a_free_text_question_takes_no_values(movement: Movement) -> None:
    asked = question("text", text="Anything else?")
    answer(movement.ada, asked, text="Loved it")
    assert names(matching(movement.national, {"filter": "answer", "question": asked.pk})) == {"Ada"}
    with pytest.raises(DefinitionError, match="answered in free text"):
        matching(movement.national, {"filter": "answer", "question": asked.pk, "values": ["x"]})


def test_an_organiser_may_use_questions_they_wrote_or_their_groups_assignments_ask(
    movement: Movement,
) -> None:
    own = question(created_by=movement.organiser_a)
    theirs = question(created_by=movement.organiser_b)
    asked_by_group = question(created_by=movement.national)
    group_calls = assignment(movement.national, group=movement.group_a)
    group_calls.questions.add(asked_by_group)
    answer(movement.ada, own, "yes")
    answer(movement.ada, asked_by_group, "yes")
    for usable in (own, asked_by_group):
        leaf = {"filter": "answer", "question": usable.pk}
        assert names(matching(movement.organiser_a, leaf)) == {"Ada"}
    with pytest.raises(DefinitionError, match=f"Question {theirs.pk} does not exist or is not"):
        matching(movement.organiser_a, {"filter": "answer", "question": theirs.pk})


def test_contacted_within_finds_calls_and_sent_texts_in_the_last_n_days(movement: Movement) -> None:
    called(movement.ada, movement.national, days_ago=2)
    texted(movement.bea, movement.national, days_ago=5)
    called(movement.cal, movement.national, days_ago=20)
    texted(movement.cal, movement.national, days_ago=1, direction="in")  # a reply is not contact
    week = {"filter": "contacted_within", "days": 7}
    assert names(matching(movement.national, week)) == {"Ada", "Bea"}
    month = {"filter": "contacted_within", "days": 30}
    assert names(matching(movement.national, month)) == {"Ada", "Bea", "Cal"}
