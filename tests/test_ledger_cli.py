"""The losses commands and check-claims end to end through click, on hand-written fixtures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from thucydides.cli import cli, main
from thucydides.ledger.api import loss_importers

FIX = Path(__file__).parent / "fixtures" / "ledger"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture()
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "ledger.duckdb")
    imports = [("oryx-items", FIX / "items_first.csv", []), ("oryx-daily", FIX / "daily.csv", []),
               ("oryx-bytype", FIX / "bytype.csv", ["--source", "lee"]), ("ua-mod", FIX / "mod_petro.json", []),
               ("ua-mod", FIX / "mod_loddb.json", [])]
    for fmt, file, extra in imports:
        code, _out, err = run("losses", "import", str(file), "--format", fmt, "--db", path, *extra)
        assert code == 0, err
    return path


def test_importers_come_through_the_hook() -> None:
    assert {"oryx-items", "oryx-daily", "oryx-bytype", "ua-mod", "warspotting", "csv"} <= set(loss_importers())


def test_import_reports_counts_and_skipped_rows(db: str) -> None:
    code, out, _ = run("losses", "import", str(FIX / "items_second.csv"), "--format", "oryx-items", "--db", db)
    assert code == 0 and "5 rows read, 4 items (1 new, 3 already known, 1 reclassified)" in out
    code, out, _ = run("losses", "import", str(FIX / "warspotting.json"), "--format", "warspotting", "--db", db)
    assert "1 rows skipped" in out and "skipped: warspotting.json page 2 loss 2" in out
    code, out, _ = run("losses", "import", str(FIX / "generic.csv"), "--format", "csv", "--db", db, "--map",
                       "side=whose,category=kind,model=what,status=state,evidence=link,recorded=seen")
    assert code == 0 and "(csv)" not in out and "csv (confirmed)" in out


def test_totals_series_problems_reconcile(db: str) -> None:
    code, out, _ = run("losses", "totals", "--side", "RUS", "--as-of", "2022-04-09", "--by", "category", "--db", db)
    assert code == 0 and any(line.split()[:2] == ["tanks", "2"] for line in out.splitlines())
    code, out, _ = run("losses", "totals", "--as-of", "2022-04-09", "--source", "lee", "--by", "day", "--db", db)
    assert "2022-04-08" in out and "103" in out
    code, out, _ = run("losses", "totals", "--as-of", "2022-04-09", "--basis", "lost", "--db", db)
    assert "no figure" in out
    code, out, _ = run("losses", "series", "--source", "oryx-daily", "--category", "all", "--from", "2022-04-01",
                       "--to", "2022-04-30", "--weekly", "--db", db)
    assert code == 0 and "2022-04-06" in out and "2022-04-02" not in out
    code, out, _ = run("losses", "problems", "--kind", "outlier", "--db", db)
    assert "outlier\toryx-daily\tRUS\tAll Types\t2022-04-03" in out
    code, out, _ = run("losses", "reconcile", "--side", "RUS", "--date", "2022-04-09", "--source", "oryx-daily",
                       "--db", db)
    assert "items with two statuses" in out


@pytest.mark.parametrize("suffix, magic", [(".png", b"\x89PNG"), (".svg", b"<?xml")])
def test_charts(db: str, tmp_path: Path, suffix: str, magic: bytes) -> None:
    for kind in ("cumulative", "claimed-vs-confirmed"):
        out = tmp_path / f"{kind}{suffix}"
        code, _, err = run("losses", "chart", str(out), "--kind", kind, "--category", "tanks", "--from", "2022-04-01",
                           "--to", "2022-04-30", "--claimed", "ua-mod-lod-db", "--source", "items", "--db", db)
        assert code == 0, err
        assert out.read_bytes().startswith(magic)


def test_check_claims_from_extraction_output(db: str) -> None:
    code, out, _ = run("check-claims", "--from", str(FIX / "articles.jsonl"), "--db", db, "--lag-days", "3",
                       "--tolerance", "0.02")
    assert code == 0
    assert "art-tanks Example Wire: RUS at least 40 tanks (as of 2022-04-10) -> OVERSTATED" in out
    assert "CLAIMED   ua-mod-lod-db: consistent; figure 47 on 2022-04-10" in out
    assert "CONFIRMED lee: overstated; figure 2 on 2022-04-10" in out
    code, out, _ = run("check-claims", "--from", str(FIX / "articles.jsonl"), "--db", db, "--json")
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["verdict"] for r in rows] == ["overstated", "overstated", "no_data"]
    assert rows[0]["comparisons"][0]["kind"] == "confirmed"


def test_check_claims_from_an_empty_store(db: str) -> None:
    code, out, _ = run("check-claims", "--db", db)
    assert code == 0 and "no loss claims to check" in out


def test_errors_are_one_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"\x00\x00binary")
    for argv in (["losses", "import", str(bad), "--format", "ua-mod", "--db", str(tmp_path / "x.duckdb")],
                 ["losses", "import", str(bad), "--format", "nope", "--db", str(tmp_path / "x.duckdb")],
                 ["losses", "totals", "--as-of", "2022-04-01", "--db", str(tmp_path / "missing.duckdb")]):
        with pytest.raises(SystemExit) as exit_info:
            main(argv)
        assert exit_info.value.code == 2
        err = capsys.readouterr().err
        assert err.startswith("Error: [E0") and err.count("\n") == 1


def test_check_claims_reads_the_event_store_in_the_same_file(tmp_path: Path) -> None:
    from thucydides.model import Document
    from thucydides.store import open_store, write_documents

    path = str(tmp_path / "shared.duckdb")
    docs = [Document.from_dict(json.loads(line)) for line in (FIX / "articles.jsonl").read_text().splitlines()]
    with open_store(path) as store:
        write_documents(store, docs)
    code, _, err = run("losses", "import", str(FIX / "bytype.csv"), "--format", "oryx-bytype", "--db", path)
    assert code == 0, err
    code, out, _ = run("check-claims", "--db", path, "--json")
    rows = {r["doc_id"]: r for r in map(json.loads, out.splitlines())}
    assert set(rows) == {"art-tanks", "art-headline", "art-early"}
    assert rows["art-tanks"]["verdict"] == "overstated"
    assert rows["art-tanks"]["comparisons"][0]["figure"] == 2 and rows["art-tanks"]["outlet"] == "Example Wire"


def test_csv_import_needs_a_side(tmp_path: Path) -> None:
    path = str(tmp_path / "side.duckdb")
    args = ["losses", "import", str(FIX / "generic.csv"), "--format", "csv", "--db", path,
            "--map", "status=state,evidence=link,model=what"]
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    assert exit_info.value.code == 2
    code, out, _ = run(*args, "--side", "UKR")
    assert code == 0 and "3 items (3 new" in out


def _main(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


def _counts(db: str) -> tuple[int, int, int]:
    import duckdb

    with duckdb.connect(db, read_only=True) as con:
        return tuple(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore[return-value,index]
                     for t in ("ledger_items", "ledger_daily", "ledger_imports"))


def test_import_keeps_the_good_rows_and_lists_each_failed_one(db: str, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    bad = [f"Russia,T-72,destroyed,http://x/bad{n},2022-04-{n:02d}x" for n in range(1, 26)]  # 25 bad dates
    good = ["Ukraine,BMP-2,captured,http://x/good1,2022-04-02", "Russia,Tor-M2,damaged,http://x/good2,2022-04-03"]
    path = tmp_path / "mixed.csv"
    path.write_text("\n".join(["country,system,status,url,date_recorded", good[0], *bad, '"broken,row', good[1]])
                    + "\n", encoding="utf-8")
    items, daily, imports = _counts(db)
    code, out, err = _main(["losses", "import", str(path), "--format", "oryx-items", "--db", db], capsys)
    assert code == 1 and "28 rows read, 2 items (2 new" in out and "26 failed" in out
    failed = [line for line in err.splitlines() if line.startswith("  failed: ")]
    assert len(failed) == 20 and failed[0] == ("  failed: [E006] mixed.csv line 3: malformed date '2022-04-01x'; "
                                               "expected YYYY-MM-DD")
    assert "  ... and 6 more failed rows" in err.splitlines() and "Traceback" not in err
    assert _counts(db) == (items + 2, daily, imports + 1)


def test_import_with_every_row_failed_is_an_error_and_writes_nothing(db: str, tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("country,equipment_type,destroyed,abandoned,captured,damaged,type_total,date_recorded\n"
                    "Russia,Tanks,1e3,0,0,0,1000,2022-04-01\nRussia,Tanks,4,0,0,0,4\n", encoding="utf-8")
    before = _counts(db)
    code, out, err = _main(["losses", "import", str(path), "--format", "oryx-daily", "--db", db], capsys)
    errors = [line for line in err.splitlines() if line.startswith("Error")]
    assert code == 2 and out == "" and len(errors) == 1 and errors[0].startswith("Error: [E030] nothing imported")
    assert "  failed: [E007] bad.csv line 2: " in err and "  failed: [E007] bad.csv line 3: 7 fields" in err
    assert _counts(db) == before


def test_import_tells_its_progress_rows_then_what_it_writes(tmp_path: Path) -> None:
    from thucydides.ledger.api import import_losses

    told: list[tuple[str, int, int | None]] = []
    db = tmp_path / "ledger.duckdb"
    import_losses([FIX / "items_first.csv"], "oryx-items", db, progress=lambda *t: told.append(t))
    assert told == [("rows", 10, None), ("items", 8, 8)]
    told.clear()
    import_losses([FIX / "mod_petro.json"], "ua-mod", db, progress=lambda *t: told.append(t))
    assert told[0] == ("rows", len(json.loads((FIX / "mod_petro.json").read_text())), None)
    assert told[1][0] == "daily figures" and told[1][1] == told[1][2] > 0
    import_losses([FIX / "daily.csv"], "oryx-daily", db)  # no progress asked: nobody is told
    assert len(told) == 2


def test_import_draws_a_bar_on_a_terminal_and_prints_only_its_summary_off_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    from thucydides.commands.losses import _advance, _row_total
    from thucydides.commands.progress import ProgressBar
    from thucydides.ledger.api import import_losses

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert _row_total((FIX / "items_first.csv",)) == 10 and _row_total((FIX / "mod_petro.json",)) is None
    screen = Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    with ProgressBar(True, 10, "rows") as bar:
        import_losses([FIX / "items_first.csv"], "oryx-items", tmp_path / "a.duckdb",
                      progress=lambda *told: _advance(bar, *told))
        bar._bar.refresh()
    assert "items" in screen.getvalue() and "8/8" in screen.getvalue() and "items/s" in screen.getvalue()
    monkeypatch.undo()
    code, out, err = run("losses", "import", str(FIX / "items_first.csv"), "--format", "oryx-items",
                         "--db", str(tmp_path / "b.duckdb"))
    assert code == 0 and out.count("\n") == 2 and out.startswith("import 1:") and "━" not in out + err


def test_check_claims_summarizes_hides_other_conflicts_and_takes_a_side(db: str, tmp_path: Path) -> None:
    lines = (FIX / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    elsewhere, other_side = json.loads(lines[0]), json.loads(lines[0])
    elsewhere["id"], elsewhere["loss_claims"][0]["side"] = "art-syria", "SYR"
    other_side["id"], other_side["loss_claims"][0]["side"] = "art-ukr", "UKR"
    articles = tmp_path / "articles.jsonl"
    articles.write_text("\n".join([*lines, json.dumps(elsewhere), json.dumps(other_side)]) + "\n", encoding="utf-8")
    code, out, _ = run("check-claims", "--from", str(articles), "--db", db)
    assert code == 0 and "art-syria" not in out and "-> OVERSTATED against lee [tanks]" in out
    summary = out.splitlines()[-1]
    assert summary.startswith("5 loss claims: ") and "3 overstated" in summary
    assert "1 not checkable: no ledger for this conflict" in summary
    assert "art-syria" in run("check-claims", "--from", str(articles), "--db", db, "--all")[1]
    code, out, _ = run("check-claims", "--from", str(articles), "--db", db, "--side", "ukr")
    assert code == 0 and "art-tanks" not in out and "art-ukr" in out and out.splitlines()[-1].startswith("1 loss")


@pytest.mark.parametrize("days", [10, 120, 1200])
def test_dates_on_a_chart_axis_never_overprint(days: int) -> None:
    import datetime as dt
    import itertools

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    from thucydides.ledger.charts import _dated_axis

    dates = np.array([dt.date(2022, 2, 24) + dt.timedelta(days=n) for n in range(days)], dtype="datetime64[D]")
    fig, ax = plt.subplots(figsize=(9, 3))
    ax.plot(dates, np.arange(days))
    _dated_axis(ax)
    fig.canvas.draw()
    labels = [t for t in ax.get_xticklabels() if t.get_text()]
    boxes = sorted((t.get_window_extent() for t in labels), key=lambda b: b.x0)
    plt.close(fig)
    assert len(labels) >= 3 and len({t.get_text() for t in labels}) == len(labels)
    assert all(left.x1 <= right.x0 for left, right in itertools.pairwise(boxes))


def test_an_empty_chart_names_the_sources_the_ledger_holds(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """With figures under other sources only, the refusal names them and the option that chooses one."""
    path = str(tmp_path / "bytype.duckdb")
    assert run("losses", "import", str(FIX / "bytype.csv"), "--format", "oryx-bytype", "--db", path)[0] == 0
    out = tmp_path / "chart.svg"
    refusals: list[tuple[list[str], str, str]] = [
        ([], "E002", "the ledger holds 'oryx-bytype': choose one with --source"),
        (["--kind", "claimed-vs-confirmed"], "E001", "invalid --claimed"),
        (["--source", "kyiv"], "E001", "invalid --source")]
    for extra, code, words in refusals:
        with pytest.raises(SystemExit) as stop:
            main(["losses", "chart", str(out), "--db", path, *extra])
        err = capsys.readouterr().err
        assert stop.value.code == 2 and not out.exists() and err.startswith(f"Error: [{code}]") and words in err
    assert run("losses", "chart", str(out), "--db", path, "--source", "oryx-bytype")[0] == 0 and out.exists()
