"""Faults: a kill between the last write and the relinking of stories, and a killed parent of workers."""

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
from test_ingest_kill import start, wait_for_batches
from thucydides.store import open_store

TESTS = Path(__file__).parent
SRC = TESTS.parent / "src"
#: Runs the CLI with link_stories replaced by a SIGKILL of the process: the kill lands after the last batch
#: was committed and before any story is linked.
KILL_AT_LINK = ("import os, signal, thucydides.stories as s\n"
                "s.link_stories = lambda *a, **k: os.kill(os.getpid(), signal.SIGKILL)\n"
                "from thucydides.cli import main; main()")


def _ingest(src: Path, db: Path, code: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in (str(TESTS), str(SRC),
                                                                 os.environ.get("PYTHONPATH")) if p))
    argv = [sys.executable, "-c", code, "ingest", str(src), "--db", str(db), "--extractor",
            "_fakes:fake_extract_batch", "--no-progress"]
    return subprocess.run(argv, check=False, env=env, capture_output=True, text=True, timeout=120)


def _counts(db: Path) -> tuple[int, int, int]:
    with open_store(db, read_only=True) as store:
        row = store.execute("SELECT (SELECT count(*) FROM propositions), (SELECT count(*) FROM stories), "
                            "(SELECT count(*) FROM story_members)").fetchone()
    assert row is not None
    return int(row[0]), int(row[1]), int(row[2])


def test_a_kill_before_stories_are_linked_is_finished_by_the_rerun(tmp_path: Path) -> None:
    src, db = tmp_path / "in", tmp_path / "s.duckdb"
    write_corpus(src, 12)
    killed = _ingest(src, db, KILL_AT_LINK)
    assert killed.returncode == -signal.SIGKILL
    props, stories, members = _counts(db)
    assert props == 12 and stories == members == 0  # every batch committed, no story linked
    rerun = _ingest(src, db, "from thucydides.cli import main; main()")
    assert rerun.returncode == 0, rerun.stderr
    assert "0 documents added, 12 already stored" in rerun.stdout
    props, stories, members = _counts(db)
    assert members == props == 12 and stories > 0


def _children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, IndexError, ValueError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:
                out.append(int(stat.parent.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process table from /proc")
def test_workers_die_with_their_killed_parent(tmp_path: Path) -> None:
    src, db, marker = tmp_path / "in", tmp_path / "w.duckdb", tmp_path / "batches"
    write_corpus(src, 200, marker="SLOW")
    proc = start(src, db, marker, 2, slow=True)
    workers: list[int] = []
    try:
        wait_for_batches(marker, 2, proc)
        workers = [c for c in _children(proc.pid) if "multiprocessing" in Path(f"/proc/{c}/cmdline").read_text()]
        assert workers, "the ingest started no worker processes"
        os.kill(proc.pid, signal.SIGKILL)  # the parent only, not its process group
        proc.communicate(timeout=30)
        deadline = time.monotonic() + 30
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not [w for w in workers if _alive(w)]
    finally:
        for w in workers:
            with contextlib.suppress(ProcessLookupError):
                os.kill(w, signal.SIGKILL)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
