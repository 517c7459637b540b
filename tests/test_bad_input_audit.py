"""Issue 11's items that the matrix (``test_bad_input.py``) and the unit tests did not reach: an article longer
than the parser's limit, the markup of an HTML file given to ``extract``, a store folder or an export folder
that cannot be written (simulated: the tests may run as root, for whom every folder is writable), formulas in
every CSV and TSV output, and SQL payloads in the command line's filters."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from _fakes import fake_extract_batch
from thucydides import outputs
from thucydides.cli import main
from thucydides.ingest import ingest
from thucydides.nlp.parse import load_nlp
from thucydides.outputs import write_csv
from thucydides.pipeline import run as pipeline_run
from thucydides.store import connection, open_store

FORMULA = '=HYPERLINK("http://evil.invalid","click")'


def _cli(*args: str) -> tuple[int, str, str]:
    """Run the command line as ``thucydides`` does (``cli.main`` turns an error into one coded line)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main(list(args))
            code = 0
        except SystemExit as stop:
            code = int(stop.code or 0)
    return code, out.getvalue(), err.getvalue()


def _one_error(err: str, code: str) -> None:
    lines = [line for line in err.splitlines() if line.startswith("Error")]
    assert len(lines) == 1 and lines[0].startswith(f"Error: [{code}] "), err
    assert "Traceback" not in err


def test_an_article_longer_than_the_parser_limit_is_extracted(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """spaCy refuses a text over ``nlp.max_length`` (E088); the chunks keep every parse under it."""
    monkeypatch.setattr(load_nlp(), "max_length", 600)
    monkeypatch.setattr(pipeline_run, "CHUNK_CHARS", 500)
    para = ("Ukrainian officials said Russian forces shelled the port of Kherson on Sunday, "
            "killing a truck driver.")
    path = tmp_path / "long.txt"
    path.write_text("\n\n".join(f"{para} Bulletin {i}." for i in range(30)))
    assert len(path.read_text()) > 4 * 600
    code, out, err = _cli("extract", str(path), "--format", "jsonl", "--published", "2024-05-05")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["propositions"] and max(c["start"] for p in doc["propositions"]
                                       for c in p["claims"]) > 2000


def test_extract_reads_the_article_of_an_html_file_not_its_script(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<!DOCTYPE html><html><head><title>Front line</title><script>var s = 'Turkey invaded "
                    "Greece and bombed Athens on Monday, officials said.';</script></head><body><article>"
                    "<p>Ukrainian officials said Russian forces shelled Kharkiv on Monday, killing two "
                    "civilians.</p><p>The Russian defence ministry denied the claim.</p></article>"
                    "</body></html>")
    code, out, err = _cli("extract", str(page), "--format", "jsonl", "--published", "2024-05-06")
    assert code == 0, err
    doc = json.loads(out)
    assert "Kharkiv" in doc["text"] and "Athens" not in doc["text"] and "<p>" not in doc["text"]
    assert not any("Athens" in c["evidence"] for p in doc["propositions"] for c in p["claims"])


def test_a_store_in_a_folder_that_cannot_be_written_is_one_coded_error(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """DuckDB must create its .wal beside the store: a read-only folder is E013, said before DuckDB fails."""
    (tmp_path / "in.txt").write_text("Kyiv said Russia attacked Odesa.\n")
    locked = tmp_path / "locked"
    locked.mkdir()
    real = os.access
    monkeypatch.setattr(connection.os, "access", lambda p, mode: Path(p) != locked and real(p, mode))
    code, _, err = _cli("ingest", str(tmp_path / "in.txt"), "--db", str(locked / "s.duckdb"), "--no-progress")
    assert code == 2
    _one_error(err, "E013")
    assert "not writable" in err and list(locked.iterdir()) == []


@pytest.fixture()
def hostile_db(tmp_path: Path) -> Path:
    """A store whose outlet, title and URL start with spreadsheet formulas."""
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "h1", "text": "Report\n@ASSAULT RUS>UKR asserted 2022-03-01\n",
                               "outlet": FORMULA, "title": "+SUM(A1)", "url": "http://x.invalid/\r=1",
                               "published": "2022-03-01"}) + "\n")
    db = tmp_path / "s.duckdb"
    with open_store(db) as store:
        ingest([str(src)], store, extractor=fake_extract_batch)
    return db


def _read(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as stream:
        return stream.read()


def _cells(text: str, delimiter: str = ",") -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text), delimiter=delimiter) for cell in row]


def test_every_csv_output_neutralises_formulas_unless_raw(hostile_db: Path, tmp_path: Path) -> None:
    code, out, err = _cli("query", "--db", str(hostile_db), "--format", "csv")
    assert code == 0, err
    assert "'" + FORMULA in _cells(out) and FORMULA not in _cells(out)
    code, out, _ = _cli("query", "--db", str(hostile_db), "--format", "csv", "--raw")
    assert FORMULA in _cells(out)
    assert _cli("export", "--db", str(hostile_db), "--format", "csv", "-o", str(tmp_path / "csv"))[0] == 0
    exported = [c for f in sorted((tmp_path / "csv").glob("*.csv")) for c in _cells(_read(f))]
    assert "'" + FORMULA in exported and "'+SUM(A1)" in exported
    assert "http://x.invalid/\r=1" in exported  # a carriage return is quoted: it splits no row
    assert not [c for c in exported if c[:1] in ("=", "+", "@") or (c[:1] == "-" and not c[1:2].isdigit())]


def test_the_gdelt_tsv_keeps_one_row_per_event_and_no_formula(hostile_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "events.tsv"
    code, _, err = _cli("export", "--db", str(hostile_db), "--format", "gdelt", "-o", str(target))
    assert code == 0, err
    rows = _read(target).split("\n")
    assert len([r for r in rows if r]) == 1 and "\r" not in _read(target)
    assert not [c for c in rows[0].split("\t") if c[:1] in ("=", "+", "@")]


def test_export_into_a_folder_that_cannot_be_written_is_one_coded_error(hostile_db: Path, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    real = os.access
    monkeypatch.setattr(outputs.os, "access", lambda p, mode: Path(p) != locked and real(p, mode))
    for fmt, target in (("jsonl", locked / "x.jsonl"), ("gdelt", locked / "x.tsv"), ("csv", locked / "sub")):
        code, _, err = _cli("export", "--db", str(hostile_db), "--format", fmt, "-o", str(target))
        assert code == 2, (fmt, err)
        _one_error(err, "E019")
    assert list(locked.iterdir()) == []


@pytest.mark.parametrize("payload", ["' OR '1'='1", "RUS') OR 1=1 --", "x'; DROP TABLE propositions; --",
                                     '"; DELETE FROM documents; --'])
def test_sql_payloads_in_command_line_filters_match_nothing_and_change_nothing(hostile_db: Path,
                                                                                payload: str) -> None:
    """Every filter is a bound parameter: a payload matches no row (or is refused) and changes no table."""
    def counts() -> tuple[int, int]:
        with open_store(hostile_db, read_only=True) as store:
            row = store.execute("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM propositions)")
            found = row.fetchone()
        assert found is not None
        return int(found[0]), int(found[1])

    before = counts()
    for option in ("--actor", "--recipient", "--text", "--outlet"):
        code, out, err = _cli("query", "--db", str(hostile_db), "--format", "json", option, payload)
        if code == 2:  # an unknown actor is refused, naming the valid ones
            _one_error(err, "E001")
        else:
            assert code == 0 and json.loads(out) == [], (option, err)
    assert counts() == before


def test_write_csv_quotes_a_row_with_a_carriage_return() -> None:
    out = io.StringIO()
    write_csv(out, [["a", "b\rc", None, 3], ["d", "e", "", 4]])
    assert out.getvalue() == '"a","b\rc","","3"\nd,e,,4\n'
    assert list(csv.reader(io.StringIO(out.getvalue(), newline=""))) == [["a", "b\rc", "", "3"], ["d", "e", "", "4"]]


def test_ingest_refuses_dates_that_are_not_iso(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": f"{i}\n@ASSAULT RUS>UKR asserted", "published": day}) + "\n"
                           for i, day in (("a", "20220302"), ("b", "2022-W09-4"), ("c", "2022-03-02"))))
    with open_store(tmp_path / "s.duckdb") as store:
        report = ingest([str(src)], store, extractor=fake_extract_batch)
        stored = store.execute("SELECT CAST(published AS VARCHAR) FROM documents").fetchall()
    assert report.added == 1 and stored == [("2022-03-02",)]
    assert len(report.failures) == 2 and all("E006" in str(f) for f in report.failures)


HOLD_LOCK = """
import sys, time
from thucydides.store import open_store
with open_store(sys.argv[1]):
    print("ready", flush=True)
    time.sleep(60)
"""


def test_a_second_writer_is_refused_with_one_coded_error_and_the_store_is_unchanged(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    (tmp_path / "in.txt").write_text("Report\n@ASSAULT RUS>UKR asserted 2022-03-01\n")
    daily = tmp_path / "daily.csv"
    daily.write_text("country,equipment_type,destroyed,abandoned,captured,damaged,type_total,date_recorded\n"
                     "Russia,Tanks,10,1,2,3,16,2022-03-01\n")
    with open_store(db) as store:
        ingest([str(tmp_path / "in.txt")], store, extractor=fake_extract_batch)
    before = db.read_bytes()
    with subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(db)], stdout=subprocess.PIPE, text=True) as holder:
        try:
            assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
            for argv in (["ingest", str(tmp_path / "in.txt"), "--db", str(db), "--no-progress"],
                         ["losses", "import", "--format", "oryx-daily", str(daily), "--db", str(db)]):
                code, _, err = _cli(*argv)
                assert code == 2, (argv, err)
                _one_error(err, "E013")
                assert "lock" in err
        finally:
            holder.kill()
    assert db.read_bytes() == before


WITHOUT_TORCH = """
import sys
sys.modules["torch"] = None  # an install without the train extra: importing torch fails
from thucydides.pipeline.run import extract
doc = extract("Ukrainian officials said Russian forces shelled Kharkiv on Monday, killing two civilians.",
              published="2024-01-02")
print(len(doc.propositions), "torch" in sys.modules and sys.modules["torch"] is not None)
"""


def test_extraction_needs_no_torch() -> None:
    """torch is only in the ``train`` extra: the learned extractor must run (and import) without it."""
    done = subprocess.run([sys.executable, "-c", WITHOUT_TORCH], capture_output=True, text=True, timeout=600,
                          check=False)
    assert done.returncode == 0, done.stderr
    count, loaded = done.stdout.split()
    assert int(count) >= 1 and loaded == "False"
