"""How the story linker compares wording (stems) and joins links into stories without chaining events."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest

from _fakes import claim, doc
from thucydides.places.types import Place
from thucydides.store import open_store, write_documents
from thucydides.stories import DEFAULT_SIMILARITY, link_stories
from thucydides.story_merge import Node, codes_agree, merge, places_agree
from thucydides.story_text import overlap, stem


@pytest.fixture()
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    with open_store(tmp_path / "t.duckdb") as s:
        yield s


@pytest.mark.parametrize("forms", [
    ("invading", "invasion", "invade", "invaded"), ("withdraw", "withdrawal", "withdrawing", "withdraws"),
    ("recognises", "recognition", "recognized", "recognizing"), ("evacuate", "evacuation", "evacuated"),
    ("decide", "decision"), ("mobilization", "mobilise", "mobilized"), ("extradite", "extradition"),
    ("retaliatory", "retaliation"), ("strike", "strikes"), ("explode", "explosion"),
])
def test_forms_of_one_word_meet_at_one_stem(forms: tuple[str, ...]) -> None:
    assert len({stem(w) for w in forms}) == 1


@pytest.mark.parametrize("a,b", [("russia", "russian"), ("france", "french"), ("ukraine", "ukrainian"),
                                 ("israel", "israeli"), ("strike", "street"), ("protest", "protection")])
def test_a_name_and_its_adjective_or_another_word_stay_apart(a: str, b: str) -> None:
    assert stem(a) != stem(b)


@pytest.mark.parametrize("a,b", [
    ("The Turkish Foreign Ministry threatens to take retaliatory steps against Sweden if the country joins NATO",
     "as Turkey threatens retaliation if Sweden joins NATO"),
    ("Mali announces its withdrawal from the G5 Sahel force", "Mali withdraws from the G5 Sahel force"),
    ("if the country recognises the breakaway republics of Abkhazia and South Ossetia",
     "shortly after Moscow recognized the independence of the breakaway republics"),
])
def test_paraphrases_in_other_forms_of_one_word_read_as_one_event(a: str, b: str) -> None:
    assert overlap(a, b) >= DEFAULT_SIMILARITY


def test_reports_of_two_events_of_one_kind_do_not() -> None:
    assert overlap("A missile strikes a school in Zhytomyr", "Russian artillery shells the Saltivka district") \
        < DEFAULT_SIMILARITY
    assert overlap("", "anything") == 0.0


def test_codes_agree_when_one_list_is_within_the_other() -> None:
    assert codes_agree(frozenset({"RUS"}), frozenset({"RUS", "BLR"}))
    assert codes_agree(frozenset(), frozenset({"IRN"}))
    assert not codes_agree(frozenset({"USA", "UKR"}), frozenset({"CAN", "UKR"}))  # two visitors, two visits
    assert not codes_agree(frozenset({"ALB"}), frozenset({"UKR"}))


KHARKIV = ("gn:706483", "city", "UA-63")
KHARKIV_OBLAST = ("iso:UA-63", "adm1", "UA-63")
OKHTYRKA = ("gn:713749", "city", "UA-59")


def test_places_agree_when_one_lies_in_the_other() -> None:
    assert places_agree(frozenset({KHARKIV}), frozenset({KHARKIV_OBLAST}))
    assert places_agree(frozenset({KHARKIV}), frozenset())
    assert not places_agree(frozenset({KHARKIV}), frozenset({OKHTYRKA}))
    assert not places_agree(frozenset({KHARKIV_OBLAST}), frozenset({OKHTYRKA}))  # another region


def node(actor: str = "", recipient: str = "", places: tuple[tuple[str, str, str], ...] = (), day: int = 0,
         own_day: bool = False) -> Node:
    def codes(text: str) -> frozenset[str]:
        return frozenset(text.split(",")) if text else frozenset()

    return Node(codes(actor), codes(recipient), frozenset(places), day, own_day)


def groups(nodes: list[Node], links: list[tuple[int, int, float]]) -> list[list[int]]:
    u, v, s = (np.array(x) for x in zip(*links, strict=True))
    labels = merge(nodes, u.astype(np.int64), v.astype(np.int64), s.astype(np.float64))
    out: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        out.setdefault(int(label), []).append(i)
    return sorted(out.values())


def test_an_uncoded_link_does_not_chain_two_recipients_together() -> None:
    # shelling of a Polish consulate, an uncoded "shelling", shelling of a Georgian one: the stronger link wins
    nodes = [node("", "POL"), node("", ""), node("", "GEO")]
    assert groups(nodes, [(0, 1, 0.4), (1, 2, 0.3)]) == [[0, 1], [2]]
    assert groups(nodes, [(0, 1, 0.3), (1, 2, 0.4)]) == [[0], [1, 2]]


def test_two_visits_by_other_visitors_stay_two_stories() -> None:
    # reciprocal meetings list every side as actor: "USA, UKR" and "CAN, UKR" each name a party the other lacks
    nodes = [node("USA,UKR", "UKR"), node("CAN,UKR", "UKR"), node("UKR", "UKR"), node("IND,JPN", ""),
             node("JPN", "")]
    assert groups(nodes, [(0, 1, 0.5), (1, 2, 0.4), (3, 4, 0.3)]) == [[0], [1, 2], [3, 4]]


def test_chains_of_places_and_days_stop_where_they_disagree() -> None:
    nodes = [node("ISR", "PSE", (KHARKIV,)), node("ISR", "PSE"), node("ISR", "PSE", (OKHTYRKA,)),
             node("SDN", "", day=5, own_day=True), node("SDN", ""), node("SDN", "", day=6, own_day=True),
             node("RUS", "UKR", (KHARKIV,)), node("RUS,BLR", "UKR", (KHARKIV_OBLAST,))]
    links = [(0, 1, 0.5), (1, 2, 0.4), (3, 4, 0.5), (4, 5, 0.4), (6, 7, 0.3)]
    assert groups(nodes, links) == [[0, 1], [2], [3, 4], [5], [6, 7]]


def test_merge_of_a_long_chain() -> None:
    n = 10_000
    nodes = [node("RUS", "UKR")] * (n + 2)
    u = np.arange(n - 1)[::-1].copy()
    labels = merge(nodes, u, u + 1, np.full(n - 1, 0.5))
    assert (labels[:n] == 0).all() and list(labels[n:]) == [n, n + 1]


def located(text: str, ptype: str, actor: str, recipient: str, evidence: str, place: Place | None,
            day: str) -> object:
    d = doc(text, [(ptype, actor, recipient, [claim("asserted", evidence=evidence)], None)], day)
    location = place.name if place else None
    return dataclasses.replace(d, propositions=(dataclasses.replace(d.propositions[0], place=place,
                                                                    location=location),))


def _place(pid: str, name: str, kind: str, admin1: str) -> Place:
    return Place(pid, name, kind, "SYR", admin1, "", None, None, 0, None)


def test_stories_split_by_resolved_place_and_join_a_city_with_its_region(store) -> None:  # type: ignore[no-untyped-def]
    aleppo = _place("gn:170063", "Aleppo", "city", "SY-HL")
    aleppo_governorate = _place("iso:SY-HL", "Aleppo Governorate", "adm1", "SY-HL")
    idlib = _place("gn:169389", "Idlib", "city", "SY-ID")
    docs = [located("one", "ASSAULT", "TUR", "SYR", "Turkish drones strike Kurdish positions near Aleppo", aleppo,
                    "2022-06-01"),
            located("two", "ASSAULT", "TUR", "SYR", "Turkish drone strikes on Kurdish positions", None, "2022-06-02"),
            located("three", "ASSAULT", "TUR", "SYR", "Turkish drone strikes Kurdish positions in Idlib", idlib,
                    "2022-06-02"),
            located("four", "ASSAULT", "TUR", "SYR", "Turkish drone strikes on Kurdish positions in the region",
                    aleppo_governorate, "2022-06-01")]
    write_documents(store, docs)  # type: ignore[arg-type]
    link_stories(store)
    story = dict(store.execute("SELECT doc_id, story_id FROM story_members").fetchall())
    ids = [d.id for d in docs]  # type: ignore[attr-defined]
    assert story[ids[0]] == story[ids[1]] == story[ids[3]] != story[ids[2]]
