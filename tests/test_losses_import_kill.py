"""A killed ``losses import`` loses nothing: a SIGKILL at any moment of an import leaves the ledger as it was
before (or, once committed, with the whole import), and the rerun ends with the ledger a clean import makes.

Each import runs the command line in a subprocess that kills itself (SIGKILL, no clean-up) at one moment:
after reading, after opening the store, while merging items, between two table writes of one transaction,
after every item or daily figure is written but before the commit, and just after the commit.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from thucydides.ledger.api import import_losses
from thucydides.ledger.db import ledger_connection

SRC = Path(__file__).resolve().parent.parent / "src"

#: Runs the CLI with one function replaced by a wrapper that SIGKILLs the process at the moment named by
#: ``KILL_AT`` (``KILL_AFTER`` calls of it before, for the writes).
KILLER = """
import os, signal, sys
import thucydides.ledger.api as api, thucydides.ledger.ingest as ing, thucydides.commands.losses as cmd
at, after = os.environ["KILL_AT"], int(os.environ.get("KILL_AFTER", "0"))
calls = [0]
def die():
    os.kill(os.getpid(), signal.SIGKILL)
def wrap(module, name, before):
    real = getattr(module, name)
    def hooked(*a, **k):
        calls[0] += 1
        if before and calls[0] > after:
            die()
        out = real(*a, **k)
        if not before and calls[0] > after:
            die()
        return out
    setattr(module, name, hooked)
ing.REPORT_EVERY = 10
if at == "read":
    wrap(api, "_read", before=False)
elif at == "open":
    wrap(api, "store_parsed", before=True)
elif at == "insert":
    wrap(ing, "_insert", before=True)
elif at == "written":
    wrap(ing, "_write_items", before=False)
elif at == "daily":
    wrap(ing, "_store_daily", before=False)
elif at == "committed":
    wrap(api, "store_parsed", before=False)
elif at == "merging":
    real_advance = cmd._advance
    def advance(bar, stage, done, total):
        if stage == "items" and done < total:
            die()
        real_advance(bar, stage, done, total)
    cmd._advance = advance
from thucydides.cli import main
main()
"""

ITEMS_ARGS = ["--format", "csv", "--side", "RUS", "--map", "status=status,evidence=url,model=model,recorded=day"]
DAILY_HEADER = "country,equipment_type,destroyed,abandoned,captured,damaged,type_total,date_recorded\n"


def _inputs(root: Path) -> dict[str, Path]:
    """An earlier import (kept through every kill), a file of 60 items (some already known) and daily totals."""
    rows = [f"{'destroyed' if i % 3 else 'captured'},http://loss.invalid/{i}.jpg,T-{60 + i % 4}B,2022-03-{1 + i % 28:02d}"
            for i in range(60)]
    files = {"earlier": root / "earlier.csv", "items": root / "items.csv", "daily": root / "daily.csv"}
    files["earlier"].write_text("status,url,model,day\n" + "\n".join(rows[:10]).replace("captured", "abandoned")
                                + "\n")
    files["items"].write_text("status,url,model,day\n" + "\n".join(rows) + "\n")
    files["daily"].write_text(DAILY_HEADER + "".join(f"{side},Tanks,{10 + d},1,2,3,{16 + d},2022-03-{d:02d}\n"
                                                     for side in ("Russia", "Ukraine") for d in range(1, 21)))
    return files


def _argv(kind: str, files: dict[str, Path], db: Path) -> list[str]:
    fmt = ITEMS_ARGS if kind == "items" else ["--format", "oryx-daily"]
    return ["losses", "import", *fmt, str(files[kind]), "--db", str(db)]


def _run(argv: list[str], kill_at: str | None = None, after: int = 0) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in (str(SRC), os.environ.get("PYTHONPATH")) if p))
    if kill_at is None:
        code = "from thucydides.cli import main; main()"
    else:
        code = KILLER
        env.update(KILL_AT=kill_at, KILL_AFTER=str(after))
    return subprocess.run([sys.executable, "-c", code, *argv], env=env, capture_output=True, text=True,
                          timeout=120, check=False)


def _ledger(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """What the ledger holds, without the import numbers and times (a rerun after a commit adds an import)."""
    queries = {"items": "SELECT item_id, side, category, model, statuses, sources, recorded, lost FROM ledger_items",
               "evidence": "SELECT item_id, url, key FROM ledger_evidence",
               "daily": "SELECT source, kind, side, category, raw_category, date, status, value, level "
                        "FROM ledger_daily"}
    with ledger_connection(db, read_only=True) as con:
        return {name: sorted(con.execute(sql).fetchall(), key=repr) for name, sql in queries.items()}


@pytest.fixture(scope="module")
def states(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Path], Path, dict[str, object]]:
    """The inputs, a store holding the earlier import, and the ledger before and after each clean import."""
    root = tmp_path_factory.mktemp("kill")
    files = _inputs(root)
    base = root / "base.duckdb"
    import_losses([files["earlier"]], "csv", base, {"side": "RUS", "map": ITEMS_ARGS[-1]})
    expected: dict[str, object] = {"before": _ledger(base)}
    for kind in ("items", "daily"):
        clean = root / f"clean-{kind}.duckdb"
        shutil.copy(base, clean)
        assert _run(_argv(kind, files, clean)).returncode == 0
        expected[kind] = _ledger(clean)
    assert expected["items"] != expected["before"] != expected["daily"]
    return files, base, expected


MOMENTS = [("items", "read", 0), ("items", "open", 0), ("items", "merging", 0), ("items", "insert", 1),
           ("items", "insert", 2), ("items", "written", 0), ("items", "committed", 0), ("daily", "read", 0),
           ("daily", "open", 0), ("daily", "daily", 0), ("daily", "committed", 0)]


@pytest.mark.slow
@pytest.mark.parametrize(("kind", "moment", "after"), MOMENTS, ids=[f"{k}-{m}-{a}" for k, m, a in MOMENTS])
def test_a_killed_import_loses_nothing_and_the_rerun_completes_it(
        states: tuple[dict[str, Path], Path, dict[str, object]], tmp_path: Path, kind: str, moment: str,
        after: int) -> None:
    files, base, expected = states
    db = tmp_path / "s.duckdb"
    shutil.copy(base, db)
    killed = _run(_argv(kind, files, db), moment, after)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert _ledger(db) == expected[kind if moment == "committed" else "before"]
    rerun = _run(_argv(kind, files, db))
    assert rerun.returncode == 0, rerun.stderr
    assert _ledger(db) == expected[kind]
