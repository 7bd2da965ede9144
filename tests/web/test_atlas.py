"""The report's map: TopoJSON decoding, the crop around the events, one dot per location."""

from __future__ import annotations

import pytest

from eventwire.web import atlas

TOPOLOGY = {
    "transform": {"scale": [0.5, 0.25], "translate": [10.0, 40.0]},
    "arcs": [[[0, 0], [4, 0], [0, 4]], [[4, 4], [-4, 0], [0, -4]]],
}


def test_arcs_are_decoded_and_joined_into_rings() -> None:
    arcs = atlas._decode_arcs(TOPOLOGY)
    assert arcs[0] == [(10.0, 40.0), (12.0, 40.0), (12.0, 41.0)]
    ring = atlas._ring([0, 1], arcs)
    assert ring[0] == ring[-1] == (10.0, 40.0) and len(ring) == 5  # the shared end point once
    assert atlas._ring([~1], arcs) == arcs[1][::-1]


def test_rings_stay_continuous_across_the_antimeridian() -> None:
    arcs = [[(170.0, 60.0), (179.0, 61.0), (-179.0, 62.0), (-170.0, 60.0), (170.0, 60.0)]]
    assert [lon for lon, _ in atlas._ring([0], arcs)] == [170.0, 179.0, 181.0, 190.0, 170.0]


def test_the_map_is_cropped_around_the_events_with_a_dot_per_place() -> None:
    points = [
        atlas.Point(37.6, 50.6, "Belgorod", "ASSAULT"),
        atlas.Point(37.6, 50.6, "Belgorod", "PROTEST"),
        atlas.Point(36.9, 50.5, "Shebekino", "ASSAULT"),
    ]
    view = atlas.map_view(points, {"ASSAULT": "#d62728", "PROTEST": "#1f77b4"})
    assert view is not None and view.countries  # Russia and Ukraine are in the box
    assert atlas.MIN_ASPECT * view.width <= view.height <= atlas.MAX_ASPECT * view.width
    assert [p.label for p in view.points] == ["Belgorod: ASSAULT, PROTEST (2)", "Shebekino: ASSAULT"]
    for p in view.points:
        assert 0 < p.x < view.width and 0 < p.y < view.height
    belgorod, shebekino = view.points
    assert belgorod.x > shebekino.x and belgorod.y < shebekino.y  # east and north are right and up
    assert belgorod.r > shebekino.r


@pytest.mark.parametrize("lon", [-179.5, 0.0, 179.5])
def test_any_single_point_gets_a_landscape_map(lon: float) -> None:
    view = atlas.map_view([atlas.Point(lon, -33.0, "Somewhere", "AID")], {"AID": "#2ca02c"})
    assert view is not None and view.width > view.height > 0
    assert atlas.map_view([], {}) is None
