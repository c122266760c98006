"""Distance search over any model with latitude/longitude columns, on SQLite or PostgreSQL with no GIS.

A bounding box on the (indexed) columns narrows the rows; a trig-free squared distance then trims the box to
a circle. See distance.equirectangular_sq_km for the formula evaluated here in SQL.
"""

from functools import reduce
from typing import Any, TypeVar

from django.db.models import ExpressionWrapper, F, FloatField, Model, QuerySet, Value

from groundswell.geo.distance import (
    KM_PER_DEGREE,
    bounding_box,
    distance_km,
    equirectangular_coefficients,
)

M = TypeVar("M", bound=Model)

# Radii tried in turn by nearest(); past the last the whole table is ranked (the UK is ~1,200 km tall).
_SEARCH_RADII_KM = (5.0, 20.0, 80.0, 320.0, 1280.0)


def _with_distance_sq(
    qs: QuerySet[M], lat: float, lng: float, lat_field: str, lng_field: str
) -> QuerySet[M]:
    cos0, half_sin0 = equirectangular_coefficients(lat)
    dlat = F(lat_field) - Value(lat)
    dx = (F(lng_field) - Value(lng)) * (Value(cos0) - Value(half_sin0) * dlat)
    squared = (dlat * dlat + dx * dx) * Value(KM_PER_DEGREE * KM_PER_DEGREE)
    annotated: QuerySet[M] = qs.annotate(
        distance_sq=ExpressionWrapper(squared, output_field=FloatField())
    )
    return annotated


def within_km(
    qs: QuerySet[M],
    lat: float | None,
    lng: float | None,
    km: float,
    lat_field: str = "lat",
    lng_field: str = "lng",
) -> QuerySet[M]:
    """Rows within `km` of (lat, lng), still lazy, annotated with `distance_sq` in km².

    A place with no position (a BFPO address) is near nothing, so it yields no rows rather than an error.
    """
    if lat is None or lng is None:
        return qs.none()
    min_lat, max_lat, min_lng, max_lng = bounding_box(lat, lng, km)
    boxed = qs.filter(
        **{f"{lat_field}__range": (min_lat, max_lat), f"{lng_field}__range": (min_lng, max_lng)}
    )
    return _with_distance_sq(boxed, lat, lng, lat_field, lng_field).filter(distance_sq__lte=km * km)


def _attribute(obj: Any, path: str) -> Any:
    return reduce(
        lambda value, name: None if value is None else getattr(value, name), path.split("__"), obj
    )


def nearest(
    qs: QuerySet[M],
    lat: float | None,
    lng: float | None,
    n: int,
    lat_field: str = "lat",
    lng_field: str = "lng",
    max_km: float | None = None,
) -> list[tuple[M, float]]:
    """The `n` rows nearest (lat, lng) as (row, km), nearest first, searching outwards ring by ring."""
    if n <= 0 or lat is None or lng is None:
        return []
    rows = _nearest_rows(qs, lat, lng, n, lat_field, lng_field, max_km)
    ranked = [
        (row, distance_km(lat, lng, _attribute(row, lat_field), _attribute(row, lng_field)))
        for row in rows
    ]
    ranked.sort(key=lambda pair: pair[1])
    return [pair for pair in ranked if max_km is None or pair[1] <= max_km][:n]


def _nearest_rows(
    qs: QuerySet[M],
    lat: float,
    lng: float,
    n: int,
    lat_field: str,
    lng_field: str,
    max_km: float | None,
) -> list[M]:
    # A few spare rows let the exact haversine re-ranking correct the approximation at the edge.
    fetch = n + 2
    for km in _SEARCH_RADII_KM:
        radius = km if max_km is None else min(km, max_km)
        rows = list(
            within_km(qs, lat, lng, radius, lat_field, lng_field).order_by("distance_sq")[:fetch]
        )
        if len(rows) >= fetch or radius == max_km:
            return rows
    located = qs.filter(**{f"{lat_field}__isnull": False, f"{lng_field}__isnull": False})
    return list(
        _with_distance_sq(located, lat, lng, lat_field, lng_field).order_by("distance_sq")[:fetch]
    )
