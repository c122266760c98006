"""Constitution drafting: a document of numbered clauses kept as versions, the amendments members
propose to its clauses, and who seconded them.

A `Clause` is a clause's identity, which survives renumbering; a `ClauseText` is its number and words
in one `Version`. Every version holds a row per clause it contains, so any version reads in one query
and a clause's history is its rows across versions."""

from django.conf import settings
from django.db import models

from groundswell.democracy.models import Threshold


class Document(models.Model):
    title = models.CharField(max_length=200)
    # None: a national document, amended by all members; otherwise by the group's members.
    group = models.ForeignKey(
        "groups.Group",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="constitution_documents",
    )
    threshold = models.CharField(
        max_length=10, choices=Threshold.choices, default=Threshold.TWO_THIRDS
    )
    seconders_required = models.PositiveSmallIntegerField(default=2)
    amendments_open = models.DateTimeField()
    amendments_close = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="constitution_documents"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["title", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amendments_open__lt=models.F("amendments_close")),
                name="constitution_window_in_order",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Version(models.Model):
    """One consolidated text. Version 1 is the text as created; each later one comes from a ballot."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    created_at = models.DateTimeField()
    ballot = models.ForeignKey(
        "democracy.Ballot",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="constitution_versions",
    )

    class Meta:
        ordering = ["document", "number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="one_version_number"),
        ]

    def __str__(self) -> str:
        return f"{self.document} v{self.number}"


class Clause(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="clauses")

    def __str__(self) -> str:
        return f"Clause {self.pk} of {self.document_id}"


class ClauseText(models.Model):
    """A clause as it reads in one version; `amendment` is what changed or inserted it there."""

    version = models.ForeignKey(Version, on_delete=models.CASCADE, related_name="texts")
    clause = models.ForeignKey(Clause, on_delete=models.CASCADE, related_name="texts")
    number = models.PositiveIntegerField()
    text = models.TextField()
    amendment = models.ForeignKey(
        "Amendment", null=True, blank=True, on_delete=models.PROTECT, related_name="texts"
    )

    class Meta:
        ordering = ["version", "number"]
        constraints = [
            models.UniqueConstraint(fields=["version", "clause"], name="clause_once_per_version"),
            models.UniqueConstraint(fields=["version", "number"], name="clause_number_per_version"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.text[:40]}"


class Kind(models.TextChoices):
    REPLACE = "replace", "Replace the clause's text"
    DELETE = "delete", "Delete the clause"
    INSERT = "insert", "Insert a new clause after it"


class Status(models.TextChoices):
    PROPOSED = "proposed", "Proposed, gathering seconders"
    BALLOTED = "balloted", "Put to the vote"
    ADOPTED = "adopted", "Adopted"
    REJECTED = "rejected", "Rejected"
    FELL = "fell", "Fell: an earlier amendment to the clause was adopted"
    LAPSED = "lapsed", "Lapsed: not enough seconders"


class Amendment(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="amendments")
    clause = models.ForeignKey(Clause, on_delete=models.PROTECT, related_name="amendments")
    version = models.ForeignKey(Version, on_delete=models.PROTECT, related_name="amendments")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    text = models.TextField(blank=True)  # the new text; empty for a deletion
    reason = models.TextField()
    proposer = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="constitution_amendments"
    )
    proposed_at = models.DateTimeField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PROPOSED)
    # The ballot question that decides it: question `question_position` of `ballot`.
    ballot = models.ForeignKey(
        "democracy.Ballot",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="constitution_amendments",
    )
    question_position = models.PositiveSmallIntegerField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["document", "proposed_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["ballot", "question_position"], name="one_amendment_per_question"
            ),
            models.CheckConstraint(
                condition=models.Q(kind="delete") | ~models.Q(text=""),
                name="amendment_text_unless_deleting",
            ),
        ]

    def __str__(self) -> str:
        return f"Amendment {self.pk} ({self.kind})"


class Seconding(models.Model):
    """A member seconding an amendment. A political opinion: shown by name to organisers only."""

    amendment = models.ForeignKey(Amendment, on_delete=models.CASCADE, related_name="secondings")
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="constitution_secondings"
    )
    seconded_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["amendment", "person"], name="second_once"),
        ]

    def __str__(self) -> str:
        return f"{self.person_id} seconds {self.amendment_id}"
