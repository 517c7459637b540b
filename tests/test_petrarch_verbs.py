"""The PETRARCH-style verb dictionary reader, on an invented dictionary, and its events stage on invented sentences."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from thucydides.errors import InputError
from thucydides.evaluation.petrarch import DictionaryActorStage, predicted_triples
from thucydides.evaluation.petrarch_dict import ActorDictionary, parse_actors, parse_agents
from thucydides.evaluation.petrarch_verbs import (
    DEFAULT_PREPS,
    VerbEventStage,
    build_lexicon,
    dyads_only,
    load_verb_lexicon,
    parse_verbs,
    plover_type,
    spacy_lemma,
)
from thucydides.model import Article
from thucydides.stages.events.lexicon import Lexicon

VERBS = """<!-- INVENTED TEST VERBS -->
&BONDS
+TRADE
+ARMS_CONTROL

&WIDE_
+&BONDS
+FERRY

--- MEND  [064] ---
MEND  {MENDS MENDED}  # a comment
REPAIR [063]
+PATCH_UP {+PATCHED_UP}
HALF_+FIX
- * &WIDE LINKS  [071]
- * TIES  [902]
- * NEW TIES  [903]
- * BRIDGES WITH +  [065]
- * FENCES   [---]
- SAID *  [011]
- + WAS * BY $  [012]
- * OUT  [034]

--- CONFER  [031:031] ---
CONFER
- % *  [030:030]

--- SCOLD  [121] ---
SCOLDED
- * AT ^ +  [125]

--- LOITER  [---] ---
LOITER
- * ON_STREETS  [181]

--- GRUMBLE  [131] # NOUN ---
GRUMBLE

--- GO  [081] ---
GO

--- WENT  [032] ---
WENT
"""


def lemma(word: str) -> str:
    return {"mends": "mend", "mended": "mend", "scolded": "scold", "went": "go"}.get(word, word)


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return build_lexicon(parse_verbs(VERBS.splitlines()), lemma)


def test_verbs_forms_and_own_codes(lex: Lexicon) -> None:
    assert lex.verbs["mend"].cameo == "064" and lex.verbs["mend"].type == "COOPERATE"
    assert lex.verbs["repair"].cameo == "063"  # a verb line's own code beats the block's
    assert lex.verbs["scold"].cameo == "121" and lex.verbs["scold"].type == "REJECT"
    assert "loiter" not in lex.verbs  # a null code codes nothing on its own
    assert "fix" not in lex.verbs and "half" not in lex.verbs  # words before the verb are not expressible
    assert not lex.special_rules and not lex.nouns
    assert lex.verbs["grumble"].cameo == "131"  # a header with a comment inside still opens a block
    assert lex.verbs["go"].cameo == "032"  # a written-out form (WENT) beats the block of its lemma (GO)


def test_paired_codes_are_reciprocal(lex: Lexicon) -> None:
    assert lex.verbs["confer"].reciprocal and lex.verbs["confer"].cameo == "031"
    assert not lex.verbs["mend"].reciprocal


def test_multi_word_verbs_become_particle_verbs(lex: Lexicon) -> None:
    assert lex.particle_verbs[("patch", "up")].cameo == "064"
    assert lex.particle_verbs[("patched", "up")].cameo == "064"  # forms are lemmatized by the caller's function
    assert lex.particle_verbs[("mend", "out")].cameo == "034"


def test_object_patterns_with_synsets_and_precedence(lex: Lexicon) -> None:
    frames = lex.object_frames["mend"]
    assert frames["links"].cameo == "071"  # nested synsets expanded, the head noun is the key
    assert frames["ties"].cameo == "902"  # the shorter pattern wins over "* NEW TIES"
    assert "fences" not in frames  # null-coded patterns are skipped
    assert frames["bridges"].preps == ("with",) and not frames["bridges"].obj_recipient
    assert frames["ties"].preps == DEFAULT_PREPS and frames["ties"].obj_recipient
    assert lex.particle_verbs[("loiter", "on")].cameo == "181"  # "ON_STREETS": a leading preposition wins


def test_skipped_patterns_and_targets_after_particles(lex: Lexicon) -> None:
    assert not any(t.cameo in ("011", "012") for t in lex.verbs.values())  # "SAID *", "+ WAS * BY $"
    assert lex.particle_verbs[("scold", "at")].preps == ("at",)  # "* AT ^ +": the target follows AT
    assert lex.verbs["confer"].cameo == "031"  # "% *" adds nothing beyond the block's own code


def test_plover_types_for_nonstandard_roots() -> None:
    assert plover_type("190") == "ASSAULT" and plover_type("1717") == "COERCE"
    assert plover_type("903") == "SUPPORT" and plover_type("345") == "SUPPORT"


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        load_verb_lexicon(tmp_path / "nope.txt")
    assert err.value.code == "E002"
    (tmp_path / "v.txt").write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(InputError):
        load_verb_lexicon(tmp_path / "v.txt")


def test_loads_from_a_file(tmp_path: Path) -> None:
    (tmp_path / "v.txt").write_text(VERBS, encoding="utf-8")
    lexicon = load_verb_lexicon(tmp_path / "v.txt")
    assert lexicon.verbs["mend"].cameo == "064" and "scolded" in lexicon.verbs  # no lemmatizer: words kept


def test_require_dyad() -> None:
    triples = [("AAA", "BBB", "041"), ("AAA", "---", "023"), ("---", "BBB", "120"), ("---GOV", "BBB", "041")]
    assert dyads_only({"config": {}}, triples) == [("AAA", "BBB", "041"), ("---GOV", "BBB", "041")]
    assert dyads_only({"config": {"require_dyad": "FALSE"}}, triples) == triples


Run = Callable[[str], list[tuple[str, str, str]]]
ACTORS = "VELDORIA [VLD]\nNORTH_KESTRA [NKS]\nOSTRIA [OST]\n"
AGENTS = "MINISTER [~GOV]\n"


@pytest.fixture(scope="module")
def run() -> Run:
    from thucydides.nlp.parse import load_nlp
    from thucydides.pipeline.registry import pipeline_for
    from thucydides.pipeline.run import extract_article
    from thucydides.pipeline.state import Stage

    nlp = load_nlp()
    lexicon = build_lexicon(parse_verbs(VERBS.splitlines()), spacy_lemma(nlp))
    actors = DictionaryActorStage(ActorDictionary(parse_actors(ACTORS), parse_agents(AGENTS)), nlp.tokenizer)
    events = VerbEventStage(lexicon)
    stages = pipeline_for("rules").replace(
        "actors.gazetteer.v1", Stage(actors.name, actors, ("doc",), ("mentions",))).replace(
        "events.rules.v1", Stage(events.name, events, ("doc", "mentions"), ("events",))).without(
        "events.model.v1", "losses.rules.v1")

    def triples(text: str) -> list[tuple[str, str, str]]:
        doc = extract_article(Article(text=text, published=dt.date(2024, 5, 2), id="t"), stages=stages)
        return sorted(predicted_triples(doc))
    return triples


def test_stage_codes_with_the_dictionary(run: Run) -> None:
    assert ("VLD", "NKS", "064") in run("Veldoria mended its relationship with North Kestra on Tuesday.")
    assert ("OST", "VLD", "121") in run("Ostria scolded Veldoria over the border incident.")
    assert ("NKS", "VLD", "902") in run("North Kestra will mend ties with Veldoria next month.")


def test_stage_ignores_verbs_outside_the_dictionary(run: Run) -> None:
    assert run("Veldoria attacked North Kestra on Monday.") == []


def test_reciprocal_codes_both_directions(run: Run) -> None:
    got = run("Ostria and Veldoria conferred in the capital on Friday.")
    assert ("OST", "VLD", "031") in got and ("VLD", "OST", "031") in got
