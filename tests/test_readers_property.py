"""Property tests (Hypothesis) of the readers and importers on generated malformed input: each either
reads a value or raises an InputError with a code, never another exception, and never turns bad data into
wrong data (a number into text, a string into characters, a broken row into a shifted one)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import string
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thucydides.errors import InputError
from thucydides.inputs import csv_records, parse_date, read_jsonl_articles
from thucydides.ledger.importers import import_oryx_daily, import_ua_mod, import_warspotting
from thucydides.ledger.records import parse_int

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
CSV_TEXT = st.text(alphabet=string.ascii_letters[:6] + string.digits[:4] + ',"\n\r \t', max_size=120)
JSON_VALUE = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
                          lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                                     max_size=3), max_leaves=8)


@SETTINGS
@given(st.text(max_size=30) | st.dates().map(dt.date.isoformat))
def test_parse_date_is_strict(text: str) -> None:
    try:
        day = parse_date(text)
    except InputError as exc:
        assert exc.code == "E006"
        return
    assert day is None or (day.isoformat() == text.strip()[:10] and text.strip()[10:11] in ("", "T", " "))


@SETTINGS
@given(st.one_of(st.text(max_size=12), st.integers(), st.floats(allow_nan=False, allow_infinity=False),
                 st.booleans()))
def test_parse_int_reads_only_whole_counts(value: object) -> None:
    try:
        n = parse_int(value, "x")
    except InputError as exc:
        assert exc.code == "E007"
        return
    assert n >= 0 and (not isinstance(value, str) or str(n) == value.replace(",", "").strip().lstrip("0")
                       or n == 0 or value.strip().startswith("0"))


@SETTINGS
@given(CSV_TEXT)
def test_csv_records_never_crash_and_rows_have_the_header(text: str) -> None:
    header = next(csv.reader(io.StringIO(text, newline="")), None)
    lines = []
    for line, row in csv_records(text, "g.csv"):
        lines.append(line)
        if isinstance(row, InputError):
            assert row.code == "E007" and f"line {line}" in str(row)
        else:
            assert header is not None and list(row) == header
    assert lines == sorted(lines)


@SETTINGS
@given(st.lists(st.lists(st.text(alphabet='ab,"\n =', max_size=6), min_size=3, max_size=3), max_size=6),
       st.integers(min_value=0, max_value=6))
def test_one_broken_row_costs_only_itself(rows: list[list[str]], where: int) -> None:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["x", "y", "z"])
    writer.writerows(rows)
    good = out.getvalue().splitlines(keepends=True)
    broken_at = 1 + min(where, len(rows))
    text = "".join(good[:broken_at]) + '"broken,row\n' + "".join(good[broken_at:])
    parsed = [r for _, r in csv_records(text, "g.csv")]
    kept = [list(r.values()) for r in parsed if isinstance(r, dict)]
    if all("\n" not in c for row in rows for c in row):  # one physical line per row: every good row survives
        assert kept == [r for r in rows if any(r) or True]
        assert sum(isinstance(r, InputError) for r in parsed) == 1


@SETTINGS
@given(st.lists(JSON_VALUE | st.text(max_size=20), max_size=5))
def test_jsonl_articles_are_strings_or_errors(values: list[object]) -> None:
    lines = [json.dumps({"text": v}) if not isinstance(v, str) or v.startswith("a") else v for v in values]
    errors: list[InputError] = []
    articles = list(read_jsonl_articles(io.StringIO("\n".join(lines) + "\n"), "g", errors))
    assert all(isinstance(a.text, str) and a.text.strip() for a in articles)
    assert all(e.code in ("E005", "E006", "E007", "E010") for e in errors)


@SETTINGS
@given(st.lists(st.dictionaries(st.sampled_from(["id", "lost_by", "status", "model", "photos", "date", "type"]),
                                JSON_VALUE, max_size=7), max_size=4))
def test_warspotting_importer_types(tmp_path_factory: object, records: list[dict[str, object]]) -> None:
    path = Path(tmp_path_factory.mktemp("w")) / "w.json"
    path.write_text(json.dumps({"losses": records}))
    try:
        parsed = import_warspotting([path], {})
    except InputError:
        return
    for item in parsed.items:
        assert all(isinstance(e, str) for e in item.evidence)
        photos = next(r.get("photos") for r in records if r.get("photos") is not None or True)
        assert not (isinstance(photos, str) and len(photos) > 1 and any(e == photos[0] for e in item.evidence))


@SETTINGS
@given(st.lists(st.dictionaries(st.sampled_from(["date", "tank", "APC", "sourceUri", "unknown"]), JSON_VALUE,
                                max_size=4), max_size=3))
def test_ua_mod_importer_refuses_or_reads(tmp_path_factory: object, records: list[dict[str, object]]) -> None:
    path = Path(tmp_path_factory.mktemp("u")) / "u.json"
    path.write_text(json.dumps(records))
    try:
        parsed = import_ua_mod([path], {})
    except InputError:
        return
    assert all(isinstance(r.value, int) and r.value >= 0 and isinstance(r.date, dt.date) for r in parsed.daily)


@SETTINGS
@given(st.lists(st.lists(st.text(alphabet="0123456789.,e-x ", max_size=5), min_size=4, max_size=4), max_size=4))
def test_oryx_daily_counts_are_whole_or_refused(tmp_path_factory: object, cells: list[list[str]]) -> None:
    path = Path(tmp_path_factory.mktemp("o")) / "d.csv"
    body = "".join(f"Russia,Tanks,{a},{b},{c},0,{d},2022-03-01\n" for a, b, c, d in cells)
    path.write_text("country,equipment_type,destroyed,abandoned,captured,damaged,type_total,date_recorded\n"
                    + body.replace('"', ""))
    try:
        parsed = import_oryx_daily([path], {})
    except InputError:
        return
    assert all(isinstance(r.value, int) and r.value >= 0 for r in parsed.daily)
