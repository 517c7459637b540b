"""PETRARCH-2 unit suite (``petrarch2_unittest/``): (source, target, CAMEO root) F1 with the suite's actors."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._version import __version__
from ..model import Actor, ActorMention, Article, Document, Provenance
from .common import Guard, extract_parsed
from .io import read_jsonl
from .petrarch_dict import ActorDictionary, load_dictionary
from .petrarch_verbs import VERBS_FILE, VerbEventStage, dyads_only, load_verb_lexicon, spacy_lemma
from .result import Counts, EvalResult, Score

if TYPE_CHECKING:
    from ..pipeline.registry import Pipeline

__all__ = ["DictionaryActorStage", "Petrarch2Suite", "predicted_triples", "suite_stages"]

FOLDER = "petrarch2_unittest"
SUITE = "petr_unittest.jsonl"
EXTRACTOR = "eval.petrarch_dictionary.v1"
#: Words that may stand between an agent and its country ("lawmakers in Fornost", "Gondor's government").
LINKS = frozenset({"'s", "’s", "in", "of", "from", "the", "'"})
#: Words that coordinate actors or agents into one group.
CONJ = frozenset({",", "and", "&"})

Span = tuple[int, int, str]  # first token, one past the last token, code or code template


@dataclass
class _Hit:
    start: int
    end: int
    code: str
    agent: bool


class DictionaryActorStage:
    """A pipeline stage (``annotate(state)``) that fills ``state.mentions`` from an :class:`ActorDictionary`."""

    name = "actors.petrarch_dictionary.v1"

    def __init__(self, dictionary: ActorDictionary, tokenizer: Any) -> None:
        def key(words: tuple[str, ...]) -> tuple[str, ...]:
            return tuple(t.lower_ for t in tokenizer(" ".join(words)))

        self.actors = {key(k): k for k in dictionary.actors}
        self.agents = {key(k): v for k, v in dictionary.agents.items()}
        self.dictionary = dictionary
        self.longest = max((len(k) for k in [*self.actors, *self.agents]), default=1)

    def _hits(self, words: list[str], day: dt.date | None) -> list[_Hit]:
        hits: list[_Hit] = []
        i = 0
        while i < len(words):
            for n in range(min(self.longest, len(words) - i), 0, -1):
                phrase = tuple(words[i:i + n])
                if phrase in self.actors:
                    hits.append(_Hit(i, i + n, self.dictionary.code_for(self.actors[phrase], day), False))
                    break
                if phrase in self.agents:
                    hits.append(_Hit(i, i + n, self.agents[phrase], True))
                    break
            else:
                n = 1
            i += n
        return hits

    def __call__(self, state: Any) -> None:
        words = [t.lower_ for t in state.doc]
        spans = _combine(self._hits(words, state.article.published), words)
        state.mentions = [m for s in spans for m in self._mentions(state, s)]

    def _mentions(self, state: Any, span: Span) -> list[ActorMention]:
        start, end, code = span
        chars = state.doc[start:end]
        prov = Provenance(state.article.id, chars.start_char, chars.end_char, EXTRACTOR, __version__)
        return [ActorMention(Actor(c, None, chars.text, "state"), chars.text, prov) for c in code.split("/") if c]


def _apply(template: str, country: str) -> str:
    """Put an agent template (``~GOV`` suffix, ``NGO~`` prefix) on a country, without doubling a suffix."""
    if template.startswith("~"):
        suffix = template[1:]
        return country if country.endswith(suffix) and country != "---" else country + suffix
    if template.endswith("~"):
        return template[:-1] + country
    return template


def _between(words: list[str], a: _Hit, b: _Hit) -> list[str]:
    return words[a.end:b.start]


def _groups(hits: list[_Hit], words: list[str]) -> list[list[_Hit]]:
    """Runs of hits of one kind coordinated by commas / "and" ("Arnor, Osgiliath and Gondor")."""
    groups: list[list[_Hit]] = []
    for h in hits:
        if groups and groups[-1][-1].agent == h.agent:
            gap = _between(words, groups[-1][-1], h)
            if gap and set(gap) <= CONJ | {"the"} and set(gap) & CONJ:
                groups[-1].append(h)
                continue
        groups.append([h])
    return groups


def _joined(agents: list[_Hit], countries: list[_Hit]) -> Span:
    codes = [_apply(a.code, c) for a in agents for country in countries for c in country.code.split("/")]
    first, last = min(agents[0].start, countries[0].start), max(agents[-1].end, countries[-1].end)
    return first, last, "/".join(dict.fromkeys(codes))


def _pair(words: list[str], left: list[_Hit], right: list[_Hit]) -> Span | None:
    """Join an agent group with the country group next to it: "Gondor's government", "lawmakers in Fornost"."""
    gap = _between(words, left[-1], right[0])
    if left[0].agent == right[0].agent or len(gap) > 2 or not set(gap) <= LINKS:
        return None
    if right[0].agent and not set(gap) & {"in", "of", "from"}:
        return _joined(right, left)
    return _joined(left, right) if left[0].agent else _joined(right, left)


def _combine(hits: list[_Hit], words: list[str]) -> list[Span]:
    """Join agent groups with a neighbouring country group (the one before first); lone agents get ``---``."""
    groups = _groups(hits, words)
    spans: list[Span] = []
    i = 0
    while i < len(groups):
        joined = _pair(words, groups[i], groups[i + 1]) if i + 1 < len(groups) else None
        if joined is not None:
            spans.append(joined)
            i += 2
            continue
        spans += [(h.start, h.end, _apply(h.code, "---") if h.agent else h.code) for h in groups[i]]
        i += 1
    return sorted(spans)


Triple = tuple[str, str, str]


def _code(p: Any) -> str:
    if p.cameo:
        return str(p.cameo)
    from ..plover import cameo_code

    return cameo_code(p.type, p.mode)


def predicted_triples(document: Document) -> list[Triple]:
    """``(source, target, CAMEO code)`` per actor × recipient; reciprocal events yield both directions."""
    out: list[Triple] = []
    for p in document.propositions:
        actors, recipients, root = list(p.actor) or ["---"], list(p.recipient), _code(p)
        if not recipients and len(actors) > 1 and p.reciprocal:
            out += [(a, b, root) for a in actors for b in actors if a != b]
        else:
            out += [(a, r, root) for a in actors for r in (recipients or ["---"])]
    return out


def _gold(record: dict[str, Any]) -> list[Triple]:
    return [(str(e.get("source") or "---"), str(e.get("target") or "---"), str(e.get("code") or ""))
            for e in record.get("expected") or ()]


#: The views scored: name -> how a (source, target, code) triple is reduced.
VIEWS: dict[str, Callable[[Triple], Triple]] = {
    "source+target+root": lambda t: (t[0], t[1], t[2][:2]),
    "source+target+code3": lambda t: (t[0], t[1], t[2][:3]),
    "source+target+code": lambda t: t,
    "country+root": lambda t: (t[0][:3], t[1][:3], t[2][:2]),
}


def _record_date(record: dict[str, Any]) -> dt.date | None:
    raw = str(record.get("date") or "")
    try:
        return dt.date(int(raw[:4]), int(raw[4:6]), int(raw[6:8]))
    except ValueError:
        return None


def suite_stages(folder: Path, suite_verbs: bool = True) -> Pipeline:
    """The rules pipeline with ``actors.gazetteer.v1`` replaced by the suite's dictionary stage (and, with
    ``suite_verbs``, ``events.rules.v1`` by events coded with the suite's verb dictionary). The learned extractor
    is left out: it codes under CODING.md, not under the suite's own CAMEO dictionaries."""
    from ..nlp.parse import load_nlp
    from ..pipeline.registry import pipeline_for
    from ..pipeline.state import Stage

    stage = DictionaryActorStage(load_dictionary(folder), load_nlp().tokenizer)
    pipeline = pipeline_for("rules").replace("actors.gazetteer.v1", Stage(stage.name, stage, ("doc",), ("mentions",)))
    if not suite_verbs:
        return pipeline
    verbs = VerbEventStage(load_verb_lexicon(folder / VERBS_FILE, spacy_lemma(load_nlp())))
    rules = pipeline.get("events.rules.v1")
    return pipeline.replace(rules.name, Stage(verbs.name, verbs, rules.reads, rules.assigns))


class Petrarch2Suite:
    """The PETRARCH-2 unit-test sentences, coded with the suite's own actor dictionary."""

    name = "petrarch2_unittest"
    description = "PETRARCH-2 unit suite: (source, target, CAMEO root) P/R/F1 and exact-set accuracy"

    def available(self, root: Path) -> bool:
        return (root / FOLDER / SUITE).is_file()

    def evaluate(self, root: Path, limit: int | None = None) -> EvalResult:
        rows = [r for r in read_jsonl(root / FOLDER / SUITE) if not r.get("error") and str(r.get("text") or "")]
        rows = rows[:limit]
        stages = suite_stages(root / FOLDER)
        articles = [Article(text=str(r["text"]), published=_record_date(r), id=str(r.get("id") or ""))
                    for r in rows]
        counts, exact, guard = {name: Counts() for name in VIEWS}, [], Guard()
        for r, (document, _) in zip(rows, extract_parsed(articles, stages, guard), strict=True):
            gold, pred = _gold(r), dyads_only(r, predicted_triples(document))
            for name, view in VIEWS.items():
                counts[name].add_multisets(map(view, gold), map(view, pred))
            exact.append(sorted(map(VIEWS["source+target+root"], gold)) ==
                         sorted(map(VIEWS["source+target+root"], pred)))
        team, root_view = Counts(), VIEWS["source+target+root"]
        for r, (document, _) in zip(rows, extract_parsed(articles, suite_stages(root / FOLDER, False), guard)):
            team.add_multisets(map(root_view, _gold(r)), map(root_view, dyads_only(r, predicted_triples(document))))
        scores = [c.score(name) for name, c in counts.items()] + [
            Score("exact_set", len(exact), {"accuracy": sum(exact) / len(exact) if exact else 0.0}),
            team.score("team_lexicon:source+target+root")]
        notes = [f"{len(rows)} records (error records skipped); root = first two digits of the code; exact_set on roots",
                 "actors from PETR.Validate.actors/agents.txt via an eval-only dictionary stage",
                 "events coded with PETR.Validate.verbs.txt (suite verbs); team_lexicon:* = our own lexicon instead",
                 "require_dyad (default true): events missing a source or target are dropped", *guard.notes()]
        return EvalResult(self.name, scores, notes)
