"""One home for each word list (nlp/words.py), and what merging the duplicated lists changed."""

from __future__ import annotations

import thucydides
from thucydides.nlp import words
from thucydides.stages.attribution import lexicon as attribution_lexicon
from thucydides.stages.losses import context as loss_context
from thucydides.stages.status import judgement as judge


def test_the_stages_read_the_shared_lists() -> None:
    assert attribution_lexicon.CLAIM_NOUNS is words.CLAIM_NOUNS
    assert attribution_lexicon.DENY_CUES is words.DENIAL_VERBS
    assert attribution_lexicon.SPEECH_VERBS is words.SPEECH_VERBS
    assert judge.MODALS is words.MODALS and judge.HEDGE_ADVERBS is words.HEDGE_ADVERBS
    assert loss_context.SPEECH == words.SPEECH_VERBS | words.FIGURE_VERBS
    assert loss_context.HEDGES == words.HEDGE_ADVERBS | words.FIGURE_HEDGES


def test_modal_families_partition_the_modals() -> None:
    families = (words.FUTURE_AUXILIARIES, words.POSSIBILITY_MODALS, words.DEONTIC_MODALS)
    assert not any(a & b for i, a in enumerate(families) for b in families[i + 1:])
    assert words.MODALS - frozenset().union(*families) == {"ca"}


def _claims(text: str) -> list[tuple[str, tuple[str, ...], str, list[tuple[str, tuple[str, ...]]]]]:
    doc = thucydides.extract(text, published="2022-03-15", extractor="rules")
    return [(p.type, p.actor, p.verdict, [(c.status, c.by) for c in p.claims]) for p in doc.propositions]


def test_rejecting_statements_denies_their_content_like_rejecting_claims() -> None:
    statements = _claims("Moscow rejected the statements that Russian troops had shelled the hospital in Kharkiv.")
    claims = _claims("Moscow rejected the claims that Russian troops had shelled the hospital in Kharkiv.")
    assert statements == claims
    assert [t for t, *_ in statements] == ["ASSAULT"]
    assert statements[0][3] == [("denied", ("RUS",))]


def test_repudiating_reports_names_the_denier() -> None:
    found = _claims("The Kremlin repudiated the reports that Russia had attacked the convoy near Bucha.")
    assert [(t, verdict, claims) for t, _, verdict, claims in found] == [("ASSAULT", "denied", [("denied", ("RUS",))])]


def test_a_loss_in_an_accusation_is_alleged_by_the_accuser() -> None:
    doc = thucydides.extract("Kyiv accuses Moscow of killing 40 civilians in Bucha.", published="2022-04-03")
    assert [(c.status, c.by) for c in doc.loss_claims] == [("alleged", ("UKR",))]
