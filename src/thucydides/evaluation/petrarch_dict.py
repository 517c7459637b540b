"""The PETRARCH-2 validation dictionaries (``PETR.Validate.actors.txt`` / ``agents.txt``) as an actor stage.

The suite's actors are fictional (Arnor = ``ARN``, Gondor = ``GON``), so the suite is scored with its own
dictionary: :class:`DictionaryActorStage` finds dictionary phrases in the parsed sentence (longest match,
case-insensitive, ``_`` = space) and emits :class:`~thucydides.model.ActorMention` objects whose actor code
is the suite's code. An agent phrase ("lawmakers", "government") joins the country next to it ("Gondor's
government", "lawmakers in Fornost", "MSF Arnor") into one code (``GONGOV``, ``FORLEG``, ``NGOARN``); an
agent with no country gets ``---`` (``---REB``). Date-restricted codes (``[HOBGOV 19950601 - 19990815]``)
are chosen by the article's publication date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError

__all__ = ["ActorDictionary", "DatedCode", "parse_actors", "parse_agents"]

_CODE = re.compile(r"\[([^\]]*)\]")
_DATE = re.compile(r"^(\S+)\s*(.*)$")


@dataclass(frozen=True)
class DatedCode:
    """A code valid between two dates (either open)."""

    code: str
    start: dt.date | None = None
    end: dt.date | None = None

    def holds(self, day: dt.date | None) -> bool:
        if day is None:
            return self.start is None and self.end is None
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)


@dataclass
class ActorDictionary:
    """Phrases (tuples of lower-case words) → dated codes, and agent phrases → code templates (``~GOV``)."""

    actors: dict[tuple[str, ...], list[DatedCode]] = field(default_factory=dict)
    agents: dict[tuple[str, ...], str] = field(default_factory=dict)

    def code_for(self, phrase: tuple[str, ...], day: dt.date | None) -> str:
        """The code of an actor phrase on ``day``: a matching dated code, else the undated default."""
        codes = self.actors[phrase]
        for dc in codes:
            if (dc.start or dc.end) and dc.holds(day):
                return dc.code
        undated = [dc.code for dc in codes if dc.start is None and dc.end is None]
        return undated[0] if undated else codes[-1].code


def _date(text: str) -> dt.date:
    digits = text.strip()
    if len(digits) == 6:
        digits = "19" + digits
    try:
        return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        raise InputError("E006", f"malformed dictionary date {text!r}") from None


def _dated(inside: str) -> DatedCode:
    m = _DATE.match(inside.strip())
    if not m:
        return DatedCode("---")
    code, rest = m.group(1), m.group(2).replace(" ", "")
    if rest.startswith("<"):
        return DatedCode(code, None, _date(rest[1:]) - dt.timedelta(days=1))
    if rest.startswith(">"):
        return DatedCode(code, _date(rest[1:]) + dt.timedelta(days=1), None)
    if "-" in rest:
        lo, hi = rest.split("-", 1)
        return DatedCode(code, _date(lo), _date(hi))
    return DatedCode(code)


def _clean_lines(text: str) -> Iterator[str]:
    in_comment = False
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if "<!" in raw:
            in_comment = "-->" not in raw
            continue
        if in_comment:
            in_comment = "-->" not in raw
            continue
        if line.strip():
            yield line


def _words(name: str) -> tuple[str, ...]:
    return tuple(w for w in re.split(r"[\s_]+", name.lower().strip()) if w)


def parse_actors(text: str) -> dict[tuple[str, ...], list[DatedCode]]:
    """Parse an actor dictionary: ``NAME [CODE]`` entries, ``+SYNONYM`` lines, indented dated codes.

    A code field with several codes (``[FRO/BIL/SAM]``) stands for all of them, joined by ``/``.
    """
    entries: list[tuple[list[str], list[DatedCode]]] = []
    for line in _clean_lines(text):
        stripped = line.strip()
        names_part = _CODE.split(stripped)[0].strip()
        codes = [_dated(c) for c in _CODE.findall(stripped)]
        if stripped.startswith("+") and entries:
            entries[-1][0].append(stripped[1:].strip())
        elif names_part and not line[0].isspace():
            entries.append(([names_part], codes))
        elif entries:
            entries[-1][1].extend(codes)
    table: dict[tuple[str, ...], list[DatedCode]] = {}
    for names, codes in entries:
        for name in names:
            if _words(name) and codes:
                table[_words(name)] = codes
    return table


def _expand_macros(name: str, macros: dict[str, list[str]]) -> list[str]:
    for macro, options in macros.items():
        if macro in name:
            return [n for o in options for n in _expand_macros(name.replace(macro, o), macros)]
    return [name]


def _plurals(name: str, braces: str | None) -> list[str]:
    forms = [name]
    if braces:
        forms += [b for b in re.split(r"[\s,]+", braces) if b]
    elif braces is None:
        forms.append(name[:-1] + "IES" if name.endswith("Y") else name + "S")
    return forms


def parse_agents(text: str) -> dict[tuple[str, ...], str]:
    """Parse an agent dictionary: ``NAME {PLURALS} [~CODE]`` (suffix) or ``[CODE~]`` (prefix), ``!MACRO! = A, B``.

    ``{}`` means the name has no plural; without braces a regular ``-S`` plural is added.
    """
    macros: dict[str, list[str]] = {}
    table: dict[tuple[str, ...], str] = {}
    for line in _clean_lines(text):
        m = re.match(r"^\s*(![A-Z]+!)\s*=\s*(.+)$", line)
        if m:
            macros[m.group(1)] = [o.strip() for o in m.group(2).split(",") if o.strip()]
            continue
        codes = _CODE.findall(line)
        if not codes:
            continue
        braces = re.search(r"\{([^}]*)\}", line)
        name = re.split(r"[\[{]", line, maxsplit=1)[0].strip()
        for expanded in _expand_macros(name, macros):
            for form in _plurals(expanded, braces.group(1) if braces else None):
                if _words(form):
                    table[_words(form)] = codes[0].replace(" ", "")
    return table


def load_dictionary(folder: Path) -> ActorDictionary:
    """Read ``PETR.Validate.actors.txt`` and ``PETR.Validate.agents.txt`` (if present) from ``folder``."""
    def read(name: str) -> str:
        path = folder / name
        try:
            return path.read_text(encoding="utf-8") if path.is_file() else ""
        except UnicodeDecodeError:
            raise InputError("E004", f"{path}: not valid UTF-8 text") from None

    return ActorDictionary(parse_actors(read("PETR.Validate.actors.txt")),
                           parse_agents(read("PETR.Validate.agents.txt")))
