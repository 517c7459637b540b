"""The PETRARCH-2 suite's own verb dictionary (``PETR.Validate.verbs.txt``) as a :class:`~thucydides.stages.events.lexicon.Lexicon`.

The unit suite's expected codes come from that dictionary, so the eval codes events with it (as it already does
with the suite's actor dictionary) and measures what it is meant to measure: roles, compounds, passives,
"said"-clauses and ``noevents``. Every trigger keeps the dictionary's code exactly in ``cameo``; its PLOVER type is
derived from the two-digit root (:data:`ROOT_TYPES`).

What is read:

- ``&NAME`` synsets (``+WORD`` members, nested synsets expanded);
- ``--- VERB [code] ---`` blocks: the verb lines (``WORD {FORMS}``, an optional own ``[code]``), multi-word verbs
  (``+BREAK_DOWN``, ``LASH OUT``: verb + particle or object);
- patterns ``- * WORDS [code]`` whose words follow the verb: a leading particle/preposition becomes a phrasal verb
  (``particle_verbs``), otherwise the last word of the object phrase becomes an object frame (``object_frames``);
  ``+`` after a preposition makes that preposition's object the target (``preps``), ``%`` before the verb or a
  paired code (``[031:031]``) makes the trigger reciprocal.

What is skipped (documented limits of a lemma/object lexicon): patterns with words before the verb (``SAID *``,
``NOT *``, ``&NEGATVAUXVRB *``), patterns putting the target before the verb or the source after it (``+ WAS *``,
``* FROM $``), null codes ``[---]`` (PETRARCH uses them to block an event; a lexicon can only omit one), words
before the verb in multi-word verbs (``WIRE_+TAP``), and the second code of a paired code (same root in this file).
When two patterns give the same key, the shorter (more general) one wins, then the earlier one; a verb written out as
an inflected form (``LEFT``) wins over the block of its lemma (``LEAVE``), since PETRARCH matches it literally.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..inputs import read_text
from ..stages.events.lexicon import Lexicon, Trigger

__all__ = ["PARTICLES", "ROOT_TYPES", "VERBS_FILE", "VerbEventStage", "build_lexicon", "dyads_only",
           "load_verb_lexicon", "parse_verbs", "petrarch_events", "plover_type", "spacy_lemma"]

VERBS_FILE = "PETR.Validate.verbs.txt"
EXTRACTOR = "eval.petrarch_verbs.v1"

#: CAMEO root -> PLOVER type (the CAMEO code itself is kept exactly on the trigger).
ROOT_TYPES: dict[str, str] = {
    "01": "SUPPORT", "02": "SUPPORT", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE",
    "07": "AID", "08": "RETREAT", "09": "ACCUSE", "10": "REQUEST", "11": "ACCUSE", "12": "REJECT",
    "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE", "18": "ASSAULT",
    "19": "ASSAULT", "20": "ASSAULT",
}
#: Words that, right after the verb in a pattern, make it a phrasal verb rather than a verb + object.
PARTICLES = frozenset({"about", "against", "at", "back", "between", "by", "down", "for", "from", "in", "into",
                       "of", "off", "on", "out", "over", "to", "toward", "towards", "up", "upon", "with"})
#: Prepositions whose object is the target when a dictionary verb has no pattern saying otherwise.
DEFAULT_PREPS = ("with", "to", "against", "on", "at", "from", "for", "in", "into", "about", "between")
MARKERS = frozenset({"+", "$", "%", "^"})
_CODE = re.compile(r"\[([^\]]*)\]")
_HEADER = re.compile(r"^---\s*([^#]*?)\s*(?:#.*)?---\s*$")  # "--- VERB [code] ---", "--- VERB [code] # NOUN ---"

Lemmatize = Callable[[str], str]


def plover_type(code: str) -> str:
    """The PLOVER type for a dictionary code (non-standard roots such as 90 or 34 count as SUPPORT)."""
    return ROOT_TYPES.get(code[:2], "SUPPORT")


@dataclass
class _Block:
    code: str | None
    verbs: list[tuple[list[str], str | None]] = field(default_factory=list)  # (words, own code)
    patterns: list[tuple[list[str], str]] = field(default_factory=list)


@dataclass
class _Parsed:
    synsets: dict[str, list[str]] = field(default_factory=dict)
    blocks: list[_Block] = field(default_factory=list)


def _clean(line: str) -> str:
    return re.sub(r"<!--.*?-->", "", line).split("#", 1)[0].strip()


def _code_of(text: str) -> tuple[str, str | None]:
    """Split ``WORDS [code]`` into the words and the (first) code, a pair kept as ``031:032``; ``---`` and empty
    codes are None."""
    codes = _CODE.findall(text)
    words = _CODE.sub(" ", text).strip()
    code = codes[0].strip() if codes else None
    return words, (code if code and code != "---" else None)


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[\s_]+", text.lower()) if w]


def parse_verbs(lines: Iterable[str]) -> _Parsed:
    """Parse the dictionary's synsets and verb blocks (patterns are translated later)."""
    parsed, synset, block = _Parsed(), None, None
    for raw in lines:
        line = _clean(raw)
        header = _HEADER.match(line) or (_HEADER.match(raw.strip()) if line.startswith("---") else None)
        if not line:
            synset = None
        elif header:
            block, synset = _Block(_code_of(header.group(1))[1]), None
            parsed.blocks.append(block)
        elif line.startswith("&"):
            synset, block = line.split()[0].rstrip("_").lower(), None
            parsed.synsets[synset] = []
        elif synset is not None and line.startswith("+"):
            parsed.synsets[synset].append(line[1:].strip().lower())
        elif block is not None and line.startswith("-"):
            words, code = _code_of(line[1:])
            if code:
                block.patterns.append((_words(words), code))
        elif block is not None:
            _add_verbs(block, line)
    return parsed


def _add_verbs(block: _Block, line: str) -> None:
    """A verb line: ``WORD``, ``WORD {FORM FORM}``, ``+MULTI_WORD {+FORMS}``, ``PRE_+VERB``, ``WORD [code]``."""
    words, code = _code_of(re.sub(r"\{[^}]*\}", " ", line))
    block.verbs.append((_words(words), code))
    for group in re.findall(r"\{([^}]*)\}", line):
        block.verbs.extend((_words(form), code) for form in group.split())


def _expand(words: list[str], synsets: dict[str, list[str]], depth: int = 0) -> list[list[str]]:
    """Every word sequence a pattern stands for once its ``&SYNSET`` words are replaced by their members."""
    out: list[list[str]] = [[]]
    for w in words:
        name = w.rstrip("_")
        if name.startswith("&") and name in synsets and depth < 5:
            members = [m for member in synsets[name] for m in _expand(_words(member), synsets, depth + 1)]
            out = [o + m for o in out for m in members]
        else:
            out = [o + [w] for o in out]
    return out


@dataclass(frozen=True)
class _Entry:
    kind: str  # "verb", "particle" or "object"
    verb: str
    word: str
    trigger: Trigger
    size: int


def _trigger(code: str, *, preps: tuple[str, ...] = DEFAULT_PREPS, obj: bool = True,
             reciprocal: bool = False) -> Trigger:
    """A trigger coding ``code`` (the first of a pair; a pair ``[031:031]`` codes both directions)."""
    first = code.split(":")[0].strip()
    return Trigger(plover_type(first), None, obj_recipient=obj, preps=preps, reciprocal=reciprocal or ":" in code,
                   name=EXTRACTOR, cameo=first)


def _verb_entries(words: list[str], code: str | None, lemma: Lemmatize) -> list[_Entry]:
    """Entries for one verb line; ``+`` marks the verb in a multi-word verb (the first word by default)."""
    marked = [i for i, w in enumerate(words) if w.startswith("+")]
    at = marked[0] if marked else 0
    if at > 0 or code is None or not words:
        return []  # words before the verb (WIRE_+TAP) cannot be expressed; null codes code nothing
    word, rest = words[0].lstrip("+"), words[1:]
    verb = lemma(word)
    if not rest:  # a form written out (LEFT) beats the block of its lemma (LEAVE), as PETRARCH matches it literally
        return [_Entry("verb", verb, "", _trigger(code), 0 if verb != word else 1)]
    if rest[0] in PARTICLES:
        return [_Entry("particle", verb, rest[0], _trigger(code), len(rest))]
    return [_Entry("object", verb, rest[-1], _trigger(code), len(rest))]


def _pattern_entries(verb: str, words: list[str], code: str) -> list[_Entry]:
    """Entries for one expanded pattern (``words`` with ``*`` for the verb) on one verb lemma."""
    if "*" not in words:
        return []
    star = words.index("*")
    pre, post = words[:star], [w for w in words[star + 1:] if w != "^"]
    if set(pre) - {"$", "%", "^"} or "$" in post or not post or post[0] in MARKERS:
        return []
    reciprocal = "%" in pre or "%" in post
    content = [w for w in post if w not in MARKERS]
    target = post.index("+") if "+" in post else -1
    prep = post[target - 1] if target > 0 and post[target - 1] in PARTICLES else None
    trig = _trigger(code, preps=(prep,) if prep else DEFAULT_PREPS, obj=prep is None, reciprocal=reciprocal)
    if content[0] in PARTICLES:
        return [_Entry("particle", verb, content[0], trig, len(content))]
    phrase = content[:next((i for i, w in enumerate(content) if w in PARTICLES), len(content))]
    return [_Entry("object", verb, phrase[-1], trig, len(content))]


def _block_entries(block: _Block, synsets: dict[str, list[str]], lemma: Lemmatize) -> list[_Entry]:
    entries: list[_Entry] = []
    for words, own in block.verbs:
        code = own or block.code
        entries += _verb_entries(words, code, lemma)
        if len(words) != 1 or words[0].startswith("+"):
            continue  # patterns apply to the block's one-word verbs
        for pattern, pcode in block.patterns:
            for expanded in _expand(pattern, synsets):
                entries += _pattern_entries(lemma(words[0]), expanded, pcode)
    return entries


def build_lexicon(parsed: _Parsed, lemma: Lemmatize, name: str = "petrarch2-validate") -> Lexicon:
    """Turn a parsed dictionary into a Lexicon (``special_rules=False``); see the module docstring."""
    verbs: dict[str, _Entry] = {}
    particles: dict[tuple[str, str], _Entry] = {}
    frames: dict[str, dict[str, _Entry]] = {}
    for block in parsed.blocks:
        for e in _block_entries(block, parsed.synsets, lemma):
            table: dict[Any, _Entry] = (verbs if e.kind == "verb" else particles if e.kind == "particle"
                                        else frames.setdefault(e.verb, {}))
            key: Any = e.verb if e.kind == "verb" else (e.verb, e.word) if e.kind == "particle" else e.word
            if key not in table or e.size < table[key].size:
                table[key] = e
    return Lexicon({k: e.trigger for k, e in verbs.items()}, {k: e.trigger for k, e in particles.items()},
                   {v: {k: e.trigger for k, e in f.items()} for v, f in frames.items()}, {}, {}, name=name,
                   special_rules=False)


def load_verb_lexicon(path: Path, lemma: Lemmatize | None = None) -> Lexicon:
    """Read a PETRARCH/TABARI verb dictionary file into a Lexicon.

    Args:
        path: the dictionary (``PETR.Validate.verbs.txt``).
        lemma: maps a lower-case dictionary word to the lemma the parser gives it ("said" -> "say");
            the default keeps the word.

    Raises:
        InputError: E002 when the file is missing, E004 when it is not UTF-8 text (see :mod:`thucydides.inputs`).
    """
    text = read_text(path)
    return build_lexicon(parse_verbs(text.splitlines()), lemma or (lambda w: w))


def spacy_lemma(nlp: Any) -> Lemmatize:
    """A lemmatizer that parses the word in a tiny clause ("They said it.") to get its verb lemma."""
    cache: dict[str, str] = {}

    def lemma(word: str) -> str:
        if word not in cache:
            doc = nlp(f"They {word} it.")
            cache[word] = doc[1].lemma_.lower() if len(doc) > 2 else word
        return cache[word]
    return lemma


@dataclass(frozen=True)
class VerbEventStage:
    """A pipeline stage (``annotate(state)``) filling ``state.events`` with the dictionary's triggers."""

    lexicon: Lexicon
    name: str = "events.petrarch_verbs.v1"

    def __call__(self, state: Any) -> None:
        petrarch_events(state, self.lexicon)


def petrarch_events(state: Any, lexicon: Lexicon) -> None:
    """Set ``state.events`` to the candidates :func:`thucydides.stages.events.detect.candidate_events` finds
    with ``lexicon`` (the attribution and status stages settle them, as they do the rules' candidates)."""
    from ..stages.events.detect import candidate_events

    state.events = candidate_events(state.doc, state.mentions, lexicon=lexicon)


def dyads_only(record: dict[str, Any], triples: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Apply the record's ``require_dyad`` option (PETRARCH's default: true): drop events missing a source or a
    target (``---`` in :func:`~thucydides.evaluation.petrarch.predicted_triples`)."""
    config = record.get("config") or {}
    if str(config.get("require_dyad", "true")).lower() == "false":
        return triples
    return [t for t in triples if "---" not in (t[0], t[1])]
