"""Secret ballots: the ballot and its questions, the frozen electorate, and the anonymous papers.

Secrecy rests on two tables that share nothing but the ballot: `Elector` records *that* a person voted,
`BallotPaper` records *what* was voted. A paper has no link to a person or an elector, no timestamp and
a random key, so nothing stored in a row re-links the two (see docs/ballots.md for what remains)."""

import uuid
from datetime import datetime

from django.conf import settings
from django.db import models


class Electorate(models.TextChoices):
    ALL_MEMBERS = "all_members", "All members"
    GROUP = "group", "A group's members"
    SEARCH = "search", "A saved search"


class Method(models.TextChoices):
    YES_NO_ABSTAIN = "yes_no_abstain", "Yes / no / abstain"
    CHOOSE_ONE = "choose_one", "Choose one"
    APPROVAL = "approval", "Approval (choose any)"
    IRV = "irv", "Ranked, one winner (instant runoff)"
    STV = "stv", "Ranked, several winners (STV)"


class Threshold(models.TextChoices):
    SIMPLE = "simple", "Simple majority"
    TWO_THIRDS = "two_thirds", "Two-thirds majority"


class Ballot(models.Model):
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    electorate = models.CharField(max_length=12, choices=Electorate.choices)
    group = models.ForeignKey(
        "groups.Group", null=True, blank=True, on_delete=models.PROTECT, related_name="ballots"
    )
    search = models.ForeignKey(
        "searches.SavedSearch",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="ballots",
    )
    # Who may vote is decided as things stood at the cut-off, then frozen into Elector rows.
    cut_off = models.DateTimeField()
    opens_at = models.DateTimeField()
    closes_at = models.DateTimeField()
    frozen_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="ballots_created"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-opens_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(cut_off__lte=models.F("opens_at"))
                & models.Q(opens_at__lt=models.F("closes_at")),
                name="ballot_times_in_order",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def status(self, now: datetime) -> str:
        """One of "upcoming", "open" or "closed": computed from the times, never stored."""
        if now < self.opens_at:
            return "upcoming"
        return "open" if now < self.closes_at else "closed"


class Question(models.Model):
    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField()
    text = models.CharField(max_length=500)
    method = models.CharField(max_length=16, choices=Method.choices)
    seats = models.PositiveSmallIntegerField(default=1)  # winners, for STV
    threshold = models.CharField(max_length=10, choices=Threshold.choices, blank=True)

    class Meta:
        ordering = ["ballot", "position"]
        constraints = [
            models.UniqueConstraint(fields=["ballot", "position"], name="question_position"),
        ]

    def __str__(self) -> str:
        return self.text


class Option(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="options")
    position = models.PositiveSmallIntegerField()
    label = models.CharField(max_length=200)

    class Meta:
        ordering = ["question", "position"]
        constraints = [
            models.UniqueConstraint(fields=["question", "position"], name="option_position"),
        ]

    def __str__(self) -> str:
        return self.label


class Elector(models.Model):
    """One person on a ballot's frozen electorate, and whether they have voted (never when, nor how)."""

    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="electors")
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="ballot_entries"
    )
    voted = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["ballot", "person"], name="one_entry_per_elector"),
        ]

    def __str__(self) -> str:
        return f"{self.person_id} on {self.ballot_id}"


class BallotPaper(models.Model):
    """A cast paper: the answers and the hash of the voter's receipt code. Deliberately nothing else:
    no person, no elector, no time, and a random key so neither key nor listing order follows
    the order of voting."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    ballot = models.ForeignKey(Ballot, on_delete=models.PROTECT, related_name="papers")
    receipt_hash = models.CharField(max_length=64, unique=True)
    # {question position: answer}, answers naming options by position (see actions/answers.py).
    choices = models.JSONField()

    class Meta:
        ordering = ["ballot", "id"]

    def __str__(self) -> str:
        return str(self.id)


class BallotResult(models.Model):
    """The count of a closed ballot: the seed every tie was drawn from, so a recount repeats it."""

    ballot = models.OneToOneField(Ballot, on_delete=models.CASCADE, related_name="result")
    seed = models.BigIntegerField()
    counted_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"count of {self.ballot_id}"
