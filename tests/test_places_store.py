"""Resolved places through the model, the link stage, the store's --near/--country filters and the exports."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from thucydides.errors import InvalidValue
from thucydides.export.gdelt import export_gdelt
from thucydides.export.plover import export_plover
from thucydides.model import Article, Claim, Document, Proposition, Provenance
from thucydides.pipeline.state import State
from thucydides.places import Place, PlaceMention
from thucydides.places.codes import fips_country, gdelt_geo_type
from thucydides.places.link import annotate as link
from thucydides.places.link import place_of
from thucydides.store import Filter, open_store, query_propositions, write_documents
from thucydides.stories import link_stories

TORETSK = Place("gn:709354", "Toretsk", "city", "UKR", "UA-14", "Donetsk Oblast", 48.395, 37.848, 30914, 709354)
BELGOROD = Place("gn:578072", "Belgorod", "city", "RUS", "RU-BEL", "Belgorod Oblast", 50.61, 36.58, 345289, 578072)


def _doc(text: str, location: str, place: Place | None, day: str, dyad: str = "RUS>UKR") -> Document:
    article = Article(text, published=None)
    prov = Provenance(article.id, 0, 10, "test.v1", "0")
    claim = Claim("asserted", (), None, text, prov)
    actor, recipient = dyad.split(">")
    prop = Proposition("ASSAULT", (actor,), (recipient,), claims=(claim,), date=day, location=location,
                       cameo="190", plover_score=-10.0, provenance=prov, place=place)
    return Document(article, (prop,), places=(PlaceMention(location, 0, len(location), place),))


@pytest.fixture()
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    with open_store(tmp_path / "p.duckdb") as s:
        write_documents(s, [_doc("Shells hit a market in Toretsk.", "Toretsk", TORETSK, "2024-06-01"),
                            _doc("A drone hit Belgorod.", "Belgorod", BELGOROD, "2024-06-02", "UKR>RUS"),
                            _doc("Fighting somewhere.", "the front", None, "2025-03-03", "BLR>POL")], {})
        link_stories(s)
        yield s


def test_model_round_trip_keeps_places() -> None:
    d = _doc("Shells hit a market in Toretsk.", "Toretsk", TORETSK, "2024-06-01")
    back = Document.from_dict(json.loads(json.dumps(d.to_dict())))
    assert back.propositions[0].place == TORETSK and back.places[0].place == TORETSK


def test_query_near_and_country(store) -> None:  # type: ignore[no-untyped-def]
    near = query_propositions(store, Filter(near=(48.4, 37.9, 30.0)))
    assert [r["place_id"] for r in near] == ["gn:709354"]
    assert len(query_propositions(store, Filter(near=(48.4, 37.9, 500.0)))) == 2
    assert [r["location"] for r in query_propositions(store, Filter(country="rus"))] == ["Belgorod"]
    with pytest.raises(InvalidValue, match="E001"):
        query_propositions(store, Filter(near=(95.0, 0.0, 10.0)))


def test_gdelt_action_geo_and_plover_geolocation(store) -> None:  # type: ignore[no-untyped-def]
    out = io.StringIO()
    export_gdelt(store, out, header=True)
    rows = {r["ActionGeo_FullName"]: r for r in csv.DictReader(io.StringIO(out.getvalue()), delimiter="\t")}
    toretsk = rows["Toretsk"]
    assert (toretsk["ActionGeo_Type"], toretsk["ActionGeo_CountryCode"]) == ("4", "UP")
    assert abs(float(toretsk["ActionGeo_Lat"]) - 48.395) < 1e-3 and rows["the front"]["ActionGeo_Lat"] == ""
    out = io.StringIO()
    export_plover(store, out)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    geo = {r["location"]: r["geolocation"] for r in records}
    assert geo["Belgorod"]["country"] == "RUS" and geo["Belgorod"]["id"] == "gn:578072"
    assert geo["the front"] is None


def test_codes() -> None:
    assert fips_country("UKR") == "UP" and fips_country("DEU") == "GM" and fips_country("XXX") == ""
    assert [gdelt_geo_type(k, c) for k, c in [("country", "UKR"), ("adm1", "USA"), ("city", "USA"),
                                              ("city", "UKR"), ("adm1", "UKR"), ("sea", "")]] == [1, 2, 3, 4, 5, None]


def test_link_stage_matches_location_to_the_nearest_mention() -> None:
    mentions = [PlaceMention("Toretsk", 5, 12, TORETSK), PlaceMention("Belgorod", 80, 88, BELGOROD),
                PlaceMention("Narnia", 90, 96, None, "not in gazetteer")]
    assert place_of("a market in Toretsk", 0, mentions) == TORETSK
    assert place_of("Narnia", 0, mentions) is None and place_of("Kharkiv", 0, mentions) is None
    article = Article("x" * 100)
    prov = Provenance(article.id, 70, 75, "t", "0")
    state = State(article, None, places=mentions, propositions=[  # type: ignore[arg-type]
        Proposition("ASSAULT", ("UKR",), ("RUS",), location="Belgorod", provenance=prov),
        Proposition("ASSAULT", ("UKR",), ("RUS",), provenance=prov)])
    link(state)
    assert [p.place for p in state.propositions] == [BELGOROD, None]


def test_query_command_near_country_and_bad_point(store, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from thucydides.cli import main

    path = str(tmp_path / "p.duckdb")
    store.close()
    for argv, want in ((["--near", "48.4,37.9", "--km", "30"], ["gn:709354"]), (["--country", "RUS"], ["gn:578072"])):
        with pytest.raises(SystemExit) as exit_info:
            main(["query", "--db", path, "--format", "json", *argv])
        assert exit_info.value.code == 0
        assert [r["place_id"] for r in json.loads(capsys.readouterr().out)] == want
    with pytest.raises(SystemExit) as exit_info:
        main(["query", "--db", path, "--near", "north-east"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("Error: [E001]") and err.count("\n") == 1
