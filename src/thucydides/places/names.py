"""How place names are compared: case, accents, apostrophes, hyphens and a leading article do not count."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["is_latin", "normalize"]

_APOSTROPHES = re.compile(r"[\u0027\u2018\u2019\u02bc\u02bb\u02b9\u0060\u00b4]")
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015_/]+")


def normalize(name: str) -> str:
    """The lookup key of a name: ``"Mek'ele"`` -> ``"mekele"``, ``"the Gaza Strip"`` -> ``"gaza strip"``."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    folded = _APOSTROPHES.sub("", folded).replace(".", "").casefold()
    folded = _SEPARATORS.sub(" ", folded).strip()
    return folded.removeprefix("the ")


def is_latin(name: str) -> bool:
    """Whether a name is written in Latin letters (alternate names in other scripts are not indexed)."""
    for ch in name:
        if ch.isalpha() and not ("LATIN" in unicodedata.name(ch, "")):
            return False
    return any(ch.isalpha() for ch in name)
