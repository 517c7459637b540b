"""Place mentions in a text, resolved to gazetteer entries by the article's context.

Candidates come from spaCy's GPE/LOC/FAC entities and, for names the model misses or mislabels, from
proper-noun runs that the gazetteer knows. Each candidate entry scores a prior (its kind and population)
plus context: the states the article's other places (and the caller's ``context_countries``) belong to,
the regions it names, and a container written after a comma ("Paris, Texas"), which is itself read as a
container; a state's neighbours count a little as context. See ``docs/places.md``.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..nlp.dateline import outlet_spans
from .index import PlaceIndex, load_index
from .names import normalize
from .types import Place, PlaceMention

__all__ = ["Span", "detect", "resolve_places", "resolve_spans", "state_of"]

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Entity labels under which spaCy's small model often puts a place name.
MISLABELS = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"})
#: Words after a name that make it a region's name: "Kherson region", "Donetsk Oblast".
REGION_WORDS = frozenset({"oblast", "region", "province", "governorate", "state", "district", "county", "krai"})
LOCATIVES = frozenset({"in", "near", "at", "from", "to", "into", "outside", "around", "of", "towards", "toward"})
#: Prior score of an entry by kind; cities and towns score log10(population) instead.
KIND_PRIOR = {"country": 8.5, "continent": 8.5, "adm1": 6.5, "adm2": 4.0}
TEAM_PRIOR = 6.5
CONTEXT_STATE = 2.5
#: Each doubling of a state's other mentions adds this much more ("Faizabad" in a story that names Afghanistan
#: five times and India once is the Afghan town, though the Indian one is larger).
CONTEXT_MORE = 0.5
CONTEXT_REGION = 2.0
CONTEXT_NEIGHBOUR = 1.0
CONTAINER = 6.0
#: A region whose name is also that of a place in it yields to the place ("Kherson", "Yazd", "Herat").
NAMESAKE_REGION = -3.0
#: A region word next to the name ("canton of Zug", "Nampula and Zambezia provinces") favours the region.
REGION_CUE = 4.0
#: A name found only by the gazetteer is kept when its entry is this strong (or its state is in context).
GAZETTEER_MIN_POPULATION = 100_000
_COMMA = re.compile(r"\s*,\s*$")
#: Between a name the gazetteer does not know and the place it lies in: "Ghulam Khan, North Waziristan",
#: "Olembe Stadium in Yaoundé", "the South Street neighbourhood of Philadelphia" (one lowercase word allowed).
_CONTAINED_GAP = re.compile(r"(?:\s+[a-z]+)?\s*(?:,|\bin\b|\bof\b)\s*(?:the\s+)?$")
#: Kinds of entry a name can be placed within (their position is a local one; a state or a first-level region
#: is too large to stand for a place in it).
LOCAL_KINDS = frozenset({"city", "capital", "town", "village", "district", "adm2", "facility"})
_REGION_NOUNS = (r"(?i:provinces?|regions?|oblasts?|governorates?|cantons?|states?|prefectures?|counties|county"
                 r"|districts?|krai)")
#: after the name, possibly across a coordinated second name: "Zug canton", "Nampula and Zambezia provinces".
_REGION_AFTER = re.compile(r"\s+(?:(?i:and|or)\s+(?:[A-Z][\w'’-]*\s+){1,3})?" + _REGION_NOUNS + r"\b")
_REGION_BEFORE = re.compile(r"\b" + _REGION_NOUNS + r"\s+of\s+(?:the\s+)?$")
#: Words that end the name of a facility or a part of a place ("Abha International Airport", "Pune district"):
#: a name the gazetteer does not know, less these words, is the place it stands in.
FEATURE_WORDS = frozenset({"airport", "international", "stadium", "arena", "district", "raion", "province",
                           "governorate", "lake", "power", "plant", "station", "dam", "base", "air", "airbase",
                           "port", "harbour", "harbor", "bridge", "square", "refinery", "oblast", "region"})

#: A compass word before a name the gazetteer does not know as a whole: "Far Eastern Russia", "Northeastern
#: China", "northern Syria" are parts of Russia, China, Syria (a name that is itself indexed, "North Korea",
#: "South Sudan", "West Bank", "Northern Ireland", is looked up first and kept).
_DIRECTION = re.compile(r"(?i:(?:far\s+)?(?:north|south|east|west|central|(?:north|south)[\s-]?(?:east|west)?(?:ern)?"
                        r"|eastern|western|upper|lower)\s+)(?=[A-Z])")

#: What a compass word can take a part of: a state or a first-level region ("South Street" is no part of a town
#: called Street, "South Khorasan" no part of Horasan).
WIDE_KINDS = frozenset({"country", "adm1"})


@dataclass(frozen=True)
class Span:
    """A candidate place name: character offsets, and how it was found (``ner``, ``gazetteer``, ``given``)."""

    start: int
    end: int
    source: str = "given"
    locative: bool = False


@dataclass
class _Item:
    span: Span
    text: str
    candidates: list[Place]
    containers: list[Place] = field(default_factory=list)
    contained: list[Place] = field(default_factory=list)
    best: Place | None = None
    regional: bool = False
    approximate: bool = False


def prior(place: Place) -> float:
    """How likely an entry is before context: states and regions high, then by population."""
    if place.kind in KIND_PRIOR:
        return KIND_PRIOR[place.kind]
    if place.geonames_id is None or place.id.startswith("thu:"):
        return TEAM_PRIOR
    return math.log10(place.population + 1) + (1.0 if place.kind == "capital" else 0.0)


def state_of(place: Place | PlaceMention | None) -> str | None:
    """The state a place stands for under CODING.md §3 (an attack on a place has its state as recipient).

    The ISO alpha-3 code of the state the place belongs to; None for seas, continents and regions of no
    single state. Places in occupied or separatist-held areas belong to their internationally recognised
    state (Donetsk, Crimea -> UKR): the special codes (DPR, LPR, PMR) are for the entities themselves.
    """
    if isinstance(place, PlaceMention):
        place = place.place
    return place.country or None if place is not None else None


def _trim(doc: Any, start: int, end: int) -> tuple[int, int]:
    """Token range without a leading article or trailing possessive."""
    while start < end and doc[start].lower_ in ("the", "'s", "’s"):
        start += 1
    while end > start and doc[end - 1].lower_ in ("'s", "’s", "'", "’"):
        end -= 1
    return start, end


def _extend(doc: Any, end: int) -> int:
    """Take in a following region word ("Kherson region") when the longer name is indexed."""
    return end + 1 if end < len(doc) and doc[end].lower_ in REGION_WORDS else end


def _locative(doc: Any, start: int) -> bool:
    """Whether the name at token ``start`` follows a locative preposition ("in Kharkiv", "near the Jordan"), or is
    coordinated with a name that does ("the cities of Tal Rifaat and Manbij", "in Homs, Hama or Idlib")."""
    before = start - 1
    if before >= 0 and doc[before].lower_ == "the":
        before -= 1
    if before > 0 and doc[before].lower_ in ("and", "or", ","):
        first = before
        while first > 0 and doc[first - 1].tag_ in ("NNP", "NNPS"):
            first -= 1
        if first < before:
            return _locative(doc, first)
    return before >= 0 and doc[before].lower_ in LOCATIVES


def _char_span(doc: Any, start: int, end: int, source: str) -> Span:
    return Span(doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), source, _locative(doc, start))


def _propn_runs(doc: Any, taken: set[int]) -> Iterable[tuple[int, int]]:
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and j not in taken and doc[j].tag_ in ("NNP", "NNPS") and j - i < 5:
            j += 1
        if j > i:
            yield i, j
            i = j
        else:
            i += 1


def _known_parts(doc: Any, start: int, end: int, index: PlaceIndex) -> Iterable[tuple[int, int]]:
    """The longest indexed names inside a proper-noun run, left to right."""
    i = start
    while i < end:
        for j in range(end, i, -1):
            if index.names.get(normalize(doc[i:j].text)):
                yield i, j
                i = j
                break
        else:
            i += 1


def detect(doc: Any) -> list[Span]:
    """Candidate place names in a parsed ``Doc``, in text order, none overlapping; none in the outlet a dateline
    names ("DUBAI, May 3 (Gulf Maritime Wire) -": :func:`~thucydides.nlp.dateline.outlet_spans`)."""
    index = load_index()
    spans: list[Span] = []
    taken: set[int] = set()
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS and ent.label_ not in MISLABELS:
            continue
        start, end = _trim(doc, ent.start, ent.end)
        if start >= end or (ent.label_ in PLACE_LABELS and all(t.tag_ == "JJ" for t in doc[start:end])):
            continue  # nothing left, or a demonym labelled as a place ("Ukrainian officials")
        longer = _extend(doc, end)
        if longer > end and index.names.get(normalize(doc[start:longer].text)):
            end = longer
        if ent.label_ in MISLABELS and not index.names.get(normalize(doc[start:end].text)):
            continue
        spans.append(_char_span(doc, start, end, "ner" if ent.label_ in PLACE_LABELS else "gazetteer"))
        taken.update(range(ent.start, max(end, ent.end)))
    for run_start, run_end in _propn_runs(doc, taken):
        spans.extend(_char_span(doc, s, e, "gazetteer") for s, e in _known_parts(doc, run_start, run_end, index))
    outlets = outlet_spans(doc.text)
    return sorted((s for s in spans if not any(lo < s.end and s.start < hi for lo, hi in outlets)),
                  key=lambda s: s.start)


def _head(name: str) -> str:
    """A name less its trailing feature words ("Abha International Airport" -> "Abha"), "" when none."""
    words = name.split()
    while len(words) > 1 and words[-1].casefold() in FEATURE_WORDS:
        words.pop()
    return " ".join(words) if len(words) < len(name.split()) else ""


def _item(text: str, span: Span, index: PlaceIndex) -> _Item:
    """One candidate name with its entries, its region cue, or the entries of the place a facility stands in."""
    name = text[span.start:span.end]
    regional = bool(_REGION_AFTER.match(text, span.end) or _REGION_BEFORE.search(text[:span.start]))
    found = _acronym_entries(name, index.lookup(name))
    direction = _DIRECTION.match(name)
    wide = [p for p in index.lookup(name[direction.end():]) if p.kind in WIDE_KINDS] if direction and not found else []
    if wide and direction:
        rest = Span(span.start + direction.end(), span.end, span.source, span.locative)
        return _Item(rest, name[direction.end():], wide, regional=regional)
    if found or not _head(name):
        return _Item(span, name, found, regional=regional)
    head = _head(name)
    near = [p for p in index.lookup(head) if p.kind != "country"]
    regional = regional or bool(_REGION_AFTER.match(name, len(head)))
    return _Item(span, name, near, regional=regional, approximate=bool(near))


#: Kinds an acronym can name ("UK", "DRC", "UAE"): a town is not found under its name in capitals ("UN" is not
#: Un, Gujarat).
ACRONYM_KINDS = frozenset({"country", "continent", "adm1", "territory", "region"})


def _acronym_entries(name: str, found: list[Place]) -> list[Place]:
    """``found``, less the towns and cities when ``name`` is a short acronym in capitals."""
    letters = [c for c in name if c.isalpha()]
    if not (2 <= len(letters) <= 4 and all(c.isupper() for c in letters)) or " " in name.strip():
        return found
    return [p for p in found if p.kind in ACRONYM_KINDS]


def _items(text: str, spans: Sequence[Span], index: PlaceIndex) -> list[_Item]:
    items = [_item(text, s, index) for s in spans]
    for item, nxt in itertools.pairwise(items):
        if _COMMA.match(text[item.span.end:nxt.span.start]):
            item.containers = [c for c in nxt.candidates if c.kind in ("country", "adm1", "adm2")]
            nxt.contained = item.candidates
    return items


def _contains(container: Place, place: Place) -> bool:
    if container.kind == "country":
        return container.country == place.country and place.kind != "country"
    return bool(container.admin1) and container.admin1 == place.admin1 and container.id != place.id


def _score(place: Place, item: _Item, states: Counter[str], regions: set[str],
           borders: dict[str, tuple[str, ...]], own: Counter[tuple[str, str]]) -> float:
    score = prior(place)
    support = states[place.country] - own[normalize(item.text), place.country] if place.country else 0
    if support > 0:
        score += CONTEXT_STATE + CONTEXT_MORE * math.log2(support)
    elif any(states[n] for n in borders.get(place.country, ())):
        score += CONTEXT_NEIGHBOUR
    if place.admin1 in regions and place.kind not in ("adm1", "country"):
        score += CONTEXT_REGION
    if any(_contains(c, place) for c in item.containers):
        score += CONTAINER
    if place.kind in ("country", "adm1", "adm2") and any(_contains(place, c) for c in item.contained):
        score += CONTAINER  # the name after a comma is read as the container: "Buffalo, New York"
    if place.kind == "adm1" and item.regional:
        score += REGION_CUE
    elif place.kind == "adm1" and any(_namesake(c, place, item) for c in item.candidates):
        score += NAMESAKE_REGION
    return score


def _namesake(city: Place, region: Place, item: _Item) -> bool:
    """A city of the region named as the text names both ("Kherson"; not "Maryland City" for "Maryland")."""
    return (city.kind in ("city", "capital") and city.admin1 == region.admin1
            and normalize(city.name) == normalize(_head(item.text) if item.approximate else item.text))


def _context(items: Sequence[_Item], given: Iterable[str]) -> tuple[Counter[str], set[str]]:
    """States and regions of the current choices (each choice counted once) plus the caller's states."""
    states: Counter[str] = Counter({c: 2 for c in given})
    regions: set[str] = set()
    for item in items:
        if item.best is not None:
            states[item.best.country] += 1
            if item.best.kind == "adm1":
                regions.add(item.best.admin1)
    return states, regions


def _own(items: Sequence[_Item]) -> Counter[tuple[str, str]]:
    """How often each name is currently placed in each state: a name repeated in the text is one piece of
    context, so its own mentions do not count as context for it ("Faizabad ... Faizabad" is not two votes
    for the Indian Faizabad in a story about Afghanistan)."""
    return Counter((normalize(i.text), i.best.country) for i in items if i.best is not None)


def _choose(items: list[_Item], given: Sequence[str], borders: dict[str, tuple[str, ...]]) -> None:
    for item in items:
        item.best = max(item.candidates, key=prior) if item.candidates else None
    for _ in range(2):
        states, regions = _context(items, given)
        own = _own(items)
        for item in items:
            if item.candidates:
                item.best = max(item.candidates, key=lambda p: _score(p, item, states, regions, borders, own))


def _kept(item: _Item, states: Counter[str]) -> bool:
    """A gazetteer-only name is kept when its entry is a state, region, team place or large city, or in context."""
    p = item.best
    if item.span.source != "gazetteer" or p is None:
        return True
    return _strong(p) or (item.span.locative and states[p.country] > 1)


def _strong(place: Place) -> bool:
    """A state, a region, a team place or a city of 100,000 people or more."""
    return place.kind in KIND_PRIOR or place.geonames_id is None or place.population >= GAZETTEER_MIN_POPULATION


def _to_region(item: _Item, index: PlaceIndex) -> None:
    """A city named with a region word ("Dhale Governorate") stands for its namesake region when indexed."""
    city = item.best
    if not item.regional or city is None or city.kind not in ("city", "capital") or not city.admin1:
        return
    region = index.get(f"iso:{city.admin1}")
    if region is not None and region.kind == "adm1" and normalize(region.name) == normalize(city.name):
        item.best = region


def _settle_approximate(item: _Item, states: Counter[str]) -> None:
    """A facility or part of a place stands at the place it is named after when that place is strong or its
    state is named elsewhere in the text; otherwise it stays unresolved."""
    if item.approximate and item.best is not None and not (_strong(item.best) or states[item.best.country] > 1):
        item.best = None


_THE_BEFORE = re.compile(r"(?i:\bthe)\s+$")


def _settle_lone_regions(items: Sequence[_Item], text: str, states: Counter[str]) -> None:
    """A bare one-word region written after "the", of a state nothing else in the text names, stays
    unresolved: "the Gulf" is not Gulf Province of Papua New Guinea, nor "the Centre" a region of Burkina Faso.
    "Tigray", "Gulf province" and "the Centre" in a story that names France are kept."""
    own = _own(items)
    for item in items:
        p = item.best
        if p is None or p.kind != "adm1" or item.regional or len(item.text.split()) > 1:
            continue
        if not _THE_BEFORE.search(text[max(0, item.span.start - 8):item.span.start]):
            continue
        if states[p.country] - own[normalize(item.text), p.country] <= 0:
            item.best = None


def _settle_contained(items: Sequence[_Item], text: str) -> None:
    """A name the gazetteer does not know, written with a local place it lies in ("Ghulam Khan, North
    Waziristan", "Olembe Stadium in Yaoundé"), stands at that place, as a facility stands at its namesake."""
    for item, nxt in itertools.pairwise(items):
        if item.candidates or nxt.best is None or nxt.best.kind not in LOCAL_KINDS:
            continue
        if _CONTAINED_GAP.fullmatch(text, item.span.end, nxt.span.start):
            item.best, item.approximate = nxt.best, True


def resolve_spans(text: str, spans: Sequence[Span], context_countries: Sequence[str] = (),
                  index: PlaceIndex | None = None) -> list[PlaceMention]:
    """Resolve given character spans of ``text`` as place names, each in the context of all the others.

    ``index`` defaults to the packaged one (:func:`~.index.load_index`).
    """
    index = index if index is not None else load_index()
    items = _items(text, spans, index)
    _choose(items, context_countries, index.neighbours)
    states, _ = _context(items, context_countries)
    for item in items:
        _to_region(item, index)
        _settle_approximate(item, states)
    _settle_lone_regions(items, text, states)
    _settle_contained(items, text)
    out = []
    for item in items:
        if not _kept(item, states):
            continue
        reason = "" if item.best else "not in gazetteer"
        out.append(PlaceMention(item.text, item.span.start, item.span.end, item.best, reason, item.span.source))
    return out


def resolve_places(text: str, spans_or_doc: Any, context_countries: Sequence[str] = ()) -> list[PlaceMention]:
    """Every place mention of an article, resolved.

    Args:
        text: the article text.
        spans_or_doc: its spaCy ``Doc`` (mentions are detected in it), or ``(start, end)`` character spans
            of place names found elsewhere.
        context_countries: ISO alpha-3 codes the article is known to be about (e.g. its actors' states).
    """
    if hasattr(spans_or_doc, "ents"):
        spans = detect(spans_or_doc)
    else:
        spans = [s if isinstance(s, Span) else Span(int(s[0]), int(s[1])) for s in spans_or_doc]
    return resolve_spans(text, spans, context_countries)
