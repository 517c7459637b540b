"""Word lists, patterns and number words only the loss-claim rules use (the speech, denial, modal and hedge
lists are in :mod:`thucydides.nlp.words`)."""

from __future__ import annotations

import re

from ...nlp.words import words

__all__ = ["AGENTIVE", "EQUIPMENT", "EXPERIENCER", "LOSS_MODIFIERS", "LOSS_NOUNS", "PEOPLE", "PEOPLE_VERBS",
           "TRIGGER_WORDS", "VAGUE", "VAGUE_WORDS", "parse_number", "words"]



EQUIPMENT = words("""
tank vehicle aircraft airplane plane jet fighter-bomber bomber helicopter chopper drone uav missile rocket launcher
system artillery gun howitzer mortar truck lorry van car apc ifv afv bmp btr mrl mlrs ship vessel boat warship
submarine cruiser frigate corvette equipment hardware weapon piece unit radar armor armour airframe jeep tractor
locomotive train battery interceptor transport tanker minesweeper landing craft
""")

PEOPLE = words("""
soldier troop serviceman servicemen personnel man men people person civilian fighter militant combatant child
children woman women officer general sailor pilot marine paratrooper conscript mercenary member insurgent
terrorist resident worker journalist crew crewman body life lives staff guard recruit volunteer prisoner
invader occupier occupant attacker gunman gunmen assailant rebel jihadist separatist policeman policemen
police peacekeeper ranger farmer miner passenger student protester demonstrator migrant refugee patient
doctor nurse hostage nationalist nationalists neo-nazi neo-nazis saboteur militiaman militiamen commander
sniper paramilitary crewmember villager inhabitant pedestrian bystander teenager boy girl baby infant adult
israeli israelis palestinian palestinians russian russians ukrainian ukrainians
""")

LOSS_NOUNS = words("loss losses casualty casualties death deaths fatality fatalities dead wounded toll")

#: Verbs whose subject is the side that suffered the losses.
EXPERIENCER = words("lose suffer sustain incur")

#: Verbs whose object is the loss and whose subject is the other side.
AGENTIVE = words("destroy damage capture seize down kill wound injure sink eliminate neutralize neutralise "
                 "abandon intercept inflict")

PEOPLE_VERBS = words("kill wound injure die")

#: Participles and adjectives that make the noun they modify a loss ("destroyed vehicles").
LOSS_MODIFIERS = words("destroyed damaged captured abandoned lost downed killed wounded injured sunk "
                       "dead eliminated shot intercepted")





WAR_WORDS = re.compile(r"\b(?:los[st]|lose|losing|losses|war|fighting|fight|invasion|invaded|battle|offensive|"
                       r"attack|combat|campaign|casualt)", re.IGNORECASE)

#: Loss words for the pre-filter, matched against lemmas and lower-case forms.
TRIGGER_WORDS = words("""
lose lost losing loss losses destroy destroyed damage damaged capture captured abandon abandoned shoot shot down
downed kill killed wound wounded injure injured casualty casualties dead death deaths die died fatality fatalities
sink sank sunk eliminate eliminated neutralize neutralise neutralized neutralised toll intercept intercepted
""")
#: Number words spaCy does not flag as ``like_num``.
VAGUE_WORDS = words("dozen dozens hundreds thousands tens scores")

SKIP_ENTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})

WORD_NUMBERS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1,
}

MULTIPLIERS: dict[str, int] = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000,
                               "dozen": 12}

#: Vague quantities: (value, qualifier).
VAGUE: dict[str, tuple[int, str]] = {
    "dozens": (12, "dozens"), "scores": (20, "dozens"), "hundreds": (100, "hundreds"),
    "thousands": (1000, "thousands"), "tens of thousands": (10_000, "thousands"),
    "hundreds of thousands": (100_000, "thousands"),
}

_QUALIFIERS: tuple[tuple[str, str], ...] = (
    (r"more than|over|above|in excess of|upwards of|beyond", "over"),
    (r"at least|no fewer than|no less than|a minimum of|not less than", "at least"),
    (r"about|around|some|nearly|approximately|roughly|almost|close to|an estimated|estimated|approx\.|circa",
     "about"),
    (r"up to|as many as|as much as|a maximum of|no more than|fewer than|less than|under", "up to"),
)

QUALIFIER_RES = [(re.compile(r"(?:^|\s)(" + alts + r")\s*$", re.IGNORECASE), q) for alts, q in _QUALIFIERS]


def parse_number(text: str) -> int | None:
    """The integer a number expression denotes: ``"1,262"``, ``"1.2 million"``, ``"two hundred"``, ``"12"``.

    Returns None when the text is not a number.
    """
    total, current, seen = 0, 0.0, False
    for word in text.lower().replace("-", " ").split():
        word = word.strip(",")
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?", word):
            current += float(word.replace(",", ""))
        elif word in WORD_NUMBERS:
            current += WORD_NUMBERS[word]
        elif word in MULTIPLIERS:
            factor = MULTIPLIERS[word]
            current = (current or 1) * factor
            if factor >= 1000:
                total, current = total + int(current), 0.0
        elif word != "and":
            return None
        seen = True
    return int(total + current) if seen else None
