"""Who may be rung for an assignment, as querysets the queue, the caller screen and the progress page
share, so all three agree.

A person may be called when they have said yes to phone calls (`phone_consent`: the sign-up form asks
"How may we contact you?", and an unticked box is not a yes), have at least one number not marked
do-not-call, still match the assignment's audience, and have not already met its goal.
"""

from django.db.models import Exists, OuterRef, Q, QuerySet

from groundswell.outreach.models import Answer, CallAssignment
from groundswell.people.models import Person, PhoneNumber
from groundswell.searches.queries import audience


def has_callable_number() -> Exists:
    """Over Person: at least one number not marked do-not-call."""
    return Exists(PhoneNumber.objects.filter(person_id=OuterRef("pk"), do_not_call=False))


def may_be_called() -> Q:
    """Over Person: phone consent given and a number we may ring."""
    return Q(phone_consent=True) & Q(has_callable_number())


def meets_goal(assignment: CallAssignment) -> Q:
    """Over Person: has answered the goal question (with one of the goal values, if any are set)."""
    if assignment.goal_question_id is None:
        return Q(pk__in=[])  # no goal: nobody has met it
    answers = Answer.objects.filter(
        person_id=OuterRef("pk"), question_id=assignment.goal_question_id
    )
    if assignment.goal_values:
        answers = answers.filter(value__in=[str(v) for v in assignment.goal_values])
    return Q(Exists(answers))


def to_call(assignment: CallAssignment) -> QuerySet[Person]:
    """The audience people who may be called now and still need a call (raises DefinitionError
    when the audience's search cannot be used)."""
    return (
        audience(assignment.audience)
        .filter(may_be_called())
        .exclude(meets_goal(assignment))
        .order_by()
    )
