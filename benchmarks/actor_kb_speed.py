"""Load time of the actor knowledge base and time per mention of ``resolve_actor``.

Usage: ``python benchmarks/actor_kb_speed.py [--repeat 5]``. In one run it measures:

- ``load_s``: building the gazetteer with the knowledge base (``kb_roles_*.tsv`` merged into the people), in a
  fresh subprocess, with spaCy's tokenizer already built (``tokenizer_s`` is that step, timed apart);
- ``resolve_us_per_mention``: the median over ``--repeat`` passes of the mean time of ``resolve_actor`` on the
  mention texts of ``data/actor_officials.jsonl`` and ``../shared/eval/actor_resolution_dev.jsonl`` (with their
  dates) after one warm-up pass, and, as the baseline of the same run, the tokenizer alone on the same texts (``ratio``).

Prints one JSON object. The targets of issue 10: load under 1 s, resolution under 50 µs a mention.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path

DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "actor_resolution_dev.jsonl"
_LOAD = ("import time; from thucydides.stages.actors.gazetteer import tokenizer, gazetteer; t=time.perf_counter(); "
         "tokenizer(); u=time.perf_counter(); g=gazetteer(); v=time.perf_counter(); "
         "print(u-t, v-u, len(g.persons))")


def mentions() -> list[tuple[str, str | None]]:
    """(text, date) of every scored mention of the two actor datasets."""
    text = resources.files("thucydides").joinpath("data", "actor_officials.jsonl").read_text(encoding="utf-8")
    rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    if DEV.is_file():
        rows += [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(str(r["inputs"].get("text") or ""), r["inputs"].get("query_date") or None) for r in rows
            if r.get("method") in ("agent_to_code", "short_text_to_agent", "search_nat")]


def load_times() -> tuple[float, float, int]:
    out = subprocess.run([sys.executable, "-c", _LOAD], capture_output=True, text=True, check=True).stdout.split()
    return float(out[0]), float(out[1]), int(out[2])


def per_mention(fn: object, items: list[tuple[str, str | None]], repeat: int) -> float:
    """Median over ``repeat`` passes of the mean seconds per call of ``fn(text, date)``."""
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        for text, date in items:
            fn(text, date)  # type: ignore[operator]
        runs.append((time.perf_counter() - started) / len(items))
    return statistics.median(runs)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)
    tok_s, load_s, people = load_times()
    from thucydides import resolve_actor
    from thucydides.stages.actors.gazetteer import tokenizer

    items = mentions()
    tok = tokenizer()
    for text, date in items:  # warm up: the lazily built indexes (offices, spelling variants) and spaCy's cache
        resolve_actor(text, date=date)
        tok(text)
    resolve = per_mention(lambda t, d: resolve_actor(t, date=d), items, args.repeat)
    base = per_mention(lambda t, d: tok(t), items, args.repeat)
    print(json.dumps({"people": people, "tokenizer_s": round(tok_s, 3), "load_s": round(load_s, 3),
                      "mentions": len(items), "resolve_us_per_mention": round(resolve * 1e6, 1),
                      "tokenize_us_per_mention": round(base * 1e6, 1), "ratio": round(resolve / base, 2)}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
