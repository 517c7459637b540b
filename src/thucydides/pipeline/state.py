"""The typed working state of one article while it passes through the stages, and the stage record.

This module sits at the bottom of the pipeline: every stage imports it, and it imports no stage. The types
of what the stages hand to each other live here (:class:`DateMention`, :class:`Source`,
:class:`EventMention`), so a stage never imports the stage that produced its input.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import ActorMention, Article, LossClaim, Proposition
from ..places.types import PlaceMention

if TYPE_CHECKING:
    from ..nlp.types import Doc

__all__ = ["FIELDS", "INITIAL_FIELDS", "Annotated", "DateMention", "EventMention", "Source", "Stage", "State"]


@dataclass(frozen=True)
class DateMention:
    """A date expression in an article, resolved against its publication date.

    Attributes:
        start: first character of the expression in the article text.
        end: one past its last character.
        text: the expression as written.
        value: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``.
        precision: ``"day"``, ``"month"`` or ``"year"``.
        root: index of the spaCy token that heads the expression.
    """

    start: int
    end: int
    text: str
    value: str
    precision: str
    root: int


@dataclass(frozen=True)
class Source:
    """Who an event is attributed to, and how.

    Attributes:
        by: claimant codes (``("USA",)``); ``()`` when the text itself states it or there is no code.
        via: outlet or channel (``"The Washington Post"``, ``"CNN"``, ``"state TV"``), or None.
        speaker: text of the source mention, or None.
        speaker_span: character offsets of the speaker mention, or None.
        cue: the reporting verb or phrase (``"stated"``, ``"according to"``), or None.
        cue_i: token index of the cue, or None.
        quote: ``"direct"`` (inside quotation marks), ``"indirect"`` (reported speech) or None.
        stance: ``"assert"``, ``"allege"`` or ``"deny"`` — what the cue itself does.
        anonymous: the source is unnamed ("US officials", "sources familiar with…").
    """

    by: tuple[str, ...]
    via: str | None
    speaker: str | None
    speaker_span: tuple[int, int] | None
    cue: str | None
    cue_i: int | None
    quote: str | None
    stance: str
    anonymous: bool


@dataclass
class EventMention:
    """One detected event trigger with its roles, attribution and status (before merging).

    The event stage fills the trigger, type and roles; the attribution stage ``source``; the status stage
    ``status``, ``by``, ``via``, ``speaker``, ``quote``, the location and the date. ``group`` numbers the
    candidates that are settled together (one sentence of rule triggers, or one learned event).
    """

    type: str
    mode: str | None
    trigger: int
    actor: tuple[str, ...]
    recipient: tuple[str, ...]
    start: int
    end: int
    sentence: tuple[int, int]
    extractor: str
    status: str = "asserted"
    by: tuple[str, ...] = ()
    via: str | None = None
    speaker: str | None = None
    quote: str | None = None
    confidence: float = 0.7
    location: str | None = None
    date: str | None = None
    date_precision: str | None = None
    absorbs: bool = False
    scope: tuple[tuple[int, int], ...] = ()
    extras: dict[str, object] = field(default_factory=dict)
    cameo: str | None = None
    group: int = 0
    source: Source | None = None
    settled: bool = False


@dataclass
class State:
    """The working state of one article while it passes through the stages.

    Attributes:
        article: the input.
        doc: the spaCy ``Doc`` (parsing, before the stages).
        mentions: actor mentions, including resolved pronouns and descriptions (``actors.*``).
        dates: date expressions resolved against the publication date (``dates.*``).
        events: event mentions; the event stages add them, attribution and status fill them (``events.*``).
        propositions: merged propositions with their claims (``merge.*``).
        loss_claims: loss claims (``losses.*``).
        places: place mentions resolved to gazetteer entries with coordinates (``places.*``).
    """

    article: Article
    doc: Doc
    mentions: list[ActorMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    propositions: list[Proposition] = field(default_factory=list)
    loss_claims: list[LossClaim] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)


#: The older name of :class:`State`, kept for callers written against it.
Annotated = State

#: What a stage may name in ``reads`` and ``assigns``: the state's fields, and the parts of ``events`` the
#: attribution and status stages fill (``events.source``, ``events.status``).
FIELDS: frozenset[str] = frozenset({"article", "doc", "mentions", "dates", "events", "events.source",
                                    "events.status", "propositions", "loss_claims", "places"})
#: Fields set before the first stage runs.
INITIAL_FIELDS: frozenset[str] = frozenset({"article", "doc"})


@dataclass(frozen=True)
class Stage:
    """One pipeline stage: a versioned name, the function, and the fields it reads and assigns.

    Attributes:
        name: ``<what>.<how>.v<N>``, e.g. ``"events.rules.v1"``.
        func: a module-level function (or picklable callable) that updates the state in place.
        reads: fields of :data:`FIELDS` the function reads; each must be assigned by an earlier stage.
        assigns: fields it assigns (or adds to).
        after, before, replaces: where a stage a plugin registers goes in the default pipeline (at most one;
            none for the built-ins, which run in the order the built-in plugin lists them).
    """

    name: str
    func: Callable[[State], None]
    reads: tuple[str, ...]
    assigns: tuple[str, ...]
    after: str | None = None
    before: str | None = None
    replaces: str | None = None
