"""Reading the real districts and constituencies the demo movement is spread over."""

from django.core.management.base import CommandError

from groundswell.core.demo.places import District, Places, Seat
from groundswell.geo.models import PostcodeDistrict


def load_places() -> Places:
    rows = (
        PostcodeDistrict.objects.filter(
            n_postcodes__gt=0,
            constituency__isnull=False,
            constituency__centroid_lat__isnull=False,
            constituency__centroid_lng__isnull=False,
        )
        .select_related("constituency")
        .order_by("code")
    )
    seats: dict[int, Seat] = {}
    districts = []
    for row in rows:
        seat = row.constituency
        assert seat is not None and seat.centroid_lat is not None and seat.centroid_lng is not None
        if seat.pk not in seats:
            seats[seat.pk] = Seat(
                seat.pk, seat.code, seat.name, seat.region, seat.country,
                seat.centroid_lat, seat.centroid_lng,
            )  # fmt: skip
        districts.append(District(row.code, row.lat, row.lng, row.n_postcodes, seats[seat.pk]))
    if not districts:
        raise CommandError(
            "No postcode districts with constituencies in the database: run `manage.py migrate` "
            "(the geo migration loads them) before loading the demo."
        )
    return Places(districts)
