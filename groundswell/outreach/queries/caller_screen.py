"""What the caller screen shows about the one person a caller holds: how to ring them, who they
are in the movement (groups, past answers, the latest notes, the last call), and the script and
questions. A fixed number of queries; the caller's claim is checked before this is called
(queries.calls.get_entry_for_caller)."""

from dataclasses import dataclass, field
from datetime import datetime

import phonenumbers

from groundswell.groups.models import Membership
from groundswell.outreach.actions.questions import ordered_questions
from groundswell.outreach.models import (
    Answer,
    CallAssignment,
    CallAttempt,
    CallQueueEntry,
    Question,
)
from groundswell.people.models import Note, Person, PhoneNumber

NOTES_SHOWN = 3
ANSWERS_READ = 60


@dataclass
class PastAnswer:
    question: str
    answer: str  # the option(s) chosen, or the free text
    at: datetime


@dataclass(frozen=True)
class Dial:
    number: str  # E.164, for the tel: link
    shown: str  # as people write it: 07700 900123 for a UK number
    kind: str  # mobile, landline, other


def dial(phone: PhoneNumber) -> Dial:
    try:
        parsed = phonenumbers.parse(phone.number, None)
        national = phonenumbers.region_code_for_number(parsed) == "GB"
        style = (
            phonenumbers.PhoneNumberFormat.NATIONAL
            if national
            else phonenumbers.PhoneNumberFormat.INTERNATIONAL
        )
        shown = phonenumbers.format_number(parsed, style)
    except phonenumbers.NumberParseException:
        shown = phone.number
    return Dial(phone.number, shown, phone.get_number_type_display())


@dataclass
class CallerScreen:
    entry: CallQueueEntry
    person: Person
    numbers: list[Dial]  # the numbers we may ring, primary first
    may_call: bool  # still consents and has a number (they may have opted out since)
    groups: list[str]
    past_answers: list[PastAnswer]
    notes: list[Note]
    last_call: CallAttempt | None
    script: str
    questions: list[Question] = field(default_factory=list)


def caller_screen(entry: CallQueueEntry, caller: Person) -> CallerScreen:
    person = Person.objects.get(pk=entry.person_id)  # fresh: consent may have changed since
    numbers = list(
        PhoneNumber.objects.filter(person=person, do_not_call=False).order_by("-primary", "pk")
    )
    memberships = Membership.objects.filter(person=person, group__is_active=True)
    last_call = CallAttempt.objects.filter(person=person).select_related("assignment", "caller")
    return CallerScreen(
        entry=entry,
        person=person,
        numbers=[dial(n) for n in numbers],
        may_call=bool(person.phone_consent and numbers),
        groups=list(memberships.order_by("group__name").values_list("group__name", flat=True)),
        past_answers=past_answers(person),
        notes=list(Note.objects.filter(person=person).order_by("-created_at", "-pk")[:NOTES_SHOWN]),
        last_call=last_call.order_by("-at", "-pk").first(),
        script=fill_script(entry.assignment, person, caller),
        questions=ordered_questions(entry.assignment),
    )


def past_answers(person: Person) -> list[PastAnswer]:
    """The person's answer to each question they have answered, newest first."""
    rows = Answer.objects.filter(person=person).select_related("question")
    grouped: dict[int, PastAnswer] = {}
    for row in rows.order_by("-answered_at", "-pk")[:ANSWERS_READ]:
        shown = row.text or row.value
        if row.question_id not in grouped:
            grouped[row.question_id] = PastAnswer(row.question.text, shown, row.answered_at)
        elif row.answered_at == grouped[row.question_id].at:  # more options of one multiple choice
            grouped[row.question_id].answer = f"{shown}, {grouped[row.question_id].answer}"
    return list(grouped.values())


def fill_script(assignment: CallAssignment, person: Person, caller: Person) -> str:
    """The script with {given_name} (the person called) and {caller_name} (the caller) filled in."""
    return assignment.script.replace("{given_name}", person.given_name or "there").replace(
        "{caller_name}", caller.given_name or "a volunteer"
    )
