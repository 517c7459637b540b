"""A state's institutions named without the state (extractor ``actors.institution.v2``, CODING.md §2).

News copy names a state once and its institutions after that without it: "Gangs attacked a police station in
Port-au-Prince, Haitian officials said. The government declared a state of emergency." The gazetteer knows
"the government" as a government sector of no state. Such a mention takes a state's code in two ways:

- the sentence so far and the two before it name exactly one state ("The government" -> HTI, sector GOV).
  A person or an organisation of a state names it too ("Prime Minister Ariel Henry" names HTI);
- otherwise, when the document so far names one state more often than any other, at least twice, that state
  is the one its institutions belong to, provided the nearby sentences name it too or name no state at all
  (a Haitian story whose last lines quote Kenya and the United States still says "the government" of Haiti).

With no state named, or two named equally often ("Russian and Ukrainian officials met; the army said ..."), it
stays without a code. Only a definite mention ("the army", "the junta") or a bare plural ("security forces",
"authorities") of a state sector (government, military, police) is read this way: "a police station" or "two
battalions" are not.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..._version import __version__
from ...model import Actor, ActorMention, Provenance
from .gazetteer import gazetteer

if TYPE_CHECKING:
    from ...nlp.types import Doc

__all__ = ["EXTRACTOR", "STATE_SECTORS", "institution_mentions"]

EXTRACTOR = "actors.institution.v2"
#: Sectors of a state's own institutions (CAMEO): government, military, police.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP"})
#: Sentences before the mention's own in which the state must be named.
BACK = 2
#: Mentions the document's leading state needs before it stands for an institution the nearby text leaves open.
LEADING = 2
_BARE = frozenset({"authorities", "security forces", "police", "troops", "soldiers", "officials"})


def _definite(text: str) -> bool:
    """'the army', 'The junta', 'security forces', 'authorities': no number, no indefinite article."""
    low = " ".join(text.casefold().split())
    return low.startswith("the ") or low in _BARE


def _named_before(named: list[tuple[int, str]], lo: int, hi: int) -> set[str]:
    """The state codes of ``named`` (``(start, code)``, in text order) that start in ``[lo, hi)``."""
    at = [start for start, _ in named]
    return {code for _, code in named[bisect.bisect_left(at, lo):bisect.bisect_left(at, hi)]}


def _leading(named: list[tuple[int, str]], before: int) -> str | None:
    """The state ``named`` names most often before offset ``before``: at least :data:`LEADING` times and more
    often than any other, else None."""
    top = Counter(code for start, code in named if start < before).most_common(2)
    if not top or top[0][1] < LEADING or (len(top) == 2 and top[1][1] == top[0][1]):
        return None
    return top[0][0]


def _state_of(named: list[tuple[int, str]], starts: list[int], at: int) -> str | None:
    """The one state the context of offset ``at`` gives an institution (see the module's docstring)."""
    sent = bisect.bisect_right(starts, at) - 1
    codes = _named_before(named, starts[max(0, sent - BACK)] if starts else 0, at)
    if len(codes) == 1:
        return codes.pop()
    leading = _leading(named, at)
    return leading if leading is not None and (not codes or leading in codes) else None


def institution_mentions(doc: Doc, mentions: Sequence[ActorMention], document: str) -> list[ActorMention]:
    """The codeless state-sector mentions of ``mentions`` that the context gives one state, with it (a
    mention placed so counts as naming its state for the ones after it: "the government ... the junta"); a
    span that another mention already gives a code ("the two foreign ministers" read as both states) is left."""
    starts = [s.start_char for s in doc.sents]
    states = gazetteer().states
    named = sorted((m.start, m.actor.code) for m in mentions if m.actor.code in states)
    coded = {(m.start, m.end) for m in mentions if m.actor.code}
    out = []
    for m in sorted(mentions, key=lambda m: m.start):
        if m.actor.code or m.actor.sector not in STATE_SECTORS or not _definite(m.text) or (m.start, m.end) in coded:
            continue
        code = _state_of(named, starts, m.start)
        if code is None:
            continue
        bisect.insort(named, (m.start, code))
        actor = Actor(code, m.actor.sector, m.actor.name, "state")
        out.append(ActorMention(actor, m.text, Provenance(document, m.start, m.end, EXTRACTOR, __version__)))
    return out
