"""Cluster ingest on a LocalCluster of 2 worker processes: the same store as the single-machine ingest,
also after a worker is killed mid-batch and after the client is killed mid-run (then rerun)."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from _cluster_fakes import deadly_extract_batch, dying_extract_batch
from _fakes import fake_extract_batch
from clusterkit import dump, write_mixed_corpus
from thucydides.cluster import ingest_on_cluster, open_archive
from thucydides.ingest import ingest
from thucydides.store import open_store

pytest.importorskip("distributed")
pytestmark = pytest.mark.slow

TESTS = Path(__file__).parent
N = 40


def single_machine(src: Path, db: Path, extractor=fake_extract_batch):  # type: ignore[no-untyped-def]
    with open_store(db) as store:
        ingest([str(src)], store, extractor=extractor, batch_size=32)
        return dump(store)


def stored(db: Path):  # type: ignore[no-untyped-def]
    with open_store(db, read_only=True) as store:
        return dump(store)


def test_cluster_store_equals_single_machine_store_and_a_rerun_adds_nothing(tmp_path: Path) -> None:
    src = tmp_path / "in"
    write_mixed_corpus(src, N)
    expected = single_machine(src, tmp_path / "one.duckdb")
    db = tmp_path / "c.duckdb"
    report = ingest_on_cluster([str(src)], "local:2", db=db, extractor=fake_extract_batch, batch_size=6,
                               progress=False)
    assert (report.read, report.added, report.skipped) == (N + 5, N + 1, 1)
    assert report.failure_summary() == {"E004": 1, "E007": 1, "E014": 1}
    got = stored(db)
    assert {t: len(r) for t, r in got.items()} == {t: len(r) for t, r in expected.items()}
    assert got == expected
    again = ingest_on_cluster([str(src)], "local:2", db=db, extractor=fake_extract_batch, batch_size=6,
                              progress=False)
    assert (again.added, again.skipped, again.stories) == (0, N + 2, 0)
    assert stored(db) == expected
    assert not list((tmp_path / "c.duckdb.shards").glob("*.parquet"))


def test_a_worker_killed_mid_batch_has_its_batch_retried(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "in"
    write_mixed_corpus(src, N)
    (src / "doc0007.txt").write_text((src / "doc0007.txt").read_text() + "DIE\n")
    expected = single_machine(src, tmp_path / "one.duckdb")
    death = tmp_path / "died"
    monkeypatch.setenv("FAKE_DIE_FILE", str(death))
    db = tmp_path / "c.duckdb"
    report = ingest_on_cluster([str(src)], "local:2", db=db, extractor=dying_extract_batch, batch_size=4,
                               progress=False)
    assert death.exists() and report.added == N + 1
    assert stored(db) == expected


def environment(marker: Path, slow: bool) -> dict[str, str]:
    env = dict(os.environ, FAKE_PROGRESS_FILE=str(marker), FAKE_SLOW_SECONDS="0.15" if slow else "0")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(TESTS), str(TESTS.parent / "src"), env.get("PYTHONPATH"))
                                        if p)
    return env


def test_a_document_that_kills_every_worker_is_recorded_as_failed_and_the_run_goes_on(tmp_path: Path) -> None:
    import dask

    src = tmp_path / "in"
    write_mixed_corpus(src, 12)
    (src / "doc0005.txt").write_text("CRASH\n@ASSAULT RUS>UKR asserted 2022-03-01\n")
    db = tmp_path / "c.duckdb"
    # No retry after a death: at most two workers die (the batch, then the document), so one always
    # survives even when a restarted worker is killed while it starts (its nanny then gives up).
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        report = ingest_on_cluster([str(src)], "local:2", db=db, extractor=deadly_extract_batch, batch_size=4,
                                   progress=False)
    lost = [(f.source, f.code) for f in report.failures if "worker process died" in f.reason]
    assert lost == [(str(src / "doc0005.txt"), "E014")]  # its batch went again document by document
    assert report.added == 13 - 1
    with open_store(db, read_only=True) as store:
        assert store.count("documents") == 12
        recorded = store.execute("SELECT source FROM ingest_failures WHERE reason LIKE '%worker process died%'")
        assert recorded.fetchall() == [(str(src / "doc0005.txt"),)]


def start(src: Path, db: Path, marker: Path, slow: bool, cluster: str = "local:2") -> subprocess.Popen[bytes]:
    argv = [sys.executable, "-c", "from thucydides.cli import main; main()", "ingest", str(src), "--db", str(db),
            "--cluster", cluster, "--extractor", "_fakes:fake_extract_batch", "--batch-size", "4",
            "--no-progress"]
    return subprocess.Popen(argv, env=environment(marker, slow), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)


def kill(proc: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=30)


def wait_for_lines(marker: Path, n: int, proc: subprocess.Popen[bytes], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if marker.exists() and len(marker.read_text().splitlines()) >= n:
            return
        if proc.poll() is not None:
            pytest.fail(f"ingest ended before it was killed: {proc.stderr.read().decode() if proc.stderr else ''}")
        time.sleep(0.05)
    pytest.fail("ingest made no progress")


def test_a_client_killed_mid_run_resumes_to_the_same_store(tmp_path: Path) -> None:
    src = tmp_path / "in"
    write_mixed_corpus(src, N, marker="SLOW")
    expected = single_machine(src, tmp_path / "one.duckdb")
    db, marker = tmp_path / "c.duckdb", tmp_path / "batches"
    proc = start(src, db, marker, slow=True)
    try:
        wait_for_lines(marker, 2 + 8, proc)  # the two warm-up calls, then eight batches
    finally:
        kill(proc)
    assert proc.returncode == -signal.SIGKILL
    with open_store(db) as store:
        merged = store.count("documents")
        finished = store.execute("SELECT count(*) FROM cluster_batches").fetchone()[0]  # type: ignore[index]
    finished += len(list((tmp_path / "c.duckdb.shards").glob("*.parquet")))  # written, not yet merged
    assert merged < N + 1 and finished >= 1  # the run did not finish, some batches did
    rerun = start(src, db, tmp_path / "batches2", slow=False)
    out, err = rerun.communicate(timeout=180)
    assert rerun.returncode == 0, err.decode()
    assert "already stored, 3 failed" in out.decode()
    assert stored(db) == expected
    # An uninterrupted run calls the extractor 15 times: 11 batches of 4, then the failing batch's
    # documents one by one; finished batches (merged, or shards left unmerged) are not extracted again.
    redone = len((tmp_path / "batches2").read_text().splitlines()) - 2
    assert redone <= 15 - finished + 2


def test_parquet_archive_reads_like_the_store(tmp_path: Path) -> None:
    src = tmp_path / "in"
    write_mixed_corpus(src, N)
    expected = single_machine(src, tmp_path / "one.duckdb")
    report = ingest_on_cluster([str(src)], "local:2", parquet_dir=tmp_path / "arch", extractor=fake_extract_batch,
                               batch_size=6, progress=False)
    assert report.added == N + 1
    ingest_on_cluster([str(src)], "local:2", parquet_dir=tmp_path / "arch", extractor=fake_extract_batch,
                      batch_size=6, progress=False)
    with open_archive(tmp_path / "arch") as archive:
        got = dump(archive)
    assert got == expected
    manifest = [json.loads(line) for line in (tmp_path / "arch" / "_manifest.jsonl").read_text().splitlines()]
    assert sum(m["documents"] for m in manifest) == N + 1


@pytest.mark.shared
def test_wikipedia_sample_with_the_real_pipeline_gives_the_single_machine_store(shared_dir: Path,
                                                                                   tmp_path: Path) -> None:
    corpus = shared_dir / "corpus" / "wikipedia_current_events_2022h1.jsonl"
    sample = tmp_path / "wiki60.jsonl"
    with corpus.open(encoding="utf-8") as f:
        sample.write_text("".join(line for _, line in zip(range(60), f, strict=False)), encoding="utf-8")
    from thucydides.pipeline.run import extract_batch

    expected = single_machine(sample, tmp_path / "one.duckdb", extract_batch)
    assert len(expected["documents"]) >= 55 and len(expected["propositions"]) > 0
    db = tmp_path / "c.duckdb"
    ingest_on_cluster([str(sample)], "local:2", db=db, batch_size=8, progress=False)
    assert stored(db) == expected


def test_cli_query_dyad_and_export_read_the_archive_as_they_read_the_store(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from thucydides.cli import cli

    def run(*args: str) -> str:
        result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
        assert result.exit_code == 0, result.stderr
        return result.stdout

    src = tmp_path / "in"
    write_mixed_corpus(src, 12)
    fake = "_fakes:fake_extract_batch"
    db, arch = str(tmp_path / "s.duckdb"), str(tmp_path / "arch")
    run("ingest", str(src), "--db", db, "--extractor", fake, "--no-progress")
    out = run("ingest", str(src), "--parquet-dir", arch, "--cluster", "local:2", "--extractor", fake, "--no-progress")
    assert "13 documents added, 1 already stored, 3 failed" in out
    for command in (("query", "--format", "json", "--limit", "0"), ("dyad", "RUS", "UKR", "--by", "day"),
                    ("disputes", "--format", "json"), ("export", "--format", "jsonl", "-o", "-")):
        assert run(*command, "--parquet-dir", arch) == run(*command, "--db", db)


def test_a_malformed_cluster_address_is_refused_before_anything_starts(tmp_path: Path) -> None:
    from thucydides.errors import InvalidValue

    with pytest.raises(InvalidValue, match=r"\[E001\] invalid cluster 'localhost:8786'"):
        ingest_on_cluster([str(tmp_path)], "localhost:8786", db=tmp_path / "x.duckdb")
    assert not (tmp_path / "x.duckdb").exists()


def scheduler_and_workers(folder: Path, marker: Path, slow: bool) -> tuple[list[subprocess.Popen[bytes]], str]:
    """A Dask scheduler and two single-threaded workers, in processes of their own; its address."""
    env, spec = environment(marker, slow), folder / f"scheduler-{time.monotonic_ns()}.json"
    common = {"env": env, "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "start_new_session": True}
    scheduler = subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_scheduler", "--port", "0",
                                  "--dashboard-address", ":0", "--scheduler-file", str(spec)], **common)
    deadline = time.monotonic() + 60
    while not spec.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    workers = subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker", "--scheduler-file", str(spec),
                                "--nworkers", "2", "--nthreads", "1"], **common)
    return [scheduler, workers], json.loads(spec.read_text())["address"]


def test_a_scheduler_killed_mid_run_stops_the_client_cleanly_and_a_rerun_completes(tmp_path: Path) -> None:
    src = tmp_path / "in"
    write_mixed_corpus(src, N, marker="SLOW")
    expected = single_machine(src, tmp_path / "one.duckdb")
    db, marker = tmp_path / "c.duckdb", tmp_path / "batches"
    procs, address = scheduler_and_workers(tmp_path, marker, slow=True)
    client = start(src, db, marker, slow=True, cluster=address)
    try:
        wait_for_lines(marker, 2 + 5, client)
        kill(procs[0])  # the scheduler
        _, err = client.communicate(timeout=120)
    finally:
        for proc in (client, *procs):
            kill(proc)
    assert client.returncode == 2
    assert err.decode().strip().splitlines()[-1].startswith("Error: [E018] ")
    procs, address = scheduler_and_workers(tmp_path, tmp_path / "batches2", slow=False)
    try:
        rerun = start(src, db, tmp_path / "batches2", slow=False, cluster=address)
        _, err = rerun.communicate(timeout=180)
    finally:
        for proc in procs:
            kill(proc)
    assert rerun.returncode == 0, err.decode()
    assert stored(db) == expected


def test_a_cluster_without_workers_stops_with_one_error_instead_of_waiting_for_ever(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from thucydides.cluster import ClusterError, runner

    monkeypatch.setattr(runner, "WORKERLESS_SECONDS", 1)
    src = tmp_path / "in"
    write_mixed_corpus(src, 4)
    spec = tmp_path / "scheduler.json"
    scheduler = subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_scheduler", "--port", "0",
                                  "--dashboard-address", ":0", "--scheduler-file", str(spec)],
                                 env=environment(tmp_path / "batches", False), stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while not spec.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        address = json.loads(spec.read_text())["address"]
        with pytest.raises(ClusterError, match=r"\[E018\] no Dask worker has been alive"):
            ingest_on_cluster([str(src)], address, db=tmp_path / "c.duckdb", extractor=fake_extract_batch,
                              progress=False)
    finally:
        kill(scheduler)
