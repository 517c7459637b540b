"""A state's institutions named without the state (extractor ``actors.institution.v1``, CODING.md §2).

News copy names a state once and its institutions after that without it: "Gangs attacked a police station in
Port-au-Prince, Haitian officials said. The government declared a state of emergency." The gazetteer knows
"the government" as a government sector of no state. When the sentence so far and the two before it name
exactly one state, such a mention is that state's ("The government" -> HTI, sector GOV); when they name none or
several ("Russian and Ukrainian officials met; the army said ..."), it stays without a code. Only a definite
mention ("the army", "the junta") or a bare plural ("security forces", "authorities") of a state sector
(government, military, police) is read this way: "a police station" or "two battalions" are not.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from ..._version import __version__
from ...model import Actor, ActorMention, Provenance
from ...nlp.types import Doc

__all__ = ["EXTRACTOR", "STATE_SECTORS", "institution_mentions"]

EXTRACTOR = "actors.institution.v1"
#: Sectors of a state's own institutions (CAMEO): government, military, police.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP"})
#: Sentences before the mention's own in which the state must be named.
BACK = 2
_BARE = frozenset({"authorities", "security forces", "police", "troops", "soldiers", "officials"})


def _definite(text: str) -> bool:
    """'the army', 'The junta', 'security forces', 'authorities': no number, no indefinite article."""
    low = " ".join(text.casefold().split())
    return low.startswith("the ") or low in _BARE


def _named_before(named: list[tuple[int, str]], lo: int, hi: int) -> set[str]:
    """The state codes of ``named`` (``(start, code)``, in text order) that start in ``[lo, hi)``."""
    at = [start for start, _ in named]
    return {code for _, code in named[bisect.bisect_left(at, lo):bisect.bisect_left(at, hi)]}


def institution_mentions(doc: Doc, mentions: Sequence[ActorMention], document: str) -> list[ActorMention]:
    """The codeless state-sector mentions of ``mentions`` that the context gives exactly one state, with it
    (a mention placed so counts as naming its state for the ones after it: "the government ... the junta")."""
    starts = [s.start_char for s in doc.sents]
    named = sorted((m.start, m.actor.code) for m in mentions if m.actor.code and m.actor.kind == "state")
    out = []
    for m in sorted(mentions, key=lambda m: m.start):
        if m.actor.code or m.actor.sector not in STATE_SECTORS or not _definite(m.text):
            continue
        sent = bisect.bisect_right(starts, m.start) - 1
        codes = _named_before(named, starts[max(0, sent - BACK)] if starts else 0, m.start)
        if len(codes) != 1:
            continue
        code = codes.pop()
        bisect.insort(named, (m.start, code))
        actor = Actor(code, m.actor.sector, m.actor.name, "state")
        out.append(ActorMention(actor, m.text, Provenance(document, m.start, m.end, EXTRACTOR, __version__)))
    return out
