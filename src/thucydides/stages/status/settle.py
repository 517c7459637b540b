"""The status stage ``status.rules.v1``: settle every unsettled event.

Candidates are settled group by group (a group is one sentence of rule triggers, or one learned event), in
order, as the rules were written: an event inside the complement of an absorbing trigger or named only as
background is dropped; the source the attribution stage found fills in a missing actor and may retype an
announced act; :func:`~.judge.status_of` gives the status; an event that names no participant is dropped;
the kept ones get their place and date.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ...model import ActorMention
from ...pipeline.state import DateMention, EventMention, Source, State
from ...plover import quad_of
from ..events import finish
from ..events.roles import MentionIndex
from .judgement import judge, status_of

if TYPE_CHECKING:
    from ...nlp.types import Doc, Token

__all__ = ["annotate", "settle_events"]


def _fill_actor(ev: EventMention, source: Source | None) -> None:
    """A missing actor comes from the source: a direct quote, an accusation, a nominal verbal act."""
    if source is not None and not ev.actor and quad_of(ev.type) in (1, 3) and source.by and \
            source.quote == "direct":
        ev.actor = source.by  # "We will not accept this," Pashinyan said
    if ev.extras.get("accusation"):  # only a speaker can accuse through "X lied" or "X was aware"
        speaker = source.by if source is not None else ()
        ev.actor, ev.recipient = speaker, tuple(c for c in ev.actor if c not in speaker) if speaker else ()
    if ev.extras["nominal"] and not ev.actor and source is not None and source.by and \
            quad_of(ev.type) == 3 and ev.type != "REQUEST":
        ev.actor = source.by


def _claim(ev: EventMention, tok: Token, source: Source | None) -> Source | None:
    """Set the event's status, claimant, outlet, speaker and quote; return the source that stands."""
    status, confidence = status_of(tok.doc, tok.i, source, actor=ev.actor, event_type=ev.type)
    if ev.extras.get("dismissal"):
        status, source = "asserted", None  # the text reports the dismissal itself
    if ev.type == "REJECT" and status == "denied" and not any(c.dep_ == "neg" for c in tok.children):
        status = "asserted"  # "X rejected Y's protest" is the rejection itself, not a denial of it
    if status != "denied" and (finish.speech_act(ev, source) or ev.extras.get("intent")):
        status = "asserted"
        ev.by = ()
    elif source is not None:
        ev.by = source.by
        if status == "alleged" and ev.actor and set(ev.actor) <= set(source.by):
            status = "asserted"  # an actor speaking of its own act
    ev.status, ev.confidence = status, min(ev.confidence, confidence) if confidence else ev.confidence
    if source is not None:
        ev.via, ev.speaker, ev.quote = source.via, source.speaker, source.quote
    return source


def _settle_one(ev: EventMention, group: Sequence[EventMention], tok: Token, index: MentionIndex,
                dates: Sequence[DateMention]) -> bool:
    """Settle one candidate (its trigger ``tok``) against the others of its group; whether it is kept."""
    if finish.absorbed(ev, group):
        return False
    finish.protest_to(ev, tok, index)
    finish.strip_disinformation_source(ev, group)
    if ev.extras["nominal"] and not ev.actor and ev.type not in ("REQUEST", "SANCTION") and finish.background(tok):
        return False
    _fill_actor(ev, ev.source)
    if judge(tok.doc, tok.i, ev.source, actor=ev.actor, event_type=ev.type).reason == "negated_policy":
        return False  # "will not withdraw from the deal": a statement of policy, no claim about an event
    finish.retype(ev, tok, ev.source)
    finish.refine_mode(ev, tok)
    source = _claim(ev, tok, ev.source)
    if not finish.keep(ev):
        return False
    taken = {t.i for t in tok.subtree if index.codes_at(t.i) and t.ent_type_ not in finish.LOCATION_LABELS}
    ev.location = finish.location(tok, taken)
    finish.complete_roles(ev, tok, index)
    finish.attach_date(ev, tok, dates, source.cue_i if source is not None else None)
    return True


def _groups(events: Sequence[EventMention]) -> list[list[EventMention]]:
    groups: list[list[EventMention]] = []
    for ev in events:
        if groups and groups[-1][0].group == ev.group:
            groups[-1].append(ev)
        else:
            groups.append([ev])
    return groups


def settle_events(doc: Doc, events: Sequence[EventMention], mentions: Sequence[ActorMention],
                  dates: Sequence[DateMention] = ()) -> list[EventMention]:
    """The kept events of the unsettled ``events`` (attributed by the attribution stage), settled."""
    index = MentionIndex(doc, mentions)
    kept: list[EventMention] = []
    for group in _groups(events):
        for ev in group:
            if _settle_one(ev, group, doc[ev.trigger], index, dates):
                ev.settled = True
                kept.append(ev)
    return kept


def annotate(state: State) -> None:
    """Pipeline stage ``status.rules.v1``: settles the unsettled events; events settled before stay."""
    done = [ev for ev in state.events if ev.settled]
    new = settle_events(state.doc, [ev for ev in state.events if not ev.settled], state.mentions, state.dates)
    finish.share_interview_dates(new)
    state.events = done + new
