"""Context candidates: codes named just before a sentence (or in the lead) that the sentence itself does not
name, appended after the sentence for the encoder; on hand-built mentions, no model needed."""

from __future__ import annotations

from thucydides.extractor.encode import encode_units
from thucydides.extractor.labels import target_of
from thucydides.extractor.units import CONTEXT_SEP, MAX_CONTEXT, N_FEATURES, units_of
from thucydides.model import Actor, ActorMention, Provenance
from thucydides.plover import EVENT_TYPES

TEXT = ("KINSHASA, May 4 - Rwandan troops crossed into North Kivu, Congolese officials said. "
        "The army said it had repelled them. "
        "Angola offered to host talks.")


def _mention(words: str, code: str, nth: int = 0) -> ActorMention:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(words, start + 1)
    return ActorMention(Actor(code), words, Provenance("d", start, start + len(words), "test", "0"))


def _sentences() -> list[tuple[int, int]]:
    a = TEXT.index("The army")
    b = TEXT.index("Angola")
    return [(0, a), (a, b), (b, len(TEXT))]


def _mentions() -> list[ActorMention]:
    return [_mention("KINSHASA", "COD"), _mention("Rwandan troops", "RWA"), _mention("North Kivu", "COD"),
            _mention("Congolese officials", "COD"), _mention("Angola", "AGO")]


def test_without_context_units_are_as_before() -> None:
    units = units_of("d", TEXT, _sentences(), _mentions())
    assert all(u.context == "" and u.input_text == u.text for u in units)
    assert units[1].codes == ()


def test_a_sentence_naming_nobody_gets_the_codes_just_before_it() -> None:
    unit = units_of("d", TEXT, _sentences(), _mentions(), context=True)[1]
    assert unit.codes == ("RWA", "COD")
    assert unit.input_text.startswith(unit.text + CONTEXT_SEP)
    names = [unit.input_text[lo:hi] for c in unit.candidates for lo, hi in c.spans]
    assert names == ["Rwandan troops", "Congolese officials"]  # each code by its longest mention
    assert all(sum(c.features) == 0.0 and len(c.features) == N_FEATURES for c in unit.candidates)


def test_own_codes_come_first_and_are_not_repeated() -> None:
    unit = units_of("d", TEXT, _sentences(), _mentions(), context=True)[2]
    assert unit.codes[0] == "AGO" and sorted(unit.codes[1:]) == ["COD", "RWA"]
    assert unit.candidates[0].spans == ((0, 6),)
    assert units_of("d", TEXT, _sentences(), _mentions(), context=True)[0].context == ""


def test_context_is_capped() -> None:
    parts = ["AAA met BBB.", "CCC met DDD.", "EEE met FFF.", "They left."]
    text = " ".join(parts)
    starts = [text.index(p) for p in parts]
    sentences = [(lo, lo + len(p)) for lo, p in zip(starts, parts, strict=True)]
    mentions = [ActorMention(Actor(c), c, Provenance("d", text.index(c), text.index(c) + 3, "t", "0"))
                for c in ("AAA", "BBB", "CCC", "DDD", "EEE", "FFF")]
    last = units_of("d", text, sentences, mentions, context=True)[-1]
    assert len(last.codes) == MAX_CONTEXT
    assert last.codes == ("FFF", "EEE", "DDD", "CCC")  # the nearest sentence first, last-named first


def test_gold_roles_reach_context_candidates() -> None:
    unit = units_of("d", TEXT, _sentences(), _mentions(), context=True)[1]
    gold = {"type": "ASSAULT", "mode": None, "actor": ["COD"], "recipient": ["RWA"], "optional": False,
            "claims": [{"status": "asserted", "by": ["COD"], "evidence": "The army said it had repelled them"}]}
    target = target_of(unit, TEXT, [gold])
    assert target.events[EVENT_TYPES.index("ASSAULT")].roles == [[0, 1, 0], [1, 0, 1]]


def test_the_sentence_mask_leaves_the_context_out() -> None:
    plain, ctx = (units_of("d", TEXT, _sentences(), _mentions(), context=c)[1] for c in (False, True))
    batch = encode_units([plain, ctx])
    assert (batch.smask[0] == batch.mask[0]).all()
    n_plain = int(batch.mask[0].sum())
    assert int(batch.smask[1].sum()) == n_plain  # the same pieces: [CLS], the sentence, the last [SEP]
    assert int(batch.mask[1].sum()) > n_plain
    for k in range(2):  # each context candidate covers pieces outside the sentence mask only
        covered = batch.cand_masks[1][k] > 0
        assert covered.any() and not (batch.smask[1][covered] > 0).any()
