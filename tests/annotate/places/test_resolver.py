import pytest

from eventwire.annotate.places.geometry import distance_km
from eventwire.annotate.places.resolver import PlaceResolver
from eventwire.model import Place

FRONT = (
    "Ukrainian troops said on Tuesday they had retaken positions near Klishchiivka, a village "
    "south of Bakhmut, while shelling hit Horlivka overnight. Russian-installed officials in "
    "Donetsk reported two civilians wounded, and authorities in the Donetsk region closed schools."
)
BORDER = (
    "Drones struck an oil depot in Shebekino, a town in the Belgorod region close to the border, "
    "the governor of Belgorod Oblast said. Air defences were also active over Belgorod itself."
)
REAR = (
    "Relatives of mobilised men from Yaroslavl and the wider Yaroslavl Oblast travelled to Moscow "
    "to petition the defence ministry, joined by families from Kaliningrad and Orenburg."
)
EXCLAVE = (
    "Nine reservists from the Kaliningrad region were detained after leaving their unit in "
    "the Russian Federation's south, a regional newspaper reported."
)
# Real positions (lat, lon) of the places and regions named above.
REAL = {
    "Klishchiivka": (48.53, 37.96), "Bakhmut": (48.60, 38.00), "Horlivka": (48.30, 38.05),
    "Donetsk": (48.00, 37.80), "Donetsk region": (48.10, 37.70), "Shebekino": (50.41, 36.89),
    "Belgorod region": (50.70, 37.40), "Belgorod Oblast": (50.70, 37.40),
    "Belgorod": (50.60, 36.59), "Yaroslavl": (57.63, 39.87), "Yaroslavl Oblast": (57.90, 39.00),
    "Moscow": (55.75, 37.62), "Kaliningrad": (54.71, 20.51), "Orenburg": (51.77, 55.10),
    "Kaliningrad region": (54.70, 21.00),
}  # fmt: skip
REGIONS = {"Donetsk region", "Belgorod region", "Belgorod Oblast", "Yaroslavl Oblast", "Kaliningrad region"}


def spans_of(text: str, names: list[str]) -> list[tuple[int, int]]:
    """The span of the first occurrence of each name not inside a longer listed one."""
    out = []
    for name in names:
        start = text.find(name)
        while any(s <= start < e for s, e in out):
            start = text.find(name, start + 1)
        out.append((start, start + len(name)))
    return out


def assert_close(place: Place | None, name: str) -> None:
    assert place is not None, name
    assert distance_km(place.lat, place.lon, *REAL[name]) < 161, (name, place)
    assert place.precision == ("region" if name in REGIONS else "settlement"), (name, place)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (FRONT, ["Klishchiivka", "Bakhmut", "Horlivka", "Donetsk region", "Donetsk"]),
        (BORDER, ["Shebekino", "Belgorod region", "Belgorod Oblast", "Belgorod"]),
        (REAR, ["Yaroslavl Oblast", "Yaroslavl", "Moscow", "Kaliningrad", "Orenburg"]),
        (EXCLAVE, ["Kaliningrad region"]),  # not the Moscow-region town once called Kaliningrad
    ],
)
def test_sample_places_resolve_from_given_spans(resolver: PlaceResolver, text, names):
    spans = spans_of(text, names)
    for name, place in zip(names, resolver.resolve_spans(text, spans), strict=True):
        assert_close(place, name)


def test_designator_after_the_span_asks_for_the_region(resolver: PlaceResolver):
    text = "Shelling was reported in the Belgorod region on Sunday."
    (place,) = resolver.resolve_spans(text, spans_of(text, ["Belgorod"]))
    assert place is not None and place.precision == "region" and place.country == "RU"


@pytest.mark.parametrize("text", [FRONT, BORDER, REAR])
def test_sample_places_are_detected_end_to_end(resolver: PlaceResolver, nlp, text):
    found = resolver.resolve(text, nlp(text))
    texts = {p.text for p in found}
    for name in REAL:
        if name in text and not any(name in other and name != other for other in texts):
            assert name in texts, (name, sorted(texts))
    for place in found:
        if place.text in REAL:
            assert_close(place, place.text)


def test_resolve_parses_the_text_itself(resolver: PlaceResolver):
    assert [p.name for p in resolver.resolve("Fighting continued near Bakhmut.")] == ["Bakhmut"]


def test_russian_based_spelling_resolves_to_the_village(resolver: PlaceResolver):
    text = "Heavy fighting was reported around Kleshcheevka on Monday."
    (place,) = resolver.resolve_spans(text, spans_of(text, ["Kleshcheevka"]))
    assert place is not None and place.name == "Klishchiivka"


def test_qualifier_chooses_between_namesakes(resolver: PlaceResolver):
    text = "The festival moved from Paris, Texas, to a larger venue."
    (place,) = resolver.resolve_spans(text, spans_of(text, ["Paris"]))
    assert place is not None and (place.country, place.admin1) == ("US", "Texas")
    text = "Ministers met in Paris and Lyon to discuss the budget."
    (place,) = resolver.resolve_spans(text, spans_of(text, ["Paris"]))
    assert place is not None and place.country == "FR"


def test_state_abbreviation_qualifies_a_dateline(resolver: PlaceResolver):
    text = "CHARLESTON, W.Va. — The county commission met on Monday."
    charleston, state = resolver.resolve_spans(text, spans_of(text, ["CHARLESTON", "W.Va."]))
    assert charleston is not None and charleston.admin1 == "West Virginia"
    assert state is not None and state.precision == "region"


def test_country_names_never_resolve_to_namesake_towns(resolver: PlaceResolver):
    text = "Officials from Jordan and Lebanon met in Amman."
    for place in resolver.resolve_spans(text, spans_of(text, ["Jordan", "Lebanon"])):
        assert place is not None and place.precision == "country"


def test_a_qualifier_places_a_town_named_like_a_country(resolver: PlaceResolver):
    text = "The plant in Lebanon, Pa., will close in June."
    (place,) = resolver.resolve_spans(text, spans_of(text, ["Lebanon"]))
    assert place is not None and (place.country, place.admin1) == ("US", "Pennsylvania")


def test_demonyms_resolve_to_their_country(resolver: PlaceResolver):
    text = "American and Russian diplomats spoke by phone."
    american, russian = resolver.resolve_spans(text, spans_of(text, ["American", "Russian"]))
    assert american is not None and american.country == "US"
    assert russian is not None and russian.country == "RU"


def test_unknown_names_give_none(resolver: PlaceResolver):
    text = "He moved to Qwertyzx last year."
    assert resolver.resolve_spans(text, spans_of(text, ["Qwertyzx"])) == [None]


def test_document_context_chooses_the_namesake(resolver: PlaceResolver):
    text = "Police in Lamar County, Texas, said the driver was taken to a hospital in Paris."
    *_, place = resolver.resolve_spans(text, spans_of(text, ["Lamar County", "Texas", "Paris"]))
    assert place is not None and (place.country, place.admin1) == ("US", "Texas")


def test_an_ocean_is_not_the_county_named_after_it(resolver: PlaceResolver):
    text = "Fishing fleets across the Pacific reported the virus in farmed salmon."
    (place,) = resolver.resolve_spans(text, spans_of(text, ["Pacific"]))
    assert place is not None and place.country is None and abs(place.lon) > 140


def test_features_and_inhabitants_resolve_through_their_place(resolver: PlaceResolver):
    text = "Growers in the Salinas Valley and Londoners alike watched Boston Harbor and Loudon Co."
    valley, londoners, harbor, county = resolver.resolve_spans(
        text, spans_of(text, ["Salinas Valley", "Londoners", "Boston Harbor", "Loudon Co."])
    )
    assert valley is not None and (valley.name, valley.admin1) == ("Salinas", "California")
    assert londoners is not None and londoners.name == "London"
    assert harbor is not None and harbor.name == "Boston"
    assert county is not None and county.precision == "district" and county.name == "Loudon County"
