"""How the story linker compares two evidence texts: content words reduced to a common stem.

Reports of one event in other words often use another form of one word ("invading" / "invasion",
"withdraw" / "withdrawal", "recognises" / "recognition", "threatens retaliatory steps" / "threatens
retaliation"). :func:`stem` maps such forms together with a few English suffix rules (inflection, and the
Latinate pairs -de/-sion, -te/-tion, -ize/-ization) and keeps at most :data:`STEM_CHARS` letters, so that a
name and its adjective stay apart ("Russia" / "Russian", "France" / "French").
"""

from __future__ import annotations

import re

from .nlp.words import words

__all__ = ["STEM_CHARS", "content_stems", "overlap", "stem"]

#: Longest stem kept: long enough to tell "Russia" from "Russian", short enough that "recognise" and
#: "recognition" meet.
STEM_CHARS = 7

_WORD = re.compile(r"[a-z0-9]{3,}")
_STOP = words("the and for with that this from has have had was were are its his her their been will "
              "after into over about said says say also which who not but than they them")
#: (suffix, replacement), tried longest first; the first that leaves a stem of at least 4 letters applies.
_SUFFIXES: tuple[tuple[str, str], ...] = tuple(sorted((
    ("izations", "iz"), ("isations", "iz"), ("ization", "iz"), ("isation", "iz"), ("izing", "iz"),
    ("ising", "iz"), ("ized", "iz"), ("ised", "iz"), ("izes", "iz"), ("ises", "iz"), ("ize", "iz"),
    ("ise", "iz"), ("sions", "d"), ("sion", "d"), ("ding", "d"), ("ded", "d"), ("des", "d"), ("de", "d"),
    ("ations", "at"), ("ation", "at"), ("atory", "at"), ("ating", "at"), ("ated", "at"), ("ates", "at"),
    ("ate", "at"), ("itions", "it"), ("ition", "it"), ("iting", "it"), ("ited", "it"), ("ites", "it"),
    ("ite", "it"), ("tions", "t"), ("tion", "t"), ("ments", ""), ("ment", ""), ("als", ""), ("al", ""),
    ("ings", ""), ("ing", ""), ("ies", "y"), ("ied", "y"), ("ed", ""), ("es", ""), ("s", ""), ("e", ""),
), key=lambda pair: -len(pair[0])))


def stem(word: str) -> str:
    """The stem of a lower-case word (see the module docstring)."""
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: len(word) - len(suffix)] + replacement
            break
    return word[:STEM_CHARS]


def content_stems(text: str) -> frozenset[str]:
    """The stems of a text's content words (three or more letters or digits, not a function word)."""
    return frozenset(stem(w) for w in _WORD.findall(text.lower()) if w not in _STOP)


def overlap(a: str, b: str) -> float:
    """Share of content stems two texts have in common (Jaccard), the stand-in for the embedder."""
    x, y = content_stems(a), content_stems(b)
    return len(x & y) / len(x | y) if x and y else 0.0
