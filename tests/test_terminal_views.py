"""Every text view of the command line strips control characters: an outlet, a claim's source, a model name
from a loss file or a file name can hold terminal escape sequences (``ESC ] 0; ... BEL`` sets the terminal's
title, ``ESC [ 2 J`` clears it) that must never reach the terminal. The visible text around them is kept."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from _fakes import claim, doc
from thucydides.cli import main
from thucydides.ledger.api import import_losses
from thucydides.model import LossClaim, Provenance
from thucydides.store import open_store, write_documents
from thucydides.stories import link_stories

TITLE = "\x1b]0;owned\x07"
CLEAR = "\x1b[2J\x9b31m"
SOURCE = f"daily{TITLE}list"
DAILY_HEADER = "country,equipment_type,destroyed,abandoned,captured,damaged,type_total,date_recorded\n"


def _cli(*args: str) -> tuple[int, str]:
    """Exit status and everything printed (stdout and stderr)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        try:
            main(list(args))
            code = 0
        except SystemExit as stop:
            code = int(stop.code or 0)
    return code, out.getvalue()


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A store whose outlet, claim sources and evidence carry escapes, with a ledger whose raw category does."""
    root = tmp_path_factory.mktemp("term")
    db = root / "s.duckdb"
    evidence = f"Russian forces shelled{TITLE} the port of Odesa"
    loss = LossClaim("RUS", 40, "exact", "tanks", f"lost 40 tanks{CLEAR}", Provenance("", 0, 5, "test.v1", "0"),
                     categories=("tanks",))
    docs = [doc("a", [("ASSAULT", "RUS", "UKR", [claim("asserted", ("UKR",), f"Port{TITLE}Radio", evidence)],
                       "2022-03-02")], "2022-03-02", f"Evil{TITLE}Outlet", (loss,)),
            doc("b", [("ASSAULT", "RUS", "UKR", [claim("denied", ("RUS",), None, f"Russian forces shelled the port of Odesa{CLEAR}")],
                       "2022-03-02")], "2022-03-03", f"Other{CLEAR}Outlet")]
    with open_store(db) as store:
        write_documents(store, docs)
        link_stories(store)
    daily = root / "daily.csv"
    daily.write_text(DAILY_HEADER + "Russia,Tanks,10,0,0,0,10,2022-03-01\nRussia,Tanks,5,0,0,0,5,2022-03-02\n")
    import_losses([daily], "oryx-daily", db, {"source": SOURCE})  # a source named by whoever imported it
    return root, db


def _views(root: Path, db: Path) -> list[tuple[str, ...]]:
    evil = root / f"evil{TITLE}.csv"
    evil.write_text("status,url\nnone,\n")
    return [("query", "--db", str(db)), ("disputes", "--db", str(db)),
            ("losses", "problems", "--db", str(db)),
            ("losses", "reconcile", "--date", "2022-03-02", "--source", SOURCE, "--db", str(db)),
            ("check-claims", "--all", "--db", str(db)),
            ("losses", "import", "--format", "csv", "--side", "RUS", "--map", "status=status,evidence=url",
             str(evil), "--db", str(root / "other.duckdb")),
            ("extract", str(root / f"missing{CLEAR}.txt"))]


@pytest.mark.parametrize("view", range(7), ids=["query", "disputes", "problems", "reconcile", "check-claims",
                                                "import-skipped", "error"])
def test_text_views_print_no_control_character(world: tuple[Path, Path], view: int) -> None:
    root, db = world
    _, printed = _cli(*_views(root, db)[view])
    assert "owned" in printed or "[2J" in printed or "evil" in printed, printed  # the hostile text is shown...
    assert not [c for c in printed if (ord(c) < 32 and c not in "\t\n") or 0x7F <= ord(c) <= 0x9F], printed
