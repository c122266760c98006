"""Saved searches: a named filter over people (see searches/definition.py for its shape), used as the
audience of call assignments, texting campaigns, emails and exports."""

from django.conf import settings
from django.db import models


class SavedSearch(models.Model):
    name = models.CharField(max_length=200)
    description = models.CharField(max_length=300, blank=True)
    # The filter tree, validated by searches.definition.parse before it is stored.
    definition = models.JSONField(default=dict)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="saved_searches"
    )
    # Optional: the group whose organisers share it (they may use and edit it).
    group = models.ForeignKey(
        "groups.Group",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="saved_searches",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name
