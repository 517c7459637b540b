"""Random rows of the cabinet, security and organisation data, named in sentences, through the resolver.

Each test draws rows with a fixed seed (so a failure names the same row on every run), writes the name into a
sentence of varied wording, and checks that the pipeline's actors stage and :func:`resolve_actor` give the row's
state and sector on a day inside the role.
"""

from __future__ import annotations

import datetime as dt
import random
from importlib import resources

import pytest

from thucydides import resolve_actor
from thucydides.model import Actor, ActorMention, Article
from thucydides.nlp.parse import parse
from thucydides.pipeline.state import Annotated
from thucydides.stages.actors import annotate
from thucydides.stages.actors.gazetteer import norm
from thucydides.stages.actors.knowledge import FILES, KBPerson, kb_date, parse_kb

#: sentence frames; ``{n}`` is the name.
FRAMES = (
    "{n} said on Tuesday that talks would resume next week.",
    "In a statement, {n} condemned the attack on the convoy.",
    "Reporters asked {n} about the ceasefire.",
    "The meeting was chaired by {n}, who called for calm.",
    "{n} met the visiting delegation in the capital.",
    "According to {n}, the agreement was signed late on Friday.",
)


def _kb_rows(name: str) -> list[tuple[str, str, str, dt.date, dt.date | None]]:
    """(person, code, sector, start, end) of every dated row of one knowledge-base file."""
    people: dict[str, KBPerson] = {}
    parse_kb(resources.files("thucydides.data").joinpath(name).read_text(encoding="utf-8"), name, norm, people)
    return [(p.name, code, sector, kb_date(start), kb_date(end) if end else None)
            for p in people.values() for code, sector, _, start, end in p.roles]


def _inside(start: dt.date, end: dt.date | None) -> dt.date:
    """A day well inside a role: the middle of it (an open role: a year after it began, at most late 2025)."""
    last = end or min(start + dt.timedelta(days=730), dt.date(2025, 12, 1))
    return start + (last - start) / 2


def _sample(name: str, k: int, seed: int) -> list[tuple[str, str, str, dt.date, dt.date | None]]:
    rows = [r for r in _kb_rows(name) if r[3] >= dt.date(1995, 1, 1)]
    return random.Random(seed).sample(sorted(rows), min(k, len(rows)))


def _mention(text: str, name: str, day: dt.date) -> ActorMention:
    state = Annotated(Article(text, published=day), parse(text))
    annotate(state)
    start = text.index(name)
    found = [m for m in state.mentions if (m.start, m.end) == (start, start + len(name))]
    assert len(found) == 1, (text, [(m.text, m.actor) for m in state.mentions])
    return found[0]


def _owner(person: str, day: dt.date) -> tuple[str, str | None]:
    """The code and sector the row that covers ``day`` gives (a person may hold two offices at once)."""
    for name in FILES:
        for n, code, sector, start, end in _kb_rows(name):
            if n == person and start <= day and (end is None or day < end):
                return code, sector
    raise AssertionError(person)


#: the files whose rows are drawn, each with its own seed for the two tests below.
SAMPLED = ("kb_roles_cabinets.tsv", "kb_roles_security.tsv", "kb_roles_world_economy.tsv",
           "kb_roles_world_cabinet.tsv", "kb_roles_world_security.tsv", "kb_roles_world_igo.tsv",
           "kb_roles_world_ministers.tsv", "kb_roles_region_europe.tsv", "kb_roles_region_americas.tsv",
           "kb_roles_region_asia_east_pacific.tsv", "kb_roles_region_africa.tsv",
           "kb_roles_region_mideast.tsv", "kb_roles_region_asia_central_south.tsv", "kb_roles_gap_africa_nw.tsv",
           "kb_roles_gap_mideast_asia.tsv", "kb_roles_gap_africa_ecs.tsv", "kb_roles_gap_americas.tsv",
           "kb_roles_gap_europe.tsv", "kb_roles_gap_asia_pacific.tsv",
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


@pytest.mark.parametrize(("file", "seed"), [(f, 11 + i) for i, f in enumerate(SAMPLED)])
def test_random_rows_resolve_in_a_sentence(file: str, seed: int) -> None:
    for i, (person, code, sector, start, end) in enumerate(_sample(file, 12, seed)):
        day = _inside(start, end)
        text = FRAMES[i % len(FRAMES)].format(n=person)
        actor = _mention(text, person, day).actor
        assert (actor.code, actor.name) == (code, person), (text, day, actor)
        assert actor.sector in (sector, _owner(person, day)[1]), (text, day, actor)


@pytest.mark.parametrize(("file", "seed"), [(f, 21 + i) for i, f in enumerate(SAMPLED)])
def test_random_rows_resolve_by_name_alone(file: str, seed: int) -> None:
    for person, code, _, start, end in _sample(file, 25, seed):
        day = _inside(start, end)
        actor = resolve_actor(person, date=day)
        assert actor is not None and actor.code == _owner(person, day)[0] == code, (person, day, actor)
        assert actor.sector == _owner(person, day)[1], (person, day, actor)


def test_a_role_that_ended_makes_an_elite_in_a_later_year() -> None:
    ended = [r for r in _kb_rows("kb_roles_cabinets.tsv") if r[4] is not None and r[4] < dt.date(2015, 1, 1)]
    for person, code, _, _, end in random.Random(31).sample(sorted(ended), 8):
        actor = resolve_actor(person, date="2025-06-01")
        assert actor is not None and actor.code == code, (person, actor)
        later = [r for f in ("kb_roles_heads.tsv", "kb_roles_ministers.tsv", "kb_roles_cabinets.tsv")
                 for r in _kb_rows(f) if r[0] == person and (r[4] is None or r[4] > dt.date(2025, 6, 1))]
        if not later:
            assert actor.sector == "ELI", (person, end, actor)


def _org_rows(marker: str) -> list[tuple[str, str, str]]:
    """(alias, code, sector) of the organisation rows after the comment line that starts with ``marker``."""
    text = resources.files("thucydides.data").joinpath("gazetteer_orgs.tsv").read_text(encoding="utf-8")
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith(marker))
    out = []
    for line in lines[at + 1:]:
        if line.startswith("#"):
            break
        cells = line.split("\t")
        out += [(a, cells[0], cells[1]) for a in cells[5].split(";") if len(a) > 3]
    return out


@pytest.mark.parametrize(("marker", "frame"), [
    ("# armed groups", "Fighters of the {n} attacked an army post overnight."),
    ("# state companies", "A spokesman for {n} declined to comment on the report."),
])
def test_groups_companies_and_media_take_their_home_state(marker: str, frame: str) -> None:
    rows = _org_rows(marker)
    assert len(rows) >= 20
    for alias, code, sector in random.Random(41).sample(rows, 10):
        actor = resolve_actor(f"the {alias}" if alias[0].isupper() and " " in alias else alias)
        assert actor is not None and (actor.code, actor.sector) == (code, sector), (alias, actor)
        text = frame.format(n=alias)
        mention = _mention(text, alias, dt.date(2024, 5, 1))
        assert mention.actor.code == code, (text, mention.actor)


@pytest.mark.parametrize(("text", "code", "sector"), [
    ("The Polisario Front suspended its contacts with Madrid.", "ESH", "REB"),
    ("Polisario fighters shelled a Moroccan position.", "ESH", "REB"),
    ("Sahrawi President Brahim Ghali was admitted to hospital.", "ESH", "GOV"),
])
def test_polisario_and_the_sahrawi_republic_are_western_sahara(text: str, code: str, sector: str) -> None:
    state = Annotated(Article(text, published=dt.date(2022, 4, 10)), parse(text))
    annotate(state)
    first = max((m for m in state.mentions if m.start == 0), key=lambda m: m.end)
    assert (first.actor.code, first.actor.sector) == (code, sector), first


@pytest.mark.parametrize(("text", "date", "code", "sector", "name"), [
    ("Deputy Secretary of Defense Robert Work", "2015-03-01", "USA", "GOV", "Robert Work"),
    ("the US deputy secretary of defense", "2018-03-01", "USA", "GOV", "Patrick Shanahan"),
    ("Canada's public safety minister", "2020-03-01", "CAN", "GOV", "Bill Blair"),
    ("China's public security minister", "2019-03-01", "CHN", "GOV", "Zhao Kezhi"),
    ("NATO's Supreme Allied Commander Europe", "2020-03-01", "NATO", "MIL", "Tod Wolters"),
    ("Kenya's chief of defence forces", "2025-03-01", "KEN", "MIL", "Charles Kahariri"),
    ("Brazil's central bank governor", "2021-03-01", "BRA", "GOV", "Roberto Campos Neto"),
    ("the Spanish interior minister", "2010-03-01", "ESP", "GOV", "Alfredo Perez Rubalcaba"),
    ("Iran's first vice president", "2016-03-01", "IRN", "GOV", "Eshaq Jahangiri"),
    ("the Iranian first vice-president", "2023-03-01", "IRN", "GOV", "Mohammad Mokhber"),
    ("Zimbabwe's second vice president", "2019-03-01", "ZWE", "GOV", "Kembo Mohadi"),
    ("the Austrian vice chancellor", "2022-03-01", "AUT", "GOV", "Werner Kogler"),
    ("Austria's chancellor", "2022-03-01", "AUT", "GOV", "Karl Nehammer"),
    ("the Indonesian vice president", "2012-03-01", "IDN", "GOV", "Boediono"),
    ("Chile's interior minister", "2017-03-01", "CHL", "GOV", "Mario Fernandez"),
    ("the Norwegian finance minister", "2016-03-01", "NOR", "GOV", "Siv Jensen"),
    ("Thailand's central bank governor", "2017-03-01", "THA", "GOV", "Veerathai Santiprabhob"),
    ("the South African home affairs minister", "2021-03-01", "ZAF", "GOV", "Aaron Motsoaledi"),
    ("Turkey's chief of general staff", "2013-03-01", "TUR", "MIL", "Necdet Ozel"),
    ("the Swedish opposition leader", "2013-03-01", "SWE", "OPP", "Stefan Lofven"),
])
def test_a_title_and_a_state_find_the_office_holder_of_the_day(text: str, date: str, code: str, sector: str,
                                                               name: str) -> None:
    assert resolve_actor(text, date=date) == Actor(code, sector, name, "person")


def test_a_sitting_head_of_state_or_government_is_gov_never_eli() -> None:
    heads = [r for r in _kb_rows("kb_roles_heads.tsv") if r[3] >= dt.date(2000, 1, 1) and r[2] == "GOV"]
    for person, code, _, start, end in random.Random(41).sample(sorted(heads), 40):
        day = _inside(start, end)
        actor = resolve_actor(person, date=day)
        assert actor is not None and actor.sector == "GOV", (person, day, actor)
        assert actor.code == _owner(person, day)[0], (person, day, actor)


@pytest.mark.parametrize(("text", "sector"), [
    ("the vice-chancellor of Makerere University", "EDU"),
    ("Vice Chancellor of the University of Nairobi", "EDU"),
])
def test_a_university_vice_chancellor_is_not_a_deputy_head_of_government(text: str, sector: str) -> None:
    actor = resolve_actor(text, date="2019-03-01")
    assert actor is not None and actor.sector == sector and actor.name != "Werner Kogler", actor
