"""The attribution stage ``attribution.rules.v1``: the :class:`~thucydides.pipeline.state.Source` of every
unsettled event — the innermost attribution whose content holds the trigger (:func:`attribute`), else the
subject of a denial whose object is a claim noun ("X rejected claims that Y bombed Z")."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ...model import ActorMention
from ...nlp.words import CLAIM_NOUNS, DENIAL_VERBS
from ...pipeline.state import EventMention, Source, State
from ..events import roles
from ..events.roles import MentionIndex
from . import attribute

if TYPE_CHECKING:
    from ...nlp.types import Doc, Token

__all__ = ["annotate", "attribute_events", "claim_denier"]



def claim_denier(tok: Token, index: MentionIndex) -> Source | None:
    """"X rejected claims that Y bombed Z": X denies the bombing (the content of the rejected claims)."""
    for anc in tok.ancestors:
        if anc.lemma_.lower() in CLAIM_NOUNS and anc.head.lemma_.lower() in DENIAL_VERBS:
            verb = anc.head
            subj = next((c for c in verb.children if c.dep_ in roles.SUBJ), None)
            by = roles.codes_of(subj, index, agentive=True) if subj is not None else ()
            span = (subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge)) if subj is not None else None
            text = tok.doc.text[span[0]:span[1]] if span else None
            return Source(by=by, via=None, speaker=text, speaker_span=span, cue=verb.text, cue_i=verb.i,
                          quote=None, stance="deny", anonymous=False)
    return None


def attribute_events(doc: Doc, events: Sequence[EventMention], mentions: Sequence[ActorMention]) -> None:
    """Set ``source`` on every unsettled event of ``events``."""
    index = MentionIndex(doc, mentions)
    for ev in events:
        if not ev.settled:
            ev.source = attribute(doc, ev.trigger, mentions) or claim_denier(doc[ev.trigger], index)


def annotate(state: State) -> None:
    """Pipeline stage ``attribution.rules.v1``: fills ``source`` on the unsettled events."""
    attribute_events(state.doc, state.events, state.mentions)
