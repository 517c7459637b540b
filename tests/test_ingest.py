"""Ingestion: readers for every input kind, bad input recorded as failures, the multi-process driver."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from _fakes import fake_extract_batch
from thucydides.ingest import Fields, ReadOptions, ingest, read_sources
from thucydides.ingest.readers import markdown_to_text
from thucydides.store import open_store

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def one(path: Path, options: ReadOptions | None = None):  # type: ignore[no-untyped-def]
    items = list(read_sources([str(path)], options))
    assert len(items) == 1
    return items[0]


def test_html_boilerplate_is_stripped_and_metadata_kept() -> None:
    item = one(FIXTURES / "harbour.html")
    a = item.article
    assert a is not None
    assert "rammed by an unmarked trawler" in a.text and "denied that their vessel" in a.text
    for boilerplate in ("cookies", "Copyright", "Subscribe", "recipes"):
        assert boilerplate not in a.text
    assert a.outlet == "The Northern Ledger" and a.published == dt.date(2023, 6, 12)
    assert a.title is not None and a.title.startswith("Coast guard says")


def test_markdown_markup_is_removed() -> None:
    a = one(FIXTURES / "briefing.md").article
    assert a is not None
    assert a.text.startswith("Morning briefing: talks resume in Geneva")
    assert "Negotiators from Armenia and Azerbaijan" in a.text
    assert "posted on the\nforeign ministry website." in a.text
    assert '"We are closer than we were in spring," one' in a.text
    for markup in ("#", "**", "](", "![", "title:", "> "):
        assert markup not in a.text
    assert markdown_to_text("Use `code` and _emphasis_ but keep snake_case_names.") == \
        "Use code and emphasis but keep snake_case_names."


def test_jsonl_with_configured_fields_and_outlet_lists(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    records = [{"body": "Protesters gathered in Tbilisi.", "day": "2023-03-08T10:00:00", "papers": ["Civil.ge", "OC Media"],
                "link": "https://example.org/1"},
               {"body": "", "day": "2023-03-09"},
               {"body": "Parliament withdrew the bill.", "day": "9 March"}]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n\n{not json\n[1, 2]\n")
    options = ReadOptions(Fields(text="body", date="day", outlet="papers"))
    items = list(read_sources([str(path)], options))
    first = items[0].article
    assert first is not None and first.published == dt.date(2023, 3, 8)
    assert (first.outlet, items[0].outlets, first.url) == ("Civil.ge", ("Civil.ge", "OC Media"), "https://example.org/1")
    assert [i.error.code for i in items[1:] if i.error] == ["E005", "E006", "E007", "E007"]
    assert [i.source.rsplit(":", 1)[1] for i in items] == ["1", "2", "3", "5", "6"]


def test_csv_rows_and_missing_text_column(tmp_path: Path) -> None:
    good = tmp_path / "statements.csv"
    good.write_text('headline,when,speech,site\n"Visit to Hanoi",2023-09-10,"The president met the '
                    'premier, aides said.",gov.example\nEmpty,2023-09-11,,gov.example\n', encoding="utf-8")
    items = list(read_sources([str(good)], ReadOptions(Fields(text="speech", date="when", outlet="site"))))
    a = items[0].article
    assert a is not None and (a.title, a.published, a.outlet) == ("Visit to Hanoi", dt.date(2023, 9, 10), "gov.example")
    assert a.text == "The president met the premier, aides said."
    assert items[1].error is not None and items[1].error.code == "E005"
    bad = one(good, ReadOptions(Fields(text="transcript")))
    assert bad.error is not None and bad.error.code == "E010" and "transcript" in str(bad.error)


@pytest.mark.parametrize(("content", "code"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "E004"),
    ("Caf\u00e9 in Z\u00fcrich".encode("latin-1"), "E004"),
    (b"   \n\n  ", "E005"),
    (b"x" * 2000, "E008"),
])
def test_bad_documents_become_failures(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(content)
    item = one(path, ReadOptions(max_bytes=1000))
    assert item.article is None and item.error is not None and item.error.code == code
    assert str(path) in str(item.error)


def test_huge_record_files_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({"text": "Talks resumed in Doha."}) + "\n" + " " * 5000)
    item = one(path, ReadOptions(max_bytes=20))
    assert item.error is not None and item.error.code == "E008" and "split the file" in str(item.error)


def test_folders_are_read_recursively_and_missing_paths_fail(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text("Troops crossed the border at dawn.")
    (tmp_path / "a" / "b" / "two.md").write_text("# Ceasefire\nA ceasefire began at noon.")
    (tmp_path / "a" / "b" / "image.png").write_bytes(b"\x89PNG\x00")
    (tmp_path / "a" / ".hidden.txt").write_text("secret")
    items = list(read_sources([str(tmp_path / "a"), str(tmp_path / "nope.txt")]))
    assert [Path(i.source).name for i in items] == ["two.md", "one.txt", "nope.txt"]
    assert items[2].error is not None and items[2].error.code == "E002"


def write_corpus(folder: Path, n: int, marker: str = "") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    actors = ["RUS", "UKR", "USA", "CHN", "TUR", "IRN"]
    for i in range(n):
        a, r = actors[i % 6], actors[(i + 1) % 6]
        day = dt.date(2022, 3, 1) + dt.timedelta(days=i % 20)
        (folder / f"doc{i:04d}.txt").write_text(
            f"Report {i} {marker}\n@ASSAULT {a}>{r} asserted {day.isoformat()}\n")


def test_ingest_is_idempotent_and_parallel(tmp_path: Path) -> None:
    write_corpus(tmp_path / "in", 40)
    (tmp_path / "in" / "broken.txt").write_text("BOOM goes the extractor")
    with open_store(tmp_path / "s.duckdb") as store:
        first = ingest([str(tmp_path / "in")], store, extractor=fake_extract_batch, workers=2, batch_size=7)
        assert (first.read, first.added, first.skipped) == (41, 40, 0)
        assert first.failure_summary() == {"E014": 1} and first.stories > 0
        second = ingest([str(tmp_path / "in")], store, extractor=fake_extract_batch, workers=1)
        assert (second.added, second.skipped, second.stories) == (0, 40, 0)
        assert store.count("documents") == 40 and store.count("propositions") == 40
        assert store.execute("SELECT count(DISTINCT id) FROM documents").fetchone() == (40,)
        failed = store.execute("SELECT source, code FROM ingest_failures").fetchall()
        assert failed == [(str(tmp_path / "in" / "broken.txt"), "E014")]


def test_a_fixed_input_clears_its_failure_and_nothing_stored_is_lost(tmp_path: Path) -> None:
    src = tmp_path / "in"
    write_corpus(src, 5)
    bad = src / "late.txt"
    bad.write_bytes(b"\xff\xfe broken")
    with open_store(tmp_path / "s.duckdb") as store:
        ingest([str(src)], store, extractor=fake_extract_batch)
        assert store.count("ingest_failures") == 1 and store.count("documents") == 5
        bad.write_text("Now readable.\n@AID USA>UKR asserted 2022-03-04\n")
        report = ingest([str(src)], store, extractor=fake_extract_batch)
        assert (report.added, report.failures) == (1, [])
        assert store.count("ingest_failures") == 0 and store.count("documents") == 6


def test_wikipedia_corpus_ingests_with_dates_and_outlets(shared_dir: Path, tmp_path: Path) -> None:
    corpus = shared_dir / "corpus" / "wikipedia_current_events_2022h1.jsonl"
    with open_store(tmp_path / "w.duckdb") as store:
        report = ingest([str(corpus)], store, extractor=fake_extract_batch, batch_size=500, link_stories=False)
        assert report.read == 3208 and report.failures == []
        assert report.added + report.skipped == 3208 and report.added > 3100
        row = store.execute("""SELECT count(*) FILTER (WHERE published IS NULL),
                                      count(*) FILTER (WHERE len(outlets) = 0),
                                      count(*) FILTER (WHERE len(outlets) > 1),
                                      min(published), max(published) FROM documents""").fetchone()
        assert row[:2] == (0, 0) and row[2] > 300
        assert (row[3], row[4]) == (dt.date(2022, 1, 1), dt.date(2022, 6, 30))
        again = ingest([str(corpus)], store, extractor=fake_extract_batch, batch_size=500)
        assert again.added == 0
