"""Groups of every kind, the areas they cover, and who belongs to them in which role."""

from django.db import models


class GroupKind(models.TextChoices):
    LOCAL = "local", "Local group"
    WORKPLACE = "workplace", "Workplace"
    UNION = "union", "Trade union network"
    COUNCILLORS = "councillors", "Councillors' network"
    ACTION = "action", "Action group"
    NATIONAL = "national", "National"


class Group(models.Model):
    name = models.CharField(max_length=150)
    slug = models.SlugField(max_length=160, unique=True)
    kind = models.CharField(max_length=12, choices=GroupKind.choices, default=GroupKind.LOCAL)
    description = models.TextField(blank=True, help_text="Shown to everyone on the public page.")
    members_info = models.TextField(blank=True, help_text="Shown only to members of the group.")
    contact_email = models.EmailField(blank=True)
    lat = models.FloatField(null=True, blank=True)
    lng = models.FloatField(null=True, blank=True)
    districts = models.ManyToManyField("geo.PostcodeDistrict", blank=True, related_name="groups")
    constituencies = models.ManyToManyField("geo.Constituency", blank=True, related_name="groups")
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["lat", "lng"], name="group_position")]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    class Role(models.TextChoices):
        MEMBER = "member", "Member"
        ORGANISER = "organiser", "Organiser"

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.MEMBER)
    joined_at = models.DateTimeField()

    class Meta:
        ordering = ["group", "person"]
        constraints = [
            models.UniqueConstraint(fields=["group", "person"], name="one_membership_per_group")
        ]
        indexes = [models.Index(fields=["person", "role"], name="membership_person_role")]

    def __str__(self) -> str:
        return f"{self.person_id} in group {self.group_id} ({self.role})"
