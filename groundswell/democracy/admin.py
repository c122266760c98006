"""Ballots in the admin, for staff to look at and to mend a title or a typo. Questions and options
are read-only once set up (cast papers name options by position), the times only move before the
electorate is frozen, and ballot papers are not here at all (see the note at the end)."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from groundswell.democracy.models import Ballot, Elector, Option, Question

QUESTION_FIELDS = ("position", "text", "method", "seats", "threshold")
TIMES = ["cut_off", "opens_at", "closes_at"]


class LookOnlyInline(admin.TabularInline[Any, Any]):
    """Shown, never added, changed or deleted: a paper's answers point at these by position."""

    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class QuestionInline(LookOnlyInline):
    model = Question
    fields = QUESTION_FIELDS


class OptionInline(LookOnlyInline):
    model = Option
    fields = ["position", "label"]
    show_change_link = False


@admin.register(Ballot)
class BallotAdmin(admin.ModelAdmin[Ballot]):
    list_display = ["title", "electorate", "group", "opens_at", "closes_at", "frozen_at"]
    list_filter = ["electorate"]
    search_fields = ["title"]
    list_select_related = ["group"]
    inlines = [QuestionInline]
    fields = ["title", "description", "electorate", "group", "search", *TIMES, "frozen_at",
              "created_by", "created_at"]  # fmt: skip

    def get_readonly_fields(self, request: HttpRequest, obj: Ballot | None = None) -> list[str]:
        """Who votes is fixed at creation; the times may move (say, a ballot that opened before
        its electorate was frozen) only until the electorate is frozen."""
        fixed = ["electorate", "group", "search", "frozen_at", "created_by", "created_at"]
        return fixed + (TIMES if obj is None or obj.frozen_at else [])

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # the organisers' page checks who may hold which ballot: create there

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # its questions, electorate and papers are the record of a vote


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin[Question]):
    list_display = ["text", "ballot", "position", "method"]
    list_select_related = ["ballot"]
    search_fields = ["text", "ballot__title"]
    readonly_fields = QUESTION_FIELDS
    fields = ["ballot", *QUESTION_FIELDS]
    raw_id_fields = ["ballot"]
    inlines = [OptionInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Elector)
class ElectorAdmin(admin.ModelAdmin[Elector]):
    """The frozen electorate, to answer "am I on it?". Whether each person has voted is left out:
    organisers are only ever shown the turnout, and the admin should not be a way round that."""

    list_display = ["person", "ballot"]
    list_select_related = ["person", "ballot"]
    list_filter = ["ballot"]
    fields = ["ballot", "person"]
    raw_id_fields = ["ballot", "person"]
    search_fields = ["=person__emails__address", "person__family_name"]
    show_full_result_count = False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # the electorate is frozen once, by freeze_electorate

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


# BallotPaper is deliberately not registered. A paper must never change once cast (a voter checks
# it against their receipt, anyone recounts from the list), and before the close its answers are
# the running result, which nobody may see. Read-only admin pages would still show that early, so
# papers are read only through the published list after the close (democracy:papers).
# BallotResult is left out too: its seed is shown on the results page.
