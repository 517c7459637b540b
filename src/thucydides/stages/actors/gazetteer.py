"""The actor gazetteer: states, organisations, people, places and role words, loaded once per process.

The data files live in ``thucydides/data/gazetteer_*.tsv`` (tab-separated, ``#`` comments). Every alias is
tokenised with spaCy's English tokenizer, so the same keys match a parsed ``Doc`` and a plain string.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from ...errors import DataError
from .knowledge import KBPerson, kb_date, kb_persons
from .sectors import SECTORS

__all__ = ["Entry", "Gazetteer", "Role", "alias_words", "gazetteer", "norm", "tokenizer"]

#: entry types: a state (name, adjective, seat or place), an organisation, a person, or a role word.
STATE, ORG, PERSON, TERM = "state", "org", "person", "term"


@dataclass(frozen=True, slots=True)
class Role:
    """One office a person held: state or organisation code, sector, office, and dates (None = open)."""

    code: str
    sector: str | None
    office: str
    start: dt.date | None
    end: dt.date | None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def covers(self, day: dt.date) -> bool:
        return self.dated and (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer record an alias points to.

    Attributes:
        type: ``state``, ``org``, ``person`` or ``term``.
        code: state/IGO/group code ("" for role words).
        sector: sector the entry gives (role words, organisations, seats of government).
        name: canonical name.
        kind: Actor kind (state, igo, person, group, org, separatist).
        priority: how strongly a role word's sector wins over others in the same phrase (0-4).
        flags: ``seat`` (capital used for the government), ``adj`` (demonym), ``place`` (a city or region),
            ``lead`` (a leadership title that defers to an ``of`` phrase), ``title`` (a person's title),
            ``former``, ``plural``, ``pronoun``.
        office: office a title names (``foreign minister``), for office-holder look-ups.
        roles: a person's offices.
        gender: ``m``, ``f`` or ``-`` for people.
        parent: the state or organisation a separatist entity or agency belongs to.
    """

    type: str
    code: str = ""
    sector: str | None = None
    name: str = ""
    kind: str = "state"
    priority: int = 3
    flags: frozenset[str] = frozenset()
    office: str | None = None
    roles: tuple[Role, ...] = ()
    gender: str = "-"
    parent: str | None = None


@dataclass
class Gazetteer:
    """Alias index: a tuple of normalised tokens -> the entries it may name."""

    index: dict[tuple[str, ...], list[Entry]] = field(default_factory=dict)
    case: dict[tuple[str, ...], str] = field(default_factory=dict)
    states: dict[str, Entry] = field(default_factory=dict)
    orgs: dict[str, Entry] = field(default_factory=dict)
    persons: list[Entry] = field(default_factory=list)
    max_len: int = 1
    firsts: set[str] = field(default_factory=set)
    longest: dict[str, int] = field(default_factory=dict)

    def add(self, alias: str, entry: Entry, tok: Any) -> None:
        words = alias_words(alias.strip(), tok)
        if not words:
            return
        key = tuple(norm(w) for w in words)
        bucket = self.index.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)
        self.max_len = max(self.max_len, len(key))
        self.firsts.add(key[0])
        self.longest[key[0]] = max(self.longest.get(key[0], 0), len(key))
        letters = words[0].replace(".", "")
        acronym = len(words) == 1 and letters.isupper() and len(letters) <= 3
        if len(words) == 1 and (entry.type != TERM or acronym):
            rule = "upper" if acronym else "cap"
            if self.case.get(key) != "cap":
                self.case[key] = rule

    def lookup(self, words: Sequence[str], raw: Sequence[str], i: int) -> tuple[int, list[Entry]]:
        """The longest alias starting at token ``i``: (length, entries), or (0, [])."""
        longest = self.longest.get(words[i])
        if not longest:
            return 0, []
        for length in range(min(longest, len(words) - i), 0, -1):
            key = tuple(words[i:i + length])
            entries = self.index.get(key)
            if entries and self._case_ok(key, raw[i]):
                return length, entries
        return 0, []

    def _case_ok(self, key: tuple[str, ...], raw: str) -> bool:
        rule = self.case.get(key)
        if rule is None:
            return True
        if rule == "upper":
            return raw.replace(".", "").isupper()
        return raw[:1].isupper()


#: an alias of plain ASCII words separated by single spaces, which spaCy splits on the spaces alone.
_PLAIN = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")


def alias_words(alias: str, tok: Any) -> list[str]:
    """The tokens of an alias, as ``tok`` (spaCy's tokenizer) gives them.

    Plain ASCII words are split on their spaces without the tokenizer (most of the gazetteer's aliases, so the
    gazetteer loads faster), unless one of them is a special case of the tokenizer ("Cannot", "Hes");
    ``tests/test_actors_gazetteer.py`` checks that this gives spaCy's tokens for every alias of the data files.
    """
    rules = getattr(tok, "rules", None)
    if rules is not None and _PLAIN.fullmatch(alias):
        words = alias.split(" ")
        if not any(w in rules for w in words):
            return words
    return [t.text for t in tok(alias)]


@functools.lru_cache(maxsize=65536)
def norm(word: str) -> str:
    """Lower case, no accents, straight apostrophes."""
    word = word.replace("\u2019", "'").replace("\u2018", "'").replace("\u2010", "-").replace("\u2013", "-")
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@functools.lru_cache(maxsize=1)
def tokenizer() -> Any:
    """spaCy's English tokenizer (the one ``en_core_web_sm`` uses), without the statistical pipeline."""
    import spacy

    return spacy.blank("en").tokenizer


def _rows(name: str) -> Iterator[list[str]]:
    try:
        text = resources.files("thucydides.data").joinpath(name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError("E011", f"gazetteer file {name} is unreadable: {exc}") from None
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def _split(cell: str) -> list[str]:
    return [a.strip() for a in cell.split(";") if a.strip()]


def _date(text: str, where: str) -> dt.date | None:
    if not text:
        return None
    try:
        return kb_date(text)
    except (ValueError, IndexError):
        raise DataError("E011", f"gazetteer: bad date {text!r} in {where}") from None


def _cell(row: list[str], i: int) -> str:
    return row[i].strip() if i < len(row) else ""


def _sector(text: str, where: str) -> str | None:
    """A sector cell: empty (None) or a code of the sector table (docs/sectors.md)."""
    if text and text not in SECTORS:
        raise DataError("E011", f"gazetteer: unknown sector {text!r} in {where}; expected one of "
                                f"{', '.join(sorted(SECTORS))}")
    return text or None


def _load_states(gaz: Gazetteer, tok: Any) -> None:
    for row in _rows("gazetteer_states.tsv"):
        code, kind, parent, name = (_cell(row, i) for i in range(4))
        base = Entry(STATE, code, None, name, kind, parent=parent or None)
        gaz.states[code] = base
        for alias in _split(_cell(row, 4)):
            gaz.add(alias, base, tok)
        adj = Entry(STATE, code, None, name, kind, 2, frozenset({"adj"}), parent=parent or None)
        for alias in _split(_cell(row, 5)):
            gaz.add(alias, adj, tok)
        seat = Entry(STATE, code, "GOV", name, kind, 0, frozenset({"seat"}), parent=parent or None)
        for alias in _split(_cell(row, 6)):
            gaz.add(alias, seat, tok)


def _load_places(gaz: Gazetteer, tok: Any) -> None:
    for row in _rows("gazetteer_places.tsv"):
        code = _cell(row, 0)
        state = gaz.states.get(code)
        if state is None:
            raise DataError("E011", f"gazetteer_places.tsv: unknown state code {code!r}")
        for alias in _split(_cell(row, 1)):
            gaz.add(alias, Entry(STATE, code, "CVL", alias, state.kind, 0, frozenset({"place"})), tok)


def _load_orgs(gaz: Gazetteer, tok: Any) -> None:
    for row in _rows("gazetteer_orgs.tsv"):
        code, sector, kind, parent, name = (_cell(row, i) for i in range(5))
        _sector(sector, f"gazetteer_orgs.tsv ({name})")
        aliases = _split(_cell(row, 5))
        if name == "=":
            for alias in aliases:
                entry = Entry(ORG, code, sector or None, alias, kind, 3, parent=parent or None)
                gaz.orgs.setdefault(code, entry)
                gaz.add(alias, entry, tok)
            continue
        entry = Entry(ORG, code, sector or None, name, kind, 3, parent=parent or None)
        gaz.orgs.setdefault(code, entry)
        for alias in [*aliases, name]:
            gaz.add(alias, entry, tok)


def _role(text: str, where: str) -> Role:
    parts = text.split("|")
    if len(parts) != 5:
        raise DataError("E011", f"gazetteer: bad role {text!r} in {where}")
    code, sector, office, start, end = (p.strip() for p in parts)
    return Role(code, _sector(sector, where), office, _date(start, where), _date(end, where))


def _load_persons(gaz: Gazetteer, tok: Any) -> None:
    """People of ``gazetteer_persons.tsv`` and of the knowledge base, one entry per person."""
    kb = kb_persons(norm)
    for row in _rows("gazetteer_persons.tsv"):
        name = _cell(row, 0)
        roles = [_role(r, name) for r in _split(_cell(row, 3))]
        if not roles:
            raise DataError("E011", f"gazetteer_persons.tsv: {name!r} has no role")
        extra = kb.pop(norm(name), None)
        aliases = _split(_cell(row, 1)) + (extra.aliases if extra else [])
        _add_person(gaz, tok, name, roles + _kb_roles(extra, roles), aliases, _cell(row, 2) or "-")
    for person in kb.values():
        _add_person(gaz, tok, person.name, _kb_roles(person, []), person.aliases, "-")


def _kb_roles(person: KBPerson | None, known: list[Role]) -> list[Role]:
    """A knowledge-base person's roles, minus those ``gazetteer_persons.tsv`` already gives (same office, start)."""
    if person is None:
        return []
    seen = {(r.code, r.office, r.start) for r in known}
    roles = [_role("|".join(parts), person.name) for parts in person.roles]
    return [r for r in roles if (r.code, r.office, r.start) not in seen]


def _add_person(gaz: Gazetteer, tok: Any, name: str, roles: list[Role], aliases: list[str], gender: str) -> None:
    dated = sorted((r for r in roles if r.dated), key=lambda r: r.start or dt.date.min)
    ordered = tuple(dated + [r for r in roles if not r.dated])
    last = roles[-1]
    entry = Entry(PERSON, last.code, last.sector, name, "person", 4, roles=ordered, gender=gender)
    gaz.persons.append(entry)
    for alias in [name, *aliases]:
        gaz.add(alias, entry, tok)


def _plurals(word: str) -> list[str]:
    if word.endswith(("s", "x", "ch", "sh")):
        return [word + "es"] if not word.endswith("s") else []
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return [word[:-1] + "ies"]
    if word.endswith("man"):
        return [word[:-3] + "men"]
    return [word + "s"]


def _load_terms(gaz: Gazetteer, tok: Any) -> None:
    for row in _rows("gazetteer_terms.tsv"):
        phrase, sector, prio = _cell(row, 0), _cell(row, 1), _cell(row, 2)
        _sector(sector, f"gazetteer_terms.tsv ({phrase})")
        flags = frozenset(_split(_cell(row, 3).replace(",", ";")))
        office = _cell(row, 4) or None
        entry = Entry(TERM, "", sector or None, phrase, "group", int(prio or 3), flags, office)
        gaz.add(phrase, entry, tok)
        if "noplural" in flags or "plural" in flags:
            continue
        words = phrase.split(" ")
        plural = Entry(TERM, "", sector or None, phrase, "group", int(prio or 3), flags | {"plural"})
        for form in _plurals(words[-1]):
            gaz.add(" ".join([*words[:-1], form]), plural, tok)


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, built once per process.

    Raises:
        ThucydidesError: (E011) a data file shipped with the package is missing or broken.
    """
    gaz = Gazetteer()
    tok = tokenizer()
    _load_states(gaz, tok)
    _load_places(gaz, tok)
    _load_orgs(gaz, tok)
    _load_persons(gaz, tok)
    _load_terms(gaz, tok)
    return gaz
