"""The PLOVER ontology as Thucydides uses it: the 16 event types, their modes, quad classes, scores and the
CAMEO code each (type, mode) pair is exported as.

Written from the PLOVER manual (draft 0.8, 2021, Open Event Data Alliance) and the CAMEO codebook; the scores
are the manual's conflict-cooperation scale (-10..+10). Where the manual's table has an obvious slip
(ACCUSE listed as +3) the sign is corrected.
"""

from __future__ import annotations

from .errors import InvalidValue

__all__ = ["EVENT_TYPES", "MODES", "QUADS", "cameo_code", "plover_score", "quad_of", "validate_type"]

#: type -> (quad class 1..4, score, CAMEO root)
_TYPES: dict[str, tuple[int, float, str]] = {
    "AGREE": (1, 2.5, "03"), "CONSULT": (1, 2.5, "04"), "SUPPORT": (1, 5.0, "05"), "CONCEDE": (1, 4.5, "08"),
    "COOPERATE": (2, 9.5, "06"), "AID": (2, 10.0, "07"), "RETREAT": (2, 6.5, "08"),
    "REQUEST": (3, 0.0, "10"), "ACCUSE": (3, -3.0, "11"), "REJECT": (3, -2.0, "12"), "THREATEN": (3, -3.5, "13"),
    "PROTEST": (4, -5.0, "14"), "SANCTION": (4, -6.0, "16"), "MOBILIZE": (4, -5.5, "15"),
    "COERCE": (4, -7.0, "17"), "ASSAULT": (4, -9.0, "18"),
}
EVENT_TYPES: tuple[str, ...] = tuple(_TYPES)
#: quad class number -> name (GDELT's QuadClass numbering).
QUADS: dict[int, str] = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
                         4: "material conflict"}

#: (type, mode) -> (score, CAMEO code)
_MODES: dict[tuple[str, str], tuple[float, str]] = {
    ("CONSULT", "visit"): (4.0, "042"), ("CONSULT", "third-party"): (1.0, "044"),
    ("CONSULT", "multilateral"): (4.0, "040"), ("CONSULT", "phone"): (1.5, "041"),
    ("RETREAT", "withdraw"): (8.0, "0872"), ("RETREAT", "release"): (6.5, "0841"),
    ("RETREAT", "disarm"): (10.0, "0873"), ("RETREAT", "ceasefire"): (7.5, "0871"),
    ("RETREAT", "access"): (6.5, "086"), ("RETREAT", "resign"): (4.5, "0831"),
    ("REQUEST", "assist"): (0.5, "103"), ("REQUEST", "change"): (-1.0, "104"),
    ("REQUEST", "yield"): (-1.0, "1056"), ("REQUEST", "meet"): (0.0, "108"),
    ("ACCUSE", "disapprove"): (-2.0, "111"), ("ACCUSE", "investigate"): (-3.5, "090"),
    ("ACCUSE", "allege"): (-3.5, "112"),
    ("REJECT", "assist"): (-1.5, "122"), ("REJECT", "change"): (-2.0, "123"), ("REJECT", "yield"): (-2.0, "124"),
    ("REJECT", "meet"): (-2.0, "125"),
    ("THREATEN", "restrict"): (-3.0, "1312"), ("THREATEN", "arrest"): (-3.5, "137"),
    ("THREATEN", "relations"): (-3.5, "1313"), ("THREATEN", "expel"): (-3.5, "136"),
    ("THREATEN", "territory"): (-4.0, "1382"), ("THREATEN", "violence"): (-3.5, "1384"),
    ("PROTEST", "demo"): (-5.0, "141"), ("PROTEST", "riot"): (-7.0, "145"), ("PROTEST", "strike"): (-5.0, "143"),
    ("PROTEST", "hunger"): (-4.5, "142"), ("PROTEST", "boycott"): (-4.5, "143"),
    ("PROTEST", "obstruct"): (-4.5, "144"),
    ("SANCTION", "convict"): (-6.0, "116"), ("SANCTION", "expel"): (-5.5, "166"),
    ("SANCTION", "withdraw"): (-6.0, "161"), ("SANCTION", "discontinue"): (-6.0, "163"),
    ("MOBILIZE", "troops"): (-6.5, "154"), ("MOBILIZE", "weapons"): (-6.5, "152"),
    ("MOBILIZE", "police"): (-5.5, "153"), ("MOBILIZE", "militia"): (-6.0, "150"),
    ("COERCE", "seize"): (-7.0, "1711"), ("COERCE", "restrict"): (-7.0, "1721"), ("COERCE", "censor"): (-6.5, "1721"),
    ("COERCE", "curfew"): (-6.5, "1723"), ("COERCE", "martial-law"): (-7.5, "1724"),
    ("COERCE", "arrest"): (-7.0, "173"), ("COERCE", "deport"): (-7.0, "174"),
    ("COERCE", "withhold"): (-7.0, "170"), ("COERCE", "misinformation"): (-6.5, "170"),
    ("COERCE", "cyber"): (-7.0, "170"),
    ("ASSAULT", "abduct"): (-8.5, "181"), ("ASSAULT", "beat"): (-7.5, "182"), ("ASSAULT", "torture"): (-8.5, "1822"),
    ("ASSAULT", "sexual"): (-8.5, "1821"), ("ASSAULT", "targeted"): (-9.5, "186"),
    ("ASSAULT", "destroy"): (-8.5, "1712"), ("ASSAULT", "primitive"): (-8.0, "180"),
    ("ASSAULT", "firearms"): (-9.0, "193"), ("ASSAULT", "explosives"): (-9.0, "183"),
    ("ASSAULT", "suicide-attack"): (-9.5, "1831"), ("ASSAULT", "aerial"): (-9.5, "195"),
    ("ASSAULT", "drone"): (-9.5, "1951"), ("ASSAULT", "heavy-weapons"): (-9.5, "194"),
    ("ASSAULT", "crowd-control"): (-7.5, "175"), ("ASSAULT", "unconventional"): (-10.0, "204"),
}

#: every (type, mode) pair the ontology knows, in table order.
MODES: tuple[tuple[str, str], ...] = tuple(_MODES)


def validate_type(event_type: str, mode: str | None = None) -> None:
    """Raise :class:`InvalidValue` (E001) for an unknown type or a mode the type does not have."""
    if event_type not in _TYPES:
        raise InvalidValue("E001", "PLOVER event type", event_type, EVENT_TYPES)
    if mode is not None and (event_type, mode) not in _MODES:
        valid = tuple(m for (t, m) in _MODES if t == event_type)
        raise InvalidValue("E001", f"PLOVER mode of {event_type}", mode, valid)


def quad_of(event_type: str) -> int:
    """Quad class 1..4 (verbal/material cooperation/conflict) of a type."""
    validate_type(event_type)
    return _TYPES[event_type][0]


def plover_score(event_type: str, mode: str | None = None) -> float:
    """The PLOVER conflict-cooperation score of a type, refined by its mode where the manual gives one."""
    validate_type(event_type, mode)
    if mode is not None:
        return _MODES[(event_type, mode)][0]
    return _TYPES[event_type][1]


def cameo_code(event_type: str, mode: str | None = None) -> str:
    """The CAMEO event code a (type, mode) pair is exported as: the mode's code, else the type's root."""
    validate_type(event_type, mode)
    if mode is not None:
        return _MODES[(event_type, mode)][1]
    return _TYPES[event_type][2]
