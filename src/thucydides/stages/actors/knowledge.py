"""The actor knowledge base: dated roles of office holders, ``thucydides/data/kb_roles*.tsv``.

One row per role: ``person  code  sector  office  from  to  [aliases]``. ``code`` is a state's ISO alpha-3 or
an intergovernmental organisation's code (``UN``, ``NATO``, ``EU``, ``AU``, ``IAEA``, ...); ``sector`` is one of
the sector table (docs/sectors.md); ``from``/``to`` are ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (``to`` empty:
still in office). Rows of one person are merged into one gazetteer entry, with the roles of
``gazetteer_persons.tsv`` when the person is there too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources

from ...errors import DataError

__all__ = ["FILES", "KBPerson", "kb_date", "kb_persons", "parse_kb"]

#: the knowledge-base files, loaded in this order.
FILES = ("kb_roles_heads.tsv", "kb_roles_ministers.tsv", "kb_roles_igo.tsv", "kb_roles_cabinets.tsv",
         "kb_roles_security.tsv", "kb_roles_world_economy.tsv",
         "kb_roles_world_cabinet.tsv", "kb_roles_world_security.tsv", "kb_roles_world_igo.tsv",
         "kb_roles_world_ministers.tsv", "kb_roles_region_europe.tsv", "kb_roles_region_americas.tsv",
         "kb_roles_region_asia_east_pacific.tsv", "kb_roles_region_africa.tsv",
         "kb_roles_region_mideast.tsv", "kb_roles_region_asia_central_south.tsv",
         "kb_roles_gap_africa_nw.tsv", "kb_roles_gap_mideast_asia.tsv", "kb_roles_gap_africa_ecs.tsv",
         "kb_roles_gap_americas.tsv", "kb_roles_gap_europe.tsv", "kb_roles_gap_asia_pacific.tsv",
         "kb_roles_office_intel.tsv",
         "kb_roles_office_interior.tsv",
         "kb_roles_office_military.tsv",
         "kb_roles_office_un.tsv",
         "kb_roles_office_economy.tsv",
         "kb_roles_office_deputies.tsv",
         "kb_roles_office_defence.tsv",
         "kb_roles_office_services.tsv",
         "kb_roles_office_spokes.tsv",
         "kb_roles_office_opposition.tsv",
         "kb_roles_office_heads.tsv")


@dataclass
class KBPerson:
    """One person of the knowledge base: canonical name, extra aliases and raw roles."""

    name: str
    aliases: list[str] = field(default_factory=list)
    roles: list[tuple[str, str, str, str, str]] = field(default_factory=list)


def _text(name: str) -> str:
    try:
        return resources.files("thucydides.data").joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError:
        return ""
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError("E011", f"knowledge-base file {name} is unreadable: {exc}") from None


def parse_kb(text: str, name: str, key: Callable[[str], str], people: dict[str, KBPerson]) -> None:
    """Add the rows of one knowledge-base file (its ``text``, called ``name`` in errors) to ``people``.

    Raises:
        ThucydidesError: (E011) a row with fewer than six cells or an empty person, code or office.
    """
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        row = line.split("\t")
        if len(row) < 6 or not all(c.strip() for c in (row[0], row[1], row[3])):
            raise DataError("E011", f"{name} line {number}: expected 6 tab-separated cells (person, code, "
                                    f"sector, office, from, to) with a person, a code and an office, got {line!r}")
        person, code, sector, office, start, end = (c.strip() for c in row[:6])
        entry = people.setdefault(key(person), KBPerson(person))
        entry.roles.append((code, sector, office, start, end))
        if len(row) > 6:
            entry.aliases += [a.strip() for a in row[6].split(";") if a.strip()]


def kb_persons(key: Callable[[str], str]) -> dict[str, KBPerson]:
    """The knowledge base's people by ``key(name)``, each with the roles of every file, in file order.

    Raises:
        ThucydidesError: (E011) a file is unreadable or has a malformed row.
    """
    people: dict[str, KBPerson] = {}
    for name in FILES:
        parse_kb(_text(name), name, key, people)
    return people


def kb_date(text: str) -> dt.date:
    """A ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` date (the first day of a year or month)."""
    parts = text.split("-")
    return dt.date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
