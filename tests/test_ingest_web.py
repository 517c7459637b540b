"""URLs and RSS feeds, served from a local HTTP server on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from _fakes import fake_extract_batch
from thucydides.ingest import ReadOptions, ingest, read_sources
from thucydides.store import open_store

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture()
def server(tmp_path: Path) -> Iterator[str]:
    for name in ("harbour.html", "dam.html", "ferry.txt"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    handler = functools.partial(_Quiet, directory=str(tmp_path))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    (tmp_path / "feed.xml").write_text((FIXTURES / "feed.rss").read_text().replace("{base}", base))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield base
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def test_a_page_url_is_fetched_and_cleaned(server: str) -> None:
    items = list(read_sources([f"{server}/harbour.html"]))
    a = items[0].article
    assert a is not None and "patrol boats had been rammed" in a.text and "cookies" not in a.text
    assert a.url == f"{server}/harbour.html" and a.outlet == "The Northern Ledger"


def test_a_feed_yields_every_linked_article(server: str) -> None:
    items = list(read_sources([f"{server}/feed.xml"]))
    assert len(items) == 3
    dam, ferry, gone = items
    assert dam.article is not None and "Blue Nile" in dam.article.text and "Advertise" not in dam.article.text
    assert (dam.article.outlet, dam.article.published, dam.article.title) == \
        ("Lakeside Gazette", dt.date(2023, 6, 14), "Dam talks stall")
    assert ferry.article is not None and ferry.article.text.startswith("Ferry workers in Piraeus")
    assert gone.error is not None and gone.error.code == "E012" and "404" in str(gone.error)


def test_unreachable_urls_are_recorded_failures(server: str, tmp_path: Path) -> None:
    with open_store(tmp_path / "s.duckdb") as store:
        report = ingest([f"{server}/harbour.html", "http://127.0.0.1:9/nothing", f"{server}/none.html"], store,
                        options=ReadOptions(timeout=2), extractor=fake_extract_batch)
        assert report.added == 1 and report.failure_summary() == {"E012": 2}
        assert store.execute("SELECT url FROM documents").fetchall() == [(f"{server}/harbour.html",)]
        assert store.count("ingest_failures") == 2


def test_an_oversized_page_is_refused(server: str) -> None:
    item = next(iter(read_sources([f"{server}/harbour.html"], ReadOptions(max_bytes=500))))
    assert item.error is not None and item.error.code == "E008"


def test_an_atom_feed_without_links_uses_entry_summaries() -> None:
    from thucydides.ingest.web import read_feed

    atom = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Harbour Watch</title>
  <entry><title>Tanker detained</title><updated>2023-07-02T06:00:00Z</updated>
    <summary type="html">&lt;p&gt;Port officials in Constanta detained a tanker flying the flag of Gabon,
    the maritime authority said on Sunday.&lt;/p&gt;</summary></entry>
  <entry><title>Empty</title><updated>2023-07-03T06:00:00Z</updated><summary></summary></entry>
</feed>"""
    items = list(read_feed(atom, "atom-test", ReadOptions()))
    first = items[0].article
    assert first is not None and first.text.startswith("Port officials in Constanta detained a tanker")
    assert (first.outlet, first.published, first.title) == ("Harbour Watch", dt.date(2023, 7, 2), "Tanker detained")
    assert items[1].error is not None and items[1].error.code == "E005"
