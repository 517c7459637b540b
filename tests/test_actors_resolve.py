"""Unit tests for resolve_actor: states, IGOs, groups, people, titles, dates, context and non-actors."""

from __future__ import annotations

import datetime as dt

import pytest

from thucydides import InputError, InvalidValue, resolve_actor
from thucydides.model import Actor
from thucydides.stages.actors import parent_code


def _key(actor: Actor | None) -> tuple[str, str | None] | None:
    return None if actor is None else (actor.code, actor.sector)


@pytest.mark.parametrize(("text", "code", "sector"), [
    ("US officials", "USA", "GOV"),
    ("the Kremlin", "RUS", "GOV"),
    ("the defense ministry of the Russian Federation", "RUS", "MIL"),
    ("Ukrainian troops", "UKR", "MIL"),
    ("Downing Street", "GBR", "GOV"),
    ("the Elysee", "FRA", "GOV"),
    ("Kiev", "UKR", "GOV"),
    ("Pyongyang", "PRK", "GOV"),
    ("North Korean state media", "PRK", "MED"),
    ("Israeli police", "ISR", "COP"),
    ("Iranian intelligence", "IRN", "SPY"),
    ("the Belarusian opposition", "BLR", "OPP"),
    ("Syrian rebels", "SYR", "REB"),
    ("Palestinian civilians", "PSE", "CVL"),
    ("a Turkish company", "TUR", "BUS"),
    ("the Indian embassy", "IND", "DIP"),
    ("Azerbaijani forces", "AZE", "MIL"),
    ("Russia\u2019s Defence Ministry", "RUS", "MIL"),
    ("two Chinese warplanes", "CHN", "MIL"),
    ("Ethiopian farmers", "ETH", "AGR"),
    ("Kosovo", "XKX", None),
    ("the Holy See", "VAT", None),
    ("Taiwanese troops", "TWN", "MIL"),
    ("Kharkiv residents", "UKR", "CVL"),
])
def test_states_and_descriptions(text: str, code: str, sector: str | None) -> None:
    assert _key(resolve_actor(text)) == (code, sector)


@pytest.mark.parametrize(("text", "code", "kind"), [
    ("NATO", "NATO", "igo"), ("Nato", "NATO", "igo"), ("the UN Security Council", "UN", "igo"),
    ("United Nations General Assembly", "UN", "igo"), ("IAEA", "IAEA", "igo"), ("the European Union", "EU", "igo"),
    ("G7", "G7", "igo"), ("the African Union", "AU", "igo"), ("OSCE monitors", "OSCE", "igo"),
    ("Donetsk People's Republic", "DPR", "separatist"), ("Transnistria", "PMR", "separatist"),
    ("Hamas", "PSE", "group"), ("Houthi rebels", "YEM", "group"), ("the Taliban", "AFG", "group"),
    ("Wagner Group", "RUS", "group"), ("Hezbollah", "LBN", "group"),
])
def test_igos_separatists_and_groups(text: str, code: str, kind: str) -> None:
    actor = resolve_actor(text)
    assert actor is not None and (actor.code, actor.kind) == (code, kind)


def test_parent_codes() -> None:
    assert parent_code("DPR") == "UKR"
    assert parent_code("ABK") == "GEO"
    assert parent_code("WHO") == "UN"
    assert parent_code("USA") is None


@pytest.mark.parametrize(("text", "date", "expected"), [
    ("Chinese Embassy Spokesperson Liu Pengyu", "2022-03-15", Actor("CHN", "DIP", "Liu Pengyu", "person")),
    ("Sergei Lavrov", None, Actor("RUS", "GOV", "Sergei Lavrov", "person")),
    ("Zelenskyy", "2023-05-01", Actor("UKR", "GOV", "Volodymyr Zelensky", "person")),
    ("Jordanian Foreign Minister Ayman Safadi", None, Actor("JOR", "GOV", "Ayman Safadi", "person")),
    ("Kim Jong Un", "2024-01-01", Actor("PRK", "GOV", "Kim Jong Un", "person")),
    ("Lukashenko", "2021-01-01", Actor("BLR", "GOV", "Alexander Lukashenko", "person")),
    ("Mr. Erdo\u011fan", "2022-01-01", Actor("TUR", "GOV", "Recep Tayyip Erdogan", "person")),
])
def test_known_people(text: str, date: str | None, expected: Actor) -> None:
    assert resolve_actor(text, date=date) == expected


@pytest.mark.parametrize(("text", "date", "name", "sector"), [
    ("Trump", "2019-04-01", "Donald Trump", "GOV"),
    ("Trump", "2022-04-01", "Donald Trump", "ELI"),
    ("Trump", "2025-04-01", "Donald Trump", "GOV"),
    ("former President Trump", "2025-04-01", "Donald Trump", "ELI"),
    ("Vladimir Putin", "2009-06-01", "Vladimir Putin", "GOV"),
    ("Marco Rubio", "2022-03-01", "Marco Rubio", "LEG"),
    ("Marco Rubio", "2025-03-01", "Marco Rubio", "GOV"),
    ("Hakan Fidan", "2020-01-01", "Hakan Fidan", "SPY"),
    ("Hakan Fidan", "2024-01-01", "Hakan Fidan", "GOV"),
])
def test_the_date_picks_the_office(text: str, date: str, name: str, sector: str) -> None:
    actor = resolve_actor(text, date=date)
    assert actor is not None and (actor.name, actor.sector) == (name, sector)


@pytest.mark.parametrize(("text", "date", "name"), [
    ("the Russian foreign minister", "2022-05-01", "Sergei Lavrov"),
    ("the US Secretary of State", "2022-05-01", "Antony Blinken"),
    ("the US Secretary of State", "2025-05-01", "Marco Rubio"),
    ("the German Chancellor", "2023-01-01", "Olaf Scholz"),
    ("the German Chancellor", "2019-01-01", "Angela Merkel"),
    ("NATO Secretary General", "2023-01-01", "Jens Stoltenberg"),
    ("NATO Secretary General", "2025-01-01", "Mark Rutte"),
    ("Japan's prime minister", "2022-06-01", "Fumio Kishida"),
    ("China's defence minister", "2024-06-01", "Dong Jun"),
])
def test_a_title_finds_the_office_holder_on_that_date(text: str, date: str, name: str) -> None:
    actor = resolve_actor(text, date=date)
    assert actor is not None and actor.name == name and actor.kind == "person"


def test_unknown_person_with_title_keeps_the_title() -> None:
    actor = resolve_actor("Ruritanian Interior Minister Otto Blumenfeld")
    assert actor is not None and actor.kind == "person" and actor.sector == "GOV"
    assert actor.name == "Otto Blumenfeld" and actor.code == ""


@pytest.mark.parametrize(("text", "sector"), [
    ("President of the Chadian Human Rights League", "SOC"), ("members of the Kenya Defence Forces", "MIL"),
    ("chairman of the company's board", "BUS"), ("Chile's Ministry of Mines", "GOV"),
])
def test_leadership_titles_defer_to_the_of_phrase(text: str, sector: str) -> None:
    actor = resolve_actor(text)
    assert actor is not None and actor.sector == sector


@pytest.mark.parametrize("text", ["retired Israeli general", "an ex-minister", "a disgraced former minister"])
def test_former_officials_are_elites(text: str) -> None:
    actor = resolve_actor(text)
    assert actor is not None and actor.sector == "ELI"


def test_context_supplies_the_missing_state() -> None:
    actor = resolve_actor("the foreign minister", context="Iran's foreign minister spoke in Tehran.", date="2022-06-01")
    assert actor is not None and (actor.code, actor.name) == ("IRN", "Hossein Amir-Abdollahian")
    assert resolve_actor("Defense Minister") == Actor("", "GOV", "", "person")
    ambiguous = resolve_actor("the army", context="Russia and Ukraine traded blame.")
    assert ambiguous is not None and ambiguous.code == ""


@pytest.mark.parametrize("text", ["puppies", "yesterday", "the weather", "us", "male", "", "   ",
                                  "Douglas Paul James", "a cat"])
def test_non_actors_give_none(text: str) -> None:
    assert resolve_actor(text) is None


def test_case_rules_for_short_aliases() -> None:
    assert _key(resolve_actor("US")) == ("USA", None)
    assert resolve_actor("us") is None
    assert _key(resolve_actor("Chad")) == ("TCD", None)


def test_pronoun_is_an_unresolved_actor() -> None:
    assert resolve_actor("he") == Actor("", "UNK", "he", "person")


def test_dates_in_many_forms() -> None:
    a = resolve_actor("Boris Johnson", date=dt.date(2021, 1, 1))
    b = resolve_actor("Boris Johnson", date="1 January 2021")
    c = resolve_actor("Boris Johnson", date="today")
    assert a == b and a is not None and a.sector == "GOV"
    assert c is not None and c.sector == "ELI"


def test_bad_input_raises_coded_errors() -> None:
    with pytest.raises(InputError) as err:
        resolve_actor("Putin", date="the day after tomorrow-ish")
    assert err.value.code == "E006"
    with pytest.raises(InvalidValue):
        resolve_actor(42)  # type: ignore[arg-type]


def test_huge_input_is_handled() -> None:
    actor = resolve_actor("Russian " + "very " * 100_000 + "troops")
    assert actor is not None and actor.code == "RUS"


@pytest.mark.parametrize(("text", "code"), [("Afganistan", "AFG"), ("Ukrane", "UKR"), ("Volodimir Zelenskiy", "UKR"),
                                            ("Sergey Shoygu", "RUS")])
def test_spelling_variants(text: str, code: str) -> None:
    actor = resolve_actor(text)
    assert actor is not None and actor.code == code


def test_ethnic_groups_take_the_state_they_live_in() -> None:
    actor = resolve_actor("ethnic Albanians in south Serbia")
    assert actor is not None and actor.code == "SRB"
    assert resolve_actor("Albanian farmers") == Actor("ALB", "AGR", "Albania", "state")


def test_descriptions_without_a_code_keep_their_wording() -> None:
    assert resolve_actor("hostage-takers") == Actor("", "CRM", "hostage-takers", "group")


@pytest.mark.parametrize(("text", "code"), [("Augusta, Georgia", "USA"), ("Tbilisi, Georgia", "GEO"),
                                            ("the state of Georgia", "USA"), ("Georgian troops", "GEO")])
def test_georgia_the_country_and_the_us_state(text: str, code: str) -> None:
    actor = resolve_actor(text)
    assert actor is not None and actor.code == code


@pytest.mark.parametrize(("text", "code", "sector"), [
    ("Turkish-backed Syrian fighters", "SYR", "REB"),
    ("pro-Russian militants in Donetsk", "UKR", "REB"),
    ("Iranian-backed Houthi rebels", "YEM", "REB"),
    ("Russia-backed separatists", "RUS", "REB"),
])
def test_a_backing_state_is_not_the_actor_when_another_is_named(text: str, code: str, sector: str) -> None:
    assert _key(resolve_actor(text)) == (code, sector)


def test_a_title_that_owns_something_is_not_a_person() -> None:
    actor = resolve_actor("the Israeli prime minister's office", date="2024-06-01")
    assert actor is not None and (actor.code, actor.sector, actor.kind) == ("ISR", "GOV", "state")


def test_datetime_dates_are_accepted() -> None:
    actor = resolve_actor("Boris Johnson", date=dt.datetime(2021, 1, 1, 12, 30))
    assert actor is not None and actor.sector == "GOV"


@pytest.mark.parametrize(("text", "expected"), [
    ("N. Korea", ("PRK", None)), ("Israeli PM", ("ISR", "GOV")), ("the Gulf states", ("GCC", None)),
    ("U.S.-backed Syrian Democratic Forces", ("SYR", "REB")), ("CEO of Gazprom", ("RUS", "BUS")),
])
def test_abbreviations_and_companies(text: str, expected: tuple[str, str | None]) -> None:
    assert _key(resolve_actor(text, date="2024-06-01")) == expected


def test_short_upper_case_role_words_need_capitals() -> None:
    assert resolve_actor("3 pm") is None


@pytest.mark.parametrize(("text", "code"), [
    ("Pakistan's foreign office", "PAK"),
    ("the Indian Foreign Office", "IND"),
    ("Nigeria's Foreign Office spokesman", "NGA"),
    ("the Foreign Office", "GBR"),
    ("the British Foreign Office", "GBR"),
])
def test_a_generic_body_belongs_to_the_state_named_before_it(text: str, code: str) -> None:
    """"Foreign Office" alone is the British one; after another state's name it is that state's."""
    actor = resolve_actor(text)
    assert actor is not None and actor.code == code
