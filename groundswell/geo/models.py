"""Places: electoral areas (Westminster constituencies), postcode districts and full postcodes."""

from django.db import models


class Constituency(models.Model):
    """A Westminster parliamentary constituency (2024 boundaries) with its 2024 result."""

    code = models.CharField(max_length=16, unique=True)
    name = models.CharField(max_length=120)
    name_cy = models.CharField("Welsh name", max_length=120, blank=True)
    region = models.CharField(max_length=60, blank=True)
    country = models.CharField(max_length=30, blank=True)
    centroid_lat = models.FloatField(null=True, blank=True)
    centroid_lng = models.FloatField(null=True, blank=True)
    boundary = models.JSONField(null=True, blank=True, help_text="GeoJSON geometry (simplified)")
    electorate = models.PositiveIntegerField(null=True, blank=True)
    valid_votes = models.PositiveIntegerField(null=True, blank=True)
    majority = models.PositiveIntegerField(null=True, blank=True)
    majority_pct = models.FloatField(null=True, blank=True, db_index=True)
    winner_party = models.CharField(max_length=60, blank=True)
    runner_up_party = models.CharField(max_length=60, blank=True)
    member_name = models.CharField(max_length=120, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "constituencies"

    def __str__(self) -> str:
        return self.name


class PostcodeDistrict(models.Model):
    """An outward code (e.g. SW1A) with the mean position of its postcodes: the embedded default."""

    code = models.CharField(max_length=4, unique=True)
    lat = models.FloatField()
    lng = models.FloatField()
    n_postcodes = models.PositiveIntegerField(default=0)
    constituency = models.ForeignKey(
        Constituency, null=True, blank=True, on_delete=models.SET_NULL, related_name="districts"
    )

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return self.code


class Postcode(models.Model):
    """One full postcode from the ONS lookup, with its position and constituency precomputed."""

    postcode = models.CharField(max_length=8, primary_key=True)
    district = models.CharField(max_length=4, db_index=True)
    lat = models.FloatField(null=True, blank=True)
    lng = models.FloatField(null=True, blank=True)
    constituency = models.ForeignKey(
        Constituency, null=True, blank=True, on_delete=models.SET_NULL, related_name="postcodes"
    )
    terminated = models.BooleanField(default=False)

    def __str__(self) -> str:
        return self.postcode
