"""Extraction of one long article: seconds, characters per second and peak memory by length.

Builds articles of growing length from paragraphs written for this benchmark (a war report in varied
sentences, numbered so no two paragraphs are equal) and extracts each with the whole pipeline. The baseline
is the shortest article in the same run: a cost linear in length keeps ``ratio`` (seconds per character
relative to the baseline) near 1. Each length runs in its own process so the peak memory is its own (the
models take most of it: the first line shows a short article's). The models are loaded on the article's
first paragraphs before the timing starts. Reports the median of ``--repeat`` runs.

Memory: ``peak MB`` is the extracting process's peak resident set (``ru_maxrss``); a long article may be
extracted with a forked worker process (``thucydides.pipeline.parallel``), so ``total MB`` is the peak, sampled
every 0.1 s, of the summed resident sets of the process and its children (pages they share are counted in
each: an upper bound) and ``PSS MB`` the same peak of their proportional set sizes (shared pages split
among the processes sharing them: the memory the article really costs).

``--compare SRC`` runs each length a second time with the package from another source tree (e.g. the main
checkout's ``src``) in the same run, so the speed-up is measured on the same, possibly shared, machine.

    python benchmarks/bench_long_document.py [--sizes 10000,200000,500000,1000000] [--repeat 1] [--compare SRC]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import statistics
import sys
import threading
import time
from pathlib import Path

PARAGRAPHS = (
    ("Kyiv said on Monday that Russian forces shelled the city of Kharkiv overnight, killing two civilians "
    "and damaging a school near the ring road."),
    ("The Russian defence ministry denied the claim and said its troops had struck only military targets "
    "in the region."),
    ("Ukraine's General Staff said Russia has lost 1,200 tanks and more than 2,000 armoured vehicles since "
    "the start of the invasion."),
    ("NATO officials warned that Moscow could launch a new offensive in the east within weeks, according to "
    "a statement issued in Brussels."),
    ("President Zelensky met the Polish prime minister in Warsaw to discuss deliveries of air defence "
    "systems and ammunition."),
    ("Local authorities in Odesa reported that a drone hit a grain terminal, and firefighters worked through "
    "the night to put out the blaze."),
)


def article(chars: int) -> str:
    """A text of about ``chars`` characters: numbered paragraphs separated by blank lines."""
    parts: list[str] = []
    total = n = 0
    while total < chars:
        text = f"{PARAGRAPHS[n % len(PARAGRAPHS)]} Report {n} from the front."
        parts.append(text)
        total += len(text) + 2
        n += 1
    return "\n\n".join(parts)


def _family(pid: int) -> list[int]:
    """``pid`` and its descendants."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        for task in Path(f"/proc/{p}/task").glob("*/children"):
            todo += [int(c) for c in task.read_text().split()]
    return out


def _kib(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


class Sampler(threading.Thread):
    """The peaks of the summed RSS and PSS (KiB) of this process and its children, sampled until stopped."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.rss = self.pss = 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.1):
            rss = pss = 0
            for pid in _family(os.getpid()):
                try:
                    rss, pss = rss + _kib(pid, "Rss"), pss + _kib(pid, "Pss")
                except OSError:
                    continue  # a child that ended meanwhile
            self.rss, self.pss = max(self.rss, rss), max(self.pss, pss)


def _run(chars: int, src: str | None, queue: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    if src:
        sys.path.insert(0, src)
    from thucydides.pipeline.run import extract

    text = article(chars)
    extract(text[:3000])  # load the models (parser, gazetteers, classifier) outside the timing
    sampler = Sampler()
    sampler.start()
    start = time.perf_counter()
    doc = extract(text)
    seconds = time.perf_counter() - start
    sampler.done.set()
    sampler.join()
    queue.put((len(text), seconds, len(doc.propositions), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
               sampler.rss, sampler.pss))


def measure(chars: int, src: str | None = None) -> tuple[int, float, int, int, int, int]:
    """``(length, seconds, propositions, peak RSS, peak total RSS, peak total PSS)`` (memory in KiB) of one
    extraction in a fresh process (with the package from ``src`` when given)."""
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_run, args=(chars, src, queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result  # type: ignore[no-any-return]


def _line(label: str, runs: list[tuple[int, float, int, int, int, int]], base: float | None) -> float:
    """Print one result line; return its seconds per character."""
    length, props = runs[0][0], runs[0][2]
    peak, total, pss = (max(r[i] for r in runs) / 1024 for i in (3, 4, 5))
    seconds = statistics.median(r[1] for r in runs)
    per_char = seconds / length
    print(f"{label:>8} {length:>9,} {seconds:>8.1f} {length / seconds:>8.0f} {per_char / (base or per_char):>6.2f} "
          f"{peak:>8.0f} {total:>8.0f} {pss:>7.0f} {props:>6}", flush=True)
    return per_char


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,200000,500000,1000000", help="article lengths in characters")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--compare", metavar="SRC", help="also run with the package in this source tree")
    args = parser.parse_args()
    bases: dict[str, float] = {}
    print(f"{'tree':>8} {'chars':>9} {'seconds':>8} {'chars/s':>8} {'ratio':>6} {'peak MB':>8} {'total MB':>8} {'PSS MB':>7} {'props':>6}")
    print(f"load average at start: {os.getloadavg()[0]:.2f}", flush=True)
    for chars in (int(s) for s in args.sizes.split(",")):
        for label, src in [("this", None)] + ([("compare", args.compare)] if args.compare else []):
            runs = [measure(chars, src) for _ in range(args.repeat)]
            per_char = _line(label, runs, bases.get(label))
            bases.setdefault(label, per_char)
    print(f"load average at end: {os.getloadavg()[0]:.2f}", flush=True)


if __name__ == "__main__":
    main()
