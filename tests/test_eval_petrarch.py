"""The PETRARCH-style dictionaries and the dictionary actor stage, on an invented dictionary and sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from thucydides.evaluation.petrarch import DictionaryActorStage, predicted_triples
from thucydides.evaluation.petrarch_dict import ActorDictionary, parse_actors, parse_agents
from thucydides.model import Article, Document, Proposition, Provenance
from thucydides.pipeline.state import Annotated

ACTORS = """<!-- TEST DICTIONARY
# a multi-line header comment -->
VELDORIA [VLD]
+VELDORIAN
NORTH_KESTRA  [NKS] # trailing comment
OLD_KING_BRAN
\t[KST <900101]
\t[KSTGOV 19900101 - 19991231]
\t[KSTREB >991231]
TWIN_CITIES [AAA/BBB]
"""

AGENTS = """!PERSON! = MAN, WOMAN
SENATOR [~LEG]
SECRET_POLICE {} [~SPY]
RELIEF_AGENCY [NGO~]
FISHER!PERSON! {FISHERFOLK} [~FSH]
"""


def test_actor_entries_synonyms_dates_and_comments() -> None:
    table = parse_actors(ACTORS)
    assert table[("veldorian",)] == table[("veldoria",)]
    assert [c.code for c in table[("north", "kestra")]] == ["NKS"]
    d = ActorDictionary(table, {})
    assert d.code_for(("old", "king", "bran"), dt.date(1985, 3, 1)) == "KST"
    assert d.code_for(("old", "king", "bran"), dt.date(1995, 3, 1)) == "KSTGOV"
    assert d.code_for(("old", "king", "bran"), dt.date(2004, 3, 1)) == "KSTREB"
    assert not any("header" in " ".join(k) for k in table)


def test_agent_plurals_macros_and_prefix_codes() -> None:
    table = parse_agents(AGENTS)
    assert table[("senators",)] == "~LEG"
    assert ("secret", "polices") not in table and table[("secret", "police")] == "~SPY"
    assert table[("fisherwoman",)] == "~FSH" and table[("fisherfolk",)] == "~FSH"
    assert table[("relief", "agency")] == "NGO~" and table[("relief", "agencies")] == "NGO~"


@pytest.fixture(scope="module")
def stage() -> DictionaryActorStage:
    from thucydides.nlp.parse import load_nlp

    return DictionaryActorStage(ActorDictionary(parse_actors(ACTORS), parse_agents(AGENTS)), load_nlp().tokenizer)


def mentions(stage: DictionaryActorStage, text: str, day: dt.date | None = None) -> list[tuple[str, str]]:
    from thucydides.nlp.parse import parse

    state = Annotated(Article(text=text, published=day), parse(text))
    stage(state)
    return [(m.text, m.actor.code) for m in state.mentions]


def test_stage_joins_agents_with_neighbouring_countries(stage: DictionaryActorStage) -> None:
    found = mentions(stage, "Veldorian senators met the secret police of North Kestra on Monday.")
    assert found == [("Veldorian senators", "VLDLEG"), ("secret police of North Kestra", "NKSSPY")]
    assert mentions(stage, "The relief agency Veldoria sent food.")[0][1] == "NGOVLD"
    assert mentions(stage, "Senators protested in the capital.") == [("Senators", "---LEG")]


def test_stage_distributes_agents_over_coordinated_countries(stage: DictionaryActorStage) -> None:
    found = mentions(stage, "Senators and fisherfolk from Veldoria and North Kestra met on Monday.")
    assert [code for _, code in found] == ["VLDLEG", "NKSLEG", "VLDFSH", "NKSFSH"]
    assert len({text for text, _ in found}) == 1


def test_stage_does_not_double_an_agent_the_actor_code_already_has() -> None:
    from thucydides.nlp.parse import load_nlp

    dictionary = ActorDictionary(parse_actors("CAPITOL_HILL [VLDLEG]\nVELDORIA [VLD]\n"), parse_agents(AGENTS))
    assert mentions(DictionaryActorStage(dictionary, load_nlp().tokenizer),
                    "Capitol Hill senators spoke.") == [("Capitol Hill senators", "VLDLEG")]


def test_stage_uses_the_publication_date_and_expands_joint_codes(stage: DictionaryActorStage) -> None:
    assert mentions(stage, "Old King Bran visited the Twin Cities.", dt.date(1996, 5, 5)) == [
        ("Old King Bran", "KSTGOV"), ("Twin Cities", "AAA"), ("Twin Cities", "BBB")]


def test_predicted_triples_expand_compounds_and_reciprocals() -> None:
    prov = Provenance("d", 0, 3, "x", "0")
    doc = Document(Article(text="x"), (
        Proposition("CONSULT", ("AAA", "BBB"), (), cameo="040", provenance=prov, reciprocal=True),
        Proposition("ASSAULT", ("CCC",), ("DDD", "EEE"), cameo="190", provenance=prov),
        Proposition("ACCUSE", (), (), cameo="112", provenance=prov),
        Proposition("SUPPORT", ("FFF", "GGG"), (), cameo="051", provenance=prov)))  # compound, not reciprocal
    assert predicted_triples(doc) == [("AAA", "BBB", "040"), ("BBB", "AAA", "040"), ("CCC", "DDD", "190"),
                                      ("CCC", "EEE", "190"), ("---", "---", "112"), ("FFF", "---", "051"),
                                      ("GGG", "---", "051")]
