"""What the Leaflet maps draw, as plain data for `json_script`: the map script only places it."""

from typing import Any

from groundswell.targets.finder import FoundTarget
from groundswell.targets.placing import Place
from groundswell.targets.queries import CoverageRow

SHORT, PART, MET = "#a11a1a", "#b86e00", "#1d6b34"


def colour_for(share: float) -> str:
    """Red under half the goal, amber under the goal, green at or over it."""
    return SHORT if share < 0.5 else PART if share < 1 else MET


def finder_map(place: Place, found: list[FoundTarget]) -> dict[str, Any]:
    return {
        "you": [round(place.lat, 5), round(place.lng, 5)],
        "seats": [
            {
                "lat": t.seat.lat,
                "lng": t.seat.lng,
                "label": f"{t.seat.name}: {t.margin}",
                "colour": colour_for(t.signups / t.seat.weekly_goal),
                "radius": 9,
            }
            for t in found
            if t.seat.lat is not None
        ],
    }


def coverage_map(rows: list[CoverageRow]) -> dict[str, Any]:
    return {
        "seats": [
            {
                "lat": row.seat.centroid_lat,
                "lng": row.seat.centroid_lng,
                "label": f"{row.seat.name}: {row.signups} of {row.target.weekly_goal} this week",
                "colour": colour_for(row.share),
                "radius": 11 - 2 * row.target.priority,
            }
            for row in rows
            if row.seat.centroid_lat is not None
        ]
    }
