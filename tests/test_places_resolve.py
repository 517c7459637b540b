"""Places resolved with the packaged index on sentences written for these tests."""

from __future__ import annotations

from typing import Any

from thucydides.model import Actor, ActorMention, Article, Provenance
from thucydides.nlp.parse import parse
from thucydides.pipeline.state import State
from thucydides.places import load_index, resolve_places, state_of
from thucydides.places.stage import annotate, context_countries


def _by_text(text: str) -> dict[str, Any]:
    return {m.text: m for m in resolve_places(text, parse(text))}


def test_front_line_towns_regions_and_their_state() -> None:
    found = _by_text("Shelling of a market in Toretsk killed five people, officials in Donetsk Oblast said. "
                     "Russian troops also pushed towards villages in the Kherson region.")
    assert found["Toretsk"].place.admin1 == "UA-14"
    assert found["Donetsk Oblast"].place.id == "iso:UA-14"
    assert found["Kherson region"].place.id == "iso:UA-65"
    assert {state_of(m) for m in found.values()} == {"UKR"}


def test_territories_districts_and_english_names() -> None:
    found = _by_text("A drone strike in North Waziristan killed three men, Pakistan's army said, "
                     "while aid lorries waited at the edge of the Gaza Strip.")
    assert found["North Waziristan"].place.country == "PAK"
    assert found["Gaza Strip"].place.country == "PSE"
    assert found["Pakistan"].place.kind == "country"


def test_us_state_with_city_and_country_elsewhere() -> None:
    us = _by_text("Floods closed roads in Savannah, Georgia, and the governor asked Washington for help.")
    caucasus = _by_text("Thousands marched in Tbilisi, the capital of Georgia, against the new law.")
    assert us["Georgia"].place.country == "USA" and us["Savannah"].place.admin1 == "US-GA"
    assert caucasus["Georgia"].place.kind == "country" and caucasus["Georgia"].place.country == "GEO"


def test_index_has_coordinates_for_cities_and_states() -> None:
    index = load_index()
    kharkiv = next(p for p in index.lookup("Kharkiv") if p.country == "UKR")
    ukraine = index.country("UKR")
    assert kharkiv.lat is not None and 49.5 < kharkiv.lat < 50.5
    assert ukraine is not None and ukraine.lat is not None and 45 < ukraine.lat < 53


def test_stage_assigns_places_using_actor_context() -> None:
    ukr, un = Actor("UKR", "MIL", "Ukraine"), Actor("UN", None, "United Nations", "igo")
    rus, dpr = Actor("RUS"), Actor("DPR", None, "Donetsk People's Republic", "separatist")
    prov = Provenance("d", 0, 1, "test", "0")
    mentions = [ActorMention(a, a.code, prov) for a in (ukr, rus, ukr, dpr, un)]
    assert context_countries(mentions) == ["UKR", "RUS"]
    article = Article("Artillery hit Izium overnight, the regional governor said.")
    state = State(article, parse(article.text), mentions=mentions)
    annotate(state)
    assert [(m.text, state_of(m)) for m in state.places] == [("Izium", "UKR")]


ARTICLE = """Missiles hit Kharkiv overnight

Russian forces struck an apartment block in Kharkiv on Tuesday night, killing four people, the regional
governor said. Air-raid sirens also sounded in Poltava and across the Sumy region, while Ukrainian officials
reported shelling near Kupiansk. In Belgorod, across the border, Russian authorities said debris damaged a school.
"""


def test_article_places_and_the_location_of_its_attack() -> None:
    import thucydides

    doc = thucydides.extract(ARTICLE, published="2024-05-14", outlet="Team Wire", extractor="rules")
    found = {m.text: m.place for m in doc.places if m.place is not None}
    assert found["Kharkiv"].country == "UKR" and found["Kupiansk"].admin1 == "UA-63"
    assert found["Sumy region"].id == "iso:UA-59" and found["Belgorod"].country == "RUS"
    located = [p for p in doc.propositions if p.location and "Kharkiv" in p.location]
    assert located and all(p.place is not None and p.place.name == "Kharkiv" for p in located)
