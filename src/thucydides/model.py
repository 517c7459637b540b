"""The typed data model: the one spine every stage, the store, the CLI and the web API share.

Everything derived from text carries a :class:`Provenance`: which document, which characters, which
extractor (a versioned name such as ``"rules.request.v1"``) and which package version produced it.

The dictionary form of a :class:`Document` (:meth:`Document.to_dict`) has the shape of the gold files
described in ``eval/FORMAT.md`` (``id``, ``published``, ``outlet``, ``text``, ``propositions`` each with
``claims``, ``loss_claims``); further fields sit beside the gold ones.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal

from .errors import InvalidValue
from .places.types import Place, PlaceMention

__all__ = [
    "STATUSES",
    "VERDICTS",
    "Actor",
    "ActorMention",
    "Article",
    "Claim",
    "Document",
    "LossClaim",
    "Proposition",
    "Provenance",
    "article_id",
    "verdict_of",
]

Status = Literal["asserted", "alleged", "denied", "hypothetical"]
Verdict = Literal["asserted", "alleged", "denied", "disputed", "hypothetical"]
STATUSES: tuple[str, ...] = ("asserted", "alleged", "denied", "hypothetical")
VERDICTS: tuple[str, ...] = ("asserted", "alleged", "denied", "disputed", "hypothetical")
QUALIFIERS: tuple[str, ...] = ("over", "at least", "about", "up to", "exact", "hundreds", "thousands", "dozens")


def article_id(text: str) -> str:
    """Content hash of an article's text: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _check_choice(value: str, valid: tuple[str, ...], what: str) -> None:
    if value not in valid:
        raise InvalidValue("E001", what, value, valid)


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a derived object comes from.

    Attributes:
        document: id of the article the object was derived from.
        start: first character of the evidence in the article text.
        end: one past the last character of the evidence.
        extractor: versioned name of the rule or model, e.g. ``"rules.request.v1"``.
        version: version of the thucydides package that ran it.
    """

    document: str
    start: int
    end: int
    extractor: str
    version: str

    def to_dict(self) -> dict[str, Any]:
        return {"document": self.document, "start": self.start, "end": self.end,
                "extractor": self.extractor, "version": self.version}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Provenance:
        return cls(str(d["document"]), int(d["start"]), int(d["end"]), str(d["extractor"]), str(d["version"]))


@dataclass(frozen=True, slots=True)
class Article:
    """One input document. ``id`` defaults to the content hash of ``text``."""

    text: str
    published: dt.date | None = None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", article_id(self.text))


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved actor.

    Attributes:
        code: ISO 3166-1 alpha-3 for states and everything belonging to them, an acronym for IGOs
            (``UN``, ``NATO``), a special code for separatist entities (``DPR``); ``""`` when unknown.
        sector: role of the actor within its state or organisation (GOV, MIL, DIP, SPY, REB, OPP, BUS,
            MED, CVL, ...), or None when it is the state or organisation as a whole.
        name: canonical name (``"China"``, ``"Wang Yi"``).
        kind: ``state``, ``igo``, ``person``, ``group``, ``org`` or ``separatist``.
    """

    code: str
    sector: str | None = None
    name: str = ""
    kind: str = "state"

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "sector": self.sector, "name": self.name, "kind": self.kind}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Actor:
        return cls(str(d["code"]), d.get("sector"), str(d.get("name", "")), str(d.get("kind", "state")))


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A span of text that names, describes or refers back to an actor."""

    actor: Actor
    text: str
    provenance: Provenance

    @property
    def start(self) -> int:
        return self.provenance.start

    @property
    def end(self) -> int:
        return self.provenance.end

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, **self.actor.to_dict(), "provenance": self.provenance.to_dict()}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ActorMention:
        return cls(Actor.from_dict(d), str(d["text"]), Provenance.from_dict(d["provenance"]))


@dataclass(frozen=True, slots=True)
class Claim:
    """What one source says about one proposition.

    Attributes:
        status: ``asserted``, ``alleged``, ``denied`` or ``hypothetical``.
        by: codes of the claimant(s); empty when the text itself states it or the claimant has no code.
        via: outlet or channel the claim is reported through (``"CNN"``), or None.
        speaker: the text naming the claimant (``"Chinese Embassy Spokesperson Liu Pengyu"``), or None.
        quote: ``"direct"`` for quoted speech, ``"indirect"`` for reported speech, None otherwise.
        evidence: verbatim substring of the article text.
        sentence: the sentence the evidence is in.
        provenance: document, character offsets of ``evidence``, extractor and version.
        confidence: 0..1, how sure the extractor is.
        proposition: id of the proposition the claim is about.
    """

    status: str
    by: tuple[str, ...]
    via: str | None
    evidence: str
    provenance: Provenance
    speaker: str | None = None
    quote: str | None = None
    sentence: str = ""
    confidence: float = 1.0
    proposition: str = ""

    def __post_init__(self) -> None:
        _check_choice(self.status, STATUSES, "claim status")

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status, "by": list(self.by), "via": self.via, "evidence": self.evidence,
            "speaker": self.speaker, "quote": self.quote, "sentence": self.sentence,
            "start": self.provenance.start, "end": self.provenance.end,
            "extractor": self.provenance.extractor, "version": self.provenance.version,
            "confidence": round(self.confidence, 4),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any], document: str = "", proposition: str = "") -> Claim:
        prov = Provenance(document, int(d.get("start", -1)), int(d.get("end", -1)),
                          str(d.get("extractor", "gold")), str(d.get("version", "")))
        return cls(status=str(d["status"]), by=tuple(d.get("by") or ()), via=d.get("via"),
                   evidence=str(d.get("evidence", "")), provenance=prov, speaker=d.get("speaker"),
                   quote=d.get("quote"), sentence=str(d.get("sentence", "")),
                   confidence=float(d.get("confidence", 1.0)), proposition=proposition)


def verdict_of(statuses: list[str] | tuple[str, ...]) -> str:
    """The overall standing of a proposition from the statuses of its claims.

    ``disputed`` when at least one claim says it happened (asserted or alleged) and one denies it;
    otherwise the strongest status present, in the order asserted > alleged > denied > hypothetical.
    """
    present = set(statuses)
    if "denied" in present and present & {"asserted", "alleged"}:
        return "disputed"
    for status in ("asserted", "alleged", "denied", "hypothetical"):
        if status in present:
            return status
    return "hypothetical"


@dataclass(frozen=True, slots=True)
class Proposition:
    """Who did what to whom, when and where: a PLOVER event with the claims made about it.

    Attributes:
        type: one of the 16 PLOVER event types.
        mode: a PLOVER mode of that type, or None.
        actor: codes of the actor(s); reciprocal events list every side here.
        recipient: codes of the recipient(s).
        date: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``, or None; ``date_precision`` says which (``day``,
            ``month``, ``year``), or ``published`` when the text states no date and the publication day is
            taken as the event's (CODING.md §7: a news line reports a new event on its own day).
        location: the place name the text gives, or None.
        cameo: the CAMEO event code for GDELT users.
        plover_score: the PLOVER conflict-cooperation score (-10..+10).
        claims: the claims made about this proposition in the document.
        optional: background or borderline (used by gold files).
        provenance: the first trigger's document, offsets and extractor.
        reciprocal: the actors act on each other (met, signed, exchanged): every side is in ``actor``.
        place: the gazetteer entry of ``location`` (coordinates, state, region), or None.
    """

    type: str
    actor: tuple[str, ...]
    recipient: tuple[str, ...]
    claims: tuple[Claim, ...] = ()
    mode: str | None = None
    date: str | None = None
    date_precision: str | None = None
    location: str | None = None
    cameo: str | None = None
    plover_score: float | None = None
    optional: bool = False
    provenance: Provenance | None = None
    id: str = field(default="")
    reciprocal: bool = False
    place: Place | None = None

    def __post_init__(self) -> None:
        if not self.id:
            doc = self.provenance.document if self.provenance else ""
            key = "|".join([doc, self.type, ",".join(self.actor), ",".join(self.recipient),
                            str(self.provenance.start if self.provenance else "")])
            object.__setattr__(self, "id", hashlib.sha256(key.encode()).hexdigest()[:16])
        if any(c.proposition != self.id for c in self.claims):
            fixed = tuple(_with_proposition(c, self.id) for c in self.claims)
            object.__setattr__(self, "claims", fixed)

    @property
    def verdict(self) -> str:
        return verdict_of([c.status for c in self.claims])

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "type": self.type, "mode": self.mode, "actor": list(self.actor),
            "recipient": list(self.recipient), "date": self.date, "location": self.location,
            "optional": self.optional, "claims": [c.to_dict() for c in self.claims],
            "id": self.id, "verdict": self.verdict, "date_precision": self.date_precision,
            "cameo": self.cameo, "plover_score": self.plover_score, "reciprocal": self.reciprocal,
            "place": self.place.to_dict() if self.place is not None else None,
        }
        if self.provenance is not None:
            d["provenance"] = self.provenance.to_dict()
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any], document: str = "") -> Proposition:
        prov = Provenance.from_dict(d["provenance"]) if d.get("provenance") else None
        pid = str(d.get("id") or "")
        claims = tuple(Claim.from_dict(c, document, pid) for c in d.get("claims", ()))
        return cls(type=str(d["type"]), actor=tuple(d.get("actor") or ()),
                   recipient=tuple(d.get("recipient") or ()), claims=claims, mode=d.get("mode"),
                   date=d.get("date"), date_precision=d.get("date_precision"), location=d.get("location"),
                   cameo=d.get("cameo"), plover_score=d.get("plover_score"),
                   optional=bool(d.get("optional", False)), provenance=prov, id=pid,
                   reciprocal=bool(d.get("reciprocal", False)),
                   place=Place.from_dict(d["place"]) if d.get("place") else None)


def _with_proposition(claim: Claim, pid: str) -> Claim:
    return Claim(claim.status, claim.by, claim.via, claim.evidence, claim.provenance, claim.speaker,
                 claim.quote, claim.sentence, claim.confidence, pid)


@dataclass(frozen=True, slots=True)
class LossClaim:
    """A numeric claim about losses of equipment or people.

    Attributes:
        side: code of whose losses they are (``RUS``), or ``""`` when the text does not say.
        value: the number (``1262``; for ``hundreds`` the lower bound, 100).
        qualifier: ``over``, ``at least``, ``about``, ``up to``, ``exact``, ``hundreds``, ...
        unit: what was lost, as the text says (``"destroyed vehicles, aircraft, and equipment"``).
        categories: listed categories (``"tanks"``, ``"towed artillery"``).
        period: the period as the text says (``"about three weeks"``), or None.
        period_end: ISO date the period ends (usually the publication date), or None.
        status: claim status, as for :class:`Claim`.
        by: codes of the claimant(s).
    """

    side: str
    value: int
    qualifier: str
    unit: str
    evidence: str
    provenance: Provenance
    categories: tuple[str, ...] = ()
    period: str | None = None
    period_end: str | None = None
    status: str = "asserted"
    by: tuple[str, ...] = ()
    via: str | None = None

    def __post_init__(self) -> None:
        _check_choice(self.status, STATUSES, "loss claim status")

    def to_dict(self) -> dict[str, Any]:
        return {
            "side": self.side, "value": self.value, "qualifier": self.qualifier, "unit": self.unit,
            "categories": list(self.categories), "period": self.period, "period_end": self.period_end,
            "status": self.status, "by": list(self.by), "via": self.via, "evidence": self.evidence,
            "provenance": self.provenance.to_dict(),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any], document: str = "") -> LossClaim:
        prov = (Provenance.from_dict(d["provenance"]) if d.get("provenance")
                else Provenance(document, -1, -1, "gold", ""))
        return cls(side=str(d.get("side") or ""), value=int(d["value"]), qualifier=str(d.get("qualifier") or "exact"),
                   unit=str(d.get("unit") or ""), evidence=str(d.get("evidence", "")), provenance=prov,
                   categories=tuple(d.get("categories") or ()), period=d.get("period"),
                   period_end=d.get("period_end"), status=str(d.get("status") or "asserted"),
                   by=tuple(d.get("by") or ()), via=d.get("via"))


@dataclass(frozen=True, slots=True)
class Document:
    """The result of extraction on one article."""

    article: Article
    propositions: tuple[Proposition, ...] = ()
    loss_claims: tuple[LossClaim, ...] = ()
    mentions: tuple[ActorMention, ...] = ()
    places: tuple[PlaceMention, ...] = ()

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def claims(self) -> tuple[Claim, ...]:
        return tuple(c for p in self.propositions for c in p.claims)

    @property
    def actors(self) -> tuple[Actor, ...]:
        """Distinct actors mentioned in the document, in order of first mention."""
        seen: dict[tuple[str, str | None, str], Actor] = {}
        for m in self.mentions:
            seen.setdefault((m.actor.code, m.actor.sector, m.actor.name), m.actor)
        return tuple(seen.values())

    def to_dict(self) -> dict[str, Any]:
        a = self.article
        return {
            "id": a.id, "published": a.published.isoformat() if a.published else None,
            "outlet": a.outlet, "url": a.url, "title": a.title, "text": a.text,
            "propositions": [p.to_dict() for p in self.propositions],
            "loss_claims": [lc.to_dict() for lc in self.loss_claims],
            "actors": [m.to_dict() for m in self.mentions],
            "places": [m.to_dict() for m in self.places],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Document:
        published = dt.date.fromisoformat(d["published"]) if d.get("published") else None
        art = Article(text=str(d.get("text", "")), published=published, outlet=d.get("outlet"),
                      url=d.get("url"), title=d.get("title"), id=str(d.get("id") or ""))
        return cls(
            article=art,
            propositions=tuple(Proposition.from_dict(p, art.id) for p in d.get("propositions", ())),
            loss_claims=tuple(LossClaim.from_dict(x, art.id) for x in d.get("loss_claims", ())),
            mentions=tuple(ActorMention.from_dict(m) for m in d.get("actors", ()) if "provenance" in m),
            places=tuple(PlaceMention.from_dict(m) for m in d.get("places", ())),
        )
