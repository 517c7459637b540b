"""The bad-input matrix: every command with every kind of bad input and every kind of bad ``--db``.

Each case must end with exit status 2, exactly one line ``Error: [Exxx] ...`` on stderr, no traceback, and
the store's tables (and files) unchanged. The commands run in this process through ``cli.main``.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from test_ingest import write_corpus
from thucydides.cli import main
from thucydides.ingest import ingest
from thucydides.ledger.api import import_losses
from thucydides.store import open_store

ERROR_LINE = re.compile(r"^Error: \[E\d{3}\] \S")
DAILY_HEADER = "country,equipment_type,destroyed,abandoned,captured,damaged,type_total,date_recorded\n"


def _files(root: Path) -> None:
    """Every bad input file the matrix uses, under ``root``."""
    (root / "folder").mkdir()
    (root / "binary.txt").write_bytes(b"Russia\x00attacked")
    (root / "latin1.txt").write_bytes("Kyiv said Russia attacked Mariupol \xe9".encode("latin-1"))
    (root / "empty.txt").write_text("  \n")
    (root / "ok.txt").write_text("Ukraine said Russian forces shelled Kharkiv on Monday.\n")
    (root / "bad.jsonl").write_text('{"text": "Russia attacked Kyiv."}\n{"text": \n')
    (root / "number.jsonl").write_text('{"text": 123}\n')
    (root / "list.jsonl").write_text('{"text": ["Russia", "attacked"]}\n')
    (root / "ua_null.json").write_text('[{"date": null, "tank": 5}]')
    (root / "ua_na.json").write_text('[{"date": "NA", "tank": 5}]')
    (root / "ua_dict.json").write_text('{"date": "2022-03-01"}')
    (root / "ua_uri.json").write_text('[{"date": "2022-03-01", "tank": 5, "sourceUri": ["http://a.invalid"]}]')
    (root / "fraction.csv").write_text(DAILY_HEADER + "Russia,Tanks,12.7,0,0,0,13,2022-03-01\n")
    (root / "exponent.csv").write_text(DAILY_HEADER + "Russia,Tanks,1e3,0,0,0,13,2022-03-01\n")
    (root / "baddate.csv").write_text(DAILY_HEADER + "Russia,Tanks,1,0,0,0,1,20220301\n")
    (root / "nocols.csv").write_text("a,b\n1,2\n")
    (root / "items.csv").write_text("status,url\ndestroyed,http://example.invalid/1\n")
    (root / "broken.json").write_text('{"losses": [')
    (root / "pages.json").write_text('{"pages": []}')
    (root / "corrupt.duckdb").write_bytes(b"DUCK" * 4096)


# (case id, argv; {d} is the folder of inputs, {db} the store). Every case must fail with a coded error.
CASES: list[tuple[str, str]] = [
    ("extract/missing", "extract {d}/nope.txt"),
    ("extract/folder", "extract {d}/folder"),
    ("extract/binary", "extract {d}/binary.txt"),
    ("extract/latin1", "extract {d}/latin1.txt"),
    ("extract/empty", "extract {d}/empty.txt"),
    ("extract/date-garbage", "extract {d}/ok.txt --published 2024-04-16garbage"),
    ("extract/date-basic", "extract {d}/ok.txt --published 20220302"),
    ("extract/date-week", "extract {d}/ok.txt --published 2022-W09-4"),
    ("extract/jsonl-malformed", "extract --input-format jsonl {d}/bad.jsonl"),
    ("extract/jsonl-number-text", "extract --input-format jsonl {d}/number.jsonl"),
    ("extract/jsonl-list-text", "extract --input-format jsonl {d}/list.jsonl"),
    ("ingest/db-folder", "ingest {d}/ok.txt --db {d}/folder --no-progress"),
    ("ingest/db-no-folder", "ingest {d}/ok.txt --db {d}/nope/s.duckdb --no-progress"),
    ("ingest/db-corrupt", "ingest {d}/ok.txt --db {d}/corrupt.duckdb --no-progress"),
    ("ingest/empty-folder", "ingest {d}/folder --db {db} --no-progress"),
    ("ingest/bad-extractor", "ingest {d}/ok.txt --db {db} --extractor nope:nothing --no-progress"),
    ("losses-import/ua-null-date", "losses import --format ua-mod {d}/ua_null.json --db {db}"),
    ("losses-import/ua-na-date", "losses import --format ua-mod {d}/ua_na.json --db {db}"),
    ("losses-import/ua-not-list", "losses import --format ua-mod {d}/ua_dict.json --db {db}"),
    ("losses-import/ua-uri-list", "losses import --format ua-mod {d}/ua_uri.json --db {db}"),
    ("losses-import/fraction", "losses import --format oryx-daily {d}/fraction.csv --db {db}"),
    ("losses-import/exponent", "losses import --format oryx-daily {d}/exponent.csv --db {db}"),
    ("losses-import/basic-date", "losses import --format oryx-daily {d}/baddate.csv --db {db}"),
    ("losses-import/no-columns", "losses import --format oryx-daily {d}/nocols.csv --db {db}"),
    ("losses-import/unknown-side", ("losses import --format csv --side XYZ --map status=status,evidence=url "
                                   "{d}/items.csv --db {db}")),
    ("losses-import/no-map", "losses import --format csv {d}/items.csv --db {db}"),
    ("losses-import/broken-json", "losses import --format warspotting {d}/broken.json --db {db}"),
    ("losses-import/no-losses", "losses import --format warspotting {d}/pages.json --db {db}"),
    ("losses-import/unknown-format", "losses import --format nope {d}/items.csv --db {db}"),
    ("losses-import/missing-file", "losses import --format oryx-daily {d}/nope.csv --db {db}"),
    ("losses-import/db-corrupt", "losses import --format oryx-daily {d}/daily.csv --db {d}/corrupt.duckdb"),
    ("losses-series/side", "losses series --side XYZ --db {db}"),
    ("losses-series/source", "losses series --source nope --db {db}"),
    ("losses-series/category", "losses series --category nope --db {db}"),
    ("losses-series/date", "losses series --from 2022-02-30 --db {db}"),
    ("losses-totals/side", "losses totals --as-of 2022-03-01 --side XYZ --db {db}"),
    ("losses-totals/date", "losses totals --as-of 2022-03-01T99 --db {db}"),
    ("losses-totals/source", "losses totals --as-of 2022-03-01 --source nope --db {db}"),
    ("losses-problems/kind", "losses problems --kind nope --db {db}"),
    ("losses-reconcile/source", "losses reconcile --date 2022-03-01 --source nope --db {db}"),
    ("losses-reconcile/side", "losses reconcile --date 2022-03-01 --side XYZ --db {db}"),
    ("losses-chart/suffix", "losses chart {d}/out.txt --db {db}"),
    ("losses-chart/no-folder", "losses chart {d}/nope/out.png --db {db}"),
    ("losses-chart/source", "losses chart {d}/out.png --source nope --db {db}"),
    ("losses-chart/category", "losses chart {d}/out.png --category nope --db {db}"),
    ("losses-chart/claimed", "losses chart {d}/out.png --kind claimed-vs-confirmed --claimed nope --db {db}"),
    ("losses-series/items-category", "losses series --source items --category nope --db {db}"),
    ("query/limit-overflow", "query --limit 99999999999999999999 --db {db}"),
    ("query/verdict", "query --verdict nope --db {db}"),
    ("query/status", "query --status nope --db {db}"),
    ("query/since", "query --since 2022-3-1 --db {db}"),
    ("query/db-missing", "query --db {d}/nope.duckdb"),
    ("query/db-folder", "query --db {d}/folder"),
    ("query/db-corrupt", "query --db {d}/corrupt.duckdb"),
    ("disputes/until", "disputes --until 2022-03-01garbage --db {db}"),
    ("disputes/db-missing", "disputes --db {d}/nope.duckdb"),
    ("dyad/png-suffix", "dyad RUS UKR --png {d}/out.txt --db {db}"),
    ("dyad/png-no-folder", "dyad RUS UKR --png {d}/nope/out.png --db {db}"),
    ("dyad/db-corrupt", "dyad RUS UKR --db {d}/corrupt.duckdb"),
    ("export/format", "export --format nope -o {d}/x --db {db}"),
    ("export/csv-no-folder", "export --format csv -o {d}/nope/sub --db {db}"),
    ("export/jsonl-no-folder", "export --format jsonl -o {d}/nope/x.jsonl --db {db}"),
    ("export/gdelt-folder", "export --format gdelt -o {d}/folder --db {db}"),
    ("export/parquet-file", "export --format parquet -o {d}/ok.txt --db {db}"),
    ("export/db-missing", "export --format jsonl -o - --db {d}/nope.duckdb"),
    ("export/db-corrupt", "export --format jsonl -o - --db {d}/corrupt.duckdb"),
    ("check-claims/db-missing", "check-claims --db {d}/nope.duckdb"),
    ("check-claims/from-missing", "check-claims --from {d}/nope.jsonl --db {db}"),
    ("check-claims/from-broken", "check-claims --from {d}/broken.json --db {db}"),
]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A folder of bad inputs and a store with documents, stories and ledger rows."""
    root = tmp_path_factory.mktemp("bad")
    _files(root)
    db = root / "store.duckdb"
    write_corpus(root / "corpus", 6)
    from _fakes import fake_extract_batch

    with open_store(db) as store:
        ingest([str(root / "corpus")], store, extractor=fake_extract_batch)
    (root / "daily.csv").write_text(DAILY_HEADER + "Russia,Tanks,10,1,2,3,16,2022-03-01\n")
    import_losses([root / "daily.csv"], "oryx-daily", db)
    return root, db


def _snapshot(db: Path, root: Path) -> dict[str, object]:
    with open_store(db, read_only=True) as store:
        names = [r[0] for r in store.execute("SELECT table_name FROM information_schema.tables "
                                             "WHERE table_schema = 'main' ORDER BY 1").fetchall()]
        tables = {n: store.execute(f'SELECT md5(string_agg(CAST(t AS VARCHAR), \'|\' ORDER BY CAST(t AS VARCHAR))) '
                                   f'FROM "{n}" t').fetchone() for n in names if n != "ledger_imports"}
    files = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in root.glob("*.duckdb") if p != db}
    return {"tables": tables, "files": files, "entries": sorted(p.name for p in root.iterdir())}


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


@pytest.mark.parametrize(("case", "command"), CASES, ids=[c for c, _ in CASES])
def test_bad_input_is_one_coded_error(case: str, command: str, world: tuple[Path, Path],
                                      capsys: pytest.CaptureFixture[str]) -> None:
    root, db = world
    before = _snapshot(db, root)
    code, out, err = _run(command.format(d=root, db=db).split(), capsys)
    assert "Traceback" not in err + out
    errors = [line for line in err.splitlines() if line.startswith("Error")]
    assert len(errors) == 1 and ERROR_LINE.match(errors[0]), err
    assert code == 2, (out, err)
    assert _snapshot(db, root) == before


def test_jsonl_extract_prints_the_good_records_before_failing(world: tuple[Path, Path],
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    root, _ = world
    path = root / "mixed.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "Ukraine said Russian forces shelled Kharkiv."}) + "\n"
                    + '{"text": 5}\nnot json\n'
                    + json.dumps({"id": "b", "text": "Kyiv said Russia attacked Odesa on Monday."}) + "\n")
    code, out, err = _run(["extract", "--input-format", "jsonl", "--format", "jsonl", str(path)], capsys)
    assert code == 2
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["a", "b"]
    assert "line 2" in err and "1 more" in err


def test_matrix_counts() -> None:
    """The matrix covers every command and every --db kind (a guard against cases silently dropped)."""
    commands = {c.split("/")[0] for c, _ in CASES}
    assert {"extract", "ingest", "losses-import", "query", "disputes", "dyad", "export"} <= commands
    assert {c.split("/")[1] for c, _ in CASES if "/db-" in c} == {"db-folder", "db-no-folder", "db-corrupt",
                                                                  "db-missing"}


@pytest.mark.parametrize("command", [c for n, c in CASES if n.endswith("/db-corrupt")])
def test_a_corrupt_store_is_named_with_what_to_do(command: str, world: tuple[Path, Path],
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    root, db = world
    _, _, err = _run(command.format(d=root, db=db).split(), capsys)
    assert "corrupt.duckdb" in err and "restore it from a backup" in err, err
