"""What a user may name in a saved search beyond people themselves: other saved searches and survey
questions. (Groups, events, tags and constituencies are decided by their own apps' queries.)"""

from typing import Any

from django.db.models import Q, QuerySet

from groundswell.core.access import organised_group_ids, sees_everyone
from groundswell.outreach.models import CallAssignment, Question
from groundswell.searches.models import SavedSearch


def searches_usable_by(user: Any) -> QuerySet[SavedSearch]:
    """Searches this user may use and edit: their own, and those shared with groups they organise."""
    if sees_everyone(user):
        return SavedSearch.objects.all()
    if not user.is_authenticated:
        return SavedSearch.objects.none()
    return SavedSearch.objects.filter(Q(owner=user) | Q(group_id__in=organised_group_ids(user)))


def questions_usable_by(user: Any) -> QuerySet[Question]:
    """Questions whose answers this user may search on: national roles all of them; others those
    they wrote, and those asked by call assignments they made or their groups run."""
    if sees_everyone(user):
        return Question.objects.all()
    if not user.is_authenticated:
        return Question.objects.none()
    mine = CallAssignment.objects.filter(
        Q(created_by=user) | Q(group_id__in=organised_group_ids(user))
    )
    asked = CallAssignment.questions.through.objects.filter(assignment__in=mine)
    return Question.objects.filter(Q(created_by=user) | Q(pk__in=asked.values("question_id")))
