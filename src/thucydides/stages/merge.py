"""Stage 7: merging. Event mentions about the same proposition within an article become one
:class:`~thucydides.model.Proposition` carrying several claims, and so a verdict.

Two mentions are about the same proposition when they have the same PLOVER type, their actor sets and their
recipient sets are each compatible (they intersect, or one side does not say), at least one of the two sides
actually overlaps, and their dates and places do not conflict (two stated places are two events). "Russia
asked China for aid" and "they received no request" (recipient only) are then one proposition, alleged by one
source and denied by another: disputed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .._version import __version__
from ..errors import InvalidValue
from ..model import Claim, Proposition, Provenance
from ..nlp.words import FACTIVE_CUES
from ..pipeline.state import EventMention, State
from ..plover import cameo_code, plover_score

__all__ = ["annotate", "compatible", "merge_events", "one_side", "voiced"]


def _fits(a: Sequence[str], b: Sequence[str]) -> bool:
    """One side does not say, or one set contains the other (a meeting of A and B is not one of A and C)."""
    return not a or not b or set(a) <= set(b) or set(b) <= set(a)


def _overlaps(a: Sequence[str], b: Sequence[str]) -> bool:
    return bool(set(a) & set(b))


#: ``date_precision`` of a date the text does not state: the publication day, taken as the event's day
#: (CODING.md §7). It never keeps two mentions apart and yields to a stated date.
PUBLISHED = "published"


def _stated(ev: EventMention) -> str | None:
    return ev.date if ev.date_precision != PUBLISHED else None


def _elsewhere(a: EventMention, b: EventMention) -> bool:
    """Both mentions name where they happened, and not the same place: two events ("a strike on Sumy" and "a
    strike on Kharkiv" are two propositions of one dyad)."""
    return bool(a.location and b.location and a.location.casefold() != b.location.casefold())


def compatible(a: EventMention, b: EventMention) -> bool:
    """Whether two event mentions can be claims about one proposition (stated dates and places must not
    conflict)."""
    if a.type != b.type or (_stated(a) and _stated(b) and _stated(a) != _stated(b)) or _elsewhere(a, b):
        return False
    if not (_fits(a.actor, b.actor) and _fits(a.recipient, b.recipient)):
        return False
    if _overlaps(a.actor, b.actor) or _overlaps(a.recipient, b.recipient):
        return True
    return bool(a.extras.get("nominal") and b.extras.get("nominal") and
                a.extras.get("lemma") == b.extras.get("lemma"))  # "the invasion" ... "the Russian invasion"


@dataclass
class _Group:
    """Compatible mentions so far, with their summary (the union of their roles) kept up to date, so a new
    mention is compared with the group in time independent of its size."""

    events: list[EventMention] = field(default_factory=list)
    _actor: dict[str, None] = field(default_factory=dict)
    _recipients: dict[str, None] = field(default_factory=dict)
    _date: str | None = None
    _location: str | None = None
    _cached: EventMention | None = None

    def __post_init__(self) -> None:
        events, self.events = self.events, []
        for ev in events:
            self.add(ev)

    def add(self, ev: EventMention) -> None:
        """Add one mention to the group."""
        self.events.append(ev)
        self._actor.update(dict.fromkeys(ev.actor))
        self._recipients.update(dict.fromkeys(ev.recipient))
        self._date = self._date or _stated(ev)
        self._location = self._location or ev.location
        self._cached = None

    @property
    def actor(self) -> tuple[str, ...]:
        return tuple(self._actor)

    @property
    def recipient(self) -> tuple[str, ...]:
        """Every mention's recipients, including actor codes (CODING.md §3: a state acting on its own people
        or territory is its own recipient)."""
        return tuple(self._recipients)

    def accepts(self, ev: EventMention) -> bool:
        return compatible(ev, self._summary())

    def _summary(self) -> EventMention:
        if self._cached is None:
            first = self.events[0]
            self._cached = EventMention(first.type, first.mode, first.trigger, self.actor, self.recipient, 0, 0,
                                        (0, 0), first.extractor, date=self._date, location=self._location,
                                        extras=first.extras)
        return self._cached


def _keys(ev: EventMention) -> list[tuple[str, str, str]]:
    """What a group must share with ``ev`` to accept it: an actor, a recipient, or (both nominal) the lemma."""
    keys = [(ev.type, "actor", c) for c in ev.actor] + [(ev.type, "recipient", c) for c in ev.recipient]
    if ev.extras.get("nominal"):
        keys.append((ev.type, "lemma", str(ev.extras.get("lemma"))))
    return keys


class _Index:
    """The groups by the keys of :func:`_keys` (a superset of those that accept a mention), so merging does
    not compare each mention with every group of the article."""

    def __init__(self) -> None:
        self.groups: list[_Group] = []
        self._by_key: dict[tuple[str, str, str], list[int]] = {}
        self._keys: list[set[tuple[str, str, str]]] = []

    def find(self, ev: EventMention) -> int | None:
        """The number of the first group, in order of creation, that accepts ``ev``."""
        found = sorted({i for key in _keys(ev) for i in self._by_key.get(key, ())})
        return next((i for i in found if self.groups[i].accepts(ev)), None)

    def add(self, ev: EventMention, at: int | None) -> None:
        """Put ``ev`` in group ``at``, or in a new group when it is None; index what it brings (the lemma
        only of a group's first mention, whose ``extras`` the group's summary carries)."""
        keys = _keys(ev)
        if at is None:
            at = len(self.groups)
            self.groups.append(_Group())
            self._keys.append(set())
        elif ev.extras.get("nominal"):
            keys = keys[:-1]
        self.groups[at].add(ev)
        for key in keys:
            if key not in self._keys[at]:
                self._keys[at].add(key)
                self._by_key.setdefault(key, []).append(at)


def merge_events(events: Sequence[EventMention]) -> list[list[EventMention]]:
    """Group event mentions, in document order, into propositions: each joins the first group that accepts
    it (:func:`compatible` with the group's summary), or starts a new one."""
    index = _Index()
    for ev in events:
        index.add(ev, index.find(ev))
    return [g.events for g in index.groups]


#: Word beginnings of the :data:`~thucydides.nlp.words.FACTIVE_CUES` in any inflection ("confirms", "admitted").
_FACTIVE = re.compile(r"\b(?:" + "|".join(sorted(w.rstrip("ey") for w in FACTIVE_CUES)) + r")\w*", re.IGNORECASE)


def voiced(status: str, by: tuple[str, ...], actor: tuple[str, ...], sentence: str = "") -> str:
    """CODING.md §5: a claim is asserted when the text states it in its own voice (no claimant) or an actor
    states its own act; an assertion by a claimant that is none of the proposition's actors ("Israeli forces
    arrested a journalist, the Palestinian syndicate said": asserted by PSE) is an allegation, unless the
    ``sentence`` reports it with a verb that vouches for it ("the IAEA confirms that Russian forces handed over
    the plant"). In the training files 7 of the 292 asserted claims with a claimant have one outside the actors,
    most with "confirms"."""
    if status == "asserted" and by and not set(by) & set(actor) and not _FACTIVE.search(sentence):
        return "alleged"
    return status


def _claim(ev: EventMention, text: str, doc_id: str, actor: tuple[str, ...]) -> Claim:
    prov = Provenance(doc_id, ev.start, ev.end, ev.extractor, __version__)
    sentence = text[ev.sentence[0]:ev.sentence[1]]
    return Claim(status=voiced(ev.status, ev.by, actor, sentence), by=ev.by, via=ev.via, evidence=text[ev.start:ev.end], provenance=prov,
                 speaker=ev.speaker, quote=ev.quote, sentence=text[ev.sentence[0]:ev.sentence[1]].strip(),
                 confidence=ev.confidence)


def _codes(event_type: str, mode: str | None) -> tuple[str | None, str | None, float]:
    try:
        return mode, cameo_code(event_type, mode), plover_score(event_type, mode)
    except InvalidValue:
        return None, cameo_code(event_type), plover_score(event_type)


def one_side(actor: tuple[str, ...], recipient: tuple[str, ...]) -> tuple[str, ...]:
    """Two or more actors of which one is also the recipient are the others acting on it: claims "Russian troops
    fired at the plant" (RUS -> UKR) and "attacks against our forces" read as RUS and UKR acting (UKR -> none)
    are one proposition RUS -> UKR. In the training files 8 of the 205 required propositions with two or more
    actors share one with the recipient; a single actor that is also the recipient stays (a state acting on its
    own people, CODING.md §3)."""
    if len(actor) < 2:
        return actor
    return tuple(c for c in actor if c not in recipient) or actor


def to_proposition(group: Sequence[EventMention], text: str, doc_id: str) -> Proposition:
    """Build one proposition, with one claim per mention, from a group of compatible mentions."""
    first = group[0]
    g = _Group(list(group))
    mode = next((e.mode for e in group if e.mode), None)
    mode, cameo, score = _codes(first.type, mode)
    cameo = next((e.cameo for e in group if e.cameo), None) or cameo  # a dictionary coded in CAMEO wins
    dated = next((e for e in group if _stated(e)), None) or next((e for e in group if e.date), None)
    actor = one_side(g.actor, g.recipient)
    seen: set[tuple[str, tuple[str, ...], str | None, int, int]] = set()
    claims = []
    for ev in group:
        key = (ev.status, ev.by, ev.via, ev.start, ev.end)
        if key not in seen:
            seen.add(key)
            claims.append(_claim(ev, text, doc_id, actor))
    return Proposition(
        type=first.type, actor=actor, recipient=g.recipient, claims=tuple(claims), mode=mode,
        date=dated.date if dated else None, date_precision=dated.date_precision if dated else None,
        location=next((e.location for e in group if e.location), None), cameo=cameo, plover_score=score,
        reciprocal=len(actor) > 1 and not g.recipient and any(e.extras.get("reciprocal") for e in group),
        provenance=Provenance(doc_id, first.start, first.end, first.extractor, __version__))


def annotate(state: State) -> None:
    """Pipeline stage ``merge.claims.v1``: fills ``state.propositions`` from ``state.events``."""
    text, doc_id = state.article.text, state.article.id
    state.propositions = [to_proposition(g, text, doc_id) for g in merge_events(state.events)]
