"""Peer-to-peer texting: a campaign's opening message and audience, one conversation per person (held
by the texter who sent it), every message in and out, and canned responses."""

from django.conf import settings
from django.db import models


class CampaignStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    ACTIVE = "active", "Texting"
    PAUSED = "paused", "Paused"
    CLOSED = "closed", "Closed"


class TextCampaign(models.Model):
    name = models.CharField(max_length=200)
    status = models.CharField(max_length=10, choices=CampaignStatus.choices, default="draft")
    audience = models.ForeignKey(
        "searches.SavedSearch", on_delete=models.PROTECT, related_name="text_campaigns"
    )
    message = models.TextField(help_text="The opening message; merge fields like {given_name}.")
    texters = models.ManyToManyField("people.Person", blank=True, related_name="text_campaigns")
    group = models.ForeignKey(
        "groups.Group", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    hours_start = models.TimeField(null=True, blank=True)  # None: settings.SMS_HOURS_START
    hours_end = models.TimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.name


class CannedResponse(models.Model):
    campaign = models.ForeignKey(TextCampaign, on_delete=models.CASCADE, related_name="canned")
    title = models.CharField(max_length=100)
    body = models.TextField()

    class Meta:
        ordering = ["title", "id"]

    def __str__(self) -> str:
        return self.title


class ConversationStatus(models.TextChoices):
    WAITING = "waiting", "Not yet texted"
    SENT = "sent", "Texted"
    REPLIED = "replied", "Replied"
    OPTED_OUT = "opted_out", "Opted out"
    FAILED = "failed", "Could not be texted"
    CLOSED = "closed", "Closed"


class Conversation(models.Model):
    campaign = models.ForeignKey(
        TextCampaign, on_delete=models.CASCADE, related_name="conversations"
    )
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    phone = models.CharField(max_length=20)  # E.164, the number texted
    texter = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    claimed_until = models.DateTimeField(null=True, blank=True)  # on a texter's screen until
    status = models.CharField(
        max_length=10, choices=ConversationStatus.choices, default=ConversationStatus.WAITING
    )
    needs_reply = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["campaign", "person"], name="conversation_person")
        ]
        indexes = [
            models.Index(fields=["campaign", "status", "id"], name="conversation_status"),
            # "Send next" first looks for the one a texter already holds: straight to it, whatever
            # the planner's statistics say just after a big campaign starts.
            models.Index(
                fields=["texter", "campaign"],
                name="conversation_held",
                condition=models.Q(status="waiting"),
            ),
            models.Index(fields=["phone"], name="conversation_phone"),
        ]

    def __str__(self) -> str:
        return f"{self.campaign_id}: {self.phone}"


class Direction(models.TextChoices):
    OUT = "out", "Sent"
    IN = "in", "Received"


class TextMessage(models.Model):
    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages"
    )
    direction = models.CharField(max_length=3, choices=Direction.choices)
    body = models.TextField()
    sent_by = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The provider's id: unique, so a replayed inbound webhook is stored once.
    provider_id = models.CharField(max_length=64, null=True, blank=True, unique=True)
    status = models.CharField(max_length=12, blank=True)  # queued/sent/delivered/undelivered/failed
    error = models.CharField(max_length=300, blank=True)
    at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.direction}: {self.body[:40]}"
