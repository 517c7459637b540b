"""Accuracy of ``thucydides.resolve_actor`` on the NGEC actor-resolution cases (``eval/actor_resolution_dev.jsonl``).

Usage: ``python benchmarks/actor_resolution_check.py [PATH] [--show-errors]``; PATH defaults to
``../shared/eval/actor_resolution_dev.jsonl``.

NGEC conventions are mapped onto ours before comparing: separatist entities count as their parent state
(sector ``PRE``), ``UN`` bodies as ``UNO``, the EU as ``EUR``, other intergovernmental organisations as ``IGO``,
non-state groups with their own code as no country; ``None`` counts as country ``""`` and sector ``JNK``.
Cases marked ``xfail``/``skip`` upstream are reported separately. When ``plover_gsr_dev.jsonl`` sits beside
PATH, the actor and recipient texts of the PLOVER GSR sentences are scored too (country by its first three
letters, since that file uses some legacy codes; IGOs as ``IGO``). Prints one JSON object.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

from thucydides import resolve_actor
from thucydides.model import Actor
from thucydides.stages.actors import gazetteer, parent_code

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "eval" / "actor_resolution_dev.jsonl"


def ngec_country(actor: Actor | None) -> str:
    """Our code in NGEC's country convention."""
    if actor is None or not actor.code:
        return ""
    gaz = gazetteer()
    state = gaz.states.get(actor.code)
    if state is not None:
        return state.parent if state.kind == "separatist" and state.parent else actor.code
    org = gaz.orgs.get(actor.code)
    if org is not None and org.kind == "igo":
        top = actor.code if not parent_code(actor.code) else parent_code(actor.code)
        return {"UN": "UNO", "EU": "EUR"}.get(top or "", "IGO")
    return ""


def ngec_sector(actor: Actor | None) -> str:
    if actor is None:
        return "JNK"
    if actor.kind == "separatist" and not actor.sector:
        return "PRE"
    return actor.sector or ""


def _score(case: dict[str, Any]) -> dict[str, bool | None]:
    inp, exp = case["inputs"], case["expected"]
    context = inp.get("context") or inp.get("known_country") or None
    actor = resolve_actor(inp["text"], context=context, date=inp.get("query_date") or None)
    out: dict[str, bool | None] = {"country": None, "sector": None, "sector_lenient": None, "none": None}
    if "country" in exp:
        ok = ngec_country(actor) == exp["country"]["value"]
        out["country"] = ok if exp["country"]["op"] == "Eq" else not ok
    if "code_1" in exp:
        got = ngec_sector(actor)
        out["sector"] = got == exp["code_1"]["value"] or (got == "JNK" and exp["code_1"]["value"] == "")
        out["sector_lenient"] = out["sector"] or ("code_2" in exp and got == exp["code_2"]["value"])
    if "code" in exp and exp["code"]["op"] == "Is":
        out["none"] = actor is None
    return out


def _rate(rows: list[dict[str, bool | None]], key: str) -> dict[str, float | int]:
    vals = [r[key] for r in rows if r[key] is not None]
    return {"n": len(vals), "accuracy": round(sum(1 for v in vals if v) / len(vals), 4) if vals else 0.0}


def plover_actor_check(path: Path) -> dict[str, Any]:
    """Country (first 3 letters) and sector accuracy of resolve_actor on the PLOVER GSR actor/recipient texts."""
    n = ok = with_sector = sector_ok = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        for gold in record["actor"] + record["recipient"]:
            actor = resolve_actor(gold["text"])
            got = ngec_country(actor)
            got = "IGO" if got in ("UNO", "EUR") else got
            n += 1
            ok += got[:3] == (gold.get("code") or "")[:3]
            if gold.get("sector"):
                with_sector += 1
                sector_ok += actor is not None and actor.sector == gold["sector"]
    return {"n": n, "country_accuracy": round(ok / n, 4) if n else 0.0,
            "sector_n": with_sector, "sector_accuracy": round(sector_ok / with_sector, 4) if with_sector else 0.0}


def _report(scored: list[tuple[dict[str, Any], dict[str, bool | None]]], elapsed: float) -> dict[str, Any]:
    known_hard = [s for c, s in scored if any("xfail" in m or "skip" in m for m in c["marks"])]
    normal = [s for c, s in scored if not any("xfail" in m or "skip" in m for m in c["marks"])]
    wiki = [s for c, s in scored if "wiki" in c["expected"]]
    both = [{"both": s["country"] and s["sector"]} for s in normal
            if s["country"] is not None and s["sector"] is not None]
    return {
        "cases": len(scored), "seconds": round(elapsed, 3),
        "country": _rate(normal, "country"), "sector": _rate(normal, "sector"),
        "sector_lenient_code_2": _rate(normal, "sector_lenient"), "both": _rate(both, "both"),
        "no_actor_expected": _rate(normal, "none"),
        "wiki_cases_country": _rate(wiki, "country"), "wiki_cases_sector": _rate(wiki, "sector"),
        "known_hard_country": _rate(known_hard, "country"), "known_hard_sector": _rate(known_hard, "sector"),
    }


def main(argv: list[str]) -> int:
    path = Path(next((a for a in argv if not a.startswith("--")), DEFAULT))
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    cases = [c for c in cases if c["method"] in ("agent_to_code", "short_text_to_agent", "search_nat")]
    started = time.perf_counter()
    scored = [(c, _score(c)) for c in cases]
    elapsed = time.perf_counter() - started
    report = _report(scored, elapsed)
    plover = path.parent / "plover_gsr_dev.jsonl"
    if plover.is_file():
        report["plover_gsr_actor_texts"] = plover_actor_check(plover)
    print(json.dumps(report, indent=1))
    if "--show-errors" in argv:
        _show_errors(scored)
    return 0


def _show_errors(scored: list[tuple[dict[str, Any], dict[str, bool | None]]]) -> None:
    for case, score in scored:
        if any(v is False for v in score.values()):
            inp = case["inputs"]
            got = resolve_actor(inp["text"], inp.get("context") or inp.get("known_country") or None,
                                inp.get("query_date") or None)
            want = {k: v["value"] for k, v in case["expected"].items()}
            print(f"{inp['text']!r} {inp.get('query_date', '')} got={got} want={want}", file=sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
