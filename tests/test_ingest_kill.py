"""A killed ingest loses at most the batches in flight; rerunning it completes with no loss and no
duplicates. The ingest runs in a subprocess that is killed with SIGKILL half way."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from test_ingest import write_corpus
from thucydides.store import open_store

TESTS = Path(__file__).parent
SRC = TESTS.parent / "src"
N = 120


def start(src: Path, db: Path, marker: Path, workers: int, slow: bool) -> subprocess.Popen[bytes]:
    env = dict(os.environ, FAKE_PROGRESS_FILE=str(marker), FAKE_SLOW_SECONDS="0.1" if slow else "0")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(TESTS), str(SRC), env.get("PYTHONPATH")) if p)
    argv = [sys.executable, "-c", "from thucydides.cli import main; main()", "ingest", str(src), "--db", str(db),
            "--extractor", "_fakes:fake_extract_batch", "--batch-size", "4", "--workers", str(workers),
            "--no-progress"]
    return subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)


def wait_for_batches(marker: Path, n: int, proc: subprocess.Popen[bytes], timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if marker.exists() and len(marker.read_text().splitlines()) >= n:
            return
        if proc.poll() is not None:
            pytest.fail(f"ingest ended before it was killed: {proc.stderr.read().decode() if proc.stderr else ''}")
        time.sleep(0.05)
    pytest.fail("ingest made no progress")


def stored(db: Path) -> tuple[int, int, int, int]:
    with open_store(db, read_only=True) as store:
        row = store.execute("""SELECT (SELECT count(*) FROM documents), (SELECT count(DISTINCT id) FROM documents),
                                      (SELECT count(*) FROM propositions), (SELECT count(*) FROM claims)""").fetchone()
    assert row is not None
    return (int(row[0]), int(row[1]), int(row[2]), int(row[3]))


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_killed_ingest_resumes_without_loss_or_duplicates(tmp_path: Path, workers: int) -> None:
    src, db, marker = tmp_path / "in", tmp_path / "k.duckdb", tmp_path / "batches"
    write_corpus(src, N, marker="SLOW")
    proc = start(src, db, marker, workers, slow=True)
    try:
        wait_for_batches(marker, 6, proc)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    docs, distinct, props, claims = stored(db)
    assert docs == distinct == props == claims
    assert 0 < docs < N  # some batches were stored, the run did not finish
    if workers == 1:
        assert docs >= 5 * 4  # batches 1..5 were written before batch 6 started
    rerun = start(src, db, tmp_path / "batches2", workers, slow=False)
    out, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, err.decode()
    assert f"{N - docs} documents added, {docs} already stored, 0 failed" in out.decode()
    assert stored(db) == (N, N, N, N)
