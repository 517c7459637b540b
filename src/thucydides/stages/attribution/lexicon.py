"""Word lists of the attribution stage and the outlet test."""

from __future__ import annotations

__all__ = ["ALLEGE_CUES", "ANON_HEADS", "BROAD_VERBS", "CHANNELS", "CLAIM_NOUNS", "DENY_CUES",
           "FALSITY_NOUNS", "MEDIA_WORDS", "OUTLETS", "QUOTE_ONLY_VERBS", "SPEECH_VERBS", "STATEMENT_NOUNS",
           "is_outlet"]


def _names(text: str) -> frozenset[str]:
    """A lexicon from a comma-separated string."""
    return frozenset(x.strip() for x in text.split(","))


def _words(text: str) -> frozenset[str]:
    """A lexicon from a space-separated string."""
    return frozenset(text.split())


#: Verbs that report speech, writing or thought; their clausal complement is the attributed content.
SPEECH_VERBS: frozenset[str] = _words(
    "say state tell report claim announce warn add insist confirm deny allege accuse note write tweet "
    "argue believe explain declare assert maintain acknowledge admit reveal disclose stress emphasize "
    "emphasise underline reiterate repeat comment remark respond reply answer conclude predict "
    "estimate think fear complain charge contend testify speculate concede dismiss reject refute "
    "rebuff vow promise pledge indicate suggest learn mention observe caution recall inform assure "
    "recount signal hint boast blame counter retort post brief notify suspect assess guarantee affirm "
    "certify verify proclaim threaten point")
#: Further verbs of communication, evaluation and stance that PolNeAR-style annotation counts as
#: attribution cues ("cited", "urged", "questioned", "praised"). :func:`find_attributions` reports
#: them; :func:`attribute` does not (they do not make their object a claim about an event).
BROAD_VERBS: frozenset[str] = _words(
    "ask call show support describe refer expect oppose question urge hope criticize find want "
    "criticise seek recall respond share cite view name plan praise mock prefer address "
    "ignore talk introduce propose favor favour consider condemn list discuss veto advocate "
    "decide compare demand refuse nominate echo review embrace attack sound recommend email request "
    "denounce bemoan blast slam decry applaud welcome hail tout highlight raise defend encourage "
    "endorse back feel wonder doubt acknowledge dismiss lament insist reference cite quote predict "
    "forecast demand agree disagree accept rebut slam fault thank congratulate")
#: More communicative verbs PolNeAR counts ("declined to comment", "expressed concern", "released a
#: statement"); "hop" is how the small English model lemmatizes "hoped".
BROAD_VERBS = BROAD_VERBS | _words(
    "decline express release order publish promote issue react apologize apologise herald characterize "
    "characterise voice deem rule worry joke push remember offer hop")
#: Nouns that report what their possessor says or thinks ("Trump's claim that …"); PolNeAR-style cues.
NOUN_CUES: frozenset[str] = _words(
    "claim suggestion criticism statement assertion allegation accusation argument warning comment remark "
    "announcement promise pledge call demand denial admission view belief assessment insistence "
    "contention charge complaint prediction threat vow proposal plea")
#: Verbs that are cues only when their content is a direct quotation (``"…," he continued``).
QUOTE_ONLY_VERBS: frozenset[str] = _words(
    "continue begin conclude finish ask")
#: Cues that deny the content.
DENY_CUES: frozenset[str] = _words(
    "deny reject dismiss refute rebuff disavow dispute contradict debunk repudiate")
#: Cues that present the content as an allegation.
ALLEGE_CUES: frozenset[str] = _words(
    "claim allege accuse charge contend purport blame point suggest indicate suspect")
#: Nouns that name a proposition a denial verb can take as object ("rejected the claim").
CLAIM_NOUNS: frozenset[str] = _words(
    "claim claims report reports allegation allegations accusation accusations rumor rumors rumour "
    "rumours suggestion suggestions assertion assertions notion idea story stories charge charges "
    "speculation speculations statement statements account accounts assessment")
#: Nouns that brand content as false ("dismissed … as disinformation").
FALSITY_NOUNS: frozenset[str] = _words(
    "disinformation misinformation fake fakes lie lies propaganda nonsense fabrication fabrications "
    "provocation fiction hoax falsehood falsehoods slander smear baseless false groundless absurd "
    "fantasy fantasies speculation untrue unfounded fabricated")
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
