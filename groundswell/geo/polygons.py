"""Electoral boundaries from GeoJSON, and vectorised point-in-polygon over millions of points (no Django)."""

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from numpy.typing import NDArray
from shapely.geometry import shape


@dataclass(frozen=True)
class Area:
    code: str
    name: str
    name_cy: str
    geometry: Any  # a shapely Polygon or MultiPolygon, lng/lat order as in GeoJSON


def read_areas(
    path: Path, code: str = "PCON24CD", name: str = "PCON24NM", name_cy: str = "PCON24NMW"
) -> list[Area]:
    """The features of a GeoJSON FeatureCollection, keyed by the ONS code property."""
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    return [
        Area(
            code=feature["properties"][code],
            name=feature["properties"][name].strip(),
            name_cy=(feature["properties"].get(name_cy) or "").strip(),
            geometry=shape(feature["geometry"]),
        )
        for feature in features
    ]


class AreaFinder:
    """Which area each point falls in, by an STRtree; points outside every area (coasts) go to the nearest."""

    def __init__(self, areas: list[Area]) -> None:
        self.codes = [area.code for area in areas]
        self._geometries = np.array([area.geometry for area in areas], dtype=object)
        shapely.prepare(self._geometries)
        self._tree = shapely.STRtree(self._geometries)

    def indices(self, lats: NDArray[np.float64], lngs: NDArray[np.float64]) -> NDArray[np.int64]:
        """For each point, the index in `codes` of its area."""
        points = shapely.points(lngs, lats)
        found = np.full(len(points), -1, dtype=np.int64)
        point_idx, area_idx = self._tree.query(points, predicate="intersects")
        # Reversed so that, on a shared border, the first area listed wins (a stable, repeatable choice).
        found[point_idx[::-1]] = area_idx[::-1]
        outside = np.flatnonzero(found < 0)
        if len(outside):
            near_point, near_area = self._tree.query_nearest(points[outside], all_matches=False)
            found[outside[near_point]] = near_area
        return found

    def codes_for(self, lats: NDArray[np.float64], lngs: NDArray[np.float64]) -> list[str]:
        return [self.codes[i] for i in self.indices(lats, lngs)]


def inner_point(geometry: Any) -> tuple[float, float]:
    """(lat, lng) of the centre of the largest circle inside the area: always inside, and looks central."""
    centre = shapely.get_point(shapely.maximum_inscribed_circle(geometry, 0.0005), 0)
    return round(float(shapely.get_y(centre)), 5), round(float(shapely.get_x(centre)), 5)
