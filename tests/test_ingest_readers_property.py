"""Property tests (Hypothesis) of every ingest reader (text, Markdown, HTML, JSON Lines, CSV) on generated
malformed input, alone and through ``ingest`` into a store that already holds documents.

A reader never raises: each document it yields is an article with non-empty string text or a failure with a
code of ``errors.CODES``. ``ingest`` of such a file either raises a coded error or reports every document as
added, already stored or failed (none vanishes), and the documents stored before are all still there.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from _fakes import fake_extract_batch
from thucydides.errors import CODES, ThucydidesError
from thucydides.ingest import ingest
from thucydides.ingest.items import ReadOptions
from thucydides.ingest.readers import READERS
from thucydides.store import open_store

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                           HealthCheck.too_slow])
SUFFIX = {"text": ".txt", "markdown": ".md", "html": ".html", "jsonl": ".jsonl", "csv": ".csv"}
VALUE = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=12),
                  st.lists(st.text(max_size=4), max_size=2), st.sampled_from(["2022-03-01", "20220301", "NA"]))
WORDS = st.sampled_from(["Russia", "attacked", "Kyiv", "said", "\x00", "\x1b]0;t\x07", "<script>x</script>", '"',
                         ",", "\n", "\r", "\ufeff", "\u2028", "=1+1", "é", "@ASSAULT RUS>UKR asserted"])
TEXT = st.lists(WORDS | st.text(max_size=5), max_size=12).map(" ".join)


@st.composite
def jsonl_bytes(draw: st.DrawFn) -> bytes:
    """Lines of records (text, id, published, outlet of generated types), bare values and broken JSON."""
    lines = []
    for _ in range(draw(st.integers(0, 5))):
        record = {k: draw(VALUE | TEXT) for k in draw(st.sets(st.sampled_from(["text", "id", "published",
                                                                            "outlet", "title"])))}
        line = json.dumps(record) if draw(st.integers(0, 3)) else draw(TEXT)
        lines.append(line[:draw(st.integers(0, len(line)))] if draw(st.integers(0, 4)) == 0 else line)
    return "\n".join(lines).encode()


@st.composite
def csv_bytes(draw: st.DrawFn) -> bytes:
    """A header with or without a text column, and rows of generated cells, some quoted, short or long."""
    header = draw(st.permutations(["id", "text", "published", "outlet"]))[:draw(st.integers(1, 4))]
    rows = [",".join(draw(st.lists(TEXT.map(lambda t: t.replace("\n", " ")) | st.just('"open'),
                                   min_size=len(header) - 1, max_size=len(header) + 1)))
            for _ in range(draw(st.integers(0, 5)))]
    return "\n".join([",".join(header), *rows]).encode()


def raw_bytes(fmt: str) -> st.SearchStrategy[bytes]:
    """Input for ``fmt``: its own malformed shape, generated text, or arbitrary bytes (not UTF-8, NUL)."""
    shaped = {"jsonl": jsonl_bytes(), "csv": csv_bytes()}.get(fmt, TEXT.map(str.encode))
    return st.one_of(shaped, shaped, st.binary(max_size=40), TEXT.map(lambda t: t.encode("latin-1", "replace")))


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_readers_yield_articles_or_coded_failures(fmt: str) -> None:
    @SETTINGS
    @given(raw_bytes(fmt))
    def run(data: bytes) -> None:
        for item in READERS[fmt](data, f"g{SUFFIX[fmt]}", ReadOptions()):
            assert (item.article is None) != (item.error is None)
            if item.error is not None:
                assert item.error.code in CODES
                continue
            assert item.article is not None and isinstance(item.article.text, str) and item.article.text.strip()
            if fmt == "jsonl":  # the text is the record's string, never a number or a list made text
                record = json.loads(data.decode().splitlines()[int(item.source.rsplit(":", 1)[1]) - 1])
                assert isinstance(record["text"], str) and item.article.text == record["text"].strip()

    run()


def _docs(db: Path) -> set[tuple[Any, ...]]:
    with open_store(db, read_only=True) as store:
        return set(store.execute("SELECT id, text FROM documents").fetchall())


@pytest.fixture(scope="module")
def earlier(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("ingestprop")
    (root / "a.txt").write_text("Kyiv said Russia attacked Odesa.\n@ASSAULT RUS>UKR asserted 2022-03-01\n")
    db = root / "s.duckdb"
    with open_store(db) as store:
        ingest([str(root / "a.txt")], store, extractor=fake_extract_batch)
    return db


@pytest.mark.parametrize("fmt", ["csv", "html", "jsonl", "text"])
def test_ingest_of_malformed_files_loses_no_document(earlier: Path, tmp_path: Path, fmt: str) -> None:
    db = tmp_path / "s.duckdb"
    shutil.copy(earlier, db)
    before = _docs(db)

    @settings(SETTINGS, max_examples=15)
    @given(raw_bytes(fmt))
    def run(data: bytes) -> None:
        path = tmp_path / f"in{SUFFIX[fmt]}"
        path.write_bytes(data)
        stored = _docs(db)
        read = list(READERS[fmt](data, str(path), ReadOptions()))
        try:
            with open_store(db) as store:
                report = ingest([str(path)], store, extractor=fake_extract_batch)
        except ThucydidesError as exc:
            assert exc.code in CODES and _docs(db) == stored
            return
        assert report.added + report.skipped + len(report.failures) == len(read)
        after = _docs(db)
        assert before <= stored <= after and len(after) == len(stored) + report.added
        assert all(isinstance(text, str) and text.strip() for _, text in after)

    run()
