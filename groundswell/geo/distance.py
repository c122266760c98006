"""Distances on the Earth's surface, and the trig-free forms of them that SQL can compute on any database."""

import math

EARTH_RADIUS_KM = 6371.0088  # the IUGG mean radius
KM_PER_DEGREE = EARTH_RADIUS_KM * math.pi / 180


def distance_km(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    """Great-circle distance by the haversine formula."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlmb = math.radians(lng2 - lng1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def bounding_box(lat: float, lng: float, km: float) -> tuple[float, float, float, float]:
    """(min_lat, max_lat, min_lng, max_lng) enclosing every point within `km`: an index-friendly prefilter."""
    dlat = km / KM_PER_DEGREE
    min_lat, max_lat = max(-90.0, lat - dlat), min(90.0, lat + dlat)
    # A circle is widest in longitude at its poleward edge, so size the box there.
    widest = math.cos(math.radians(max(abs(min_lat), abs(max_lat))))
    if widest < 1e-9 or km / (KM_PER_DEGREE * widest) >= 180:
        return min_lat, max_lat, -180.0, 180.0
    dlng = km / (KM_PER_DEGREE * widest)
    return min_lat, max_lat, lng - dlng, lng + dlng


def equirectangular_coefficients(lat: float) -> tuple[float, float]:
    """(cos φ0, sin φ0·π/360): with these, SQL evaluates equirectangular_sq_km by + and * alone."""
    phi = math.radians(lat)
    return math.cos(phi), math.sin(phi) * math.pi / 360


def equirectangular_sq_km(lat0: float, lng0: float, lat: float, lng: float) -> float:
    """Squared distance in km², equirectangular at the pair's mid-latitude.

    cos(mid-latitude) is replaced by its first-order expansion around lat0, cos φ0 − sin φ0·Δφ/2, so the
    expression needs no trig function in SQL; the error is metres at 100 km, well inside postcode precision.
    """
    cos0, half_sin0 = equirectangular_coefficients(lat0)
    dlat = lat - lat0
    dx = (lng - lng0) * (cos0 - half_sin0 * dlat)
    return (dlat * dlat + dx * dx) * KM_PER_DEGREE * KM_PER_DEGREE
