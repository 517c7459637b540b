"""Trigger lexicon for the rule-based event detector: which words signal which PLOVER event, and how the
event's participants are found around them in the dependency parse.

Entries are written by the team from the PLOVER manual's definitions and the CAMEO verb categories.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ["ACCUSING_ADJECTIVES", "DEFAULT_LEXICON", "NOUNS", "OBJECT_FRAMES", "PARTICLE_VERBS", "REQUEST_MODES", "VERBS", "Lexicon", "Trigger"]


@dataclass(frozen=True)
class Trigger:
    """How a trigger word codes an event.

    Attributes:
        type: PLOVER event type.
        mode: PLOVER mode, or None.
        obj_recipient: the direct object (or, for nouns, the ``of`` complement) is the recipient.
        preps: prepositions whose object is the recipient (``"from"`` for *request aid from X*).
        reciprocal: a partner found through ``with`` (or a coordinated subject) joins the actors.
        absorbs: events inside this trigger's complement belong to it (a demand to withdraw is one REQUEST,
            not a REQUEST and a RETREAT).
        swap: the grammatical subject is the recipient and the object the actor (*X hosted Y*).
        accusation: the speaker is the actor and the grammatical subject the recipient (*Putin lied*).
        name: the versioned extractor name reported on claims.
        cameo: a CAMEO code that overrides the one derived from type and mode (dictionaries coded in CAMEO).
    """

    type: str
    mode: str | None = None
    obj_recipient: bool = True
    preps: tuple[str, ...] = ()
    reciprocal: bool = False
    absorbs: bool = False
    swap: bool = False
    accusation: bool = False
    name: str = ""
    cameo: str | None = None

    @property
    def extractor(self) -> str:
        return self.name or f"rules.{self.type.lower()}.v1"


def _t(type_: str, mode: str | None = None, **kw: object) -> Trigger:
    return Trigger(type_, mode, **kw)  # type: ignore[arg-type]


_REQ = _t("REQUEST", None, preps=("from", "of"), absorbs=True)
_REQ_OBJ = _t("REQUEST", None, preps=("from",), absorbs=True)
_ACC = _t("ACCUSE", "disapprove")
_ALLEGE = _t("ACCUSE", "allege")  # "accused X of shelling": the shelling stays, alleged by the accuser
_THREAT = _t("THREATEN", None, preps=("against",), absorbs=True)
_ASSAULT = _t("ASSAULT", None, preps=("on", "against", "at"))
_AGREE = _t("AGREE", None, obj_recipient=False, preps=("with", "to"), reciprocal=True, absorbs=True)
_PROMISE = _t("AGREE", None, obj_recipient=False, preps=("to",), absorbs=True)
_SUPPORT = _t("SUPPORT", None)
_CONSULT = _t("CONSULT", None, preps=("with",), reciprocal=True)
_REJECT = _t("REJECT", None, absorbs=True)
_AID = _t("AID", None, preps=("to",))
_MOBILIZE = _t("MOBILIZE", "troops", obj_recipient=False, preps=("to", "against", "toward", "towards"))
_RETREAT = _t("RETREAT", "withdraw", obj_recipient=False, preps=("from",))
_ARREST = _t("COERCE", "arrest")
_PROTEST = _t("PROTEST", "demo", obj_recipient=False, preps=("against",))
_SANCTION = _t("SANCTION", "discontinue", preps=("on", "against"))

#: verb lemma -> trigger (object-sensitive verbs are in OBJECT_FRAMES, particle verbs in PARTICLE_VERBS)
VERBS: dict[str, Trigger] = {
    # REQUEST: requests, demands, appeals
    "request": _REQ_OBJ, "ask": _REQ, "seek": _REQ_OBJ, "demand": _REQ_OBJ, "urge": _REQ, "press": _REQ,
    "implore": _REQ, "beg": _REQ, "appeal": _t("REQUEST", None, preps=("to",), absorbs=True),
    "plead": _t("REQUEST", None, preps=("with",), absorbs=True), "petition": _REQ,
    # ACCUSE
    "accuse": _ALLEGE, "blame": _ALLEGE, "charge": _ALLEGE, "indict": _ALLEGE, "sue": _ALLEGE,
    "condemn": _ACC, "denounce": _ACC, "deplore": _ACC, "criticize": _ACC, "criticise": _ACC,
    "slam": _ACC, "rebuke": _ACC, "censure": _ACC, "decry": _ACC, "lambast": _ACC, "castigate": _ACC,
    "investigate": _t("ACCUSE", "investigate"), "probe": _t("ACCUSE", "investigate"),
    "lie": _t("ACCUSE", "allege", obj_recipient=False, accusation=True),
    # THREATEN
    "threaten": _THREAT, "warn": _THREAT,
    # REJECT
    "reject": _REJECT, "refuse": _REJECT, "veto": _REJECT, "rebuff": _REJECT, "snub": _REJECT,
    "spurn": _REJECT,
    # AGREE
    "agree": _AGREE, "promise": _PROMISE, "pledge": _PROMISE, "vow": _PROMISE, "offer": _PROMISE,
    "commit": _PROMISE,
    # SUPPORT
    "support": _SUPPORT, "back": _SUPPORT, "endorse": _SUPPORT, "praise": _SUPPORT, "hail": _SUPPORT,
    "commend": _SUPPORT, "recognize": _SUPPORT, "recognise": _SUPPORT, "apologize": _t("SUPPORT", None, preps=("to",)),
    "apologise": _t("SUPPORT", None, preps=("to",)), "defend": _SUPPORT,
    # CONSULT
    "meet": _CONSULT, "negotiate": _CONSULT, "confer": _CONSULT, "visit": _t("CONSULT", "visit"),
    "host": _t("CONSULT", "visit", swap=True), "welcome": _t("CONSULT", "visit", swap=True),
    "mediate": _t("CONSULT", None, preps=("between",)),
    # COOPERATE / AID
    "cooperate": _t("COOPERATE", None, preps=("with",), reciprocal=True),
    "collaborate": _t("COOPERATE", None, preps=("with",), reciprocal=True),
    "aid": _AID, "help": _AID, "assist": _AID, "supply": _AID, "arm": _AID, "fund": _AID,
    "finance": _AID, "donate": _AID, "deliver": _t("AID", None, obj_recipient=False, preps=("to",)),
    "provide": _t("AID", None, obj_recipient=False, preps=("to",)),
    # RETREAT / CONCEDE
    "withdraw": _RETREAT, "retreat": _RETREAT, "evacuate": _RETREAT,
    "release": _t("RETREAT", "release", obj_recipient=False), "free": _t("RETREAT", "release", obj_recipient=False),
    "surrender": _t("RETREAT", "disarm", obj_recipient=False, preps=("to",)),
    "concede": _t("CONCEDE", None, obj_recipient=False, preps=("to",)),
    # MOBILIZE
    "mobilize": _MOBILIZE, "mobilise": _MOBILIZE, "deploy": _MOBILIZE, "amass": _MOBILIZE, "mass": _MOBILIZE,
    "station": _MOBILIZE,
    # SANCTION
    "sanction": _SANCTION, "expel": _t("SANCTION", "expel"), "boycott": _t("PROTEST", "boycott"),
    # COERCE
    "arrest": _ARREST, "detain": _ARREST, "jail": _ARREST, "imprison": _ARREST,
    "deport": _t("COERCE", "deport"), "hack": _t("COERCE", "cyber"), "censor": _t("COERCE", "censor"), "confiscate": _t("COERCE", "seize"),
    # PROTEST
    "protest": _PROTEST, "demonstrate": _PROTEST, "rally": _PROTEST, "riot": _t("PROTEST", "riot"),
    # more SANCTION / COERCE / PROTEST / RETREAT / ASSAULT verbs
    "suspend": _t("SANCTION", "discontinue", obj_recipient=False, preps=("with", "to", "for")),
    "freeze": _t("SANCTION", "discontinue", obj_recipient=False, preps=("of",)),
    "halt": _t("SANCTION", "discontinue", obj_recipient=False, preps=("with", "to")),
    "ban": _t("COERCE", "restrict", preps=("from",)), "outlaw": _t("COERCE", "restrict"),
    "blockade": _t("COERCE", "restrict"),
    "deface": _t("COERCE", "cyber"), "expropriate": _t("COERCE", "seize"),
    "march": _t("PROTEST", "demo", obj_recipient=False, preps=("against", "on")),
    "picket": _t("PROTEST", "demo"), "resign": _t("RETREAT", "resign", obj_recipient=False),
    "demobilize": _t("RETREAT", "disarm", obj_recipient=False), "disarm": _t("RETREAT", "disarm", obj_recipient=False),
    "wound": _ASSAULT, "injure": _ASSAULT, "beat": _t("ASSAULT", "beat"), "abuse": _t("ASSAULT", "beat"),
    "rape": _t("ASSAULT", "sexual"), "massacre": _ASSAULT, "execute": _t("ASSAULT", "targeted"),
    "behead": _t("ASSAULT", "targeted"), "stab": _t("ASSAULT", "primitive"), "torch": _t("ASSAULT", "destroy"),
    "destroy": _t("ASSAULT", "destroy"), "hijack": _t("ASSAULT", "abduct"),
    "order": _t("REQUEST", None, absorbs=True, name="rules.request.order.v1"), "insist": _t("REQUEST", None, obj_recipient=False, absorbs=True),
    "summon": _t("ACCUSE", "disapprove"), "reprimand": _t("ACCUSE", "disapprove"),
    "renege": _t("REJECT", None, obj_recipient=False, preps=("to",)),
    "defy": _t("REJECT", None), "boycott_": _t("PROTEST", "boycott"),
    # ASSAULT
    "attack": _ASSAULT, "invade": _ASSAULT, "strike": _ASSAULT, "raid": _ASSAULT, "assault": _ASSAULT,
    "bomb": _t("ASSAULT", "aerial", preps=("on",)), "shell": _t("ASSAULT", "heavy-weapons"),
    "bombard": _t("ASSAULT", "heavy-weapons"), "pound": _t("ASSAULT", "heavy-weapons"),
    "kill": _ASSAULT, "shoot": _t("ASSAULT", "firearms", preps=("at",)), "ambush": _ASSAULT,
    "occupy": _ASSAULT, "besiege": _ASSAULT, "kidnap": _t("ASSAULT", "abduct"), "abduct": _t("ASSAULT", "abduct"),
    "torture": _t("ASSAULT", "torture"), "assassinate": _t("ASSAULT", "targeted"),
    "fight": _t("ASSAULT", None, preps=("against", "with")),
    "annex": _ASSAULT, "seize": _t("ASSAULT", None), "capture": _t("ASSAULT", None),
}

#: (verb lemma, particle or preposition) -> trigger, for phrasal verbs
PARTICLE_VERBS: dict[tuple[str, str], Trigger] = {
    ("call", "on"): _t("REQUEST", None, preps=("on",), absorbs=True),
    ("call", "for"): _t("REQUEST", None, obj_recipient=False, absorbs=True),
    ("call", "upon"): _t("REQUEST", None, preps=("upon",), absorbs=True),
    ("look", "to"): _t("REQUEST", "assist", obj_recipient=False, preps=("to",), absorbs=True),
    ("turn", "to"): _t("REQUEST", "assist", obj_recipient=False, preps=("to",), absorbs=True),
    ("pull", "out"): _t("SANCTION", "withdraw", obj_recipient=False, preps=("of", "from")),
    ("pull", "back"): _t("RETREAT", "withdraw", obj_recipient=False, preps=("from",)),
    ("crack", "down"): _t("COERCE", "restrict", obj_recipient=False, preps=("on",)),
    ("shoot", "down"): _t("ASSAULT", None),
    ("speak", "with"): _t("CONSULT", None, obj_recipient=False, preps=("with",), reciprocal=True),
    ("talk", "with"): _t("CONSULT", None, obj_recipient=False, preps=("with",), reciprocal=True),
    ("hold", "talks"): _CONSULT,
    ("break", "off"): _t("SANCTION", "withdraw", obj_recipient=False, preps=("with",)),
    ("cut", "off"): _t("SANCTION", "discontinue", obj_recipient=False, preps=("to",)),
}

#: verb lemma -> {object lemma -> trigger}: verbs that code an event only with certain objects
OBJECT_FRAMES: dict[str, dict[str, Trigger]] = {
    "sign": {w: _t("AGREE", None, obj_recipient=False, preps=("with",), reciprocal=True)
             for w in ("agreement", "deal", "treaty", "accord", "pact", "statement", "declaration",
                       "memorandum", "communique", "contract", "ceasefire", "truce")},
    "hold": {w: _CONSULT for w in ("talk", "talks", "meeting", "summit", "call", "negotiation", "discussion")},
    "impose": {w: _SANCTION for w in ("sanction", "sanctions", "embargo", "tariff", "tariffs", "ban")}
    | {"curfew": _t("COERCE", "curfew"), "law": _t("COERCE", "martial-law")},
    "send": {w: _t("MOBILIZE", "troops", obj_recipient=False, preps=("to", "into"))
             for w in ("troop", "troops", "soldier", "force", "forces", "warship", "tank", "battalion")}
    | {w: _t("AID", None, obj_recipient=False, preps=("to",))
       for w in ("aid", "weapon", "weapons", "arms", "ammunition", "assistance", "supply", "supplies",
                 "equipment", "missile", "money")},
    "give": {w: _t("AID", None, obj_recipient=False, preps=("to",))
             for w in ("aid", "loan", "weapon", "arms", "assistance", "money", "support")},
    "launch": {w: _t("ASSAULT", None, obj_recipient=False, preps=("on", "against", "at", "into", "toward"))
               for w in ("attack", "strike", "offensive", "invasion", "assault", "raid", "missile", "airstrike",
                         "counteroffensive", "bombardment", "drone", "rocket", "incursion")},
    "fire": {w: _t("ASSAULT", "heavy-weapons", obj_recipient=False, preps=("at", "on", "into", "toward", "towards"))
             for w in ("rocket", "missile", "shell", "mortar", "drone", "artillery", "salvo", "round", "shot")},
    "carry": {w: _ASSAULT for w in ("attack", "strike", "raid", "airstrike", "bombing")},
    "take": {w: _t("ASSAULT", None)
             for w in ("city", "control", "town", "village", "territory", "capital", "region")},
    "lift": {w: _t("RETREAT", None, obj_recipient=False) for w in ("sanction", "sanctions", "blockade", "siege")},
    "call": {w: _SUPPORT for w in ("partner", "ally", "friend", "brother", "neighbor", "neighbour")}
    | {w: _t("ACCUSE", "allege") for w in ("aggressor", "terrorist", "criminal", "threat", "liar",
                                           "invader", "murderer", "dictator", "regime")},
    "cut": {w: _t("SANCTION", "withdraw", obj_recipient=False, preps=("with",))
            for w in ("tie", "ties", "relation", "relations")},
    "expel": {w: _t("SANCTION", "expel", obj_recipient=False, preps=("from",))
              for w in ("diplomat", "ambassador", "envoy")},
    **{verb: {w: _t("AID", None, obj_recipient=False, preps=("to",))
              for w in ("weapon", "weapons", "arms", "shell", "shells", "ammunition", "missile", "missiles",
                        "drone", "drones", "tank", "tanks", "aid", "fuel", "equipment", "rocket", "rockets")}
       for verb in ("ship", "transfer", "sell", "smuggle", "airlift", "donate")},
    **{verb: {w: _t("AID", None, obj_recipient=False, preps=("from",), swap=True, name="rules.aid.buy.v1")
              for w in ("weapon", "weapons", "arms", "howitzer", "howitzers", "missile", "missiles", "jet", "jets",
                        "fighter", "fighters", "tank", "tanks", "drone", "drones", "system", "systems", "helicopter",
                        "helicopters", "ammunition", "shell", "shells", "submarine", "submarines", "frigate")}
       for verb in ("buy", "purchase", "acquire", "import")},
    "receive": {w: _t("AID", None, obj_recipient=False, preps=("from",), swap=True,
                      name="rules.aid.receive.v1")
                for w in ("weapon", "weapons", "arms", "shell", "shells", "ammunition", "missile", "missiles",
                          "drone", "drones", "tank", "tanks", "aid", "assistance", "fuel", "equipment", "loan")},
    "declare": {w: _t("RETREAT", "ceasefire", obj_recipient=False, preps=("with",)) for w in ("ceasefire", "truce")}
    | {w: _t("COERCE", "martial-law", obj_recipient=False) for w in ("emergency", "siege", "law", "curfew")},
    "stage": {w: _t("PROTEST", "demo", obj_recipient=False, preps=("against",))
              for w in ("demonstration", "protest", "rally", "march", "sit", "strike")},
    "block": {w: _t("PROTEST", "obstruct", obj_recipient=False)
              for w in ("road", "roadway", "bridge", "highway", "street", "border", "access", "entrance", "transport")},
    "reduce": {w: _t("SANCTION", "discontinue", obj_recipient=False, preps=("to", "for"))
               for w in ("aid", "supply", "supplies", "assistance", "tie", "ties", "relation", "relations", "presence")},
    "close": {w: _t("SANCTION", "discontinue", obj_recipient=False, preps=("with", "to"))
              for w in ("border", "borders", "embassy", "airspace", "consulate", "crossing")},
    "open": {w: _t("ASSAULT", "firearms", obj_recipient=False, preps=("on", "at")) for w in ("fire",)},
}

#: nouns naming a report or claim: "rejected the claims that ..." denies the content, it is no REJECT event

#: adjective predicates that, said of another actor by a speaker, accuse it ("We believe China was aware")
ACCUSING_ADJECTIVES: dict[str, Trigger] = {
    w: _t("ACCUSE", "allege", obj_recipient=False, accusation=True, name="rules.accuse.predicate.v1")
    for w in ("aware", "complicit", "responsible", "guilty", "culpable", "liable")}

#: content words that set the mode of a REQUEST or REJECT
REQUEST_MODES: dict[str, str] = {
    **{w: "assist" for w in ("aid", "help", "assistance", "support", "weapon", "arms", "equipment", "supply",
                             "ammunition", "loan", "money", "fund", "troop", "protection", "drone", "missile",
                             "tank", "jet", "fighter", "fuel", "food", "grain", "gas", "vaccine", "shell", "rocket")},
    **{w: "yield" for w in ("withdraw", "withdrawal", "release", "ceasefire", "truce", "leave", "lift", "end",
                            "stop", "halt", "retreat", "surrender", "free")},
    **{w: "meet" for w in ("meet", "meeting", "talk", "negotiation", "negotiate", "summit", "dialogue")},
    **{w: "change" for w in ("resign", "reform", "change", "step", "election", "investigation", "mediation")},
}

#: noun lemma -> trigger (nominal events: "the request", "sanctions on Russia", "Russia's invasion of Ukraine")
NOUNS: dict[str, Trigger] = {
    "request": _t("REQUEST", None, preps=("to",), absorbs=True),
    "demand": _t("REQUEST", None, preps=("on", "to"), absorbs=True),
    "appeal": _t("REQUEST", None, preps=("to",), absorbs=True),
    "sanction": _t("SANCTION", "discontinue", preps=("on", "against")),
    "embargo": _t("SANCTION", "discontinue", preps=("on", "against")),
    "invasion": _t("ASSAULT", None, preps=("of", "on")),
    "attack": _t("ASSAULT", None, preps=("on", "against")),
    "offensive": _t("ASSAULT", None, preps=("on", "against")),
    "airstrike": _t("ASSAULT", "aerial", preps=("on", "against")),
    "bombardment": _t("ASSAULT", "heavy-weapons", preps=("of", "on")),
    "shelling": _t("ASSAULT", "heavy-weapons", preps=("of", "on")),
    "bombing": _t("ASSAULT", "aerial", preps=("of", "on")),
    "talk": _t("CONSULT", None, preps=("with",), reciprocal=True),
    "summit": _t("CONSULT", None, preps=("with",), reciprocal=True),
    "visit": _t("CONSULT", "visit", preps=("to",)),
    "threat": _t("THREATEN", None, preps=("to", "against"), absorbs=True),
    "ultimatum": _t("THREATEN", "relations", preps=("to",), absorbs=True),
    "consequence": _t("THREATEN", "restrict", preps=("for",), absorbs=True),
    "accusation": _t("ACCUSE", "allege", preps=("against",), absorbs=True),
    "condemnation": _t("ACCUSE", "disapprove", preps=("of",)),
    "deployment": _t("MOBILIZE", "troops", preps=("to",)),
    "mobilization": _t("MOBILIZE", "troops", preps=("to",)),
    "buildup": _t("MOBILIZE", "troops", preps=("near", "on", "along")),
    "withdrawal": _t("RETREAT", "withdraw", preps=("from",)),
    "ceasefire": _t("RETREAT", "ceasefire", preps=("with",), reciprocal=True),
    "protest": _t("PROTEST", "demo", preps=("against",)),
    "demonstration": _t("PROTEST", "demo", preps=("against",)),
    "riot": _t("PROTEST", "riot", preps=("against",)),
    "strike": _t("ASSAULT", None, preps=("on", "against")),
    "blockade": _t("COERCE", "restrict", preps=("of", "on", "against")),
    "suspension": _t("SANCTION", "discontinue", preps=("with", "to", "of")),
    "resignation": _t("RETREAT", "resign", preps=()),
    "drill": _t("MOBILIZE", "troops", preps=("around", "near", "off", "along")),
    "exercise": _t("MOBILIZE", "troops", preps=("around", "near", "off", "along")),
    "countermeasure": _t("THREATEN", None, preps=("against",), absorbs=True),
    "arrest": _t("COERCE", "arrest", preps=("of",)),
}


@dataclass(frozen=True)
class Lexicon:
    """A complete set of triggers. The default is the team's; an evaluation or a plugin can supply another
    (for instance one built from a CAMEO verb dictionary) and pass it to :func:`thucydides.stages.events.detect.detect_events`.

    Attributes:
        special_rules: also apply the built-in constructions that are not table lookups (deontic "must"
            demands, labour strikes, dismissals as disinformation).
    """

    verbs: Mapping[str, Trigger]
    particle_verbs: Mapping[tuple[str, str], Trigger]
    object_frames: Mapping[str, Mapping[str, Trigger]]
    nouns: Mapping[str, Trigger]
    adjectives: Mapping[str, Trigger]
    name: str = "team"
    special_rules: bool = True


DEFAULT_LEXICON = Lexicon(VERBS, PARTICLE_VERBS, OBJECT_FRAMES, NOUNS, ACCUSING_ADJECTIVES)
