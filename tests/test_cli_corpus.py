"""The corpus commands as a new user meets them: exit codes of ingest, errors of query, dyad's counts.

Run through the console entry point (``python -m thucydides``) so exit codes are the real ones."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ARTICLE = ("Russian artillery shelled the centre of Kharkiv on Tuesday, regional officials said. "
           "Moscow denied that its forces had struck the city.")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "thucydides", *args], capture_output=True, text=True,
                          timeout=300, check=False)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("articles")
    (folder / "2022-03-01_kharkiv_wire.txt").write_text(ARTICLE, encoding="utf-8")
    db = folder.parent / "corpus.duckdb"
    out = run("ingest", str(folder), "--db", str(db))
    assert out.returncode == 0, out.stderr
    return db


def test_nothing_readable_exits_2_and_creates_no_store(tmp_path: Path) -> None:
    db = tmp_path / "none.duckdb"
    out = run("ingest", str(tmp_path / "missing.txt"), "--db", str(db))
    assert out.returncode == 2 and out.stderr.startswith("Error: [E002]") and "missing.txt" in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1 and not db.exists()


def test_partial_failures_exit_0_with_the_count_or_1_when_strict(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    out = run("ingest", str(good), str(tmp_path / "missing.txt"), "--db", str(tmp_path / "a.duckdb"))
    assert out.returncode == 0 and "1 documents added" in out.stdout and "1 failed" in out.stdout
    assert out.stdout.count("documents added") == 1  # one summary line, no progress line off a terminal
    assert "\r" not in out.stdout + out.stderr and "docs/s" not in out.stderr
    assert [line.split(":")[0].strip() for line in out.stderr.splitlines()] == ["E002", str(tmp_path / "missing.txt")]
    strict = run("ingest", str(good), str(tmp_path / "missing.txt"), "--db", str(tmp_path / "b.duckdb"),
                 "--strict")
    assert strict.returncode == 1


def test_date_and_outlet_come_from_the_file_name_or_the_options(store: Path, tmp_path: Path) -> None:
    out = run("query", "--db", str(store), "--format", "csv")
    assert "2022-03-01" in out.stdout and "kharkiv wire" in out.stdout
    single = tmp_path / "plain.txt"
    single.write_text(ARTICLE.replace("Tuesday", "Monday"), encoding="utf-8")
    db = tmp_path / "c.duckdb"
    assert run("ingest", str(single), "--db", str(db), "--published", "2022-02-28", "--outlet", "Wire").returncode == 0
    out = run("query", "--db", str(db), "--format", "csv")
    assert "Wire" in out.stdout and "2022-02-28" in out.stdout


def test_ingest_on_a_terminal_draws_a_bar_with_the_total_and_ends_with_one_summary(tmp_path: Path) -> None:
    """Standard error on a pseudo-terminal: rich draws the bar (documents done out of the total); standard
    output still gets the one summary line."""
    pty = pytest.importorskip("pty")
    import os
    import threading

    for name in ("2022-03-01_wire.txt", "2022-03-02_wire.txt"):
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    master, slave = pty.openpty()
    child = subprocess.Popen([sys.executable, "-m", "thucydides", "ingest", str(tmp_path), "--db",
                              str(tmp_path / "t.duckdb")], stdout=subprocess.PIPE, stderr=slave, text=True)
    os.close(slave)
    screen: list[bytes] = []

    def read() -> None:
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                return
            if not chunk:
                return
            screen.append(chunk)

    reader = threading.Thread(target=read)
    reader.start()
    stdout, _ = child.communicate(timeout=300)
    reader.join(timeout=10)
    os.close(master)
    drawn = b"".join(screen).decode("utf-8", "replace")
    assert child.returncode == 0 and "documents" in drawn and "━" in drawn and "/2" in drawn
    assert stdout.count("documents added") == 1 and "\r" not in stdout


def test_unknown_type_or_mode_is_an_error_listing_the_valid_ones(store: Path) -> None:
    out = run("query", "--db", str(store), "--type", "FOO")
    assert out.returncode == 2 and "[E001]" in out.stderr and "'ASSAULT'" in out.stderr
    out = run("query", "--db", str(store), "--type", "ASSAULT", "--mode", "flying")
    assert out.returncode == 2 and "'aerial'" in out.stderr


def test_an_actor_name_is_resolved_to_its_code_or_refused(store: Path) -> None:
    out = run("query", "--db", str(store), "--actor", "Russia", "--format", "csv")
    assert out.returncode == 0 and "read as RUS" in out.stderr and "ASSAULT" in out.stdout
    out = run("query", "--db", str(store), "--actor", "Rusia")
    assert out.returncode == 2 and "'RUS'" in out.stderr


def test_dyad_and_disputes_take_names_too(store: Path) -> None:
    out = run("dyad", "Russia", "Ukraine", "--db", str(store), "--format", "csv")
    assert out.returncode == 0 and "actor 'Russia' read as RUS" in out.stderr
    assert "recipient 'Ukraine' read as UKR" in out.stderr and out.stdout.count("\n") == 2  # header and a week
    out = run("disputes", "--db", str(store), "--recipient", "Ukrain")
    assert out.returncode == 0 and "recipient 'Ukrain' read as UKR" in out.stderr
    out = run("disputes", "--db", str(store), "--actor", "Grand Fenwick")
    assert out.returncode == 2 and out.stderr.startswith("Error: [E001]") and "'RUS'" in out.stderr


def test_dyad_says_what_it_counts_and_refuses_an_empty_chart(store: Path, tmp_path: Path) -> None:
    out = run("dyad", "RUS", "UKR", "--db", str(store), "--format", "csv")
    assert out.returncode == 0 and "asserted or alleged" in out.stderr
    denied = run("dyad", "RUS", "UKR", "--db", str(store), "--status", "denied", "--format", "csv")
    assert "denied" in denied.stderr
    png = tmp_path / "empty.png"
    out = run("dyad", "CHN", "USA", "--db", str(store), "--png", str(png))
    assert out.returncode == 2 and not png.exists()


def test_file_name_convention() -> None:
    import datetime as dt

    from thucydides.ingest.names import from_file_name

    assert from_file_name("examples/articles/2024-04-16_gulf_monitor.txt") == (dt.date(2024, 4, 16), "gulf monitor")
    assert from_file_name("notes/article.txt") == (None, None)
    assert from_file_name("2024-13-40_bad_date.txt") == (None, None)
    assert from_file_name("corpus/2022-01-01_feed.jsonl:3") == (None, None)  # a record of a file


def test_an_empty_ledger_chart_is_refused_and_a_bad_source_names_the_option(tmp_path: Path) -> None:
    import datetime as dt

    from thucydides.errors import InputError, InvalidValue
    from thucydides.ledger import connect
    from thucydides.ledger.charts import chart
    from thucydides.ledger.totals import totals

    con = connect(":memory:")
    out = tmp_path / "empty.png"
    for kind, source in (("cumulative", "items"), ("cumulative", "oryx-daily"), ("claimed-vs-confirmed", "items")):
        with pytest.raises(InputError, match=r"E002.*nothing to draw.*losses import"):
            chart(con, kind, out, source=source)
    assert not out.exists()
    with pytest.raises(InvalidValue, match="--source"):
        totals(con, "RUS", dt.date(2022, 3, 19), source="oryx-daily")


def test_table_view_shows_a_non_state_actor_with_its_sector_and_takes_a_width(tmp_path: Path) -> None:
    article = tmp_path / "2023-10-08_border_news.txt"
    article.write_text("Hezbollah fired rockets at northern Israel on Sunday, the Israeli army said.", encoding="utf-8")
    db = tmp_path / "hz.duckdb"
    assert run("ingest", str(article), "--db", str(db)).returncode == 0
    table = run("query", "--db", str(db), "--width", "30").stdout
    assert "LBN/REB Hezbollah" in table and "ISR " in table
    assert max(len(line) for line in table.splitlines()) < max(len(line) for line in run(
        "query", "--db", str(db), "--width", "120").stdout.splitlines())
    assert ",LBN," in run("query", "--db", str(db), "--format", "csv").stdout  # codes stay codes in data


def test_progress_bar_on_a_terminal_shows_the_total(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from thucydides.commands.progress import ProgressBar, count_documents

    (tmp_path / "a.jsonl").write_text('{"text": "x"}\n{"text": "y"}\n\n', encoding="utf-8")
    (tmp_path / "b.txt").write_text("z", encoding="utf-8")
    assert count_documents((str(tmp_path),)) == 3
    assert count_documents(("-",)) is None and count_documents((str(tmp_path / "none"),)) is None

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    with ProgressBar(True, 3, "documents") as bar:
        bar.update(2, 4.0)
        bar._bar.refresh()  # draw now rather than on the next tick
    assert "2/3" in screen.getvalue() and "4.0 documents/s" in screen.getvalue()
    quiet = Terminal()
    monkeypatch.setattr(sys, "stderr", quiet)
    with ProgressBar(False, 3, "documents") as bar:
        bar.update(2)
    assert quiet.getvalue() == ""


def test_progress_bar_stages_restart_the_count_and_show_a_rate_of_their_own(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from thucydides.commands.progress import ProgressBar

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    with ProgressBar(True, 40, "rows") as bar:
        bar.update(40)
        bar.stage("items", 7)
        bar.update(3)
        bar._bar.refresh()
    assert bar.unit == "items" and bar.total == 7
    assert "3/7" in screen.getvalue() and "items/s" in screen.getvalue()


def test_train_progress_moves_the_bar_logs_when_asked_and_sums_up(monkeypatch: pytest.MonkeyPatch,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    import io

    from thucydides.commands.progress import ProgressBar
    from thucydides.commands.train import TrainProgress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    with ProgressBar(True, None, "steps") as bar:
        shown = TrainProgress(bar, log_every=None)
        for step, loss in enumerate([0.9, 0.7, 0.5], 1):
            shown(step, 4, loss)
        bar._bar.refresh()
    assert "3/4" in screen.getvalue() and "steps/s" in screen.getvalue()
    assert shown.summary().startswith("trained 3/4 steps in ") and shown.summary().endswith("mean loss 0.700")
    monkeypatch.undo()
    logged = TrainProgress(ProgressBar(True, None, "steps"), log_every=2)  # off a terminal: no bar
    for step in (1, 2, 3):
        logged(step, 3, 1.0)
    lines = capsys.readouterr().err.splitlines()
    assert [line.split("  ")[0] for line in lines] == ["step 2/3", "step 3/3"]
