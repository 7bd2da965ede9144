"""The situation report's map: Natural Earth country outlines (world-atlas TopoJSON, installed from
npm by the set-up) projected equirectangularly, cropped to the events' extent, with their points."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from typing import Any

from eventwire.web import vendor_file

Ring = list[tuple[float, float]]  # (lon, lat) points

WIDTH = 760  # pixels
MIN_SPAN = 6.0  # degrees shown at least, so that a lone point has some land around it
MARGIN = 0.25  # of the events' extent, on each side
MIN_MARGIN = 1.5  # degrees
MIN_ASPECT, MAX_ASPECT = 0.5, 0.75  # height / width


@dataclass(frozen=True)
class Point:
    """A located event of the map: where, the place's name and the event's type."""

    lon: float
    lat: float
    place: str
    type: str


@dataclass
class MapPoint:
    x: float
    y: float
    r: float
    fill: str
    label: str


@dataclass
class MapView:
    """What the report template draws: a view box, country paths and event points (pixels)."""

    width: int
    height: int
    countries: list[str]  # SVG path data
    points: list[MapPoint]


@cache
def country_rings() -> list[tuple[tuple[float, float, float, float], list[Ring]]]:
    """Each country's rings of (lon, lat) points, with its bounding box (west, south, east, north)."""
    topo = json.loads(vendor_file("countries-110m.json").read_text(encoding="utf-8"))
    arcs = _decode_arcs(topo)
    found = []
    for geometry in topo["objects"]["countries"]["geometries"]:
        polygons = {"Polygon": [geometry.get("arcs", [])], "MultiPolygon": geometry.get("arcs", [])}
        rings = [
            _ring(indexes, arcs) for polygon in polygons.get(geometry["type"], []) for indexes in polygon
        ]
        points = [p for ring in rings for p in ring]
        if points:
            lons, lats = [p[0] for p in points], [p[1] for p in points]
            found.append(((min(lons), min(lats), max(lons), max(lats)), rings))
    return found


def _decode_arcs(topo: dict[str, Any]) -> list[Ring]:
    """The topology's arcs as absolute (lon, lat) points (undoing the quantised delta encoding)."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(indexes: list[int], arcs: list[Ring]) -> Ring:
    """A ring from arc indexes (``~i`` is arc i reversed; arcs share their end points), made
    continuous across the antimeridian (its longitudes may leave -180..180)."""
    ring: Ring = []
    for index in indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points[1:] if ring else points)
    shift, unwrapped = 0.0, []
    for i, (lon, lat) in enumerate(ring):
        step = lon - ring[i - 1][0] if i else 0.0
        shift += -360.0 if step > 180 else 360.0 if step < -180 else 0.0
        unwrapped.append((lon + shift, lat))
    return unwrapped


def _extent(points: list[Point]) -> tuple[float, float, float, float, float]:
    """The shown box (west, south, east, north) around the points with a margin, widened or
    heightened to a landscape shape, and the projection's x factor (cos of the middle latitude)."""
    west, east = min(p.lon for p in points), max(p.lon for p in points)
    south, north = min(p.lat for p in points), max(p.lat for p in points)
    squeeze = math.cos(math.radians((south + north) / 2))
    half_w = max((east - west) * (0.5 + MARGIN), MIN_MARGIN, MIN_SPAN / 2) * squeeze
    half_h = max((north - south) * (0.5 + MARGIN), MIN_MARGIN, MIN_SPAN / 2)
    half_w, half_h = max(half_w, half_h / MAX_ASPECT), max(half_h, half_w * MIN_ASPECT)
    mid_x, mid_y = (west + east) / 2, (south + north) / 2
    top, bottom = min(mid_y + half_h, 89.0), max(mid_y - half_h, -89.0)
    return mid_x - half_w / squeeze, bottom, mid_x + half_w / squeeze, top, squeeze


def map_view(points: list[Point], color: dict[str, str]) -> MapView | None:
    """The map of *points* (None without any): one dot per location, coloured by its first event's type."""
    if not points:
        return None
    west, south, east, north, squeeze = _extent(points)  # equirectangular, true at the middle latitude
    scale = WIDTH / ((east - west) * squeeze)
    height = round((north - south) * scale)

    def project(lon: float, lat: float) -> tuple[float, float]:
        return round((lon - west) * squeeze * scale, 1), round((north - lat) * scale, 1)

    paths = [
        _path(rings, project) for box, rings in country_rings() if _overlaps(box, (west, south, east, north))
    ]
    groups: dict[tuple[float, float], list[Point]] = {}
    for p in points:
        groups.setdefault((p.lon, p.lat), []).append(p)
    shown = [
        MapPoint(*project(lon, lat), r=round(4 + 2 * math.sqrt(len(group)), 1), fill=color[group[0].type],
                 label=_label(group))
        for (lon, lat), group in groups.items()
    ]  # fmt: skip
    return MapView(WIDTH, height, paths, shown)


def _label(group: list[Point]) -> str:
    """The place's name, and its events' types and number."""
    types = ", ".join(dict.fromkeys(p.type for p in group))
    return f"{group[0].place}: {types} ({len(group)})" if len(group) > 1 else f"{group[0].place}: {types}"


def _overlaps(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def _path(rings: list[Ring], project: Any) -> str:
    """SVG path data of the rings, each closed."""
    parts = []
    for ring in rings:
        xy = [project(lon, lat) for lon, lat in ring]
        parts.append("M" + "L".join(f"{x:g},{y:g}" for x, y in xy) + "Z")
    return "".join(parts)
