"""NGEC actor-resolution cases (``actor_resolution_dev.jsonl``) through :func:`thucydides.resolve_actor`.

Checked: ``country`` (and ``cc``) against the actor's code, ``code_1`` against its sector, ``code Is None``
as "no actor". Cases marked ``xfail``/``skip`` upstream are NGEC's known failures: they are scored on a
separate line (``known_failures``) and left out of the headline figures, as the dataset README asks.
``query_wiki`` cases (Wikipedia titles) are not scored: :class:`~thucydides.model.Actor` has no title.

Our codes are put into NGEC's conventions before comparing (:func:`ngec_country`, :func:`ngec_sector`):
a separatist entity counts as its parent state with sector ``PRE``; the UN and its bodies are ``UNO``, the
EU ``EUR``, any other intergovernmental organisation ``IGO``; a code that is not a state's (a group with
its own code) is no country; a person of an IGO counts as that IGO; no actor at all has sector ``JNK`` (which also passes an expected ``""``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .common import Guard, library_function
from .io import read_jsonl
from .result import EvalResult, Score

__all__ = ["ActorOfficials", "ActorResolution", "case_checks", "ngec_country", "ngec_sector"]

FILE = "actor_resolution_dev.jsonl"
#: the team's own held-out list of officials (packaged): none of them is named in the NGEC dev file.
OFFICIALS = "actor_officials.jsonl"
SCORED = ("agent_to_code", "short_text_to_agent", "search_nat")


def _holds(check: dict[str, Any], value: str) -> bool:
    op, want = check.get("op"), check.get("value")
    want = "" if want is None else str(want)
    return value != want if op == "NotEq" else value == want


NGEC_IGO = {"UN": "UNO", "EU": "EUR"}


def _is_state(code: str) -> bool:
    try:
        from ..stages.actors import gazetteer

        return code in gazetteer().states
    except (ImportError, AttributeError):
        return len(code) == 3 and code.isalpha() and code.isupper()


def _is_igo(code: str) -> bool:
    """Whether a code is an intergovernmental organisation's (a person of the UN, NATO, the EU, ...)."""
    try:
        from ..stages.actors import gazetteer

        org = gazetteer().orgs.get(code)
    except (ImportError, AttributeError):
        return False
    return org is not None and org.kind == "igo"


def ngec_country(actor: Any) -> str:
    """An actor's country in NGEC's convention (see the module docstring)."""
    if actor is None or not actor.code:
        return ""
    code = str(actor.code)
    if actor.kind == "person" and _is_igo(code):
        from ..stages.actors import parent_code

        return NGEC_IGO.get(parent_code(code) or code, "IGO")
    if actor.kind in ("igo", "separatist"):
        from ..stages.actors import parent_code

        top = parent_code(code) or code
        return top if actor.kind == "separatist" else NGEC_IGO.get(top, "IGO")
    return code if _is_state(code) else ""


def ngec_sector(actor: Any) -> str:
    """An actor's sector in NGEC's convention: ``JNK`` for no actor, ``PRE`` for a separatist entity."""
    if actor is None:
        return "JNK"
    if actor.kind == "separatist" and not actor.sector:
        return "PRE"
    return str(actor.sector or "")


def case_checks(expected: dict[str, Any], actor: Any) -> dict[str, bool]:
    """Which of ``country``, ``sector``, ``no_match`` a resolved actor (or None) passes for one case."""
    code, sector = ngec_country(actor), ngec_sector(actor)
    out: dict[str, bool] = {}
    for key in ("country", "cc"):
        if key in expected:
            out["country"] = _holds(expected[key], code)
    if "code_1" in expected:
        out["sector"] = _holds(expected["code_1"], sector) or (sector == "JNK" and _holds(expected["code_1"], ""))
    if expected.get("code", {}).get("op") == "Is":
        out["no_match"] = actor is None
    if "country" in out and "sector" in out:
        out["both"] = out["country"] and out["sector"]
    if "wiki" in expected and "country" in out:
        out["country_wiki_cases"] = out["country"]
    return out


def _resolve(resolve: Callable[..., Any], inputs: dict[str, Any]) -> Any:
    """Resolve a case's text, with its context (or known country) and its query date as NGEC wrote it."""
    context = inputs.get("context") or inputs.get("known_country") or None
    date = inputs.get("query_date") or None
    return resolve(str(inputs.get("text") or ""), context=context, date=str(date) if date else None)


def _scores(results: dict[str, list[bool]], prefix: str = "") -> list[Score]:
    order = ("country", "sector", "both", "no_match", "country_wiki_cases")
    return [Score(prefix + k, len(results[k]), {"accuracy": sum(results[k]) / len(results[k])})
            for k in order if results.get(k)]


class ActorResolution:
    """Country and sector accuracy of :func:`thucydides.resolve_actor` on the NGEC cases."""

    name = "actor_resolution_dev"
    description = "NGEC actor-resolution cases: country, sector and both accuracy of resolve_actor"

    def available(self, root: Path) -> bool:
        return (root / FILE).is_file()

    def evaluate(self, root: Path, limit: int | None = None) -> EvalResult:
        return self.score([r for r in read_jsonl(root / FILE) if r.get("method") in SCORED][:limit])

    def score(self, rows: list[dict[str, Any]]) -> EvalResult:
        """Country, sector and both accuracy over NGEC-style cases."""
        resolve = library_function("stages.actors", "resolve_actor")
        main: dict[str, list[bool]] = {}
        known: dict[str, list[bool]] = {}
        guard = Guard()
        for r in rows:
            marks = " ".join(str(m) for m in r.get("marks") or ())
            target = known if ("xfail" in marks or "skip" in marks) else main
            for k, ok in case_checks(r.get("expected") or {}, guard(None, _resolve, resolve, r.get("inputs") or {})).items():
                target.setdefault(k, []).append(ok)
        notes = [f"{len(rows)} cases ({', '.join(SCORED)}); query_wiki cases not scored (no Wikipedia titles)",
                 *guard.notes()]
        return EvalResult(self.name, _scores(main) + _scores(known, "known_failures:"), notes)


#: The six regional lists of ``actor_officials_g``, one per gap file (``kb_roles_gap_<region>.tsv``).
REGION_LISTS = tuple(f"actor_officials_{region}.jsonl" for region in (
    "africa_nw", "africa_ecs", "europe", "americas", "mideast_asia", "asia_pacific"))
#: The seven office lists of ``actor_officials_h``, one per office file (``kb_roles_office_<office>.tsv``).
OFFICE_LISTS = tuple(f"actor_officials_{office}.jsonl" for office in (
    "un", "military", "intel", "interior", "deputies", "defence", "economy",
    "services", "spokes", "opposition", "heads"))


class ActorOfficials(ActorResolution):
    """The same scores on a packaged list of officials of 2000-2026 that the NGEC file does not name.

    Each case is a bare full name and a date inside (or, for ``ELI``, after) the person's term, with the
    expected country and sector; written by the team from public records, never from the system's output.
    ``actor_officials`` (200) was written before the knowledge base; ``actor_officials_b`` (200 lower-profile
    officials: ministers of smaller states, service and intelligence chiefs, UN ambassadors, spokespeople,
    opposition leaders) after its first batches and before the later ones; ``actor_officials_c`` (200 cabinet
    ministers, service, intelligence and police chiefs, central bankers and armed-group leaders) between the
    cabinet and security files' first and second batches; ``actor_officials_d`` (214 finance and interior
    ministers, central bankers, deputy heads, UN ambassadors, service and intelligence chiefs, opposition leaders
    and sitting heads of state and government) before the world files' first batch; ``actor_officials_e`` (200
    officials of Africa, the Middle East and Central and South Asia) and ``actor_officials_f`` (200 officials of
    Europe, the Americas, East and South-East Asia and Oceania) before the regional files; ``actor_officials_g``
    (six lists of 60 officials, one per region, each written by the writer of that region's gap file before
    writing it: :data:`REGION_LISTS`); ``actor_officials_h`` (seven lists of 60 officials, one per office family,
    each written by the writer of that office's file before writing it: :data:`OFFICE_LISTS`).
    """

    def __init__(self, name: str = "actor_officials", file: str | tuple[str, ...] = OFFICIALS) -> None:
        self.name = name
        self.files = (file,) if isinstance(file, str) else file
        self.description = (f"officials of 2000-2026 not in the NGEC file ({', '.join(self.files)}): country, "
                            "sector, both by name+date")

    def available(self, root: Path) -> bool:
        return True

    def evaluate(self, root: Path, limit: int | None = None) -> EvalResult:
        from importlib import resources

        data = resources.files("thucydides").joinpath("data")
        rows = [json.loads(line) for name in self.files
                for line in data.joinpath(name).read_text(encoding="utf-8").splitlines() if line.strip()]
        return self.score(rows[:limit])
