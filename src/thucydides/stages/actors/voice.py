"""The first person of a document that speaks for one side (extractor ``actors.voice.v1``, CODING.md §6).

A government's own release ("President of Ukraine", "Ministry of Foreign Affairs of Japan", "The White
House") speaks for its state: "we", "our", "I" in its own voice are that state ("We call on the Council
to act": REQUEST by the state), and so is its own office named without a state ("The Ministry summoned
the ambassador"). The principal comes from the article's outlet, and only when the outlet's name
is a government office resolving to one state; a newspaper, a wire or an unknown outlet has no principal.
In a transcript, a paragraph under another speaker's label ("Olaf Scholz: We discussed ...") or under a label
that names no actor ("Question: ...") is not the principal's voice.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from ..._version import __version__
from ...model import Actor, ActorMention, Provenance
from .coref import as_state
from .institutions import STATE_SECTORS
from .resolve import resolve_actor

if TYPE_CHECKING:
    from ...nlp.types import Doc

__all__ = ["EXTRACTOR", "FIRST_PERSON", "GOVERNMENT_OFFICES", "OWN_OFFICE", "office_mentions", "principal_of",
           "voice_mentions"]

EXTRACTOR = "actors.voice.v1"
#: First-person pronouns and possessives that stand for the principal.
FIRST_PERSON = frozenset({"we", "us", "our", "ours", "ourselves", "i", "me", "my", "mine", "myself"})
#: How an outlet's name begins when it is a government's own channel.
GOVERNMENT_OFFICES = ("president", "prime minister", "ministry", "minister", "government", "office of",
                      "the white house", "white house", "the kremlin", "kremlin", "chancellor", "department of",
                      "state department", "embassy", "permanent mission", "presidency", "cabinet", "council of",
                      "general command", "high command", "general staff", "joint chiefs", "armed forces",
                      "military forces", "defence forces", "defense forces", "press service of")
#: The principal's office named without its state ("The Ministry summoned the charge d'affaires", "the
#: President of the Republic signed the decree", "the General Staff reported"): a definite office noun, with
#: no word before it but "the" and no "of ..." after it but a generic one ("of the Republic", "of Foreign
#: Affairs", "of State"). In the principal's own release it can only be the principal's office.
OWN_OFFICE = re.compile(
    r"\b[Tt]he (?:(?:Foreign|Defen[cs]e|Interior|Prime|Deputy|Vice|Federal) )?"
    r"(Ministry|Minister|Government|President|Presidency|Department|Secretary|Office|Cabinet|Chancellor|"
    r"Spokesperson|Spokesman|Spokeswoman|Head of State|Head of Government|General Command|High Command|"
    r"General Staff|Armed Forces|Military Forces|Army|Navy|Air Force)"
    r"(?: of (?:the Republic|Foreign Affairs|Defen[cs]e|the Interior|State))?\b(?! of\b)")
#: A speaker's label opening a transcript paragraph: "Vladimir Putin: ...".
_LABEL = re.compile(r"[ \t]*([A-Z][^\n:.!?]{1,60}):[ \t]")


def principal_of(outlet: str | None, day: dt.date | None = None) -> Actor | None:
    """The state a government outlet speaks for ("President of Russia (en.kremlin.ru)" -> RUS; "Indian Army"
    -> IND: an organisation of a state's government, military or police), else None ("Washington Examiner"
    names a capital, not an office)."""
    name = (outlet or "").split(" (")[0].strip()
    actor = resolve_actor(name, date=day) if name else None
    if actor is None or not actor.code:
        return None
    institution = actor.kind == "org" and actor.sector in STATE_SECTORS
    if not (name.casefold().startswith(GOVERNMENT_OFFICES) or institution):
        return None
    return as_state(actor)


def _paragraph_voices(text: str, principal: Actor, day: dt.date | None) -> list[tuple[int, int]]:
    """Character ranges (paragraphs) that are not the principal's voice."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        label = _LABEL.match(m.group())
        if label is None:
            continue
        speaker = resolve_actor(label.group(1), date=day)
        if speaker is None or speaker.code != principal.code:
            out.append((m.start(), m.end()))
    return out


def voice_mentions(doc: Doc, principal: Actor, document: str, day: dt.date | None = None) -> list[ActorMention]:
    """A mention of ``principal`` for each first-person pronoun of ``doc`` in the principal's voice."""
    others = _paragraph_voices(str(doc.text), principal, day)
    out = []
    for tok in doc:
        if tok.lower_ not in FIRST_PERSON or tok.pos_ != "PRON":
            continue
        if any(lo <= tok.idx < hi for lo, hi in others):
            continue
        prov = Provenance(document, tok.idx, tok.idx + len(tok.text), EXTRACTOR, __version__)
        out.append(ActorMention(principal, tok.text, prov))
    return out + office_mentions(str(doc.text), principal, document, others)


def office_mentions(text: str, principal: Actor, document: str,
                    others: list[tuple[int, int]]) -> list[ActorMention]:
    """A mention of ``principal`` for each :data:`OWN_OFFICE` phrase outside ``others`` (other speakers')."""
    out = []
    for m in OWN_OFFICE.finditer(text):
        if any(lo <= m.start() < hi for lo, hi in others):
            continue
        prov = Provenance(document, m.start(), m.end(), EXTRACTOR, __version__)
        out.append(ActorMention(principal, m.group(), prov))
    return out
