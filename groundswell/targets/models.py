"""Target seats chosen by national organisers, and the representative postcode positions of every seat."""

from django.conf import settings
from django.db import models


class Priority(models.IntegerChoices):
    TOP = 1, "Top priority"
    HIGH = 2, "High priority"
    NORMAL = 3, "Priority"


class Target(models.Model):
    """A constituency the movement wants volunteers in, with a goal of canvassing sign-ups per week."""

    constituency = models.OneToOneField(
        "geo.Constituency", on_delete=models.CASCADE, related_name="target"
    )
    priority = models.PositiveSmallIntegerField(choices=Priority.choices, default=Priority.HIGH)
    weekly_goal = models.PositiveIntegerField(
        default=20, help_text="Volunteer sign-ups to canvassing sessions wanted per week."
    )
    active = models.BooleanField(default=True)
    notes = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    modified_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["priority", "constituency__name"]
        constraints = [
            models.CheckConstraint(condition=models.Q(weekly_goal__gte=1), name="target_goal_1"),
            models.CheckConstraint(
                condition=models.Q(priority__gte=1, priority__lte=3), name="target_priority_1_3"
            ),
        ]

    def __str__(self) -> str:
        return f"Target: {self.constituency_id}"


class SeatPoint(models.Model):
    """The mean position of one postcode sector's postcodes inside one seat (shipped, derived table)."""

    constituency = models.ForeignKey(
        "geo.Constituency", on_delete=models.CASCADE, related_name="seat_points"
    )
    sector = models.CharField(max_length=6, db_index=True)  # e.g. "SW1A 1"
    lat = models.FloatField()
    lng = models.FloatField()
    n_postcodes = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["constituency", "sector"], name="one_point_per_sector")
        ]

    def __str__(self) -> str:
        return f"{self.sector} in {self.constituency_id}"
