"""Resolve a name or description to an :class:`~thucydides.model.Actor` from gazetteer hits.

The same composition runs on a plain string (:func:`resolve_actor`) and on a span of a parsed document
(:mod:`thucydides.stages.actors.annotate`): find the longest gazetteer aliases in the tokens, then decide the
code (a person's office, else the head organisation, else the first state), the sector (the strongest role
word, with ``X of Y`` deferring to ``Y`` when ``X`` is a leadership title) and the kind.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ...errors import InputError, InvalidValue
from ...model import Actor
from .gazetteer import ORG, PERSON, STATE, TERM, Entry, Role, gazetteer, norm, tokenizer
from .sectors import ELITE as _ELITE

__all__ = ["Hit", "as_day", "compose", "find_hits", "parent_code", "resolve_actor", "resolve_actors", "role_at"]

_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "they", "them", "their", "it", "its",
                       "we", "i", "you", "himself", "herself", "themselves"})
_BACKED = ("-backed", "-supported", "-sponsored", "-funded", "-aligned", "-allied")
_DATE_FORMATS = ("%d %B %Y", "%B %d, %Y", "%B %d %Y", "%d %b %Y", "%b %d, %Y", "%Y-%m", "%Y/%m/%d", "%Y")


@dataclass(frozen=True, slots=True)
class Hit:
    """A gazetteer alias found over tokens ``start``..``end`` (exclusive)."""

    start: int
    end: int
    entries: tuple[Entry, ...]

    @property
    def entry(self) -> Entry:
        return self.entries[0]


def find_hits(raw: Sequence[str]) -> list[Hit]:
    """Longest, left-to-right, non-overlapping gazetteer matches over a token sequence.

    A demonym after "ethnic" ("ethnic Albanians in Serbia") names a group, not the state: it is skipped. An
    alias that starts with "the" ("the Sudan") gives way to a longer one starting after it.
    """
    gaz = gazetteer()
    words = [norm(w) for w in raw]
    hits: list[Hit] = []
    i = 0
    while i < len(words):
        length, entries = gaz.lookup(words, raw, i)
        if length > 1 and words[i] == "the" and gaz.lookup(words, raw, i + 1)[0] >= length:
            length = 0  # "the Sudan" gives way to "Sudan Liberation Army"
        if length and not (i and words[i - 1] == "ethnic" and all("adj" in e.flags for e in entries)):
            hits.append(Hit(i, i + length, _us_georgia(words, hits, i, entries)))
            i += length
        elif length:
            i += length
        else:
            i += 1
    return hits


def _us_georgia(words: Sequence[str], hits: list[Hit], i: int, entries: list[Entry]) -> tuple[Entry, ...]:
    """"Augusta, Georgia" is in the United States: "<town>, Georgia" unless the town is a Georgian place."""
    if words[i] != "georgia" or i < 2 or words[i - 1] != "," or entries[0].code != "GEO":
        return tuple(entries)
    if hits and hits[-1].end == i - 1 and hits[-1].entry.code == "GEO":
        return tuple(entries)
    return (Entry(STATE, "USA", "CVL", "Georgia", "state", 0, frozenset({"place"})),)


def as_day(value: dt.date | str | None) -> dt.date | None:
    """A date from a ``date``, ``YYYY-MM-DD``, ``"today"``, a written date (``"12 April 2022"``) or None.

    Raises:
        InputError: (E006) a string that is not a date.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if value is None or isinstance(value, dt.date):
        return value
    text = value.strip()
    if not text:
        return None
    if text.lower() in ("today", "now"):
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text.title() if "%B" in fmt or "%b" in fmt else text, fmt).date()
        except ValueError:
            continue
    raise InputError("E006", f"malformed date {value!r}; expected YYYY-MM-DD")


def role_at(person: Entry, day: dt.date | None) -> tuple[Role, bool]:
    """The office a person held on ``day`` (today when None) and whether they had left office by then.

    A dated role covering the day wins; otherwise an undated (background) role; otherwise the last role
    already started (the person is then a former office holder); otherwise their first role.
    """
    day = day or dt.date.today()
    dated = [r for r in person.roles if r.dated]
    covering = [r for r in dated if r.covers(day)]
    if covering:
        return covering[-1], False
    undated = [r for r in person.roles if not r.dated]
    if undated:
        return undated[0], False
    started = [r for r in dated if r.start is None or r.start <= day]
    if started:
        return max(started, key=lambda r: r.end or dt.date.max), True
    return dated[0], False


def _pick(hit: Hit, day: dt.date | None) -> Entry:
    people = [e for e in hit.entries if e.type == PERSON]
    if len(people) > 1:
        active = [p for p in people if not role_at(p, day)[1]]
        return (active or people)[0]
    return hit.entry


def _split_of(raw: Sequence[str], hits: Sequence[Hit], lo: int, hi: int) -> int:
    """Token index of the first ``of`` in ``lo..hi`` that is not inside an alias, else ``hi``."""
    inside = {i for h in hits for i in range(h.start, h.end)}
    for i in range(lo, hi):
        if raw[i].lower() == "of" and i not in inside:
            return i
    return hi


@dataclass
class _Parts:
    """The entries of a phrase, sorted into what decides the code, the sector and the kind."""

    persons: list[tuple[int, Entry]]
    orgs: list[tuple[int, Entry]]
    states: list[tuple[int, Entry]]
    sectors: list[tuple[int, int, str, Entry]]
    former: bool
    plural: bool


def _sponsor(raw: Sequence[str], h: Hit) -> bool:
    """A state that backs or leads the actor rather than being it: "Turkish-backed", "pro-Russian"."""
    after = [w.lower() for w in raw[h.end:h.end + 2]]
    if "".join(raw[h.start:h.end]).lower().endswith(_BACKED):
        return True
    return (after[:1] == ["-"] and after[1:] in (["backed"], ["supported"], ["sponsored"], ["funded"],
                                                 ["aligned"], ["allied"])) or (
        h.start >= 2 and raw[h.start - 1] == "-" and raw[h.start - 2].lower() == "pro")


def _parts(raw: Sequence[str], hits: Sequence[Hit], day: dt.date | None) -> _Parts:
    p = _Parts([], [], [], [], False, False)
    others = sum(1 for h in hits if h.entry.type in (STATE, ORG) and not _sponsor(raw, h))
    for h in hits:
        e = _pick(h, day)
        if e.type == PERSON:
            p.persons.append((h.start, e))
        elif e.type == ORG:
            p.orgs.append((h.start, e))
            if e.sector:
                p.sectors.append((e.priority, h.start, e.sector, e))
        elif e.type == STATE and others and _sponsor(raw, h):
            continue
        elif e.type == STATE:
            p.states.append((h.start, e))
            if e.sector:
                p.sectors.append((e.priority, h.start, e.sector, e))
        elif e.type == TERM:
            p.former |= "former" in e.flags
            p.plural |= "plural" in e.flags
            if e.sector:
                p.sectors.append((e.priority, h.start, e.sector, e))
    return p


def _best_sector(cands: list[tuple[int, int, str, Entry]]) -> tuple[int, int, str, Entry] | None:
    return max(cands, key=lambda c: (c[0], c[1])) if cands else None


def _sector(p: _Parts, split: int) -> tuple[str | None, Entry | None]:
    before = _best_sector([c for c in p.sectors if c[1] < split])
    after = _best_sector([c for c in p.sectors if c[1] > split])
    if before is None and after is None:
        return None, None
    if before is None or ("lead" in before[3].flags and after is not None and after[0] >= 2):
        assert after is not None
        return after[2], after[3]
    return before[2], before[3]


def _code(p: _Parts, split: int) -> tuple[str, Entry | None]:
    orgs_before = [e for i, e in p.orgs if i < split]
    org = orgs_before[-1] if orgs_before else (p.orgs[0][1] if p.orgs else None)
    states_before = [(i, e) for i, e in p.states if i < split]
    chosen = states_before or p.states
    state = chosen[0][1] if chosen else None
    if org is not None and state is not None and p.states[0][0] < p.orgs[0][0] and (
            org.kind == "igo" or _national_body(org, state)):
        return state.code, state
    if org is not None:
        return org.code, org
    if state is not None:
        return state.code, state
    return "", None


#: Sectors of the bodies every state has under the same name ("the foreign office", "the defence ministry").
_STATE_BODIES = frozenset({"GOV", "DIP", "MIL", "LEG", "JUD", "COP", "SPY"})


def _national_body(org: Entry, state: Entry) -> bool:
    """A government body of another state named by a generic name ("Foreign Office", GBR) after a state
    ("Pakistan's foreign office", "the Indian Foreign Office"): the body is that state's."""
    return org.code != state.code and org.sector in _STATE_BODIES and org.name.lower() in _generic_terms()


@functools.lru_cache(maxsize=1)
def _generic_terms() -> frozenset[str]:
    """The generic institution words of the terms gazetteer ("foreign office", "defence ministry")."""
    return frozenset(e.name.lower() for bucket in gazetteer().index.values() for e in bucket if e.type == TERM)


def _possessor(raw: Sequence[str], hits: Sequence[Hit], head: Entry) -> bool:
    """Whether the head title owns something else ("the prime minister's office"): then it is no person."""
    return any(head in h.entries and h.end < len(raw) and raw[h.end] in ("'s", "\u2019s") for h in hits)


@functools.lru_cache(maxsize=1)
def _offices() -> dict[tuple[str, str], list[tuple[Entry, Role]]]:
    """(code, office) -> the people who held it, with the role."""
    index: dict[tuple[str, str], list[tuple[Entry, Role]]] = {}
    for person in gazetteer().persons:
        for role in person.roles:
            index.setdefault((role.code, role.office), []).append((person, role))
    return index


def _office_holder(code: str, office: str, day: dt.date | None) -> tuple[Entry, Role] | None:
    for person, role in _offices().get((code, office), []):
        if (day is None and role.dated and role.end is None) or (day is not None and role.covers(day)):
            return person, role
    return None


def _person_actor(person: Entry, day: dt.date | None, p: _Parts) -> Actor:
    """A known person: the office held on ``day``; a title in the text outranks "left office by then"."""
    role, left = role_at(person, day)
    sector = role.sector
    titles = [c for c in p.sectors if c[3].type == TERM and "title" in c[3].flags]
    if left and titles and not p.former:
        sector = max(titles, key=lambda c: (c[0], c[1]))[2]
    elif (left or p.former) and (role.sector in _ELITE or role.sector is None):
        sector = "ELI"
    return Actor(role.code, sector, person.name, "person")


def compose(raw: Sequence[str], hits: Sequence[Hit], lo: int, hi: int, day: dt.date | None = None,
            name: str | None = None, context_code: str = "", text: str | None = None) -> Actor | None:
    """The actor a phrase (tokens ``lo..hi`` of ``raw``) names, from the hits inside it.

    Args:
        raw: token texts.
        hits: gazetteer hits inside ``lo..hi``.
        day: the date that picks a person's office.
        name: the name of a person the gazetteer does not know, when the caller found one in the phrase.
        context_code: the code to fall back on when the phrase itself names no state or organisation.
        text: the phrase as written, the name of a description with no code (default: tokens joined).
    """
    p = _parts(raw, hits, day)
    if p.persons:
        comma = any(raw[i] == "," for i in range(lo, hi))
        return _person_actor((p.persons[0] if comma else p.persons[-1])[1], day, p)
    split = _split_of(raw, hits, lo, hi)
    sector, head = _sector(p, split)
    code, owner = _code(p, split)
    if not code and context_code and sector:
        code = context_code
    if not code and not sector:
        return None
    if p.former and sector in _ELITE:
        sector = "ELI"
    titled = (head is not None and head.type == TERM and "title" in head.flags and not p.plural
              and not _possessor(raw, hits, head))
    if titled and name is None and head is not None and head.office and code and not p.former:
        found = _office_holder(code, head.office, day)
        if found is not None:
            return Actor(found[1].code, found[1].sector, found[0].name, "person")
    if name is not None or titled:
        return Actor(code, sector, name or "", "person")
    return _group_actor(code, sector, owner, text if text is not None else " ".join(raw[lo:hi]))


def _group_actor(code: str, sector: str | None, owner: Entry | None, text: str) -> Actor:
    """A state, organisation or group as a whole or one of its parts (``US officials``)."""
    if owner is None:
        return Actor("", sector, text, "group")
    states = gazetteer().states
    name = states[owner.code].name if owner.type == STATE and owner.code in states else owner.name
    return Actor(code, sector, name, owner.kind)


def _unknown_name(raw: Sequence[str], hits: Sequence[Hit]) -> str | None:
    """A run of two or more capitalised words the gazetteer does not know, next to a title."""
    if not any(h.entry.type == TERM and "title" in h.entry.flags for h in hits):
        return None
    covered = {i for h in hits for i in range(h.start, h.end)}
    run: list[str] = []
    best: list[str] = []
    for i, word in enumerate(raw):
        if i not in covered and word[:1].isupper() and word.replace("-", "").replace(".", "").isalpha():
            run.append(word)
        else:
            best, run = (run if len(run) > len(best) else best), []
    best = run if len(run) > len(best) else best
    return " ".join(best) if len(best) >= 2 else None


@functools.lru_cache(maxsize=2)
def _names(multi: bool) -> dict[str, tuple[str, ...]]:
    """Names for spelling-variant matching: multi-word people and organisations, or one-word state names."""
    wanted = (PERSON, ORG) if multi else (STATE,)
    return {" ".join(key): key for key, entries in gazetteer().index.items()
            if (len(key) >= 2) == multi and any(e.type in wanted and "place" not in e.flags for e in entries)}


@functools.lru_cache(maxsize=2)
def _prefixes(multi: bool) -> dict[str, list[str]]:
    """The names of :func:`_names` by the first three letters of each of their words."""
    index: dict[str, list[str]] = {}
    for name in _names(multi):
        for word in set(name.split(" ")):
            if len(word) >= 3:
                index.setdefault(word[:3], []).append(name)
    return index


def _fuzzy(raw: Sequence[str]) -> list[Hit]:
    """A name spelt another way ("Volodimir Zelenskiy", "Afganistan"): one hit over the whole text.

    Only the names sharing the first three letters of a word with the text are compared (difflib ratio).
    """
    words = [norm(w) for w in raw if w.lower() not in ("the", "a", "an")]
    text = " ".join(words)
    if len(text) < 6 or not all(w[:1].isupper() for w in raw if w.isalpha() and len(w) > 3):
        return []
    multi = len(words) >= 2
    index = _prefixes(multi)
    candidates = {name for w in words if len(w) >= 3 for name in index.get(w[:3], ())}
    cutoff = 0.86 if multi else 0.9
    match = difflib.get_close_matches(text, sorted(candidates), n=1, cutoff=cutoff)
    if not match:
        return []
    return [Hit(0, len(raw), tuple(gazetteer().index[_names(multi)[match[0]]]))]


_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "madam", "sheikh", "mister"})


def _clashes(raw: Sequence[str], hits: Sequence[Hit]) -> list[Hit]:
    """Drop a one-word person alias that follows another first name: "Amadou Keita" is not "Ibrahim Boubacar Keita".

    The word before the alias must be capitalised, outside every hit, no honorific, and start with another
    letter than the known person's first name (so a transliterated "Volodimir Zelensky" still matches).
    """
    covered = {i for h in hits for i in range(h.start, h.end)}
    kept: list[Hit] = []
    for h in hits:
        before = raw[h.start - 1] if h.start and h.start - 1 not in covered else ""
        if (h.end - h.start == 1 and h.entry.type == PERSON and before[:1].isupper() and before.isalpha()
                and before.lower() not in _HONORIFICS
                and norm(before)[:1] != norm(h.entry.name)[:1]):
            continue
        kept.append(h)
    return kept


def _context_code(context: str | None) -> str:
    if not context:
        return ""
    raw = [t.text for t in tokenizer()(context[:5000])]
    codes = {h.entry.code for h in find_hits(raw) if h.entry.type in (STATE, ORG) and h.entry.code}
    return codes.pop() if len(codes) == 1 else ""


def resolve_actor(text: str, context: str | None = None, date: dt.date | str | None = None) -> Actor | None:
    """Resolve a name or description to an actor: code, sector, canonical name and kind.

    >>> resolve_actor("Chinese Embassy Spokesperson Liu Pengyu")
    Actor(code='CHN', sector='DIP', name='Liu Pengyu', kind='person')
    >>> resolve_actor("the defense ministry of the Russian Federation")
    Actor(code='RUS', sector='MIL', name='Russia', kind='state')

    Args:
        text: a name (``"Sergei Lavrov"``), a description (``"US officials"``, ``"the Kremlin"``) or a title.
        context: the sentence or article around it; when the text names no state, a single state named in
            the context supplies the code.
        date: when the text was written (``date``, ``YYYY-MM-DD``, ``"today"``); picks a person's office
            (``None`` means today).

    Returns:
        The actor, or None when the text names no actor. Pronouns give an unresolved ``UNK`` actor.

    Raises:
        InvalidValue: (E001) ``text`` is not a string.
        InputError: (E006) ``date`` is not a date.
    """
    if not isinstance(text, str):
        raise InvalidValue("E001", "actor text type", type(text).__name__, ("str",))
    day = as_day(date)
    clean = " ".join(text.split())[:2000]
    raw = [t.text for t in tokenizer()(clean)]
    if not raw:
        return None
    if len(raw) == 1 and raw[0].lower() in _PRONOUNS:
        return Actor("", "UNK", raw[0], "person")
    hits = _clashes(raw, find_hits(raw)) or _fuzzy(raw)
    if not hits:
        return None
    return compose(raw, hits, 0, len(raw), day, _unknown_name(raw, hits), _context_code(context), clean)


def parent_code(code: str) -> str | None:
    """The state or organisation a code belongs to (``DPR`` -> ``UKR``, ``WHO`` -> ``UN``), else None."""
    gaz = gazetteer()
    entry = gaz.states.get(code) or gaz.orgs.get(code)
    return entry.parent if entry is not None else None


def resolve_actors(names: Sequence[str], context: str | None = None, date: dt.date | str | None = None,
                   path: str | Path | None = None) -> list[tuple[str, Actor | None]]:
    """Resolve many names: ``names`` and then each non-empty line of the text file ``path``.

    Raises:
        InputError: the file is missing, a directory, binary, not UTF-8, empty or too large (E002-E008);
            ``date`` is malformed (E006).
    """
    texts = [n for n in names if n.strip()]
    if path is not None:
        from ...inputs import read_text

        texts += [line.strip() for line in read_text(path).splitlines() if line.strip()]
    as_day(date)
    return [(t, resolve_actor(t, context, date)) for t in texts]

