"""The regional knowledge-base files (both batches: Africa, the Middle East, Central and South Asia; Europe, the
Americas, East and South-East Asia and Oceania) against the rest of the base.

Every row of the six files is checked, not a sample: it must not repeat a row the base already has (same
person, state or organisation, office and start, in any knowledge-base file or in ``gazetteer_persons.tsv``),
and its name alone, on a day inside the role, must resolve to the row's state and sector.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest

from thucydides import resolve_actor
from thucydides.stages.actors.gazetteer import norm
from thucydides.stages.actors.knowledge import FILES, KBPerson, kb_date, parse_kb

REGION = ("kb_roles_region_africa.tsv", "kb_roles_region_mideast.tsv", "kb_roles_region_asia_central_south.tsv",
          "kb_roles_region_europe.tsv", "kb_roles_region_americas.tsv", "kb_roles_region_asia_east_pacific.tsv",
          "kb_roles_gap_africa_nw.tsv", "kb_roles_gap_mideast_asia.tsv", "kb_roles_gap_africa_ecs.tsv",
          "kb_roles_gap_americas.tsv", "kb_roles_gap_europe.tsv", "kb_roles_gap_asia_pacific.tsv",
          "kb_roles_office_intel.tsv",
          "kb_roles_office_interior.tsv",
          "kb_roles_office_military.tsv",
          "kb_roles_office_un.tsv",
          "kb_roles_office_economy.tsv",
          "kb_roles_office_deputies.tsv",
          "kb_roles_office_defence.tsv",
          "kb_roles_office_services.tsv",
          "kb_roles_office_spokes.tsv",
          "kb_roles_office_opposition.tsv",
          "kb_roles_office_heads.tsv")

Row = tuple[str, str, str, str, str, str]


def _rows(name: str) -> list[Row]:
    """(person, code, sector, office, from, to) of every row of one knowledge-base file."""
    people: dict[str, KBPerson] = {}
    parse_kb(resources.files("thucydides.data").joinpath(name).read_text(encoding="utf-8"), name, norm, people)
    return [(p.name, code, sector, office, start, end) for p in people.values()
            for code, sector, office, start, end in p.roles]


def _hand_kept() -> list[tuple[str, str, str, str]]:
    """(person, code, office, from) of the dated roles of ``gazetteer_persons.tsv``."""
    text = resources.files("thucydides.data").joinpath("gazetteer_persons.tsv").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        cells = line.split("\t")
        if line.startswith("#") or len(cells) < 4:
            continue
        for role in filter(None, cells[3].split(";")):
            code, _, office, start, _ = (role.split("|") + ["", "", "", "", ""])[:5]
            out.append((norm(cells[0]), code, office, start))
    return out


def _key(row: Row) -> tuple[str, str, str, str]:
    return norm(row[0]), row[1], row[3], row[4]


def _inside(start: str, end: str) -> dt.date:
    """The middle of a role (an open role: of its first two years, at most late 2025)."""
    first = kb_date(start)
    last = kb_date(end) if end else min(first + dt.timedelta(days=730), dt.date(2025, 12, 1))
    return first + (last - first) / 2


def test_the_regional_files_are_registered_and_large() -> None:
    assert set(REGION) <= set(FILES)
    assert sum(len(_rows(name)) for name in REGION) >= 2200


def test_no_knowledge_base_row_is_repeated_exactly() -> None:
    counts = Counter(_key(row) for name in FILES for row in _rows(name))
    assert [key for key, n in counts.items() if n > 1] == []


def test_no_regional_row_repeats_a_hand_kept_role() -> None:
    hand = set(_hand_kept())
    assert [row for name in REGION for row in _rows(name) if _key(row) in hand] == []


@pytest.mark.parametrize("name", REGION)
def test_every_regional_row_resolves_by_name_on_a_day_inside_it(name: str) -> None:
    wrong = []
    for person, code, sector, _, start, end in _rows(name):
        actor = resolve_actor(person, date=_inside(start, end))
        if actor is None or (actor.code, actor.sector) != (code, sector):
            wrong.append((person, code, sector, start, actor))
    assert wrong == []


@pytest.mark.parametrize(("text", "date", "name"), [
    ("the Lebanese interior minister", "2016-01-01", "Nouhad Machnouk"),
    ("Kenya's defence minister", "2015-06-01", "Raychelle Omamo"),
    ("the Iraqi defence minister", "2008-01-01", "Abdul Qadir al-Obeidi"),
    ("the Nigerian finance minister", "2017-01-01", "Kemi Adeosun"),
    ("Morocco's foreign minister", "2015-01-01", "Salaheddine Mezouar"),
    ("the Syrian prime minister", "2018-01-01", "Imad Khamis"),
    ("Pakistan's interior minister", "2015-01-01", "Chaudhry Nisar Ali Khan"),
    ("the Afghan defence minister", "2008-01-01", "Abdul Rahim Wardak"),
    ("the Kazakh foreign minister", "2014-01-01", "Erlan Idrissov"),
    ("Ghana's speaker", "2019-01-01", "Aaron Mike Oquaye"),
])
def test_a_title_with_a_state_finds_the_regional_holder_of_the_day(text: str, date: str, name: str) -> None:
    actor = resolve_actor(text, date=date)
    assert actor is not None and actor.name == name


@pytest.mark.parametrize(("text", "date", "code", "sector"), [
    ("Habib el-Adly", "2015-01-01", "EGY", "ELI"),
    ("Rahmatullah Nabil", "2019-01-01", "AFG", "ELI"),
    ("Sheila Dikshit", "2016-01-01", "IND", "ELI"),
    ("Mohamed Atta al-Moula", "2010-01-01", "SDN", "SPY"),
    ("Iftikhar Muhammad Chaudhry", "2011-01-01", "PAK", "JUD"),
    ("Noor Wali Mehsud", "2022-01-01", "PAK", "REB"),
])
def test_office_holders_and_former_holders_of_the_region(text: str, date: str, code: str, sector: str) -> None:
    actor = resolve_actor(text, date=date)
    assert actor is not None and (actor.code, actor.sector, actor.kind) == (code, sector, "person")


def _fold(text: str) -> str:
    """Lower case, accents dropped, every run of non-alphanumerics one space (so names match on word bounds)."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " " + re.sub(r"[^a-z0-9]+", " ", plain.lower()).strip() + " "


def test_no_regional_name_or_alias_is_named_in_the_ngec_dev_file(shared_dir: Path) -> None:
    dev = _fold((shared_dir / "eval" / "actor_resolution_dev.jsonl").read_text(encoding="utf-8"))
    names = set()
    for name in REGION:
        people: dict[str, KBPerson] = {}
        parse_kb(resources.files("thucydides.data").joinpath(name).read_text(encoding="utf-8"), name, norm, people)
        names |= {form for p in people.values() for form in [p.name, *p.aliases]}
    assert sorted(n for n in names if _fold(n) in dev) == []


@pytest.mark.parametrize(("text", "date", "name"), [
    ("the Irish justice minister", "2010-01-01", "Dermot Ahern"),
    ("Georgia's foreign minister", "2010-01-01", "Grigol Vashadze"),
    ("the Armenian prime minister", "2010-01-01", "Tigran Sargsyan"),
    ("the Swiss justice minister", "2015-01-01", "Simonetta Sommaruga"),
    ("the Czech interior minister", "2012-01-01", "Jan Kubice"),
    ("Kosovo's prime minister", "2007-01-01", "Agim Ceku"),
])
def test_a_title_with_a_state_finds_the_european_gap_holder_of_the_day(text: str, date: str, name: str) -> None:
    actor = resolve_actor(text, date=date)
    assert actor is not None and actor.name == name
