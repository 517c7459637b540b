"""NGEC actor-resolution cases (``actor_resolution_dev.jsonl``) through :func:`thucydides.resolve_actor`.

Checked: ``country`` (and ``cc``) against the actor's code, ``code_1`` against its sector, ``code Is None``
as "no actor". Cases marked ``xfail``/``skip`` upstream are NGEC's known failures: they are scored on a
separate line (``known_failures``) and left out of the headline figures, as the dataset README asks.
``query_wiki`` cases (Wikipedia titles) are not scored: :class:`~thucydides.model.Actor` has no title.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .common import library_function
from .io import read_jsonl
from .result import EvalResult, Score

__all__ = ["ActorResolution", "case_checks"]

FILE = "actor_resolution_dev.jsonl"
SCORED = ("agent_to_code", "short_text_to_agent", "search_nat")


def _date(inputs: dict[str, Any]) -> dt.date | None:
    raw = inputs.get("query_date")
    try:
        return dt.date.fromisoformat(str(raw)) if raw else None
    except ValueError:
        return None


def _holds(check: dict[str, Any], value: str) -> bool:
    op, want = check.get("op"), check.get("value")
    want = "" if want is None else str(want)
    return value != want if op == "NotEq" else value == want


def case_checks(expected: dict[str, Any], actor: Any) -> dict[str, bool]:
    """Which of ``country``, ``sector``, ``no_match`` a resolved actor (or None) passes for one case."""
    code = str(actor.code or "") if actor is not None else ""
    sector = str(actor.sector or "") if actor is not None else ""
    out: dict[str, bool] = {}
    for key in ("country", "cc"):
        if key in expected:
            out["country"] = _holds(expected[key], code)
    if "code_1" in expected:
        out["sector"] = _holds(expected["code_1"], sector)
    if expected.get("code", {}).get("op") == "Is":
        out["no_match"] = actor is None
    if "country" in out and "sector" in out:
        out["both"] = out["country"] and out["sector"]
    if "wiki" in expected and "country" in out:
        out["country_wiki_cases"] = out["country"]
    return out


def _resolve(resolve: Callable[..., Any], inputs: dict[str, Any]) -> Any:
    context = inputs.get("context") or None
    return resolve(str(inputs.get("text") or ""), context=context, date=_date(inputs))


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
        resolve = library_function("actors", "resolve_actor")
        rows = [r for r in read_jsonl(root / FILE) if r.get("method") in SCORED][:limit]
        main: dict[str, list[bool]] = {}
        known: dict[str, list[bool]] = {}
        for r in rows:
            marks = " ".join(str(m) for m in r.get("marks") or ())
            target = known if ("xfail" in marks or "skip" in marks) else main
            for k, ok in case_checks(r.get("expected") or {}, _resolve(resolve, r.get("inputs") or {})).items():
                target.setdefault(k, []).append(ok)
        notes = [f"{len(rows)} cases ({', '.join(SCORED)}); query_wiki cases not scored (no Wikipedia titles)"]
        return EvalResult(self.name, _scores(main) + _scores(known, "known_failures:"), notes)
