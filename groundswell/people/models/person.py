"""A person record and what hangs off it: addresses, numbers, consent, tags, notes, history."""

from django.conf import settings
from django.db import models


class MembershipStatus(models.TextChoices):
    SUPPORTER = "supporter", "Supporter"
    MEMBER = "member", "Member"
    LAPSED = "lapsed", "Lapsed"


class Channel(models.TextChoices):
    EMAIL = "email", "Email"
    SMS = "sms", "Text messages"
    PHONE = "phone", "Phone calls"


class Tag(models.Model):
    name = models.CharField(max_length=100, unique=True)
    description = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class CustomField(models.Model):
    """A field organisers define; values live in Person.custom_fields under `key`."""

    class Kind(models.TextChoices):
        TEXT = "text", "Text"
        NUMBER = "number", "Number"
        DATE = "date", "Date"
        YES_NO = "yes_no", "Yes / no"
        CHOICE = "choice", "Choice"

    key = models.SlugField(max_length=60, unique=True)
    label = models.CharField(max_length=100)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.TEXT)
    choices = models.JSONField(default=list, blank=True)
    help_text = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["label"]

    def __str__(self) -> str:
        return self.label


class Person(models.Model):
    given_name = models.CharField(max_length=150, blank=True)
    family_name = models.CharField(max_length=150, blank=True)
    address_lines = models.TextField(blank=True)
    locality = models.CharField(max_length=100, blank=True)
    region = models.CharField(max_length=100, blank=True)
    postal_code = models.CharField(max_length=16, blank=True, db_index=True)
    country = models.CharField(max_length=2, default="GB")
    lat = models.FloatField(null=True, blank=True)
    lng = models.FloatField(null=True, blank=True)
    location_precision = models.CharField(max_length=10, blank=True)
    constituency = models.ForeignKey(
        "geo.Constituency",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
        db_index=False,  # person_seat_name below leads with it
    )
    membership_status = models.CharField(
        max_length=10, choices=MembershipStatus.choices, default=MembershipStatus.SUPPORTER
    )
    member_since = models.DateField(null=True, blank=True)
    lapsed_on = models.DateField(null=True, blank=True)
    source = models.CharField(max_length=100, blank=True)
    tags = models.ManyToManyField(Tag, blank=True, related_name="people")
    custom_fields = models.JSONField(default=dict, blank=True)
    email_consent = models.BooleanField(default=False)
    sms_consent = models.BooleanField(default=False)
    phone_consent = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    modified_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["family_name", "given_name", "id"]
        indexes = [
            models.Index(fields=["lat", "lng"], name="person_position"),
            # Covering (on PostgreSQL) what a row of the list shows, so paging in name order and
            # checking each row's tags never has to visit the table itself.
            models.Index(
                fields=["family_name", "given_name", "id"],
                name="person_name_order",
                include=["postal_code", "membership_status", "constituency"],
            ),
            # A seat's people in name order: the filtered people list reads one page of it directly.
            models.Index(
                fields=["constituency", "family_name", "given_name", "id"], name="person_seat_name"
            ),
        ]

    def __str__(self) -> str:
        return self.full_name or f"Person {self.pk}"

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()


class EmailAddress(models.Model):
    class Status(models.TextChoices):
        SUBSCRIBED = "subscribed", "Subscribed"
        UNSUBSCRIBED = "unsubscribed", "Unsubscribed"
        BOUNCING = "bouncing", "Bouncing"
        SPAM = "spam complaints", "Spam complaints"

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="emails")
    address = models.CharField(max_length=254, unique=True)
    primary = models.BooleanField(default=False)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.SUBSCRIBED)

    class Meta:
        ordering = ["-primary", "address"]

    def __str__(self) -> str:
        return self.address


class PhoneNumber(models.Model):
    class Kind(models.TextChoices):
        MOBILE = "mobile", "Mobile"
        LANDLINE = "landline", "Landline"
        OTHER = "other", "Other"

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="phones")
    number = models.CharField(max_length=20, db_index=True, help_text="E.164")
    number_type = models.CharField(max_length=10, choices=Kind.choices, default=Kind.MOBILE)
    primary = models.BooleanField(default=False)
    sms_capable = models.BooleanField(default=False)
    do_not_call = models.BooleanField(default=False)

    class Meta:
        ordering = ["-primary", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["number"],
                condition=models.Q(number_type="mobile"),
                name="unique_mobile_number",
            ),
            models.UniqueConstraint(fields=["person", "number"], name="unique_number_per_person"),
        ]

    def __str__(self) -> str:
        return self.number


class ConsentChange(models.Model):
    """Each time consent on a channel was given or withdrawn: when, how, and who recorded it."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="consent_changes")
    channel = models.CharField(max_length=5, choices=Channel.choices)
    granted = models.BooleanField()
    at = models.DateTimeField()
    method = models.CharField(
        max_length=60, help_text="e.g. sign-up form, import, unsubscribe link"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.channel} {'given' if self.granted else 'withdrawn'} at {self.at}"


class Note(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.text[:60]


class HistoryEvent(models.Model):
    """What happened to a person, newest first: created, imported, merged, joined a group, ..."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="history")
    at = models.DateTimeField(db_index=True)
    kind = models.CharField(max_length=30)
    summary = models.CharField(max_length=300)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return self.summary
