"""Call assignments: who to call (a saved search), what to ask, who may call; the queue that hands each
person to one caller at a time; and the log of every attempt."""

from typing import Any

from django.conf import settings
from django.db import models


class AssignmentKind(models.TextChoices):
    CALL = "call", "Call bank"
    TURNOUT = "turnout", "Meeting turnout"


class AssignmentStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    ACTIVE = "active", "Calling"
    PAUSED = "paused", "Paused"
    CLOSED = "closed", "Closed"


class CallAssignment(models.Model):
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=10, choices=AssignmentKind.choices, default="call")
    status = models.CharField(max_length=10, choices=AssignmentStatus.choices, default="draft")
    audience = models.ForeignKey(
        "searches.SavedSearch", on_delete=models.PROTECT, related_name="call_assignments"
    )
    script = models.TextField(blank=True, help_text="What the caller says, before the questions.")
    questions: "models.ManyToManyField[Any, Any]" = models.ManyToManyField(
        "outreach.Question", through="AssignmentQuestion", related_name="assignments"
    )
    # The goal: once a person has answered this question (with one of these values, or any when
    # empty) they leave the queue.
    goal_question = models.ForeignKey(
        "outreach.Question", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    goal_values = models.JSONField(default=list, blank=True)
    cooldown_hours = models.PositiveIntegerField(default=24)  # between two attempts on one person
    claim_minutes = models.PositiveIntegerField(default=20)  # a person on screen is released after
    callers = models.ManyToManyField("people.Person", blank=True, related_name="call_assignments")
    group = models.ForeignKey(
        "groups.Group", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Meeting turnout: the meeting, and how many must come to win it.
    event = models.ForeignKey(
        "events.Event", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    needed = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.name


class AssignmentQuestion(models.Model):
    assignment = models.ForeignKey(CallAssignment, on_delete=models.CASCADE)
    question = models.ForeignKey("outreach.Question", on_delete=models.PROTECT)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["assignment", "question"], name="assignment_question")
        ]

    def __str__(self) -> str:
        return f"{self.assignment_id}: question {self.question_id}"


class CallQueueEntry(models.Model):
    """One person in one assignment's queue. A caller holds an entry while it is on their screen
    (`caller`, `claimed_until`); `next_attempt_at` keeps the cooldown or a call-back time; `done` is
    set once the goal is met or calling must stop (wrong number, asked not to be called)."""

    assignment = models.ForeignKey(CallAssignment, on_delete=models.CASCADE, related_name="queue")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    caller = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    claimed_until = models.DateTimeField(null=True, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    done = models.BooleanField(default=False)
    done_reason = models.CharField(max_length=30, blank=True)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assignment", "person"], name="queue_assignment_person")
        ]
        indexes = [
            models.Index(fields=["assignment", "done", "id"], name="queue_open"),
            # The next person is read from these, each stopping at its first row: never tried, in
            # queue order; then tried before, by when they may be tried again. Without them the
            # first read walks past every entry already waiting out its cooldown (69 ms at 87k).
            models.Index(
                fields=["assignment", "id"],
                name="queue_fresh",
                condition=models.Q(done=False, next_attempt_at__isnull=True),
            ),
            models.Index(
                fields=["assignment", "next_attempt_at", "id"],
                name="queue_due",
                condition=models.Q(done=False, next_attempt_at__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.assignment_id}: person {self.person_id}"


class CallOutcome(models.TextChoices):
    ANSWERED = "answered", "Answered"
    NO_ANSWER = "no_answer", "No answer"
    VOICEMAIL = "voicemail", "Left voicemail"
    WRONG_NUMBER = "wrong_number", "Wrong number"
    CALL_BACK = "call_back", "Call back later"
    DO_NOT_CALL = "do_not_call", "Asked not to be called"


class CallAttempt(models.Model):
    assignment = models.ForeignKey(
        CallAssignment, on_delete=models.CASCADE, related_name="attempts"
    )
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    caller = models.ForeignKey(
        "people.Person", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    outcome = models.CharField(max_length=20, choices=CallOutcome.choices)
    call_back_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField(blank=True)
    at = models.DateTimeField(db_index=True)

    class Meta:
        indexes = [
            models.Index(fields=["assignment", "caller"], name="attempt_by_caller"),
            models.Index(fields=["person", "at"], name="attempt_person_at"),
        ]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} at {self.at:%Y-%m-%d %H:%M}"
