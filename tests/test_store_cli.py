"""The store commands end to end through click: ingest, query, disputes, dyad, export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from thucydides.cli import cli

FAKE = "_fakes:fake_extract_batch"


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=stdin, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture()
def db(tmp_path: Path) -> str:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Strike reported.\n@ASSAULT RUS>UKR alleged:UKR 2022-03-10\n")
    (src / "b.txt").write_text("Strike denied.\n@ASSAULT RUS>UKR denied:RUS 2022-03-10 via=RIA_Novosti\n")
    (src / "c.txt").write_text("Talks held.\n@CONSULT RUS>CHN asserted 2022-03-21\n")
    (src / "d.bin.txt").write_bytes(b"\x00\x01\x02")
    path = str(tmp_path / "cli.duckdb")
    code, out, err = run("ingest", str(src), "--db", path, "--extractor", FAKE, "--workers", "1",
                         "--batch-size", "2")
    assert code == 0, err
    assert "3 documents added, 0 already stored, 1 failed" in out
    assert "E004: 1 failed" in err and "docs/s" in out
    return path


def test_stdin_jsonl_with_field_options(tmp_path: Path) -> None:
    path = str(tmp_path / "stdin.duckdb")
    lines = json.dumps({"story": "@AID USA>UKR asserted\nAid.", "when": "2022-04-02", "paper": "Kyiv Post"})
    code, out, _ = run("ingest", "-", "--db", path, "--format", "jsonl", "--text-field", "story",
                       "--date-field", "when", "--outlet-field", "paper", "--extractor", FAKE, "--no-progress",
                       stdin=lines + "\n")
    assert code == 0 and "1 documents added" in out
    code, out, _ = run("query", "--db", path, "--format", "json", "--outlet", "kyiv post")
    rows = json.loads(out)
    assert [(r["type"], r["published"], r["event_date"]) for r in rows] == [("AID", "2022-04-02", "2022-04-02")]


def test_query_formats_and_filters(db: str) -> None:
    code, out, _ = run("query", "--db", db, "--dyad", "rus", "ukr")
    assert code == 0 and out.count("ASSAULT") == 2 and "disputed" in out and "CONSULT" not in out
    code, out, _ = run("query", "--db", db, "--format", "csv", "--status", "denied")
    assert out.splitlines()[0].startswith("event_date,type,actor") and len(out.splitlines()) == 2
    code, out, _ = run("query", "--db", db, "--format", "json", "--type", "consult", "--since", "2022-03-20",
                       "--until", "2022-03-31", "--verdict", "asserted", "--limit", "5")
    assert [r["recipient"] for r in json.loads(out)] == [["CHN"]]
    code, out, _ = run("query", "--db", db, "--text", "evidence", "--actor", "RUS", "--recipient", "CHN")
    assert code == 0 and "CONSULT" in out


def test_disputes_dyad_and_chart(db: str, tmp_path: Path) -> None:
    code, out, _ = run("disputes", "--db", db)
    assert code == 0 and "ASSAULT RUS -> UKR" in out and "denies" in out and "RIA Novosti" in out
    assert "1 disputed stories" in out
    code, out, _ = run("disputes", "--db", db, "--format", "json")
    assert len(json.loads(out)[0]["claims"]) == 2
    png = tmp_path / "dyad.png"
    code, out, _ = run("dyad", "RUS", "UKR", "--db", db, "--by", "month", "--png", str(png))
    assert code == 0 and "2022-03-01" in out and png.read_bytes()[:4] == b"\x89PNG"
    code, out, _ = run("dyad", "CHN", "RUS", "--db", db, "--both", "--format", "csv")
    assert out.splitlines()[1].startswith("2022-03-21,1,0,0,0,1")


def test_exports_from_the_command_line(db: str, tmp_path: Path) -> None:
    target = tmp_path / "events.tsv"
    code, out, _ = run("export", "--db", db, "--format", "gdelt", "--output", str(target))
    assert code == 0 and "exported 2 events, 0 skipped as gdelt" in out
    assert all(len(line.split("\t")) == 61 for line in target.read_text().splitlines())
    code, out, err = run("export", "--db", db, "--format", "plover", "-o", "-", "--header")
    assert len(out.splitlines()) == 3 and "3 events" in err
    code, _, _ = run("export", "--db", db, "--format", "parquet", "-o", str(tmp_path / "pq"))
    assert code == 0 and (tmp_path / "pq" / "propositions" / "year=2022").is_dir()


def test_errors_are_one_line_with_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from thucydides.cli import main

    for argv in (["query", "--db", str(tmp_path / "missing.duckdb")],
                 ["query", "--db", str(tmp_path), "--since", "yesterday"],
                 ["ingest", str(tmp_path), "--db", str(tmp_path / "x.duckdb"), "--extractor", "nosuch:thing"],
                 ["export", "--db", str(tmp_path / "missing.duckdb"), "--format", "csv", "-o", "x"]):
        with pytest.raises(SystemExit) as exit_info:
            main(argv)
        assert exit_info.value.code == 2
        err = capsys.readouterr().err
        assert err.startswith("Error: [E0") and err.count("\n") == 1
