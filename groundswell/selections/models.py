"""Candidate selection: a post to fill, members' nominations with their nominators, the panel's
longlist and shortlist decisions (kept as records), an optional hustings and the members' ballot."""

from django.conf import settings
from django.db import models


class VotingMethod(models.TextChoices):
    IRV = "irv", "Ranked, one winner (instant runoff)"
    STV = "stv", "Ranked, several winners (STV)"
    CHOOSE_ONE = "choose_one", "Choose one"


class Selection(models.Model):
    post = models.CharField(max_length=200, help_text="For example: Parliamentary candidate.")
    description = models.TextField(blank=True)
    # None: a national selection, open to every member (national roles only).
    group = models.ForeignKey(
        "groups.Group", null=True, blank=True, on_delete=models.PROTECT, related_name="selections"
    )
    seats = models.PositiveSmallIntegerField(default=1)
    nominations_open = models.DateTimeField()
    nominations_close = models.DateTimeField()
    nominators_required = models.PositiveSmallIntegerField()
    method = models.CharField(max_length=12, choices=VotingMethod.choices)
    panel = models.ManyToManyField("people.Person", blank=True, related_name="selection_panels")
    hustings = models.ForeignKey(
        "events.Event", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    ballot = models.ForeignKey(
        "democracy.Ballot", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="selections_created"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-nominations_open", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(nominations_open__lt=models.F("nominations_close")),
                name="selection_window_in_order",
            ),
            models.CheckConstraint(condition=models.Q(seats__gte=1), name="selection_seats_1"),
        ]

    def __str__(self) -> str:
        return self.post


class Nomination(models.Model):
    """A member standing, with their statement. `longlisted`/`shortlisted` hold the panel's latest
    decision (None: not decided yet); the Decision rows keep every decision with its reason."""

    selection = models.ForeignKey(Selection, on_delete=models.CASCADE, related_name="nominations")
    candidate = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="selection_nominations"
    )
    statement = models.TextField()
    created_at = models.DateTimeField()
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    longlisted = models.BooleanField(null=True)
    shortlisted = models.BooleanField(null=True)
    ballot_position = models.PositiveSmallIntegerField(null=True, blank=True)  # option i

    class Meta:
        ordering = ["selection", "created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["selection", "candidate"], name="one_nomination_per_candidate"
            ),
            models.UniqueConstraint(
                fields=["selection", "ballot_position"], name="nomination_ballot_position"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.candidate} for {self.selection}"


class Nominator(models.Model):
    """One member nominating one candidate: once each, enforced by the database."""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="nominators")
    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="selection_nominators"
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["nomination", "created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["nomination", "person"], name="one_nominator_each"),
        ]

    def __str__(self) -> str:
        return f"{self.person_id} nominates {self.nomination_id}"


class Stage(models.TextChoices):
    LONGLIST = "longlist", "Longlist"
    SHORTLIST = "shortlist", "Shortlist"


class Decision(models.Model):
    """A panel member's decision on a nomination at one stage, with the reason the candidate sees."""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="decisions")
    stage = models.CharField(max_length=10, choices=Stage.choices)
    included = models.BooleanField()
    reason = models.TextField()
    decided_by = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="selection_decisions"
    )
    decided_at = models.DateTimeField()

    class Meta:
        ordering = ["nomination", "decided_at", "id"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(reason=""), name="decision_has_reason"),
        ]

    def __str__(self) -> str:
        verdict = "in" if self.included else "out"
        return f"{self.stage} {verdict}: {self.nomination_id}"
