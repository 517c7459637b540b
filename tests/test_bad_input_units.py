"""Unit tests of each bad-input fix: strict dates, counts, typed records, CSV recovery, HTML detection,
output checks, formula neutralising, control characters, literal --text and the GDELT cells."""

from __future__ import annotations

import datetime as dt
import io
import json
import tomllib
from pathlib import Path

import pytest

from _fakes import claim, doc
from thucydides.errors import InputError
from thucydides.export.gdelt import _cell
from thucydides.formats import render
from thucydides.ingest import ReadOptions
from thucydides.ingest.readers import record_item
from thucydides.inputs import (
    article_from_record,
    csv_records,
    looks_like_html,
    parse_date,
    read_jsonl_articles,
)
from thucydides.ledger.importers import import_warspotting
from thucydides.ledger.records import parse_int
from thucydides.outputs import check_output_file, spreadsheet_safe, terminal_safe
from thucydides.store import Filter, open_store, query_propositions
from thucydides.store.writes import write_documents

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("text", ["2024-04-16garbage", "20220302", "2022-W09-4", "2022-3-1", "2024-02-30",
                                  "2024-04-16T", "16/04/2024", "2024-04-16 garbage"])
def test_only_iso_dates_are_accepted(text: str) -> None:
    with pytest.raises(InputError) as err:
        parse_date(text)
    assert err.value.code == "E006"


@pytest.mark.parametrize(("text", "day"), [("2024-04-16", dt.date(2024, 4, 16)),
                                           ("2024-04-16T10:20:30Z", dt.date(2024, 4, 16)),
                                           ("2024-04-16 10:20", dt.date(2024, 4, 16)),
                                           ("2024-04-16T10:20:30.5+02:00", dt.date(2024, 4, 16)), ("", None)])
def test_iso_dates_and_timestamps_keep_their_date(text: str, day: dt.date | None) -> None:
    assert parse_date(text) == day


@pytest.mark.parametrize("value", ["12.7", "1e3", "-4", "12,34", "1 000", 12.5, True, -1, "ten"])
def test_counts_must_be_whole(value: object) -> None:
    with pytest.raises(InputError):
        parse_int(value, "x")


def test_whole_counts() -> None:
    assert [parse_int(v, "x") for v in ("1,262", "12", 12, 12.0, "", " 7 ")] == [1262, 12, 12, 12, 0, 7]


def test_warspotting_photos_string_is_one_url(tmp_path: Path) -> None:
    losses = [{"id": 1, "lost_by": "Russia", "status": "destroyed", "model": "T-72B", "photos": "http://a.jpg"},
              {"id": 2, "lost_by": "Russia", "status": "destroyed", "model": "T-72B", "photos": {"x": 1}},
              {"id": 3, "lost_by": "Russia", "status": "destroyed", "model": "T-72B", "photos": ["http://b.jpg"]}]
    path = tmp_path / "w.json"
    path.write_text(json.dumps({"losses": losses}))
    parsed = import_warspotting([path], {})
    assert [i.evidence[1:] for i in parsed.items] == [("http://a.jpg",), ("http://b.jpg",)]
    assert len(parsed.skipped) == 1 and "photos" in parsed.skipped[0]


def test_csv_broken_quote_costs_one_row_with_its_line_number() -> None:
    text = ('id,text,date\n1,"Russia attacked Kyiv,2022-03-01\n2,Ukraine said,2022-03-02\n'
            '3,a,b,c\n4,short\n\n5,"two\nlines",2022-03-05\n')
    rows = list(csv_records(text, "x.csv"))
    bad = {line: str(r) for line, r in rows if isinstance(r, InputError)}
    good = {line: r for line, r in rows if isinstance(r, dict)}
    assert sorted(bad) == [2, 4, 5] and all("E007" in b for b in bad.values())
    assert good == {3: {"id": "2", "text": "Ukraine said", "date": "2022-03-02"},
                    7: {"id": "5", "text": "two\nlines", "date": "2022-03-05"}}


def test_warspotting_fields_of_another_type_skip_the_record(tmp_path: Path) -> None:
    good = {"lost_by": "Ukraine", "status": "captured", "model": "BMP-2", "type": "IFV", "photos": ["http://c.jpg"]}
    losses = [{**good, "id": 7}, {**good, "id": {"n": 1}}, {**good, "id": 8, "model": ["BMP-2"]},
              {**good, "id": 9, "type": 4}, {k: v for k, v in good.items() if k != "photos"}]
    path = tmp_path / "w.json"
    path.write_text(json.dumps({"losses": losses}))
    parsed = import_warspotting([path], {})
    assert [i.evidence for i in parsed.items] == [("https://ukr.warspotting.net/view/7/", "http://c.jpg")]
    assert [s.split(": ")[1] for s in parsed.skipped] == ["'id' of another type (id", "'model' of another type (id",
                                                          "'type' of another type (id", "no evidence (neither an id nor a photo URL)"]


@pytest.mark.parametrize("text", [123, ["Russia", "attacked"], {"a": 1}, True])
def test_non_string_text_is_a_failed_record(text: object) -> None:
    with pytest.raises(InputError) as err:
        article_from_record({"text": text}, "x line 1")
    assert err.value.code == "E007"


@pytest.mark.parametrize("key", ["outlet", "url", "title"])
@pytest.mark.parametrize("value", [123, [7, 8], {"name": "Reuters"}, 1.5])
def test_non_string_metadata_is_a_failed_record(key: str, value: object) -> None:
    """A title, URL or outlet that is not a string fails its record, in ``extract`` and in ``ingest`` alike,
    instead of being stored as its Python text ("[7, 8]")."""
    record = {"text": "Troops crossed the border.", key: value}
    with pytest.raises(InputError) as err:
        article_from_record(record, "x line 1")
    assert err.value.code == "E007" and repr(key) in str(err.value)
    item = record_item(record, "x line 1", ReadOptions())
    assert item.article is None and item.error is not None and item.error.code == "E007"


def test_string_metadata_and_outlet_lists_are_kept() -> None:
    record = {"text": "Troops crossed the border.", "outlet": ["Meridian Wire", ""], "url": "https://a.example/1",
              "title": "", "published": "2024-05-02"}
    item = record_item(record, "x line 1", ReadOptions())
    assert item.article is not None
    assert (item.article.outlet, item.article.url, item.article.title) == ("Meridian Wire", "https://a.example/1", None)
    assert article_from_record({**record, "outlet": "Meridian Wire"}, "x").outlet == "Meridian Wire"


def test_jsonl_reading_goes_on_past_bad_lines_when_asked() -> None:
    errors: list[InputError] = []
    stream = io.StringIO('{"text": "a b"}\n{"text": 1}\n[1]\n{"text": "c d"}\n')
    assert [a.text for a in read_jsonl_articles(stream, "s", errors)] == ["a b", "c d"]
    assert ["s line 2" in str(errors[0]), "s line 3" in str(errors[1])] == [True, True]


@pytest.mark.parametrize(("text", "name", "html"), [
    ("<!DOCTYPE html><html><body>x</body></html>", "a.txt", True), ("  <!-- c -->\n<html lang=en>", "a", True),
    ("plain text <b>bold</b>", "a.txt", False), ("Russia attacked.", "page.HTML", True),
    ("<body><p>x</p></body>", "-", True), ("The <html> tag is old.", "a.txt", False)])
def test_html_is_detected_by_name_and_first_tag(text: str, name: str, html: bool) -> None:
    assert looks_like_html(text, name) is html


def test_output_file_checks(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"E019.*suffix"):
        check_output_file(tmp_path / "out.txt", (".png", ".svg"))
    with pytest.raises(InputError, match=r"E019.*does not exist"):
        check_output_file(tmp_path / "nope" / "out.png")
    with pytest.raises(InputError, match=r"E019.*folder"):
        check_output_file(tmp_path)
    assert check_output_file(tmp_path / "x.SVG", (".png", ".svg")) == tmp_path / "x.SVG"


@pytest.mark.parametrize(("value", "safe"), [
    ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'), ("+1+2", "'+1+2"), ("@SUM(A1)", "'@SUM(A1)"),
    ("-2+3", "'-2+3"), ("\tx", "'\tx"), ("\r=1", "'\r=1"), ("-12.5", "-12.5"), ("+3", "+3"), ("plain", "plain"),
    ("a=b", "a=b")])
def test_spreadsheet_formulas_are_neutralised(value: str, safe: str) -> None:
    assert spreadsheet_safe(value) == safe


def test_terminal_escapes_are_removed() -> None:
    assert terminal_safe("a\x1b]0;owned\x07b\x1b[31mc\x9bd\te\nf") == "a]0;ownedb[31mcd\te\nf"


def test_extract_csv_neutralises_unless_raw_and_table_strips_escapes() -> None:
    d = doc("x", [("ASSAULT", "RUS", "UKR", [claim("asserted", evidence='=HYPERLINK("http://x") \x1b]0;t\x07')],
                   "2022-03-01")])
    assert ',"\'=HYPERLINK' in "".join(render([d], "csv"))
    assert ',"=HYPERLINK' in "".join(render([d], "csv", raw=True))
    table = "".join(render([d], "table"))
    assert "HYPERLINK" in table and "\x1b" not in table and "\x07" not in table


@pytest.mark.parametrize("value", ["a\rb", "a\nb", "a\tb", "a\u2028b", "a\u2029b", "a\x85b", "a\x0bb"])
def test_gdelt_cells_never_break_a_row(value: str) -> None:
    assert _cell(value) == "a b" and len((_cell(value) + "\n").splitlines()) == 1


def test_gdelt_numbers_are_kept_and_formulas_neutralised() -> None:
    assert (_cell(-7.5), _cell("-7.5"), _cell("=1+1"), _cell("=1+1", raw=True)) == ("-7.5", "-7.5", "'=1+1", "=1+1")


def test_query_text_matches_percent_and_underscore_literally(tmp_path: Path) -> None:
    docs = [doc(f"text {i}", [("ASSAULT", "RUS", "UKR", [claim("asserted", evidence=e)], f"2022-03-0{i}")])
            for i, e in enumerate(["100% sure", "snake_case", "100 percent", "snakeXcase"], 1)]
    with open_store(tmp_path / "s.duckdb") as store:
        write_documents(store, docs)
        found = {w: len(query_propositions(store, Filter(text=w, limit=0))) for w in ("%", "100%", "e_c", "_")}
    assert found == {"%": 1, "100%": 1, "e_c": 1, "_": 1}


def test_limit_is_bounded() -> None:
    with pytest.raises(InputError, match="E001"):
        Filter(limit=10**20).check()


def test_trafilatura_html_cleaner_is_a_dependency() -> None:
    deps = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["dependencies"]
    assert any(d.replace("-", "_").startswith("lxml_html_clean") for d in deps)
    import lxml.html.clean  # noqa: F401  (trafilatura imports it; lxml 5.2 moved it out)
