"""Long articles are extracted in paragraph chunks: the chunks cover the text, offsets stay true, and the
propositions are those of the article extracted in one piece (merged across chunks)."""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from thucydides import workers
from thucydides.nlp.lookup import lookup
from thucydides.nlp.parse import load_nlp
from thucydides.pipeline import parallel, run
from thucydides.pipeline.chunks import split_paragraphs, split_stages
from thucydides.pipeline.registry import default_pipeline
from thucydides.pipeline.state import Stage, State

PARAS = (
    "Kyiv said on Monday that Russian forces shelled the city of Kharkiv overnight, killing two civilians.",
    "Ukraine's General Staff said Russia has lost 1,200 tanks since the start of the invasion.",
    "The Polish government announced on Tuesday that it would send more artillery shells to Ukraine.",
)


@pytest.mark.parametrize("text", [
    "a" * 2500,
    "\n\n".join(["word " * 40] * 30),
    "One sentence here. " * 300,
    "x\n" * 900,
])
def test_chunks_cover_the_text_and_respect_the_limit(text: str) -> None:
    chunks = split_paragraphs(text, 500)
    assert "".join(c for _, c in chunks) == text
    assert all(len(c) <= 500 for _, c in chunks)
    assert [o for o, _ in chunks] == [sum(len(c) for _, c in chunks[:i]) for i in range(len(chunks))]


def test_paragraph_breaks_are_preferred() -> None:
    text = "\n\n".join(["Alpha beta gamma. " * 5] * 20)
    assert all(c.endswith("\n\n") for _, c in split_paragraphs(text, 300)[:-1])


def test_a_long_article_is_extracted_chunk_by_chunk_with_true_offsets(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "\n\n".join(PARAS[i % 3] for i in range(9))
    monkeypatch.setattr(run, "CHUNK_CHARS", 250)
    doc = run.extract(text, published="2024-03-04")
    claims = [c for p in doc.propositions for c in p.claims]
    assert claims and doc.loss_claims
    for c in claims:
        assert text[c.provenance.start:c.provenance.end] == c.evidence
    for lc in doc.loss_claims:
        assert text[lc.provenance.start:lc.provenance.end] == lc.evidence
    for m in doc.mentions:
        assert text[m.start:m.end] == m.text
    for place in doc.places:
        assert text[place.start:place.end] == place.text
    assert any(place.start > len(text) // 2 for place in doc.places)
    # the chunks after the first contribute: evidence is found near the end of the text too
    assert max(c.provenance.start for c in claims) > len(text) // 2
    assert len({p.id for p in doc.propositions}) == len(doc.propositions)


#: Paragraphs that each name their actors (no pronoun reaching back into an earlier paragraph); the first,
#: third and fourth are claims about one shelling, the fourth a denial of it.
REPORT = (
    "Russian forces shelled the city of Kharkiv on Monday, killing three civilians, Ukrainian officials said.",
    "The Polish government announced on Tuesday that it would send more artillery shells to Ukraine.",
    "Ukraine's General Staff said Russia has lost 1,300 tanks since the start of the invasion.",
    "The Russian defence ministry denied that Russian forces shelled Kharkiv on Monday.",
    "Turkey offered to host talks between Russia and Ukraine in Istanbul next month.",
    "NATO said Russia deployed additional troops to Belarus near the Ukrainian border.",
)


def test_the_chunked_path_gives_the_propositions_of_the_whole_article(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "\n\n".join(REPORT)
    whole = run.extract(text, published="2024-03-04")
    monkeypatch.setattr(run, "CHUNK_CHARS", 110)  # one paragraph a chunk
    chunked = run.extract(text, published="2024-03-04")
    assert len(split_paragraphs(text, 110)) == len(REPORT)
    assert [p.to_dict() for p in chunked.propositions] == [p.to_dict() for p in whole.propositions]
    assert chunked.loss_claims == whole.loss_claims
    assert chunked.mentions == whole.mentions and chunked.places == whole.places
    # claims in different chunks make one proposition: alleged in one paragraph, denied in another
    disputed = [p for p in chunked.propositions if p.verdict == "disputed"]
    assert disputed and len({text.rfind("\n\n", 0, c.provenance.start) for c in disputed[0].claims}) > 1


def _reads_parse_after_merging(state: State) -> None:
    """A stage after merging that reads the parse."""


def test_a_stage_after_merging_that_reads_the_parse_runs_chunk_by_chunk(monkeypatch: pytest.MonkeyPatch) -> None:
    stage = Stage("x.after.v1", _reads_parse_after_merging, ("doc", "propositions"), ())
    pipeline = default_pipeline().insert_after("merge.claims.v1", stage)
    assert split_stages(list(pipeline)) is None
    local, whole = split_stages(list(default_pipeline())) or ([], [])
    assert [s.name for s in whole] == ["merge.claims.v1", "propositions.parties.v1", "places.link.v1"]
    assert "losses.rules.v1" in [s.name for s in local]
    monkeypatch.setattr(run, "CHUNK_CHARS", 200)
    doc = run.extract_article(run.Article(text="\n\n".join(REPORT)), stages=pipeline)
    assert doc.propositions  # each chunk merged on its own


#: Paragraphs written for the parallel tests: each names its actors, several are claims about the same strike.
DISPATCH = (
    ("Ukrainian officials said Russian drones struck a power station near Sumy on Friday, cutting heat to "
    "thousands of homes."),
    "The Russian defence ministry denied that its drones hit the power station near Sumy.",
    "Poland said it would send two more field hospitals to western Ukraine before the winter.",
    "Ukraine's General Staff said Russia had lost 40 tanks and 12 artillery systems in the past week.",
    "Hungary blocked a European Union statement that condemned the strikes on Ukrainian power plants.",
    ("The United Nations said Russia and Ukraine exchanged 90 prisoners of war in a deal brokered by the "
    "United Arab Emirates."),
)


def _dispatch(paragraphs: int) -> str:
    return "\n\n".join(DISPATCH[i % len(DISPATCH)] for i in range(paragraphs))


def test_the_parallel_path_gives_the_results_of_the_plain_path(monkeypatch: pytest.MonkeyPatch) -> None:
    text = _dispatch(14)
    monkeypatch.setattr(run, "CHUNK_CHARS", 240)
    monkeypatch.setattr(run, "CHUNK_BATCH", 1)
    monkeypatch.setattr(parallel, "PARALLEL_CHARS", 10 ** 9)
    plain = run.extract(text, published="2024-11-08")
    calls: list[int] = []

    def counted(*args: Any) -> Any:
        calls.append(args[-1])
        return parallel.map_batches(*args)

    monkeypatch.setattr(parallel, "PARALLEL_CHARS", 1000)
    monkeypatch.setattr(parallel, "WORKERS", 2)
    monkeypatch.setattr(run, "map_batches", counted)
    frozen = gc.get_freeze_count()
    fast = run.extract(text, published="2024-11-08")
    assert calls == [min(2, os.cpu_count() or 1)]
    assert fast.to_dict() == plain.to_dict()
    assert gc.get_freeze_count() == frozen  # the objects frozen for the workers are collectable again
    assert any(p.verdict == "disputed" for p in fast.propositions)  # claims from chunks of both processes


def test_no_worker_pool_inside_a_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "PARALLEL_CHARS", 100)
    assert parallel.workers_for(99) == 1
    assert parallel.workers_for(10 ** 6) == min(parallel.WORKERS, os.cpu_count() or 1)
    monkeypatch.setitem(workers._STATE, "worker", True)
    assert parallel.workers_for(10 ** 6) == 1


def test_cost_is_linear_each_chunk_is_parsed_once_and_no_stage_sees_more_than_a_chunk(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The work per chunk is bounded by the chunk's length and every character is in one chunk only: each
    per-chunk stage reads, over the whole article, as many characters as the text has (parsed once), never
    more than a chunk at a time; the whole-article stages run once."""
    monkeypatch.setattr(run, "CHUNK_CHARS", 300)
    local, whole = split_stages(list(default_pipeline())) or ([], [])
    seen: dict[str, list[int]] = {}

    def counting(stage: Stage) -> Stage:
        def func(state: State) -> None:
            seen.setdefault(stage.name, []).append(len(state.doc.text) if stage in local else -1)
            stage.func(state)
        return Stage(stage.name, func, stage.reads, stage.assigns)

    pipeline = [counting(s) for s in default_pipeline()]
    for paragraphs in (6, 12):
        seen.clear()
        text = _dispatch(paragraphs)
        run.extract_article(run.Article(text=text), stages=pipeline)
        assert all(sum(seen[s.name]) == len(text) and max(seen[s.name]) <= 300 for s in local)
        assert all(seen[s.name] == [-1] for s in whole)


def test_the_doc_lookup_answers_as_a_scan_of_the_doc() -> None:
    doc = load_nlp()(_dispatch(3))
    found = lookup(doc)
    assert found is lookup(doc) and found.text == doc.text
    for char in range(0, len(doc.text) + 3, 7):
        assert found.first_token_from(char) == next((t.i for t in doc if t.idx >= char), len(doc) - 1)
    for lo, hi in ((0, 40), (50, 400), (len(doc.text) - 30, len(doc.text))):
        assert found.ents_starting_in(lo, hi) == tuple(e for e in doc.ents if lo <= e.start_char < hi)


LONG_EXTRACT = """
import os, sys
from thucydides.pipeline import parallel, run
run.CHUNK_CHARS, run.CHUNK_BATCH, parallel.PARALLEL_CHARS = 300, 60, 1000  # batches of many seconds
print(os.getpid(), flush=True)
run.extract(sys.argv[1])
"""


def _children(pid: int) -> list[int]:
    return [int(c) for task in Path(f"/proc/{pid}/task").glob("*/children") for c in task.read_text().split()]


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_the_worker_of_a_long_article_dies_with_its_killed_parent() -> None:
    """Killed mid-batch, the parent takes its worker with it (the worker does not finish its batch first)."""
    with subprocess.Popen([sys.executable, "-c", LONG_EXTRACT, _dispatch(400)], stdout=subprocess.PIPE,
                          text=True) as proc:
        workers: list[int] = []
        try:
            assert proc.stdout is not None and int(proc.stdout.readline()) == proc.pid
            deadline = time.monotonic() + 300
            while not workers and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.2)
                workers = _children(proc.pid)
            assert workers, "the long article started no worker"
            os.kill(proc.pid, signal.SIGKILL)  # while the worker is in its first batch
            proc.wait(timeout=30)
            deadline = time.monotonic() + 5  # a worker only told by its queue would finish the batch first
            while any(_alive(w) for w in workers) and time.monotonic() < deadline:
                time.sleep(0.2)
            assert not [w for w in workers if _alive(w)]
        finally:
            for w in workers:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(w, signal.SIGKILL)
            proc.kill()
