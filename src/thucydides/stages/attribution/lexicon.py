"""Word lists only the attribution stage uses, and the outlet test (the speech, denial, claim-noun and
falsity lists are in :mod:`thucydides.nlp.words`)."""

from __future__ import annotations

from ...nlp.words import (
    ALLEGE_CUES,
    BROAD_VERBS,
    CLAIM_NOUNS,
    DENIAL_VERBS,
    FALSITY_NOUNS,
    NOUN_CUES,
    QUOTE_ONLY_VERBS,
    SPEECH_VERBS,
)

__all__ = [
    "ALLEGE_CUES",
    "ANON_HEADS",
    "BROAD_VERBS",
    "CHANNELS",
    "CLAIM_NOUNS",
    "DENY_CUES",
    "FALSITY_NOUNS",
    "MEDIA_WORDS",
    "NOUN_CUES",
    "OUTLETS",
    "QUOTE_ONLY_VERBS",
    "SPEECH_VERBS",
    "STATEMENT_NOUNS",
    "is_outlet",
]


def _names(text: str) -> frozenset[str]:
    """A lexicon from a comma-separated string."""
    return frozenset(x.strip() for x in text.split(","))


#: The attribution stage's name for :data:`~thucydides.nlp.words.DENIAL_VERBS` (the same list).
DENY_CUES = DENIAL_VERBS


def _words(text: str) -> frozenset[str]:
    """A lexicon from a space-separated string."""
    return frozenset(text.split())


#: Heads of anonymous sources.
ANON_HEADS: frozenset[str] = _words(
    "official officials source sources intelligence report reports diplomat diplomats officer "
    "officers aide aides insider insiders person people assessment assessments document documents "
    "memo estimate estimates analyst analysts briefing")
#: Objects of "according to" that are not sources ("according to plan").
NOT_SOURCES: frozenset[str] = _words(
    "plan plans schedule law laws rule rules tradition custom agreement protocol procedure script "
    "design instruction instructions need needs standard standards scale definition size age type "
    "order orders pattern expectation expectations legislation constitution treaty charter convention "
    "statute regulation regulations resolution norms principle principles logic tradition")
ANON_PHRASES: tuple[str, ...] = ("condition of anonymity", "not authorized to", "not authorised to",
                                 "declined to be named", "asked not to be named", "familiar with")
#: Known news outlets and agencies (lower case, without a leading "the").
OUTLETS: frozenset[str] = _names(
    "reuters, ap, associated press, afp, agence france-presse, bbc, cnn, fox news, msnbc, nbc, abc, "
    "cbs, npr, pbs, al jazeera, tass, ria novosti, ria, interfax, xinhua, global times, people's "
    "daily, cctv, cgtn, rt, sputnik, ukrinform, unian, kyiv independent, kyiv post, new york times, "
    "washington post, wall street journal, financial times, guardian, bloomberg, politico, axios, "
    "telegraph, economist, der spiegel, spiegel, le monde, die welt, el pais, yonhap, kyodo, nhk, "
    "dpa, efe, ansa, anadolu, kommersant, izvestia, rbc, meduza, novaya gazeta, bild, haaretz, times "
    "of israel, jerusalem post, south china morning post, usa today, los angeles times, huffpost, "
    "huffington post, breitbart, newsweek, sky news, france 24, deutsche welle, dw, euronews, voice "
    "of america, radio free europe, ukrainska pravda, sofrep, nikkei, new york post, the insider, the "
    "hill, vox, yahoo news, abc news, cbs news, nbc news, channel one, rossiya 1, nyt, wsj, ft, post, "
    "times, kcna, irna, tasnim, fars, wafa, belta, sana, itar-tass")
#: Last words that mark an outlet name ("The Moscow Times", "Channel One", "Rossiya TV").
MEDIA_WORDS: frozenset[str] = _words(
    "times post news journal tv television radio agency gazette herald tribune telegraph guardian "
    "daily press channel network broadcaster magazine newspaper wire observer chronicle monitor "
    "examiner pravda vedomosti")
#: Nouns that introduce an outlet's name ("state news agency KCNA", "the newspaper Kommersant").
AGENCY_WORDS: frozenset[str] = _words("agency newspaper broadcaster tabloid daily outlet channel network")
#: Channels that carry statements ("on Telegram", "on state TV").
CHANNELS: frozenset[str] = _words(
    "telegram twitter x facebook youtube instagram weibo vkontakte vk tiktok tv television radio "
    "website blog channel broadcast podcast truth social media")
#: Nouns for the act of saying ("in a statement to The Washington Post").
STATEMENT_NOUNS: frozenset[str] = _words(
    "statement interview post tweet message address briefing broadcast speech remarks remark comments "
    "comment appearance conversation call op-ed article letter video")
PRONOUNS: frozenset[str] = _words(
    "he she they it we i who")
_QUOTE_CHARS = {'"': '"', "\u201c": "\u201d", "''": "''"}
_MAX_CUE_SENT = 14
_BEFORE_ADJECTIVAL_SAID = frozenset(["the", "to", "a", "of", "in", "on", "for", "with", "from", "by", "this"])


def _strip_the(text: str) -> str:
    return text[4:] if text[:4].lower() == "the " else text


def is_outlet(text: str) -> bool:
    """Whether ``text`` names a news outlet or agency ("the BBC", "The Moscow Times", "Rossiya TV")."""
    name = _strip_the(text.strip()).lower()
    if not name or text.islower():
        return False
    if name in OUTLETS:
        return True
    words = _strip_the(text.strip()).split()
    if 2 <= len(words) <= 6 and any(w.lower() in AGENCY_WORDS for w in words[:-1]) and words[-1][:1].isupper():
        return True  # "state news agency KCNA", "the pro-Kremlin newspaper Izvestia"
    return 2 <= len(words) <= 5 and words[-1].lower() in MEDIA_WORDS and \
        all(w[:1].isupper() or w in ("of", "de", "la", "al") for w in words)


def _is_channel(text: str) -> bool:
    words = _strip_the(text.strip()).lower().split()
    return bool(words) and (words[-1] in CHANNELS or " ".join(words) in CHANNELS)
