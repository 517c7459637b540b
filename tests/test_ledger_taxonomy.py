"""Taxonomy mapping, status parsing, model rules and evidence keys."""

from __future__ import annotations

import pytest

from thucydides.ledger.models import category_of_model
from thucydides.ledger.records import evidence_key, parse_int
from thucydides.ledger.taxonomy import category_of, clean_model, parse_statuses, side_of


@pytest.mark.parametrize("raw, slug", [
    ("Tanks", "tanks"), ("Armoured Fighting\nVehicles", "afvs"), ("Multiple Rocket Launchers", "rocket_artillery"),
    ("Rocket and Missile Artillery", "rocket_artillery"), ("Command Posts And Communications Stations", "command_comms"),
    ("Communications Stations", "command_comms"), ("Engineering Vehicles", "engineering"),
    ("Naval Ships and Submarines", "naval"), ("Trucks, Vehicles, Jeeps, and Trains", "trucks"),
    ("All Types", "all"), ("surface-to-air missile system", "sam"), ("field artillery", "artillery"),
    ("Unmanned Aerial Vehicles", "uavs"), ("Reconnaissance Unmanned Aerial Vehicles", "recon_uavs"),
])
def test_raw_categories_map_onto_one_taxonomy(raw: str, slug: str) -> None:
    assert category_of(raw) == slug


def test_unknown_category_is_none() -> None:
    assert category_of("Losses excluding Recon Drones and Trucks - 14057, of which") is None


@pytest.mark.parametrize("raw, statuses", [
    ("destroyed", ("destroyed",)), ("damaged and captured", ("damaged", "captured")),
    ("captured and later destroyed", ("destroyed", "captured")), ("'Kestrel', sunk", ("destroyed",)),
    ("jammer, captured", ("captured",)), ("defected and captured", ("captured",)),
    ("damage and captured", ("damaged", "captured")), ("damaged beyond economical repair", ("damaged",)),
    ("Abandoned", ("abandoned",)), ("stolen", ()),
])
def test_status_texts(raw: str, statuses: tuple[str, ...]) -> None:
    assert parse_statuses(raw) == statuses


@pytest.mark.parametrize("model, category", [
    ("T-72B3 Obr. 2016", "tanks"), ("BMD-4M", "ifvs"), ("BMD-2 with RP-377VM1 jammer", "ifvs"),
    ("MT-LB", "afvs"), ("BTR-80", "apcs"), ("GAZ Tigr-M", "imvs"), ("K-53949 Typhoon-K", "mraps"),
    ("152mm 2S19 Msta-S", "sp_artillery"), ("122mm D-30 howitzer", "towed_artillery"),
    ("220mm TOS-1A", "rocket_artillery"), ("TZM-T reloader vehicle (for TOS-1A)", "artillery_support"),
    ("Pantsir-S1", "sam"), ("ZSU-23-4 Shilka", "spaag"), ("Ka-52 'Alligator' attack helicopter", "helicopters"),
    ("Su-34 strike aircraft", "aircraft"), ("Orlan-10", "recon_uavs"), ("R-149MA1 command and staff vehicle",
                                                                       "command_comms"),
    ("BREM-1 armoured recovery vehicle", "engineering"), ("KamAZ 6x6 tanker", "trucks"), ("Ural-4320", "trucks"),
    ("9M133 Kornet", "atgm"), ("9P149 Shturm-S ATGM carrier", "sp_atgm"), ("M777 howitzer", "towed_artillery"),
    ("Leopard 2A4", "tanks"), ("Zorgblatt 3000", "other"), ("Leleka-100", "recon_uavs"), ("YPR-765", "ifvs"),
    ("Oshkosh M-ATV", "mraps"), ("155mm AS-90", "sp_artillery"), ("Wisent 1 mine-clearing tank", "engineering"),
    ("M1114 and M1151 HMMWV", "imvs"), ("M113", "apcs"), ("Bandvagn BvS 10", "afvs"),
])
def test_model_rules(model: str, category: str) -> None:
    assert category_of_model(model) == category


def test_model_running_number_is_removed() -> None:
    assert clean_model("1220 BMP-2(K)") == "BMP-2(K)"
    assert clean_model("152mm 2S3 Akatsiya") == "152mm 2S3 Akatsiya"


def test_sides_and_numbers() -> None:
    assert side_of("Russia") == "RUS" and side_of(" ua ") == "UKR" and side_of("Narnia") is None
    assert parse_int("1,262", "x") == 1262 and parse_int("", "x") == 0


def test_evidence_keys_match_across_spellings() -> None:
    assert evidence_key("https://x.com/someone/status/42?s=20") == evidence_key("http://www.twitter.com/someone/status/42")
    assert evidence_key("https://i.example.cc/abc.jpg/") == "i.example.cc/abc.jpg"
