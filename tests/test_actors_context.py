"""Context rules: a name the knowledge base does not know gets its state and sector from the words around it."""

from __future__ import annotations

import pytest

from thucydides import resolve_actor
from thucydides.errors import DataError
from thucydides.stages.actors.gazetteer import _sector
from thucydides.stages.actors.sectors import ELITE, SECTORS


def _person(text: str, date: str | None = None) -> tuple[str, str | None, str]:
    actor = resolve_actor(text, date=date)
    assert actor is not None and actor.kind == "person", (text, actor)
    return actor.code, actor.sector, actor.name


@pytest.mark.parametrize(("text", "code", "sector", "name"), [
    ("Ugandan Lt. Gen. Okello Mwesigwa", "UGA", "MIL", "Okello Mwesigwa"),
    ("Lt. Gen. Okello Mwesigwa of Uganda", "UGA", "MIL", "Okello Mwesigwa"),
    ("Maj. Gen. Tarek Mansour of Egypt", "EGY", "MIL", "Tarek Mansour"),
    ("Brig. Gen. Tomas Ferreira of the Brazilian army", "BRA", "MIL", "Tomas Ferreira"),
    ("Adm. Yusuf Demirkol, Turkey's navy commander", "TUR", "MIL", "Yusuf Demirkol"),
    ("Guinean Col. Ahmed Sow", "GIN", "MIL", "Ahmed Sow"),
    ("Peruvian Rear Admiral Luis Quispe", "PER", "MIL", "Luis Quispe"),
    ("Nepalese Field Marshal Hari Thapa", "NPL", "MIL", "Hari Thapa"),
])
def test_a_rank_and_a_nationality_make_an_officer(text: str, code: str, sector: str, name: str) -> None:
    assert _person(text) == (code, sector, name)


@pytest.mark.parametrize(("text", "code", "sector"), [
    ("Wanjiru Otieno, Kenya's interior minister", "KEN", "GOV"),
    ("Kenya's interior minister Wanjiru Otieno", "KEN", "GOV"),
    ("Wanjiru Otieno, the Kenyan minister of the interior", "KEN", "GOV"),
    ("Finance Minister Tamar Beridze of Georgia", "GEO", "GOV"),
    ("Amal Haddad, Jordan's foreign minister", "JOR", "GOV"),
    ("Sri Lanka's prime minister Dinesh Perera", "LKA", "GOV"),
    ("UK chancellor of the exchequer Oliver Bramwell", "GBR", "GOV"),
    ("US deputy secretary of defense Karen Hollis", "USA", "GOV"),
    ("French chief of defence staff Pierre Morvan", "FRA", "MIL"),
    ("Nigerian inspector general of police Kayode Adebayo", "NGA", "COP"),
    ("Zambian ambassador to the UN Mwila Banda", "ZMB", "DIP"),
    ("Bolivian chief justice Maria Quispe", "BOL", "JUD"),
    ("Colombian drug lord Hernan Restrepo", "COL", "CRM"),
    ("Tanzanian opposition politician Tundu Mwamba", "TZA", "OPP"),
])
def test_an_office_and_a_country_place_an_unknown_name(text: str, code: str, sector: str) -> None:
    assert _person(text)[:2] == (code, sector)


@pytest.mark.parametrize(("text", "code", "sector"), [
    ("the Chilean minister", "CHL", "GOV"),
    ("a Peruvian deputy minister", "PER", "GOV"),
    ("the Kenyan interior minister", "KEN", "GOV"),
    ("the Ugandan general", "UGA", "MIL"),
])
def test_a_title_and_a_nationality_without_a_name(text: str, code: str, sector: str) -> None:
    assert _person(text)[:2] == (code, sector)


@pytest.mark.parametrize("text", ["Okello Mwesigwa", "Dinesh Perera", "Gerhard Lindqvist Moreau"])
def test_an_unknown_name_with_no_context_stays_unresolved(text: str) -> None:
    assert resolve_actor(text) is None


def test_a_rank_without_a_state_keeps_the_sector_only() -> None:
    assert _person("Col. Ahmed Sow") == ("", "MIL", "Ahmed Sow")


def test_a_known_surname_after_another_first_name_is_someone_else() -> None:
    assert _person("Mali's junta leader Colonel Amadou Keita")[2] == "Amadou Keita"
    assert resolve_actor("Amadou Keita") is None
    assert _person("President Keita", "2015-01-01")[2] == "Ibrahim Boubacar Keita"
    assert _person("Mr Putin", "2015-01-01")[2] == "Vladimir Putin"


def test_heads_of_state_and_ministers_are_government() -> None:
    assert _person("the Russian foreign minister", "2022-05-01")[1] == "GOV"
    assert _person("the Chinese ambassador")[1] == "DIP"


def test_the_sector_table_is_closed() -> None:
    assert ELITE <= set(SECTORS)
    assert _sector("GOV", "x") == "GOV" and _sector("", "x") is None
    with pytest.raises(DataError) as err:
        _sector("GOVT", "gazetteer_roles.tsv line 3")
    assert err.value.code == "E011" and "GOVT" in str(err.value) and "MIL" in str(err.value)
