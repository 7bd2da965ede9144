"""The PLOVER ontology as data: types, modes, contexts, extensions, aux modes, old names, docs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from eventwire.events.ontology import (
    happened,
    is_aux,
    is_context,
    is_mode,
    is_sector,
    is_type,
    load_ontology,
    normalise_type,
    problems,
)

DOC = Path(__file__).resolve().parents[2] / "docs" / "ontology.md"
TYPES = "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT"


def test_the_sixteen_types_in_the_manuals_order_each_defined() -> None:
    ontology = load_ontology()
    assert list(ontology.types) == TYPES.split()
    assert all(len(t.definition) > 80 for t in ontology.types.values())
    assert ontology.types["SANCTION"].recipient and not ontology.types["ASSAULT"].recipient
    assert ontology.types["AGREE"].quad == "verbal cooperation"


def test_modes_belong_to_their_type() -> None:
    ontology = load_ontology()
    assert set(ontology.types["CONSULT"].modes) == {"visit", "third-party", "multilateral", "phone"}
    assert "suicide-attack" in ontology.types["ASSAULT"].modes
    assert len(ontology.types["ASSAULT"].modes) == 15
    assert not ontology.types["AGREE"].modes
    assert is_mode("COERCE", "martial-law")
    assert not is_mode("COERCE", "aerial")
    assert not is_mode("NOT_A_TYPE", "aerial")


def test_extensions_are_flagged_and_only_ours() -> None:
    found = {(event, term.name) for event, term in load_ontology().extensions()}
    assert found == {
        ("REJECT", "orders"),
        ("RETREAT", "desert"),
        ("MOBILIZE", "conscription"),
        (None, "mobilization"),
        (None, "military_discipline"),
        (None, "casualties"),
    }
    assert is_mode("REJECT", "orders") and not is_mode("REQUEST", "orders")
    assert not load_ontology().types["REJECT"].modes["change"].extension


def test_contexts_include_plovers_and_ours() -> None:
    assert is_context("human_rights") and is_context("pro_autocracy") and is_context("casualties")
    assert not is_context("human rights")
    assert is_type("ASSAULT") and not is_type("FIGHT") and not is_type("assault")
    assert len(load_ontology().contexts) == 40


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("DEMAND", "REQUEST"),
        ("disapprove", "ACCUSE"),
        (" Investigate ", "ACCUSE"),
        ("FIGHT", "ASSAULT"),
        ("assault", "ASSAULT"),
    ],
)
def test_normalise_type_maps_old_names_and_case(given: str, expected: str) -> None:
    assert normalise_type(given) == expected


def test_normalise_type_refuses_unknown_names() -> None:
    with pytest.raises(ValueError, match="APPEAL"):
        normalise_type("APPEAL")


def test_aux_modes_say_whether_the_event_happened() -> None:
    assert list(load_ontology().aux) == ["negation", "future", "hypothetical", "historical"]
    assert happened(None) and happened("historical")
    assert not any(happened(a) for a in ("negation", "future", "hypothetical"))
    assert is_aux("future") and not is_aux("rumour")


def test_sector_and_actor_codes() -> None:
    assert all(is_sector(code) for code in ("COP", "GOV", "MIL", "REB", "CVL", "JRN", "PRE"))
    assert not is_sector("XYZ")
    assert load_ontology().actor_codes["UNO"] == "United Nations"


def test_plover_json_field_names() -> None:
    ontology = load_ontology()
    assert ontology.json_required == ("id", "date", "actor", "event")
    assert {"event_loc", "mode", "context", "text_info", "cite_info"} <= set(ontology.json_fields["record"])
    assert ontology.json_fields["entity"][:3] == ("code", "sector", "entity_text")
    assert "resolution" in ontology.json_fields["location"]
    assert ontology.json_fields["size"] == ("dead", "injured", "arrested")


def test_problems_lists_what_does_not_fit_the_ontology() -> None:
    assert problems("RETREAT", ["desert"], ["military_discipline"], "future") == []
    found = problems("REQUEST", ["orders"], ["mobilisation"], "rumour")
    assert len(found) == 3 and "orders" in found[0]
    assert problems("DEMAND", [], []) == ["unknown event type 'DEMAND'"]


def test_the_ontology_doc_lists_every_type_mode_context_and_extension() -> None:
    doc = DOC.read_text(encoding="utf-8")
    ontology = load_ontology()
    names = set(re.findall(r"(?<!`)`([^`\n]+)`(?!`)", doc))
    for event in ontology.types.values():
        assert event.name in names, event.name
        missing = set(event.modes) - names
        assert not missing, (event.name, missing)
    assert not set(ontology.contexts) - names
    assert not set(ontology.aux) - names
    for _, term in ontology.extensions():
        assert re.search(rf"`{re.escape(term.name)}`[^\n]*extension", doc), term.name
