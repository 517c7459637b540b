"""Roles in a whole document: two stages, run after the disaster filter in every extractor.

``events.counterpart.v1``: in a document about two states, a directed act of one of them with no recipient is
done to the other. ``events.document_parties.v1`` (:func:`has_parties`): after that, in a whole document, an
event names its actor, and a directed act of one actor its recipient, or it is dropped.

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
COOPERATE are often reciprocal (CODING.md §2). So are requests: an appeal goes to allies, the UN or "the
international community" more often than to the adversary (training documents 0.677 with REQUEST among the
types, 0.684 without; validation 0.397 both ways). Attacks are left to ``propositions.parties.v1``: an attack whose
sentence names no target is dropped, and giving it the other side kept more wrong attacks than right ones on the
training documents (proposition F1 0.659 with ASSAULT among the types, 0.662 without).

Measured on the default pipeline (proposition F1, before -> after): training documents (team articles A and B,
the 15 official training releases; where the rule was designed) 0.654 -> 0.662; validation documents (`l.val`
and the team articles C-E) 0.373 -> 0.385 (with REQUEST among the types, as first shipped). News lines and the PLOVER GSR sentences are shorter than a document
and never changed (docs/extractor.md, "Who the act is done to, read from the report").

**Parties in a document.** In a report a coder can almost always name who acted, and whom a request, a
rejection, an arrest or a delivery of aid is for (CODING.md §3), so an event the extractors leave without them
is a reading that missed them, and it matches no coded proposition. In an article of at least
:data:`~.extractor.DOCUMENT_SENTENCES` sentences an event that is not denied is dropped when it names no actor
(an attack excepted: its attacker may be unknown, and the loss figures of its sentence are kept only beside a
political event), or when it is an act of :data:`RECIPIENT_TYPES` with one actor and no recipient (after the
counterpart rule has given the recipients it can), unless merging will join it to an event that names them. The same rule on news lines was measured before (docs/extractor.md: it raised the
validation lines but lowered PLOVER GSR dev type accuracy from 0.553 to 0.460, whose sentences name actors the
knowledge base does not know), so it is kept to documents, which the GSR and the lines never are. Training
documents 0.662 -> 0.674, validation documents 0.385 -> 0.397; claims F1 0.822 -> 0.819 and 0.755 unchanged;
loss claims unchanged. Keeping the events merging joins to a full one changed no proposition F1 and raised the
training documents' verdict accuracy from 0.829 to 0.834 (an alleged shipment and its denial stay one disputed
proposition); leaving REQUEST out of the types gave 0.689 and 0.393 (kept in: chosen on validation). Dropping actorless attacks too gave 0.676 and 0.401 but lost a sixth of the loss claims
(loss F1 0.743 -> 0.667, 0.648 -> 0.545), so attacks are exempt.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence

from ..model import ActorMention
from ..pipeline.state import EventMention, State
from .extractor import DOCUMENT_SENTENCES
from .merge import compatible

__all__ = ["DIRECTED_TYPES", "MIN_MENTIONS", "NAME", "PARTIES", "RECIPIENT_TYPES", "annotate", "annotate_parties",
           "fill_recipients", "has_parties", "leading_pair"]

NAME = "events.counterpart.v1"
PARTIES = "events.document_parties.v1"
#: Acts done to someone: in a document, one of these with one actor and no recipient is dropped.
RECIPIENT_TYPES = frozenset({"AID", "COERCE", "CONCEDE", "PROTEST", "REJECT", "REQUEST"})
#: Types whose recipient, when the sentence names none, is the other side of a two-state report.
DIRECTED_TYPES = frozenset({"ACCUSE", "COERCE", "MOBILIZE", "PROTEST", "REJECT", "SANCTION", "THREATEN"})
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


def has_parties(event: EventMention) -> bool:
    """Whether an event of a whole document names its parties: an actor (an attack may have an unnamed one:
    "gunmen killed four villagers"), and a recipient for a one-actor act of :data:`RECIPIENT_TYPES`; a denied
    event is always kept (the record keeps who denies what)."""
    if event.status == "denied":
        return True
    if not event.actor:
        return event.type == "ASSAULT"
    return not (event.type in RECIPIENT_TYPES and len(set(event.actor)) == 1 and not event.recipient)


def _whole(state: State) -> bool:
    return sum(1 for _ in state.doc.sents) >= DOCUMENT_SENTENCES


def annotate(state: State) -> None:
    """Pipeline stage ``events.counterpart.v1`` (see the module's docstring)."""
    pair = leading_pair(state.mentions) if _whole(state) else None
    if pair is not None:
        state.events = fill_recipients(state.events, pair)


def annotate_parties(state: State) -> None:
    """Pipeline stage ``events.document_parties.v1``: in a whole document, the events that name their parties
    (:func:`has_parties`), and those that merging will join to one that does (:func:`~.merge.compatible`: "is
    believed to have shipped shells" is a claim about the shipment the next sentence denies by name)."""
    if not _whole(state):
        return
    full = [e for e in state.events if has_parties(e)]
    state.events = [e for e in state.events if has_parties(e) or any(compatible(e, f) for f in full)]
