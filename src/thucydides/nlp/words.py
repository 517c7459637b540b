"""Every word list that says how a text reports, denies, hedges or qualifies an event, each listed once.

The attribution, status, event, learned and loss-claim stages all read these; a stage may combine them
(``SPEECH_VERBS | FIGURE_VERBS``) but never keeps its own copy. Entries are lower-case lemmas unless a
comment says surface forms.
"""

from __future__ import annotations

__all__ = ["ACCIDENT_NOUNS", "ACCIDENT_VERBS", "ALLEGE_CUES", "BROAD_VERBS", "CLAIM_NOUNS", "DENIAL_VERBS",
           "DEONTIC_MODALS", "ELECTION_WORDS", "FACTIVE_CUES", "FALSITY_NOUNS", "FIGURE_HEDGES", "FIGURE_VERBS",
           "FUTURE_AUXILIARIES", "HAZARD_CAUSES", "HAZARD_NOUNS", "HEDGE_ADJS", "HEDGE_ADVERBS", "HEDGE_AMODS",
           "HYPO_AMODS", "MODALS", "NOUN_CUES", "POSSIBILITY_MODALS", "QUOTE_ONLY_VERBS", "RAISING_HEDGES",
           "SPEECH_VERBS", "SPORT_WORDS", "VICTORY_VERBS", "words"]


def words(text: str) -> frozenset[str]:
    """A word list from a space-separated string."""
    return frozenset(text.split())


# --------------------------------------------------------------------------- speech

#: Reporting verbs that vouch for what they report ("the ministry confirms that ..."): coders keep such a claim
#: asserted even when its claimant is none of the actors.
FACTIVE_CUES: frozenset[str] = words("confirm acknowledge admit verify")

#: Verbs that report speech, writing or thought; their clausal complement is the attributed content.
SPEECH_VERBS: frozenset[str] = words(
    "say state tell report claim announce warn add insist confirm deny allege accuse note write tweet "
    "argue believe explain declare assert maintain acknowledge admit reveal disclose stress emphasize "
    "emphasise underline reiterate repeat comment remark respond reply answer conclude predict "
    "estimate think fear complain charge contend testify speculate concede dismiss reject refute "
    "rebuff vow promise pledge indicate suggest learn mention observe caution recall inform assure "
    "recount signal hint boast blame counter retort post brief notify suspect assess guarantee affirm "
    "certify verify proclaim threaten point")
#: Further verbs of communication, evaluation and stance that PolNeAR-style annotation counts as
#: attribution cues ("cited", "urged", "questioned", "praised", "declined to comment", "expressed
#: concern"); "hop" is how the small English model lemmatizes "hoped".
BROAD_VERBS: frozenset[str] = words(
    "ask call show support describe refer expect oppose question urge hope criticize find want "
    "criticise seek recall respond share cite view name plan praise mock prefer address "
    "ignore talk introduce propose favor favour consider condemn list discuss veto advocate "
    "decide compare demand refuse nominate echo review embrace attack sound recommend email request "
    "denounce bemoan blast slam decry applaud welcome hail tout highlight raise defend encourage "
    "endorse back feel wonder doubt acknowledge dismiss lament insist reference cite quote predict "
    "forecast demand agree disagree accept rebut slam fault thank congratulate "
    "decline express release order publish promote issue react apologize apologise herald characterize "
    "characterise voice deem rule worry joke push remember offer hop")
#: Nouns that report what their possessor says or thinks ("Trump's claim that …"); PolNeAR-style cues.
NOUN_CUES: frozenset[str] = words(
    "claim suggestion criticism statement assertion allegation accusation argument warning comment remark "
    "announcement promise pledge call demand denial admission view belief assessment insistence "
    "contention charge complaint prediction threat vow proposal plea")
#: Verbs that are cues only when their content is a direct quotation (``"…," he continued``).
QUOTE_ONLY_VERBS: frozenset[str] = words("continue begin conclude finish ask")
#: Verbs that report a figure rather than speech ("the count puts losses at", "figures show 200 tanks").
FIGURE_VERBS: frozenset[str] = words("show count put")

# --------------------------------------------------------------------------- denial and allegation

#: Verbs that deny their content or object ("denied that …", "rejected the claims").
DENIAL_VERBS: frozenset[str] = words(
    "deny reject dismiss refute rebuff disavow dispute contradict debunk repudiate")
#: Cues that present the content as an allegation.
ALLEGE_CUES: frozenset[str] = words(
    "claim allege accuse charge contend purport blame point suggest indicate suspect")
#: Nouns that name a proposition a denial verb can take as object ("rejected the claim").
CLAIM_NOUNS: frozenset[str] = words(
    "claim claims report reports allegation allegations accusation accusations rumor rumors rumour "
    "rumours suggestion suggestions assertion assertions notion idea story stories charge charges "
    "speculation speculations statement statements account accounts assessment")
#: Nouns and adjectives that brand content as false ("dismissed … as disinformation").
FALSITY_NOUNS: frozenset[str] = words(
    "disinformation misinformation fake fakes lie lies propaganda nonsense fabrication fabrications "
    "provocation fiction hoax falsehood falsehoods slander smear baseless false groundless absurd "
    "fantasy fantasies speculation untrue unfounded fabricated")

# --------------------------------------------------------------------------- modality (surface forms)

#: Auxiliaries of the future ("will", "won't" is "wo" + "n't").
FUTURE_AUXILIARIES: frozenset[str] = words("will shall 'll wo")
#: Auxiliaries that make an event only possible.
POSSIBILITY_MODALS: frozenset[str] = words("could may might would can")
#: Auxiliaries of obligation ("must", "should").
DEONTIC_MODALS: frozenset[str] = words("should must ought")
#: Every modal auxiliary ("can't" is "ca" + "n't").
MODALS: frozenset[str] = FUTURE_AUXILIARIES | POSSIBILITY_MODALS | DEONTIC_MODALS | words("ca")

# --------------------------------------------------------------------------- hedges

#: Hedging adverbs: the event is reported, not vouched for (surface forms).
HEDGE_ADVERBS: frozenset[str] = words(
    "allegedly reportedly purportedly apparently supposedly seemingly ostensibly presumably possibly "
    "probably likely perhaps maybe reputedly rumoredly evidently")
#: Modifiers of a nominal trigger that hedge it ("the alleged attack").
HEDGE_AMODS: frozenset[str] = words(
    "alleged reported suspected purported apparent rumored rumoured claimed presumed likely probable")
#: Modifiers of a nominal trigger that make it hypothetical ("a possible attack").
HYPO_AMODS: frozenset[str] = words(
    "possible potential planned future proposed prospective impending imminent expected intended "
    "threatened")
#: Adjectives that hedge a clause they govern ("it is possible that …").
HEDGE_ADJS: frozenset[str] = words("possible likely probable unlikely conceivable plausible")
#: Raising verbs that hedge their complement ("is said to", "seems to", "is believed to").
RAISING_HEDGES: frozenset[str] = words(
    "say rumor rumour report believe think suppose understand allege reckon suspect claim consider "
    "seem appear")
#: Participles that hedge a figure ("an estimated 200", "unconfirmed reports of", "believed killed").
FIGURE_HEDGES: frozenset[str] = words("unconfirmed estimated believed thought feared suspected assessed")

# --------------------------------------------------------------------------- happenings that are no one's act

#: Natural hazards and fires: when one is what kills or strikes, the sentence reports a disaster, which
#: CODING.md §1 codes as no event ("Tropical Storm Ana kills 23 people", "killed by mudslides"). Lemmas of
#: the head noun or of a compound before it ("Cyclone Batsirai", "the McBride Fire").
HAZARD_NOUNS: frozenset[str] = words(
    "earthquake quake aftershock tremor flood flooding floodwater deluge mudslide landslide mudflow avalanche "
    "cyclone typhoon hurricane storm tornado twister wildfire bushfire fire blaze inferno heatwave "
    "drought eruption volcano tsunami monsoon blizzard snowstorm sandstorm hailstorm rainfall rain "
    "rains downpour")
#: Words that make a fire or a flood someone's doing ("a fire after a drone strike", "floods caused by the
#: shelling of a dam"): a hazard phrase holding one is not a disaster.
HAZARD_CAUSES: frozenset[str] = words(
    "strike airstrike attack shelling shell missile rocket drone bomb bombing artillery arson arsonist "
    "sabotage explosive grenade mortar blow breach shoot ram torpedo hijack")
#: Verbs of accidents, used without an object ("a bus crashes in Jalisco", "a ferry capsizes", "a tunnel
#: collapses"): CODING.md §1 codes accidents as no event, unless the sentence says something caused them
#: (:data:`HAZARD_CAUSES`: "is shot down and crashes").
ACCIDENT_VERBS: frozenset[str] = words("crash collide derail capsize sink collapse")
#: Nouns of accidents as what kills ("a mine collapse kills three", "killed in a train crash").
ACCIDENT_NOUNS: frozenset[str] = words("crash collision derailment collapse capsizing sinking shipwreck pileup")
#: Verbs of winning a game or a vote ("Sweden beat Spain 27-26", "the party wins 30 seats"). With a word of
#: sport or of an election in the sentence, CODING.md §1 codes the result as no event.
VICTORY_VERBS: frozenset[str] = words("beat defeat win edge thrash rout overcome outscore")
#: Words that make a victory a game's ("in the final", "on penalties", "the league title").
SPORT_WORDS: frozenset[str] = words(
    "championship champion cup title final finals semifinal semi-final quarterfinal league tournament match "
    "medal trophy penalty penalties shoot-out shootout playoff playoffs olympics olympic paralympics derby "
    "club team squad season stadium football basketball baseball hockey rugby cricket tennis golf")
#: Words that make a victory an election's ("wins 58% of the vote", "wins the most seats").
ELECTION_WORDS: frozenset[str] = words(
    "election elections vote votes seat seats ballot ballots poll polls runoff run-off referendum primary "
    "primaries re-election reelection majority constituency")
