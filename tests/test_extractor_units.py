"""The learned extractor's parts on hand-built inputs: units, labels, heads and decoding (no model needed)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from thucydides.extractor.decode import Thresholds, decode
from thucydides.extractor.heads import Heads
from thucydides.extractor.labels import mode_index, target_of
from thucydides.extractor.runtime import EventOutput, UnitOutput
from thucydides.extractor.units import N_FEATURES, Candidate, Unit, candidates_in, units_of
from thucydides.model import Actor, ActorMention, Provenance
from thucydides.plover import EVENT_TYPES, MODES


def _mention(text: str, code: str, start: int) -> ActorMention:
    return ActorMention(Actor(code), text, Provenance("d", start, start + len(text), "test", "0"))


TEXT = "Vietnamese police detained two Chinese fishermen. Hanoi said the boat had entered its waters."


def _mentions() -> list[ActorMention]:
    return [_mention("Vietnamese police", "VNM", 0), _mention("Vietnamese", "VNM", 0),
            _mention("Chinese fishermen", "CHN", 31), _mention("Hanoi", "VNM", 51)]


def test_candidates_are_distinct_codes_with_relative_spans() -> None:
    cands = candidates_in(0, 50, _mentions())
    assert [c.code for c in cands] == ["VNM", "CHN"]
    assert cands[0].spans == ((0, 17), (0, 10))
    later = candidates_in(51, len(TEXT), _mentions())
    assert later == (Candidate("VNM", ((0, 5),)),)


def test_units_follow_sentences_and_skip_blank_ones() -> None:
    units = units_of("d", TEXT + "\n\n", [(0, 50), (50, len(TEXT)), (len(TEXT), len(TEXT) + 2)], _mentions())
    assert [u.text for u in units] == [TEXT[:49], TEXT[50:]]
    assert units[1].start == 50 and units[1].codes == ("VNM",)


def _gold(optional: bool = False, status: str = "asserted") -> dict[str, object]:
    return {"type": "COERCE", "mode": "arrest", "actor": ["VNM"], "recipient": ["CHN"], "optional": optional,
            "claims": [{"status": status, "by": ["VNM"], "evidence": "police detained two Chinese fishermen"}]}


def test_targets_mark_type_roles_status_and_mode() -> None:
    unit = units_of("d", TEXT, [(0, 50), (50, len(TEXT))], _mentions())[0]
    target = target_of(unit, TEXT, [_gold(status="alleged")])
    t = EVENT_TYPES.index("COERCE")
    assert target.types[t] == 1 and sum(target.types) == 1
    ev = target.events[t]
    assert ev.roles == [[1, 0, 1], [0, 1, 0]]  # VNM actor + claimant, CHN recipient
    assert ev.status == 1  # alleged
    assert MODES[ev.mode] == ("COERCE", "arrest")


def test_optional_types_are_not_scored_and_other_sentences_stay_negative() -> None:
    first, second = units_of("d", TEXT, [(0, 50), (50, len(TEXT))], _mentions())
    t = EVENT_TYPES.index("COERCE")
    assert target_of(first, TEXT, [_gold(optional=True)]).types[t] == -1
    assert target_of(second, TEXT, [_gold()]).types == [0] * len(EVENT_TYPES)


def test_mode_index_knows_no_mode_and_unknown_modes() -> None:
    assert mode_index("ASSAULT", None) == len(MODES)
    assert mode_index("ASSAULT", "no-such-mode") == -1
    assert MODES[mode_index("CONSULT", "visit")] == ("CONSULT", "visit")


def _heads(seed: int = 0) -> Heads:
    rng = np.random.default_rng(seed)
    h, d, k, n = 8, 4, 6, len(EVENT_TYPES)
    shapes = {"type_w": (h, n), "type_b": (n,), "type_emb": (n, d), "type_focus": (n, h), "query_w": (d, h), "query_b": (h,),
              "status_w1": (2 * h + d, k), "status_b1": (k,), "status_w2": (k, 4), "status_b2": (4,),
              "mode_w1": (h + d, k), "mode_b1": (k,), "mode_w2": (k, len(MODES) + 1), "mode_b2": (len(MODES) + 1,),
              "role_w1": (3 * h + d + N_FEATURES, k), "role_b1": (k,), "role_w2": (k, 3), "role_b2": (3,)}
    return Heads({name: rng.normal(size=shape).astype(np.float32) for name, shape in shapes.items()})


def test_heads_shapes_and_probabilities() -> None:
    heads = _heads()
    hidden = np.random.default_rng(1).normal(size=(5, 8)).astype(np.float32)
    mask = np.array([1, 1, 1, 1, 0], dtype=np.float32)
    pooled = Heads.pool(hidden, mask)
    assert np.allclose(pooled, hidden[:4].mean(axis=0), atol=1e-6)
    probs = heads.types(hidden, mask)
    assert probs.shape == (len(EVENT_TYPES),) and ((0 <= probs) & (probs <= 1)).all()
    focus, weights = heads.focus(hidden, mask, 3)
    assert weights[4] == pytest.approx(0.0) and weights.sum() == pytest.approx(1.0, abs=1e-5)
    assert heads.status(focus, pooled, 3).sum() == pytest.approx(1.0, abs=1e-5)
    cands = Heads.pool(hidden, np.array([[1, 1, 0, 0, 0], [0, 0, 0, 1, 0]], dtype=np.float32))
    feats = np.zeros((2, N_FEATURES), dtype=np.float32)
    assert heads.roles(cands, focus, 3, feats).shape == (2, 3)
    assert heads.roles(np.zeros((0, 8), np.float32), focus, 3, feats[:0]).shape == (0, 3)


def test_mode_is_one_of_the_types_modes_or_none() -> None:
    heads, focus = _heads(), np.ones(8, dtype=np.float32)
    for t, name in enumerate(EVENT_TYPES):
        mode = heads.mode(focus, t, name)
        assert mode is None or (name, mode) in MODES


def _output(p_type: float, roles: list[list[float]], status: tuple[float, float, float, float]) -> UnitOutput:
    unit = Unit("d", 100, "Kenya accused Somalia of meddling.",
                (Candidate("KEN", ((0, 5),)), Candidate("SOM", ((14, 21),))))
    ev = EventOutput("ACCUSE", p_type, status, "allege", np.array(roles, dtype=np.float32), (6, 13))
    return UnitOutput(unit, tuple([0.0] * len(EVENT_TYPES)), (ev,))


def test_decode_applies_thresholds_and_offsets() -> None:
    out = _output(0.8, [[0.9, 0.1, 0.2], [0.2, 0.7, 0.1]], (0.1, 0.7, 0.1, 0.1))
    (d,) = decode(out, Thresholds())
    assert (d.type, d.actor, d.recipient, d.status, d.by) == ("ACCUSE", ("KEN",), ("SOM",), "alleged", ())
    assert d.focus == (106, 113)
    assert decode(out, Thresholds(type=0.9)) == []
    assert decode(out, Thresholds(per_type={"ACCUSE": 0.85})) == []
    (low,) = decode(out, Thresholds(recipient=0.8))
    assert low.recipient == ()


def test_an_event_with_no_party_is_dropped() -> None:
    nobody = _output(0.8, [[0.1, 0.1, 0.2], [0.2, 0.3, 0.1]], (0.7, 0.1, 0.1, 0.1))
    assert decode(nobody, Thresholds()) == []
    (recipient_only,) = decode(_output(0.8, [[0.1, 0.1, 0.2], [0.2, 0.6, 0.1]], (0.7, 0.1, 0.1, 0.1)),
                               Thresholds())
    assert (recipient_only.actor, recipient_only.recipient) == ((), ("SOM",))


def test_thresholds_round_trip() -> None:
    th = Thresholds(0.4, 0.3, 0.6, 0.5, {"ASSAULT": 0.35})
    assert Thresholds.from_dict(th.to_dict()) == th
    assert Thresholds.from_dict(None) == Thresholds()


def test_candidates_carry_syntactic_cues_of_their_mentions() -> None:
    from thucydides.extractor.units import DEPS, PREPS
    from thucydides.nlp.parse import parse

    text = "Two Malian soldiers were killed by gunmen in Niger."
    doc = parse(text)
    mentions = [_mention("Malian soldiers", "MLI", 4), _mention("Niger", "NER", 45)]
    mli, ner = candidates_in(0, len(text), mentions, doc)
    assert mli.features[DEPS.index("nsubjpass")] == 1.0
    assert ner.features[len(DEPS) + 1 + PREPS.index("in")] == 1.0
    assert candidates_in(0, len(text), mentions)[0].features == (0.0,) * N_FEATURES


def _ev(type_: str, actor: tuple[str, ...], recipient: tuple[str, ...], sent: int, extractor: str) -> Any:
    from thucydides.pipeline.state import EventMention

    return EventMention(type_, None, 0, actor, recipient, sent, sent + 10, (sent, sent + 10), extractor)


def test_combine_keeps_rule_events_the_model_did_not_find() -> None:
    from thucydides.stages.extractor import combine

    model = [_ev("ASSAULT", ("RUS",), ("UKR",), 0, "m")]
    rules = [_ev("ASSAULT", ("RUS",), ("UKR",), 0, "r"), _ev("ACCUSE", ("UKR",), ("RUS",), 0, "r"),
             _ev("SANCTION", ("USA",), ("RUS",), 40, "r")]
    assert [e.type for e in combine(rules, model, "all")] == ["ASSAULT", "ACCUSE", "SANCTION"]
    assert combine(rules, model, "all")[0].extractor == "m"
    assert [e.type for e in combine(rules, model, "uncovered")] == ["ASSAULT", "SANCTION"]
    assert combine(rules, model, "none") == model


@pytest.mark.parametrize(("model", "rule", "expected"), [
    # a directed act whose two parties the model made actors takes the rule's split
    (("REQUEST", ("RUS", "CHN"), ()), ("REQUEST", ("RUS",), ("CHN",)), (("RUS",), ("CHN",))),
    (("THREATEN", ("PRK", "KOR"), ()), ("THREATEN", ("PRK",), ("KOR",)), (("PRK",), ("KOR",))),
    # a reciprocal type keeps both sides as actors
    (("CONSULT", ("FRA", "DEU"), ()), ("CONSULT", ("FRA",), ("DEU",)), (("FRA", "DEU"), ())),
    # the rule names other codes, or another type: the model's roles stay
    (("REQUEST", ("SRB", "HUN"), ()), ("REQUEST", ("SRB",), ("EU",)), (("SRB", "HUN"), ())),
    (("REQUEST", ("SRB", "HUN"), ()), ("ACCUSE", ("SRB",), ("HUN",)), (("SRB", "HUN"), ())),
    # the model gave a recipient: nothing to split
    (("AID", ("USA", "GBR"), ("UKR",)), ("AID", ("USA",), ("GBR", "UKR")), (("USA", "GBR"), ("UKR",))),
])
def test_a_model_event_with_every_party_as_actor_takes_the_matching_rule_events_split(
        model: tuple[str, tuple[str, ...], tuple[str, ...]], rule: tuple[str, tuple[str, ...], tuple[str, ...]],
        expected: tuple[tuple[str, ...], tuple[str, ...]]) -> None:
    from thucydides.stages.extractor import combine

    [kept] = combine([_ev(*rule, 0, "r")], [_ev(*model, 0, "m")], "uncovered")
    assert (kept.actor, kept.recipient, kept.extractor) == (*expected, "m")
    assert combine([_ev(*rule, 0, "r")], [_ev(*model, 0, "m")], "none")[0].actor == model[1]


def test_the_default_pipeline_keeps_who_asks_whom_apart() -> None:
    import thucydides

    for text, actor, recipient in [
            ("Russia asked China for military aid, US officials said.", ("RUS",), ("CHN",)),
            ("Serbia asked Hungary for gas supplies, officials said.", ("SRB",), ("HUN",))]:
        [p] = thucydides.extract(text, published="2022-03-15").propositions
        assert (p.type, p.actor, p.recipient) == ("REQUEST", actor, recipient)


@pytest.mark.parametrize(("sentences", "support", "kept"), [
    (1, 0.0, ["ASSAULT", "SANCTION"]), (4, 0.0, ["ASSAULT", "SANCTION"]),   # short: every uncovered rule event
    (5, 0.0, ["ASSAULT"]), (9, 0.04, ["ASSAULT"]),                        # a document: the model must support it
    (5, 0.05, ["ASSAULT", "SANCTION"]), (9, 0.3, ["ASSAULT", "SANCTION"])])
def test_a_whole_document_keeps_only_the_rule_events_the_model_supports(
        monkeypatch: pytest.MonkeyPatch, sentences: int, support: float, kept: list[str]) -> None:
    import thucydides.stages.extractor as stage
    from thucydides.model import Article
    from thucydides.nlp.parse import parse
    from thucydides.pipeline.state import State
    from thucydides.plover import EVENT_TYPES

    text = " ".join(f"Officials in town number {i} met on Monday." for i in range(sentences))
    state = State(Article(text, id="a"), parse(text))
    starts = [s.start_char for s in state.doc.sents]
    assert len(starts) == sentences
    at = starts[-1]
    state.events = [_ev("SANCTION", ("USA",), ("RUS",), at, "r")]  # a rule event where the model has none
    probs = tuple(support if t == "SANCTION" else 0.0 for t in EVENT_TYPES)
    monkeypatch.setattr(stage, "learned_outputs", lambda *a, **k: (
        [_ev("ASSAULT", ("RUS",), ("UKR",), 10**6, "m")], {s: probs for s in starts}))
    stage.annotate_hybrid(state)
    assert sorted(e.type for e in state.events) == kept


def test_combine_with_support_keeps_rule_events_of_sentences_the_model_did_not_read() -> None:
    from thucydides.stages.extractor import combine

    rules = [_ev("SANCTION", ("USA",), ("RUS",), 40, "r")]
    assert combine(rules, [], "uncovered", {0: (0.0,) * 16}, 0.05) == rules


def test_the_models_support_is_keyed_by_the_sentences_the_rule_events_name() -> None:
    from thucydides.model import Article
    from thucydides.nlp.parse import parse
    from thucydides.pipeline.state import State
    from thucydides.stages import builtin
    from thucydides.stages.extractor import learned_outputs

    text = ("Talks resumed in Geneva on Monday. Armenia accused Azerbaijan of shelling a village. "
            "The Armenian side said two soldiers were wounded. Baku denied the report. "
            "Russia called on both sides to respect the truce. France offered to host a meeting.")
    state = State(Article(text, id="s"), parse(text))
    rules = [s for s in builtin.rule_stages() if s.name.startswith(("actors.", "dates.", "places.", "events.rules",
                                                                   "attribution.", "status."))]
    for stage in rules:
        stage.func(state)
    assert state.events, "the rules find events in this article"
    _, support = learned_outputs(state.doc, "s", state.mentions, state.dates, None, places=state.places)
    assert {e.sentence[0] for e in state.events} <= set(support)
    assert all(len(p) == 16 for p in support.values())


def test_the_model_reads_only_sentences_with_a_candidate_or_a_rule_event() -> None:
    from thucydides.extractor.units import Candidate, Unit
    from thucydides.stages.extractor import read_by_model

    named = Unit("d", 0, "Chile recalled its envoy.", (Candidate("CHL", ((0, 5),)),))
    bare = Unit("d", 26, "The talks went on for hours.", ())
    ruled = Unit("d", 55, "It was a bad week.", ())
    assert read_by_model([named, bare, ruled]) == [named]
    assert read_by_model([named, bare, ruled], {55}) == [named, ruled]


def test_skipping_sentences_without_candidates_changes_no_output(monkeypatch: pytest.MonkeyPatch) -> None:
    from thucydides.extractor.runtime import get_extractor
    from thucydides.model import Article
    from thucydides.nlp.parse import parse
    from thucydides.pipeline.state import State
    from thucydides.stages import builtin
    from thucydides.stages.extractor import learned_outputs

    text = ("The meeting lasted three hours. Peru expelled two Bolivian diplomats on Friday. "
            "Nobody was hurt. Lima said the envoys had spied on its navy. It rained all day.")
    state = State(Article(text, id="k"), parse(text))
    for stage in builtin.rule_stages():
        if stage.name.startswith(("actors.", "dates.", "places.")):
            stage.func(state)
    model = get_extractor()
    read: list[str] = []
    real = model.predict
    monkeypatch.setattr(model, "predict", lambda units, *a: (read.extend(u.text for u in units), real(units))[1])
    found, support = learned_outputs(state.doc, "k", state.mentions, state.dates, None, places=state.places)
    assert "Nobody was hurt." not in read and "It rained all day." not in read
    everything = {s.start_char for s in state.doc.sents}
    found_all, support_all = learned_outputs(state.doc, "k", state.mentions, state.dates, None,
                                             places=state.places, wanted=everything)
    assert found == found_all and found
    assert {k: v for k, v in support_all.items() if k in support} == support


def _place(text: str, sentence: str, country: str, kind: str = "city", resolved: bool = True) -> Any:
    from thucydides.places.types import Place, PlaceMention

    start = sentence.index(text)
    place = Place(f"gn:{len(text)}", text, kind, country, "", "", 0.0, 0.0, 0, None) if resolved else None
    return PlaceMention(text, start, start + len(text), place, "" if resolved else "not in gazetteer")


def test_a_resolved_place_no_actor_names_is_a_candidate_for_its_state() -> None:
    from thucydides.extractor.units import place_candidates

    s = "Gunmen stormed a police post outside Beledweyne while Kenya's envoy watched from Nairobi."
    places = [_place("Beledweyne", s, "SOM"), _place("Nairobi", s, "KEN"), _place("Kenya", s, "KEN", "country"),
              _place("Atlantis", s.replace("Nairobi", "Atlantis"), "", resolved=False)]
    actors = [_mention("Kenya", "KEN", s.index("Kenya")), _mention("Nairobi", "KEN", s.index("Nairobi"))]
    found = place_candidates(places, actors)
    assert [(m.actor.code, m.text, m.start) for m in found] == [("SOM", "Beledweyne", s.index("Beledweyne"))]
    units = units_of("d", s, [(0, len(s))], actors, None, False, places)
    assert units[0].codes == ("SOM", "KEN")
    assert units_of("d", s, [(0, len(s))], actors)[0].codes == ("KEN",)


def test_a_place_without_a_state_gives_no_candidate() -> None:
    from thucydides.extractor.units import place_candidates

    s = "A cargo ship sank in the Black Sea off Africa."
    places = [_place("Black Sea", s, ""), _place("Africa", s, "", "continent")]
    assert place_candidates(places, []) == []
