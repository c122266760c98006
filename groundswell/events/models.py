"""Events (OSDI field names), their shifts, and who signed up to each shift."""

from django.db import models


class EventStatus(models.TextChoices):
    CONFIRMED = "confirmed", "Confirmed"
    TENTATIVE = "tentative", "Tentative"
    CANCELLED = "cancelled", "Cancelled"


class Visibility(models.TextChoices):
    PUBLIC = "public", "Anyone"
    MEMBERS = "members", "Members"
    GROUP = "group", "Members of the hosting group"


class EventKind(models.TextChoices):
    CANVASS = "canvass", "Canvassing session"
    PHONE_BANK = "phone_bank", "Phone bank"
    TEXT_BANK = "text_bank", "Text bank"
    MEETING = "meeting", "Meeting"
    AGM = "agm", "AGM or selection meeting"
    EDUCATION = "education", "Political education"
    PICKET = "picket", "Picket or protest"
    SOCIAL = "social", "Social"
    ONLINE = "online", "Online call"


class Approval(models.TextChoices):
    APPROVED = "approved", "Approved"
    AWAITING = "awaiting", "Awaiting approval"
    REJECTED = "rejected", "Rejected"


class Event(models.Model):
    name = models.CharField(max_length=200, blank=True, help_text="Internal name (OSDI name).")
    title = models.CharField(max_length=200, help_text="The public title.")
    description = models.TextField(blank=True)
    status = models.CharField(
        max_length=10, choices=EventStatus.choices, default=EventStatus.CONFIRMED
    )
    visibility = models.CharField(
        max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    kind = models.CharField(max_length=12, choices=EventKind.choices)
    host_group = models.ForeignKey(
        "groups.Group", null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    proposed_by = models.ForeignKey(
        "people.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposed_events",
    )
    approval = models.CharField(max_length=10, choices=Approval.choices, default=Approval.APPROVED)
    venue = models.CharField(max_length=200, blank=True)
    address_lines = models.JSONField(default=list, blank=True)
    locality = models.CharField(max_length=100, blank=True)
    postal_code = models.CharField(max_length=10, blank=True)
    lat = models.FloatField(null=True, blank=True)
    lng = models.FloatField(null=True, blank=True)
    constituency = models.ForeignKey(
        "geo.Constituency", null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    online_url = models.URLField(blank=True)
    instructions = models.TextField(blank=True, help_text="Shown only to those signed up.")
    contact_name = models.CharField(max_length=150, blank=True)
    contact_email = models.EmailField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    modified_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["lat", "lng"], name="event_position"),
            models.Index(fields=["approval", "visibility", "status"], name="event_listable"),
            # The public "find events" search near a place, answered from the index alone.
            models.Index(
                fields=["lat", "lng"],
                include=["id", "kind"],
                condition=models.Q(approval="approved", visibility="public")
                & ~models.Q(status="cancelled"),
                name="event_listed_position",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Shift(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="shifts")
    start = models.DateTimeField()
    end = models.DateTimeField()
    capacity = models.PositiveIntegerField()

    class Meta:
        ordering = ["start", "id"]
        indexes = [
            models.Index(fields=["start"], name="shift_start"),
            models.Index(fields=["event", "start"], name="shift_event_start"),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(capacity__gte=1), name="shift_capacity_1"),
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")), name="shift_ends"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event} at {self.start:%Y-%m-%d %H:%M}"


class AttendanceStatus(models.TextChoices):
    ACCEPTED = "accepted", "Going"
    WAITLISTED = "waitlisted", "On the waitlist"
    CANCELLED = "cancelled", "Cancelled"


# OSDI has no waitlist: a waitlisted place is "tentative" there.
OSDI_STATUS = {
    AttendanceStatus.ACCEPTED: "accepted",
    AttendanceStatus.WAITLISTED: "tentative",
    AttendanceStatus.CANCELLED: "cancelled",
}


class Attendance(models.Model):
    shift = models.ForeignKey(Shift, on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="attendances"
    )
    status = models.CharField(max_length=10, choices=AttendanceStatus.choices)
    attended = models.BooleanField(default=False)
    queued_at = models.DateTimeField(help_text="Waitlist order: earliest is promoted first.")
    action_date = models.DateTimeField(help_text="When the person last signed up (OSDI).")
    referrer_data = models.JSONField(default=dict, blank=True)
    checked_in_at = models.DateTimeField(null=True, blank=True)
    walk_in = models.BooleanField(
        default=False, help_text="Added at the door, not signed up before."
    )
    reminded_day_at = models.DateTimeField(
        null=True, blank=True, help_text="When the reminder a day before was sent."
    )
    reminded_hours_at = models.DateTimeField(
        null=True, blank=True, help_text="When the reminder two hours before was sent."
    )

    class Meta:
        ordering = ["queued_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["shift", "person"], name="one_attendance_per_shift")
        ]
        indexes = [
            models.Index(fields=["shift", "status", "queued_at"], name="attendance_queue"),
        ]

    def __str__(self) -> str:
        return f"{self.person_id} on shift {self.shift_id} ({self.status})"

    @property
    def osdi_status(self) -> str:
        return OSDI_STATUS[AttendanceStatus(self.status)]


class FollowUpAudience(models.TextChoices):
    ATTENDED = "attended", "People who came"
    NO_SHOW = "no_show", "People who signed up but did not come"


class FollowUp(models.Model):
    """An email sent after an event to those who came, or to those who did not."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="follow_ups")
    audience = models.CharField(max_length=10, choices=FollowUpAudience.choices)
    subject = models.CharField(max_length=200)
    body = models.TextField()
    sent_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    recipients = models.PositiveIntegerField(default=0)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.subject} ({self.get_audience_display()})"
