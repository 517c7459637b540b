"""Property tests (Hypothesis) of every ``losses import --format`` on generated malformed files, through
:func:`thucydides.ledger.api.import_losses` into a store that already holds a ledger.

For each generated file the import either stores what it could read and lists every other row (with its line
number for a CSV format), or raises a coded error (a code of ``errors.CODES``); nothing else escapes. What the
store held before is never lost: a refused import changes no table, an accepted one keeps every earlier item,
its evidence and the daily figures of the other sources, and everything it stores is a whole count >= 0.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thucydides.errors import CODES, ThucydidesError
from thucydides.ledger.api import import_losses
from thucydides.ledger.db import ledger_connection
from thucydides.ledger.importers import builtin_importers

SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                           HealthCheck.too_slow])
#: The columns each CSV format reads (a generated file keeps, drops or reorders them).
HEADERS: dict[str, list[str]] = {
    "oryx-items": ["country", "system", "status", "url", "date_recorded"],
    "oryx-daily": ["country", "equipment_type", "destroyed", "abandoned", "captured", "damaged", "type_total",
                   "date_recorded"],
    "oryx-bytype": ["country", "equipment_type", "destroyed", "abandoned", "captured", "damaged", "type_total",
                    "date"],
    "oryx-bymodel": ["country", "system", "destroyed", "captured", "abandoned", "damaged", "total", "date"],
    "csv": ["side", "status", "url", "model", "day"],
}
OPTIONS: dict[str, dict[str, str]] = {"csv": {"map": "side=side,status=status,evidence=url,model=model,recorded=day"}}
#: Plausible and hostile cells: known and unknown names, whole and broken counts, dates, quotes, newlines.
CELL = st.sampled_from(["Russia", "Ukraine", "RUS", "XYZ", "Tanks", "Aircraft", "T-72B", "destroyed",
                        "captured,damaged", "NA", "", "12", "12.7", "-3", "1e3", "1,262", "2022-03-01", "20220301",
                        "2022-02-30", "http://x.invalid/1.jpg", '"', '"open', 'a"b', "a\nb", "=1+1", "\x00",
                        "\ufeff", " "]) | st.text(max_size=6)
JSON = st.recursive(st.none() | st.booleans() | st.integers(-5, 10**6) | st.floats(allow_nan=False) |
                    st.sampled_from(["2022-03-01", "NA", "http://x.invalid/a.jpg", "Russia", "destroyed", "T-72B"]) |
                    st.text(max_size=6),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                               max_size=3), max_leaves=10)


#: A good value for each column, by its name (a generated row starts good, then some cells are spoilt).
GOOD: dict[str, st.SearchStrategy[str]] = {
    "country": st.sampled_from(["Russia", "Ukraine"]), "side": st.sampled_from(["RUS", "UKR", "Russia"]),
    "system": st.sampled_from(["T-72B", "T-80BV", "BMP-2", "Mi-8"]), "model": st.sampled_from(["T-72B", "BMP-2"]),
    "equipment_type": st.sampled_from(["Tanks", "Aircraft", "Helicopters"]),
    "status": st.sampled_from(["destroyed", "captured", "damaged", "abandoned"]),
    "url": st.integers(0, 40).map(lambda i: f"http://x.invalid/{i}.jpg"),
    "date_recorded": st.dates().map(str), "date": st.dates().map(str), "day": st.dates().map(str),
}
COUNT = st.integers(0, 5000).map(str)


@st.composite
def csv_row(draw: st.DrawFn, header: list[str]) -> str:
    """A good row of ``header``, sometimes with cells replaced by :data:`CELL`, or one cell missing or more."""
    cells = [draw(GOOD.get(c, COUNT)) for c in header]
    for i in draw(st.lists(st.integers(0, len(cells) - 1), max_size=2)):
        cells[i] = draw(CELL)
    shape = draw(st.sampled_from(["same"] * 4 + ["short", "long"]))
    return ",".join(cells[:-1] if shape == "short" else [*cells, draw(CELL)] if shape == "long" else cells)


@st.composite
def csv_file(draw: st.DrawFn, fmt: str) -> str:
    """The format's header (now and then reordered or short a column) and rows from :func:`csv_row`."""
    header = list(HEADERS[fmt])
    if draw(st.integers(0, 4)) == 0:
        header = draw(st.permutations(header))[:len(header) - draw(st.integers(0, 1))]
    rows = draw(st.lists(csv_row(header), max_size=6))
    return "\n".join([",".join(header), *rows]) + draw(st.sampled_from(["\n", "", "\r\n"]))


def _spoilt(draw: st.DrawFn, record: dict[str, Any]) -> dict[str, Any]:
    """``record``, or (one time in three) it with one or two fields replaced by generated JSON values or removed."""
    for key in draw(st.lists(st.sampled_from(sorted(record)), min_size=1, max_size=2)) if draw(st.integers(0, 2)) == 0 else []:
        if draw(st.booleans()):
            record[key] = draw(JSON)
        else:
            record.pop(key, None)
    return record


@st.composite
def json_record(draw: st.DrawFn, fmt: str) -> dict[str, Any]:
    """A good MoD or WarSpotting record, then spoilt by :func:`_spoilt`."""
    day = str(draw(st.dates()))
    if fmt == "ua-mod":
        good: dict[str, Any] = {"date": day, "tank": draw(st.integers(0, 9000)), "APC": draw(st.integers(0, 9000)),
                                "sourceUri": "http://x.invalid/mod"}
    else:
        n = draw(st.integers(0, 40))
        good = {"id": n, "lost_by": draw(st.sampled_from(["Russia", "Ukraine"])), "status": "destroyed",
                "model": draw(GOOD["system"]), "type": "Tanks", "date": day, "photos": [f"http://x.invalid/{n}.jpg"]}
    return _spoilt(draw, good)


@st.composite
def json_file(draw: st.DrawFn, fmt: str) -> str:
    """A JSON file of the shape the format reads, another shape, or cut short."""
    records = draw(st.lists(json_record(fmt), max_size=5))
    shaped: Any = records if fmt == "ua-mod" else {"losses": records}
    text = json.dumps(draw(st.sampled_from([shaped] * 4 + [records, {"pages": records}, 7])))
    return text[:draw(st.integers(0, len(text)))] if draw(st.integers(0, 4)) == 0 else text


def _ledger(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    queries = {"items": "SELECT * FROM ledger_items", "evidence": "SELECT * FROM ledger_evidence",
               "daily": "SELECT * FROM ledger_daily", "changes": "SELECT * FROM ledger_changes"}
    with ledger_connection(db, read_only=True) as con:
        return {name: sorted(con.execute(sql).fetchall(), key=repr) for name, sql in queries.items()}


@pytest.fixture(scope="module")
def earlier(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding items and daily figures from earlier imports (sources named ``earlier-*``)."""
    root = tmp_path_factory.mktemp("prop")
    items = root / "items.csv"
    items.write_text("country,system,status,url,date_recorded\n"
                     "Russia,T-72B,destroyed,http://x.invalid/1.jpg,2022-03-01\n"
                     "Ukraine,T-64BV,captured,http://x.invalid/2.jpg,2022-03-02\n")
    daily = root / "daily.csv"
    daily.write_text(",".join(HEADERS["oryx-daily"]) + "\nRussia,Tanks,10,1,2,3,16,2022-03-01\n")
    db = root / "earlier.duckdb"
    import_losses([items], "oryx-items", db, {"source": "earlier-items"})
    import_losses([daily], "oryx-daily", db, {"source": "earlier-daily"})
    return db


def _check(db: Path, before: dict[str, list[tuple[Any, ...]]], fmt: str, path: Path) -> None:
    options = {**OPTIONS.get(fmt, {}), "source": f"gen-{fmt}"}
    try:
        report = import_losses([path], fmt, db, options)
    except ThucydidesError as exc:
        assert exc.code in CODES and str(exc).startswith(f"[{exc.code}] ")
        assert _ledger(db) == before  # a refused import changes nothing
        return
    after = _ledger(db)
    # an item import may merge into an earlier item (a new status or source), never remove one
    assert {e[1] for e in before["evidence"]} <= {e[1] for e in after["evidence"]}
    assert {r[0] for r in before["items"]} <= {r[0] for r in after["items"]}
    assert [r for r in after["daily"] if r[0].startswith("earlier")] == [r for r in before["daily"]
                                                                           if r[0].startswith("earlier")]
    assert all(isinstance(r[7], int) and r[7] >= 0 for r in after["daily"])
    if fmt in HEADERS:
        assert all(" line " in f for f in report.failed + report.skipped), report.failed + report.skipped


@pytest.mark.parametrize("fmt", sorted(builtin_importers()))
def test_every_importer_refuses_or_reads_and_loses_nothing(earlier: Path, tmp_path: Path, fmt: str) -> None:
    db = tmp_path / "s.duckdb"
    shutil.copy(earlier, db)
    text_of = csv_file(fmt) if fmt in HEADERS else json_file(fmt)

    @SETTINGS
    @given(text_of)
    def run(text: str) -> None:
        path = tmp_path / ("in.csv" if fmt in HEADERS else "in.json")
        path.write_text(text, encoding="utf-8")
        _check(db, _ledger(db), fmt, path)

    run()
