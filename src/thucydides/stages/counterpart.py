"""The stage ``events.counterpart.v1``: in a document about two states, a directed act of one of them with no
recipient is done to the other.

CODING.md §3 codes the recipient an event states *or lets a reader infer*, and leaves it empty only when there is
neither. In a whole report about two states (a border standoff, a war, a dispute), the sentence that carries an
act often names only its doer: "The ministry said it had scrambled fighter jets in response", "Guyana will not
cede a single square mile of its territory", "Rwanda will take all necessary measures to defend its borders".
A coder reads the recipient from the report: the other state of the two it is about. The extractors choose roles
among the sentence's own candidates, so they leave it empty.

The rule: in an article of at least :data:`~.extractor.DOCUMENT_SENTENCES` sentences whose actor mentions name
two states clearly more than any other (:func:`leading_pair`), an event of a directed type of conflict or demand
(:data:`DIRECTED_TYPES`) whose one actor is one of the two and that has no recipient takes the other as its
recipient. Events of cooperation are left alone: who receives a promise or a visit is less often the other side
of the story (a pledge of aid goes to a third state as often as to the other side), and AGREE, CONSULT and
COOPERATE are often reciprocal (CODING.md §2). Attacks are left to ``propositions.parties.v1``: an attack whose
sentence names no target is dropped, and giving it the other side kept more wrong attacks than right ones on the
training documents (proposition F1 0.659 with ASSAULT among the types, 0.662 without).

Measured on the default pipeline (proposition F1, before -> after): training documents (team articles A and B,
the 15 official training releases; where the rule was designed) 0.654 -> 0.662; validation documents (`l.val`
and the team articles C-E) 0.373 -> 0.385. News lines and the PLOVER GSR sentences are shorter than a document
and never changed (docs/extractor.md, "Who the act is done to, read from the report").
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence

from ..model import ActorMention
from ..pipeline.state import EventMention, State
from .extractor import DOCUMENT_SENTENCES

__all__ = ["DIRECTED_TYPES", "MIN_MENTIONS", "NAME", "annotate", "fill_recipients", "leading_pair"]

NAME = "events.counterpart.v1"
#: Types whose recipient, when the sentence names none, is the other side of a two-state report.
DIRECTED_TYPES = frozenset({"ACCUSE", "COERCE", "MOBILIZE", "PROTEST", "REJECT", "REQUEST", "SANCTION", "THREATEN"})
#: The second of the two states must be named at least this often.
MIN_MENTIONS = 2


def _state_code(mention: ActorMention) -> str | None:
    code = mention.actor.code
    if mention.actor.kind in ("igo", "separatist") or len(code) != 3 or not code.isupper():
        return None
    return code


def leading_pair(mentions: Sequence[ActorMention]) -> tuple[str, str] | None:
    """The two states the actor ``mentions`` name most (people and bodies of a state name it), when the second
    is named at least :data:`MIN_MENTIONS` times and more often than any third; else None."""
    counts = Counter(code for code in map(_state_code, mentions) if code)
    top = counts.most_common(3)
    if len(top) < 2 or top[1][1] < MIN_MENTIONS or (len(top) == 3 and top[2][1] == top[1][1]):
        return None
    return top[0][0], top[1][0]


def fill_recipients(events: Sequence[EventMention], pair: tuple[str, str]) -> list[EventMention]:
    """``events`` with the other state of ``pair`` as the recipient of each directed act of one of the pair that
    names no recipient (:data:`DIRECTED_TYPES`)."""
    out: list[EventMention] = []
    for event in events:
        actors = set(event.actor)
        if event.type in DIRECTED_TYPES and not event.recipient and len(actors) == 1 and actors <= set(pair):
            other = pair[1] if event.actor[0] == pair[0] else pair[0]
            event = dataclasses.replace(event, recipient=(other,), extras={**event.extras, "counterpart": True})
        out.append(event)
    return out


def annotate(state: State) -> None:
    """Pipeline stage ``events.counterpart.v1`` (see the module's docstring)."""
    if sum(1 for _ in state.doc.sents) < DOCUMENT_SENTENCES:
        return
    pair = leading_pair(state.mentions)
    if pair is not None:
        state.events = fill_recipients(state.events, pair)
