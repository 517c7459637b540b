"""Dataset loaders and scorers on small files written here, with fake library functions where needed."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from thucydides.errors import InputError
from thucydides.evaluation import actor_resolution, factuality, hedge, polnear
from thucydides.evaluation.io import read_conll, read_jsonl
from thucydides.evaluation.plover_gsr import main_proposition, normalise_code
from thucydides.model import Actor, Article, Document, Proposition, Provenance


def figs(result: Any) -> dict[str, float]:
    return {k.split("/", 1)[1]: v for k, v in result.figures().items()}


def test_read_jsonl_plain_gzipped_and_malformed(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"x": 1}\n\n{"x": 2}\n', encoding="utf-8")
    with gzip.open(tmp_path / "b.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write('{"x": 3}\n')
    assert [r["x"] for r in read_jsonl(tmp_path / "a.jsonl")] == [1, 2]
    assert read_jsonl(tmp_path / "a.jsonl", limit=1) == [{"x": 1}]
    assert read_jsonl(tmp_path / "b.jsonl.gz") == [{"x": 3}]
    (tmp_path / "c.jsonl").write_text('{"x": 1}\n[1, 2\n', encoding="utf-8")
    with pytest.raises(InputError, match="c.jsonl line 2") as err:
        read_jsonl(tmp_path / "c.jsonl")
    assert err.value.code == "E007"
    with pytest.raises(InputError) as err:
        read_jsonl(tmp_path / "missing.jsonl")
    assert err.value.code == "E002"


def test_plover_code_normalisation() -> None:
    assert [normalise_code(c) for c in ("NATO", "UN", "IGOEEU", "JAP", "USAGOV", "rus")] == [
        "IGO", "IGO", "IGO", "JPN", "USA", "RUS"]


def test_main_proposition_is_the_root_most_trigger() -> None:
    from thucydides.nlp.parse import parse

    text = "Officials in Quito said that Peru threatened to close the border."
    doc = parse(text)
    said, threatened = text.index("said"), text.index("threatened")
    props = tuple(Proposition(t, ("ECU",), (), provenance=Provenance("d", s, s + len(w), "x", "0"))
                  for t, s, w in (("THREATEN", threatened, "threatened"), ("ACCUSE", said, "said")))
    assert main_proposition(Document(Article(text=text), props), doc).type == "ACCUSE"
    assert main_proposition(Document(Article(text=text), ()), doc) is None


def test_actor_resolution_checks() -> None:
    exp = {"country": {"op": "Eq", "value": "ARM"}, "code_1": {"op": "Eq", "value": "GOV"}, "wiki": {}}
    assert actor_resolution.case_checks(exp, Actor("ARM", "GOV")) == {
        "country": True, "sector": True, "both": True, "country_wiki_cases": True}
    assert actor_resolution.case_checks(exp, None)["country"] is False
    assert actor_resolution.case_checks({"country": {"op": "NotEq", "value": "GBR"}}, Actor("USA")) == {
        "country": True}
    assert actor_resolution.case_checks({"code": {"op": "Is", "value": None}}, None) == {"no_match": True}
    assert actor_resolution.case_checks({"code_1": {"op": "Eq", "value": ""}}, Actor("FRA")) == {"sector": True}
    assert actor_resolution.case_checks({"code_1": {"op": "Eq", "value": ""}}, None) == {"sector": True}


def test_actor_codes_are_put_into_ngec_conventions() -> None:
    from thucydides import resolve_actor

    conv = [(actor_resolution.ngec_country(a), actor_resolution.ngec_sector(a)) for a in (
        resolve_actor("the Luhansk People's Republic"), resolve_actor("the United Nations"),
        resolve_actor("the European Union"), resolve_actor("the African Union"), None)]
    assert conv == [("UKR", "PRE"), ("UNO", ""), ("EUR", ""), ("IGO", ""), ("", "JNK")]


def test_a_person_of_an_igo_counts_as_that_igo() -> None:
    conv = [actor_resolution.ngec_country(Actor(code, "GOV", "X", "person")) for code in ("UN", "WHO", "EU", "NATO",
                                                                                        "FRA", "ISIS")]
    assert conv == ["UNO", "UNO", "EUR", "IGO", "FRA", ""]


def test_the_officials_lists_are_scored_like_the_ngec_cases(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[str, Any]] = []

    def fake(text: str, context: str | None = None, date: Any = None) -> Actor | None:
        seen.append((text, date))
        return None

    monkeypatch.setattr(actor_resolution, "library_function", lambda m, n: fake)
    sizes = {"actor_officials": 200, "actor_officials_b": 200, "actor_officials_c": 200, "actor_officials_d": 214,
             "actor_officials_e": 200, "actor_officials_f": 200}
    lists: dict[str, str | tuple[str, ...]] = {name: name + ".jsonl" for name in sizes}
    sizes["actor_officials_g"], lists["actor_officials_g"] = 343, actor_resolution.REGION_LISTS
    for name, size in sizes.items():
        dataset = actor_resolution.ActorOfficials(name, lists[name])
        assert dataset.available(Path("/nonexistent"))
        f = figs(dataset.evaluate(Path("/nonexistent")))
        assert f["country/n"] == size and f["sector/n"] == size and f["country/accuracy"] == 0.0
    assert all(date for _, date in seen) and len({text for text, _ in seen}) == sum(sizes.values())


def test_actor_resolution_dataset_keeps_known_failures_apart(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [
        {"method": "agent_to_code", "inputs": {"text": "Kenyan police", "query_date": "2020-02-01"},
         "expected": {"country": {"op": "Eq", "value": "KEN"}, "code_1": {"op": "Eq", "value": "COP"}}, "marks": []},
        {"method": "agent_to_code", "inputs": {"text": "Ghanaian army"},
         "expected": {"country": {"op": "Eq", "value": "GHA"}}, "marks": []},
        {"method": "agent_to_code", "inputs": {"text": "Some Obscure Person"},
         "expected": {"country": {"op": "Eq", "value": "PER"}}, "marks": ["xfail(reason='hard')"]},
        {"method": "query_wiki", "inputs": {"text": "Lima"}, "expected": {"title": {"op": "Eq", "value": "Lima"}}}]
    (tmp_path / "actor_resolution_dev.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    table = {"Kenyan police": Actor("KEN", "COP"), "Ghanaian army": Actor("GHA", "MIL")}
    seen: list[Any] = []

    def fake(text: str, context: str | None = None, date: Any = None) -> Actor | None:
        seen.append(date)
        return table.get(text)

    monkeypatch.setattr(actor_resolution, "library_function", lambda m, n: fake)
    f = figs(actor_resolution.ActorResolution().evaluate(tmp_path))
    assert f["country/accuracy"] == 1.0 and f["country/n"] == 2 and f["sector/accuracy"] == 1.0
    assert f["known_failures:country/accuracy"] == 0.0
    assert seen[:2] == ["2020-02-01", None]


def test_polnear_spans_and_matching() -> None:
    text = 'The mayor said, "We will rebuild." Critics, however, doubt it.'
    rec = {"annotations": [
        {"primary": False, "attributions": []},
        {"primary": True, "attributions": [
            {"source": [{"spans": [[0, 9]]}], "cue": [{"spans": [[10, 14]]}]},
            {"source": [{"spans": [[35, 42]]}], "cue": [{"spans": [[52, 57]]}]},
            {"source": [], "cue": [{"spans": [[10, 14]]}]}]}]}
    assert polnear.gold_spans(rec, "source") == [(0, 9), (35, 42)]
    assert polnear.match_spans(text, [(0, 9), (35, 42)], [(4, 9), (35, 43)], exact=True) == (1, 1, 1)
    assert polnear.match_spans(text, [(0, 9), (35, 42)], [(4, 9), (35, 43)], exact=False) == (2, 0, 0)
    assert polnear.as_span((3, 5)) == (3, 5) and polnear.as_span(None) is None

    class Obj:
        start_char, end_char = 1, 4

    assert polnear.as_span(Obj()) == (1, 4)


def test_factuality_dataset_over_given_tokens(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    conll = ("0\tRebels\t_\n1\tseized\t3.0\n2\tthe\t_\n3\ttown\t_\n\n"
             "0\tThey\t_\n1\tmay\t_\n2\tleave\t0.5\n\n0\tNo\t_\n1\tone\t_\n2\tdied\t-3.0\n")
    folder = tmp_path / "factuality" / "uw"
    folder.mkdir(parents=True)
    (folder / "dev.conll").write_text(conll, encoding="utf-8")
    sents = read_conll(folder / "dev.conll")
    assert factuality.gold_events(sents[1]) == (["They", "may", "leave"], [(2, 0.5)])
    calls: list[str] = []

    def fake(doc: Any, i: int) -> float:
        calls.append(doc[i].text)
        return {"seized": 2.5, "leave": 0.0, "died": -2.0}[doc[i].text]

    monkeypatch.setattr(factuality, "library_function", lambda m, n: fake)
    ds = factuality.FactualityDev("uwtest", "factuality/uw/dev.conll", "test")
    f = figs(ds.evaluate(tmp_path))
    assert calls == ["seized", "leave", "died"]
    assert f["strength/mae"] == pytest.approx((0.5 + 0.5 + 1.0) / 3)
    assert f["strength/bin_accuracy"] == 1.0 and f["strength/pearson_r"] > 0.9


def test_hedge_dataset_scores_the_uncertain_class(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "hedge_conll2010_wiki"
    folder.mkdir()
    rows = '"-1","Some critics say the bridge may collapse."\n"1","The bridge opened in 1931."\n' \
           '"-1","It is widely believed to be haunted."\n"1","It may rain, the forecast says."\n'
    (folder / "uncertainty-conll2010-wiki-3000.csv").write_text(rows, encoding="utf-8")
    monkeypatch.setattr(hedge, "library_function", lambda m, n: lambda doc: "may" in doc.text)
    f = figs(hedge.HedgeWiki().evaluate(tmp_path))
    assert (f["uncertain/precision"], f["uncertain/recall"], f["uncertain/accuracy"]) == (0.5, 0.5, 0.5)
    (folder / "uncertainty-conll2010-wiki-3000.csv").write_text('"yes","A sentence."\n', encoding="utf-8")
    with pytest.raises(InputError) as err:
        hedge.HedgeWiki().evaluate(tmp_path)
    assert err.value.code == "E007"


def test_repository_floors_file_names_registered_datasets() -> None:
    from thucydides.evaluation import get_datasets, load_floors

    floors = load_floors(Path(__file__).resolve().parent.parent / "eval_floors.json")
    names = set(get_datasets())
    keys = [*floors["floors"], *floors["ceilings"]]
    assert keys and all(k.split("/")[0] in names and k.count("/") == 2 for k in keys)


@pytest.mark.shared
def test_every_builtin_dataset_loads_the_shared_files(shared_dir: Path) -> None:
    from thucydides.evaluation import run_evaluation

    names = ["gold", "plover_gsr_dev", "petrarch2_unittest", "actor_resolution_dev", "polnear_dev",
             "factuality_uw_dev", "factuality_meantime_dev", "hedge_conll2010_wiki"]
    report = run_evaluation(shared_dir / "eval", names, limit=3)
    assert [r.dataset for r in report.results] == names, report.skipped
    assert all(s.n > 0 for r in report.results for s in r.scores[:1])
