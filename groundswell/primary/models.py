"""A Policy Primary: members submit and support proposals in a window; those reaching the support
threshold are shortlisted onto a ballot of the members, whose winners become conference motions."""

from django.conf import settings
from django.db import models


class ThresholdKind(models.TextChoices):
    NUMBER = "number", "A number of supporters"
    PERCENT = "percent", "A percentage of eligible members"


class VotingMethod(models.TextChoices):
    APPROVAL = "approval", "Approval (choose any)"
    IRV = "irv", "Ranked, one winner (instant runoff)"
    STV = "stv", "Ranked, several winners (STV)"


class Primary(models.Model):
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    # None: a national primary, open to every member.
    group = models.ForeignKey(
        "groups.Group", null=True, blank=True, on_delete=models.PROTECT, related_name="primaries"
    )
    opens_at = models.DateTimeField()
    closes_at = models.DateTimeField()
    categories = models.JSONField(default=list)  # short list of labels set by the organiser
    threshold_kind = models.CharField(max_length=8, choices=ThresholdKind.choices)
    threshold_value = models.PositiveIntegerField()
    method = models.CharField(max_length=8, choices=VotingMethod.choices)
    winners = models.PositiveSmallIntegerField(default=1)
    shortlisted_at = models.DateTimeField(null=True, blank=True)
    # Support needed, fixed when shortlisting (a percentage depends on the membership then).
    required_support = models.PositiveIntegerField(null=True, blank=True)
    ballot = models.ForeignKey(
        "democracy.Ballot", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="primaries_created"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-opens_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(opens_at__lt=models.F("closes_at")),
                name="primary_window_in_order",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Proposal(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", "Open"
        HIDDEN = "hidden", "Hidden by moderators"
        COMPOSITED = "composited", "Composited"

    primary = models.ForeignKey(Primary, on_delete=models.CASCADE, related_name="proposals")
    author = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="policy_proposals"
    )
    # The second author credited on a composite.
    co_author = models.ForeignKey(
        "people.Person",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="policy_proposals_co_authored",
    )
    title = models.CharField(max_length=200)
    text = models.TextField()
    category = models.CharField(max_length=100)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    hidden_reason = models.TextField(blank=True)
    composited_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="composited_from"
    )
    shortlisted = models.BooleanField(default=False)
    ballot_position = models.PositiveSmallIntegerField(null=True, blank=True)  # option i
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["primary", "category", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["primary", "ballot_position"], name="proposal_ballot_position"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def authored_by(self, person_id: int | None) -> bool:
        return person_id is not None and person_id in (self.author_id, self.co_author_id)


class ProposalVersion(models.Model):
    """Each text a proposal has had, so its amendment history is visible."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    text = models.TextField()
    category = models.CharField(max_length=100)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["proposal", "number"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "number"], name="proposal_version_number"),
        ]

    def __str__(self) -> str:
        return f"{self.proposal_id} v{self.number}"


class Support(models.Model):
    """One member backing one proposal: once each, enforced by the database."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="supports")
    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="policy_supports"
    )
    created_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["proposal", "person"], name="one_support_per_member"),
        ]

    def __str__(self) -> str:
        return f"{self.person_id} supports {self.proposal_id}"


class Composite(models.Model):
    """An organiser's offer to merge two proposals; it takes effect once both authors consent."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for the authors"
        DECLINED = "declined", "Declined"
        DONE = "done", "Composited"

    primary = models.ForeignKey(Primary, on_delete=models.CASCADE, related_name="composites")
    first = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="+")
    title = models.CharField(max_length=200)
    text = models.TextField()
    category = models.CharField(max_length=100)
    first_consent = models.BooleanField(null=True)  # None: not answered yet
    second_consent = models.BooleanField(null=True)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.PENDING)
    result = models.ForeignKey(
        Proposal, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["primary", "-created_at", "id"]

    def __str__(self) -> str:
        return self.title
