"""Integrity of the gazetteer data files and the dev-set accuracy floor (on ../shared when present)."""

from __future__ import annotations

import importlib
import importlib.util
import json
from pathlib import Path

import pytest

from thucydides.errors import ThucydidesError
from thucydides.stages.actors import gazetteer
from thucydides.stages.actors.gazetteer import PERSON

REPO = Path(__file__).resolve().parent.parent


def test_every_un_member_and_the_observers_are_states() -> None:
    """193 UN members, the two observers (Palestine, the Holy See) and the disputed Taiwan, Kosovo and
    Western Sahara (the Sahrawi Republic, ``ESH``, as the shared corpus codes the Polisario Front)."""
    states = gazetteer().states
    members = [e for e in states.values() if e.kind == "state"]
    assert len(members) == 193 + 5
    for code in ("TWN", "XKX", "PSE", "VAT", "ESH", "RUS", "UKR", "CHN", "USA", "SSD", "TLS"):
        assert states[code].kind == "state"
    assert all(len(code) == 3 and code.isupper() for code in states)


def test_separatists_have_parents_that_are_states() -> None:
    states = gazetteer().states
    separatists = [e for e in states.values() if e.kind == "separatist"]
    assert {"DPR", "LPR", "PMR", "ABK", "SOS"} <= {e.code for e in separatists}
    assert all(e.parent in states and states[e.parent].kind == "state" for e in separatists)


def test_people_roles_use_known_codes_and_ordered_dates() -> None:
    gaz = gazetteer()
    known = set(gaz.states) | set(gaz.orgs)
    people = [e for e in gaz.persons if e.type == PERSON]
    assert len(people) > 250
    for person in people:
        for role in person.roles:
            assert role.code in known, (person.name, role.code)
            assert role.start is None or role.end is None or role.start < role.end, person.name
            assert role.sector is None or role.sector.isupper()


def test_required_people_are_present() -> None:
    names = {e.name for e in gazetteer().persons}
    for name in ("Vladimir Putin", "Sergei Lavrov", "Sergei Shoigu", "Dmitry Peskov", "Maria Zakharova",
                 "Xi Jinping", "Wang Yi", "Qin Gang", "Li Qiang", "Zhao Lijian", "Wang Wenbin", "Liu Pengyu",
                 "Joe Biden", "Antony Blinken", "Lloyd Austin", "Jake Sullivan", "John Kirby", "Donald Trump",
                 "Marco Rubio", "Pete Hegseth", "Volodymyr Zelensky", "Dmytro Kuleba", "Andrii Sybiha",
                 "Oleksii Reznikov", "Rustem Umerov", "Ali Khamenei", "Benjamin Netanyahu", "Kim Jong Un",
                 "Lai Ching-te", "Alexander Lukashenko"):
        assert name in names, name


def test_every_alias_resolves_to_its_own_entry() -> None:
    gaz = gazetteer()
    assert gaz.max_len >= 5
    assert ("russian", "federation") in gaz.index
    assert all(entries for entries in gaz.index.values())


def _benchmark() -> object:
    spec = importlib.util.spec_from_file_location("arc", REPO / "benchmarks" / "actor_resolution_check.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_dev_set_accuracy_floor(shared_dir: Path, capsys: object) -> None:
    module = _benchmark()
    path = shared_dir / "eval" / "actor_resolution_dev.jsonl"
    assert module.main([str(path)]) == 0  # type: ignore[attr-defined]
    report = json.loads(capsys.readouterr().out)  # type: ignore[attr-defined]
    assert report["country"]["accuracy"] >= 0.90
    assert report["sector"]["accuracy"] >= 0.75


def test_organisation_parents_and_codes_are_known() -> None:
    gaz = gazetteer()
    known = set(gaz.states) | set(gaz.orgs)
    for key, entries in gaz.index.items():
        for e in entries:
            assert e.parent is None or e.parent in known, (key, e.parent)
            assert e.type == "term" or e.code in known, (key, e.code)


def test_broken_data_rows_raise_e011() -> None:
    gz = importlib.import_module("thucydides.stages.actors.gazetteer")

    for bad in ("USA|GOV|president", "USA|GOV|president|2020-13-45|"):
        with pytest.raises(ThucydidesError) as err:
            gz._role(bad, "test row")
        assert err.value.code == "E011"
    with pytest.raises(ThucydidesError) as err:
        list(gz._rows("gazetteer_no_such_file.tsv"))
    assert err.value.code == "E011"


def test_plain_aliases_split_on_spaces_give_spacys_tokens_for_every_alias_of_the_data() -> None:
    """The loader's fast path (``alias_words``) must give the tokenizer's tokens for every alias it is given."""
    module = importlib.import_module("thucydides.stages.actors.gazetteer")
    seen: list[str] = []

    class Recording(module.Gazetteer):  # type: ignore[misc,name-defined]
        def add(self, alias: str, entry: object, tok: object) -> None:
            seen.append(alias.strip())

    gaz, tok = Recording(), module.tokenizer()
    for load in (module._load_states, module._load_places, module._load_orgs, module._load_persons,
                 module._load_terms):
        load(gaz, tok)
    assert len(seen) > 10000
    wrong = [a for a in set(seen) if module.alias_words(a, tok) != [t.text for t in tok(a)]]
    assert wrong == []


def test_a_special_case_of_the_tokenizer_is_not_split_on_spaces() -> None:
    module = importlib.import_module("thucydides.stages.actors.gazetteer")
    tok = module.tokenizer()
    assert module.alias_words("Hes Cannot", tok) == [t.text for t in tok("Hes Cannot")] != ["Hes", "Cannot"]
    assert module.alias_words("Ahmed Attaf", tok) == ["Ahmed", "Attaf"]
    assert module.alias_words("Jean-Claude Gakosso", tok) == ["Jean", "-", "Claude", "Gakosso"]
