"""The knowledge base of dated roles: its files' consistency, its loader, and resolution through it."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter, defaultdict

import pytest

from thucydides import resolve_actor
from thucydides.errors import DataError
from thucydides.stages.actors import gazetteer
from thucydides.stages.actors.gazetteer import norm
from thucydides.stages.actors.knowledge import KBPerson, kb_date, kb_persons, parse_kb
from thucydides.stages.actors.sectors import SECTORS


def _roles() -> list[tuple[str, str, str, str, dt.date, dt.date | None]]:
    return [(p.name, code, sector, office, kb_date(start), kb_date(end) if end else None)
            for p in kb_persons(norm).values() for code, sector, office, start, end in p.roles]


def test_every_row_has_a_known_code_a_table_sector_and_ordered_dates() -> None:
    gaz = gazetteer()
    rows = _roles()
    assert len(rows) > 1500
    for name, code, sector, office, start, end in rows:
        assert code in gaz.states or code in gaz.orgs, (name, code)
        assert sector in SECTORS, (name, sector)
        assert end is None or start < end, (name, office, start, end)


def test_no_two_people_hold_one_office_at_once() -> None:
    holders: dict[tuple[str, str], list[tuple[dt.date, dt.date, str]]] = defaultdict(list)
    for name, code, _, office, start, end in _roles():
        holders[(code, office)].append((start, end or dt.date.max, name))
    plural = ("legislator", "opposition leader", "intelligence chief", "chief of defence", "minister of state",
              "central military commission vice chairman", "deputy prime minister",
              "foreign ministry spokesperson")  # China's foreign ministry has several spokespeople at once
    for (code, office), spans in holders.items():
        if office in plural:
            continue
        spans.sort()
        for (s1, e1, n1), (s2, _, n2) in itertools.pairwise(spans):
            assert n1 == n2 or s2 >= e1 - dt.timedelta(days=31), (code, office, n1, n2)


def test_an_office_has_one_spelling() -> None:
    """Titles find their holder by the office's exact name, so no office may also be written in another case
    ("ambassador to the un" rows were found by no title)."""
    spellings: dict[str, set[str]] = defaultdict(set)
    for _, _, _, office, _, _ in _roles():
        spellings[office.lower()].add(office)
    assert [sorted(s) for s in spellings.values() if len(s) > 1] == []


def test_no_row_is_written_twice() -> None:
    """No two rows of the base, in one file or two, give the same person, code, office and start."""
    keys = [(norm(name), code, office, start) for name, code, _, office, start, _ in _roles()]
    twice = [k for k, n in Counter(keys).items() if n > 1]
    assert not twice, twice[:5]


def test_a_person_holds_one_office_once_at_a_time() -> None:
    """Two rows of one person for the same office of one state do not overlap (a near-duplicate row)."""
    spans: dict[tuple[str, str, str], list[tuple[dt.date, dt.date]]] = defaultdict(list)
    for name, code, _, office, start, end in _roles():
        spans[(norm(name), code, office)].append((start, end or dt.date.max))
    for key, rows in spans.items():
        rows.sort()
        for (_, e1), (s2, _) in itertools.pairwise(rows):
            assert s2 >= e1 - dt.timedelta(days=31), key


def test_rows_of_one_person_merge_with_their_aliases() -> None:
    people: dict[str, KBPerson] = {}
    parse_kb("# header\nAna Perez\tPER\tGOV\tpresident\t2001-07\t2006\nAna Pérez\tOAS\tGOV\tsecretary general"
             "\t2010\t\tAna P. Perez\n", "t.tsv", norm, people)
    person = people["ana perez"]
    assert person.roles == [("PER", "GOV", "president", "2001-07", "2006"), ("OAS", "GOV", "secretary general",
                                                                            "2010", "")]
    assert person.aliases == ["Ana P. Perez"]


@pytest.mark.parametrize("line", ["Ana Perez\tPER\tGOV\tpresident\t2001", "\tPER\tGOV\tpresident\t2001\t",
                                  "Ana Perez\t\tGOV\tpresident\t2001\t"])
def test_a_malformed_row_is_a_coded_data_error(line: str) -> None:
    with pytest.raises(DataError) as err:
        parse_kb(line + "\n", "kb_roles_x.tsv", norm, {})
    assert err.value.code == "E011" and "kb_roles_x.tsv line 1" in str(err.value)


def test_dates_of_year_month_and_day_precision() -> None:
    assert kb_date("2004") == dt.date(2004, 1, 1)
    assert kb_date("2004-07") == dt.date(2004, 7, 1)
    assert kb_date("2004-07-12") == dt.date(2004, 7, 12)


@pytest.mark.parametrize(("text", "date", "code", "sector"), [
    ("Tarja Halonen", "2005-06-01", "FIN", "GOV"),
    ("Tarja Halonen", "2015-06-01", "FIN", "ELI"),
    ("Toomas Hendrik Ilves", "2010-01-01", "EST", "GOV"),
    ("Jaap de Hoop Scheffer", "2006-01-01", "NATO", "GOV"),
    ("Ken McCallum", "2022-01-01", "GBR", "SPY"),
    ("Moshe Yaalon", "2014-06-01", "ISR", "GOV"),  # one person under two spellings, once ELI here
    ("Qamar Javed Bajwa", "2019-01-01", "PAK", "MIL"),
    ("Maleeha Lodhi", "2017-01-01", "PAK", "DIP"),
    ("Ed Miliband", "2013-01-01", "GBR", "OPP"),
    ("Dennis Hastert", "2004-01-01", "USA", "LEG"),
])
def test_people_only_the_knowledge_base_knows(text: str, date: str, code: str, sector: str) -> None:
    actor = resolve_actor(text, date=date)
    assert actor is not None and (actor.code, actor.sector, actor.kind) == (code, sector, "person")


@pytest.mark.parametrize(("text", "date", "name"), [
    ("the Finnish president", "2005-06-01", "Tarja Halonen"),
    ("the Finnish president", "2020-06-01", "Sauli Niinisto"),
    ("Kenya's president", "2010-01-01", "Mwai Kibaki"),
    ("Morocco's ambassador to the UN", "2020-01-01", "Omar Hilale"),
    ("the Kazakh prime minister", "2023-01-01", "Alikhan Smailov"),
    ("the Australian governor-general", "2002-06-01", "Peter Hollingworth"),
    ("Canada's governor general", "2023-01-01", "Mary Simon"),
    ("the Grand Duke of Luxembourg", "2010-01-01", "Henri, Grand Duke of Luxembourg"),
])
def test_a_title_finds_the_knowledge_base_office_holder(text: str, date: str, name: str) -> None:
    actor = resolve_actor(text, date=date)
    assert actor is not None and actor.name == name


def test_a_person_in_both_files_has_both_sets_of_roles() -> None:
    rutte = next(p for p in gazetteer().persons if p.name == "Mark Rutte")
    assert {r.office for r in rutte.roles} >= {"prime minister", "secretary general"}
    assert sum(1 for p in gazetteer().persons if p.name == "Mark Rutte") == 1
