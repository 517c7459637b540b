"""One clean equipment taxonomy, the mapping from raw category strings onto it, and status parsing.

Raw category strings come from many places: Oryx page headings (which were renamed, split and merged over
time), the scraped daily totals, the Ukrainian MoD report keys, WarSpotting types and the words articles use.
:func:`category_of` maps any of them onto one slug of :data:`CATEGORIES`; :func:`category_of_model` guesses
the category of an item-level row (which carries only a model name) from keyword rules.
"""

from __future__ import annotations

import functools
import re

from ..errors import InvalidValue

__all__ = [
    "AGGREGATES",
    "ALL",
    "CATEGORIES",
    "HEADLINE_EXCLUDED",
    "STATUSES",
    "category_of",
    "clean_model",
    "parse_statuses",
    "side_of",
]

#: Pseudo-category of a source's own headline total ("All Types").
ALL = "all"

#: The clean taxonomy: slug -> label.
CATEGORIES: dict[str, str] = {
    "tanks": "Tanks",
    "afvs": "Armoured fighting vehicles",
    "ifvs": "Infantry fighting vehicles",
    "apcs": "Armoured personnel carriers",
    "mraps": "Mine-resistant ambush protected vehicles",
    "imvs": "Infantry mobility vehicles",
    "command_comms": "Command posts and communications",
    "engineering": "Engineering vehicles and equipment",
    "ugvs": "Unmanned ground vehicles",
    "sp_atgm": "Self-propelled anti-tank missile systems",
    "artillery_support": "Artillery support vehicles and equipment",
    "towed_artillery": "Towed artillery",
    "sp_artillery": "Self-propelled artillery",
    "armoured_combat": "Armoured combat vehicles (all kinds, as counted by the MoD)",
    "artillery": "Artillery (towed and self-propelled, as counted by the MoD)",
    "rocket_artillery": "Multiple rocket launchers and missile artillery",
    "aa_guns": "Anti-aircraft guns",
    "spaag": "Self-propelled anti-aircraft guns",
    "sam": "Surface-to-air missile systems",
    "air_defence": "Air defence (all kinds, as counted by the MoD)",
    "radars": "Radars",
    "jammers": "Jammers and deception systems",
    "aircraft": "Aircraft",
    "helicopters": "Helicopters",
    "ucavs": "Unmanned combat aerial vehicles",
    "recon_uavs": "Reconnaissance unmanned aerial vehicles",
    "uavs": "Unmanned aerial vehicles (all kinds)",
    "naval": "Naval ships and boats",
    "submarines": "Submarines",
    "trucks": "Trucks, vehicles and jeeps",
    "logistics_trains": "Logistics trains",
    "atgm": "Anti-tank guided missiles (man-portable)",
    "manpads": "Man-portable air defence systems",
    "heavy_mortars": "Heavy mortars",
    "special_equipment": "Special equipment",
    "missiles": "Cruise missiles",
    "srbm": "Mobile short-range ballistic missile systems",
    "personnel": "Personnel",
    "other": "Other or unmapped",
}

#: Aggregate categories (as the MoD counts them) and the fine categories they add up from.
AGGREGATES: dict[str, frozenset[str]] = {
    "armoured_combat": frozenset({"afvs", "ifvs", "apcs", "mraps", "imvs"}),
    "artillery": frozenset({"towed_artillery", "sp_artillery"}),
    "air_defence": frozenset({"sam", "spaag", "aa_guns"}),
    "uavs": frozenset({"ucavs", "recon_uavs"}),
}

#: Categories Oryx listed in early 2022 but left out of its "All Types" headline.
HEADLINE_EXCLUDED: frozenset[str] = frozenset({"atgm", "manpads", "personnel", "missiles"})

STATUSES: tuple[str, ...] = ("destroyed", "damaged", "abandoned", "captured")

_RAW: dict[str, str] = {
    "all types": ALL, "all": ALL, "total": ALL,
    "tanks": "tanks", "tank": "tanks", "main battle tanks": "tanks",
    "armoured fighting vehicles": "afvs", "armored fighting vehicles": "afvs", "afvs": "afvs",
    "armoured combat vehicles": "armoured_combat", "apc": "armoured_combat",
    "armoured vehicles": "armoured_combat", "armored vehicles": "armoured_combat",
    "infantry fighting vehicles": "ifvs", "ifvs": "ifvs",
    "armoured personnel carriers": "apcs", "armored personnel carriers": "apcs",
    "mine-resistant ambush protected": "mraps", "mraps": "mraps",
    "mine-resistant ambush protected (mrap) vehicles": "mraps",
    "infantry mobility vehicles": "imvs",
    "communications stations": "command_comms", "command posts and communications stations": "command_comms",
    "communications vehicles": "command_comms", "radars and communications equipment": "command_comms",
    "engineering vehicles": "engineering", "engineering vehicles and equipment": "engineering",
    "unmanned ground vehicles": "ugvs", "ground robotic systems": "ugvs",
    "self-propelled anti-tank missile systems": "sp_atgm",
    "artillery support vehicles and equipment": "artillery_support",
    "artillery and missile support vehicles and equipment": "artillery_support",
    "towed artillery": "towed_artillery",
    "self-propelled artillery": "sp_artillery",
    "artillery": "artillery", "field artillery": "artillery", "artillery systems": "artillery",
    "multiple rocket launchers": "rocket_artillery", "rocket and missile artillery": "rocket_artillery",
    "mrl": "rocket_artillery", "rocketsystems": "rocket_artillery", "rocket launchers": "rocket_artillery",
    "mlrs": "rocket_artillery", "multiple launch rocket systems": "rocket_artillery",
    "anti-aircraft guns": "aa_guns",
    "self-propelled anti-aircraft guns": "spaag",
    "surface-to-air missile systems": "sam", "sam systems": "sam",
    "anti-aircraft warfare": "air_defence", "airdefense": "air_defence", "air defense systems": "air_defence",
    "air defence systems": "air_defence",
    "radars": "radars",
    "jammers and deception systems": "jammers",
    "aircraft": "aircraft", "fixedwingaircraft": "aircraft", "planes": "aircraft", "jets": "aircraft",
    "warplanes": "aircraft", "airplanes": "aircraft", "fighter jets": "aircraft", "combat aircraft": "aircraft",
    "helicopters": "helicopters", "helicopter": "helicopters", "rotarywingaircraft": "helicopters",
    "unmanned combat aerial vehicles": "ucavs",
    "reconnaissance unmanned aerial vehicles": "recon_uavs",
    "unmanned aerial vehicles": "uavs", "drone": "uavs", "drones": "uavs", "uavs": "uavs",
    "naval ships": "naval", "naval ships and submarines": "naval", "naval ship": "naval", "ships": "naval",
    "warships / boats": "naval", "boats": "naval",
    "submarines": "submarines",
    "trucks, vehicles and jeeps": "trucks", "trucks, vehicles, and jeeps": "trucks",
    "trucks, vehicles, jeeps, and trains": "trucks", "military auto": "trucks", "fuel tank": "trucks",
    "vehicles and fuel tanks": "trucks", "unarmoredvehicles": "trucks", "trucks": "trucks",
    "logistics trains": "logistics_trains",
    "anti-tank guided missiles": "atgm", "man-portable air defence systems": "manpads", "manpads": "manpads",
    "heavy mortars": "heavy_mortars", "mortars": "heavy_mortars",
    "special equipment": "special_equipment", "specialequipment": "special_equipment",
    "cruise missiles": "missiles", "missiles": "missiles",
    "mobile srbm system": "srbm", "personnel": "personnel",
}


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\n", " ")).strip().lower()


def category_of(raw: str) -> str | None:
    """The clean category slug of a raw category string, or None when it is unknown.

    >>> category_of("Armoured Fighting\\nVehicles"), category_of("field artillery"), category_of("Gliders")
    ('afvs', 'artillery', None)
    """
    key = _norm(raw)
    if key in CATEGORIES:
        return key
    if key in _RAW:
        return _RAW[key]
    singular = key[:-1] if key.endswith("s") else key + "s"
    return _RAW.get(singular)


@functools.lru_cache(maxsize=256)
def side_of(raw: str) -> str | None:
    """ISO 3166-1 alpha-3 code of a side named in a loss list (``Russia`` -> ``RUS``), or None."""
    key = _norm(raw)
    table = {"russia": "RUS", "rus": "RUS", "ru": "RUS", "russian federation": "RUS",
             "ukraine": "UKR", "ukr": "UKR", "ua": "UKR"}
    return table.get(key)


def side_of_option(raw: str) -> str:
    """The code of a side given as an option (``RUS``, ``ukr``, ``Russia``); E001 with the valid ones otherwise."""
    side = side_of(raw)
    if side is None:
        raise InvalidValue("E001", "side", raw, ("RUS", "UKR"))
    return side


_STATUS_WORDS: tuple[tuple[str, str], ...] = (
    ("destroyed", "destroyed"), ("sunk", "destroyed"), ("scuttled", "destroyed"),
    ("damage", "damaged"), ("abandon", "abandoned"), ("captured", "captured"), ("defected", "captured"),
)


@functools.lru_cache(maxsize=4096)
def parse_statuses(raw: str) -> tuple[str, ...]:
    """The statuses a raw status text names, in the order of :data:`STATUSES`.

    Compound forms name several statuses of ONE item: ``"damaged and captured"`` -> ``("damaged", "captured")``;
    prefixes naming a sub-variant or a ship (``"jammer, destroyed"``, ``"'Moskva', sunk"``) are ignored.
    Returns ``()`` when no status word is present.
    """
    text = _norm(raw)
    found = {status for word, status in _STATUS_WORDS if re.search(rf"\b{word}", text)}
    return tuple(s for s in STATUSES if s in found)


@functools.lru_cache(maxsize=65536)
def clean_model(raw: str) -> str:
    """A model name without the scraper's leading running number (``"1220 BMP-2(K)"`` -> ``"BMP-2(K)"``)."""
    text = re.sub(r"\s+", " ", raw.replace("\n", " ")).strip()
    return re.sub(r"^\d+ (?=\S)", "", text)
