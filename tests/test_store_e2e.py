"""End to end with the real extraction pipeline: articles in, propositions and claims out of the store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from thucydides.ingest import ingest
from thucydides.model import Document
from thucydides.store import Filter, open_store, query_propositions

ARTICLES = [
    {"text": "Iran asked Russia for fighter jets on Monday, according to Israeli officials. Tehran denied "
             "that it had made any such request.", "date": "2023-02-06", "outlet": "Haaretz"},
    {"text": "Turkish officials said Ankara had asked Sweden to extradite several journalists. Stockholm "
             "rejected the demand.", "date": "2023-01-12", "outlet": "Daily Sabah"},
    {"text": "Japan pledged humanitarian aid to Ukraine, the foreign ministry said in a statement.",
     "date": "2023-03-21", "outlet": "NHK"},
]


@pytest.mark.slow
def test_real_pipeline_ingest_and_query(tmp_path: Path) -> None:
    pytest.importorskip("thucydides.stages.merge", reason="the extraction pipeline is not available")
    source = tmp_path / "news.jsonl"
    source.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    with open_store(tmp_path / "real.duckdb") as store:
        report = ingest([str(source)], store, batch_size=2)
        assert (report.added, report.failures) == (3, [])
        assert store.count("propositions") >= 1 and store.count("claims") >= store.count("propositions")
        rows = query_propositions(store, Filter(limit=0))
        assert all(r["claims"] and r["story"] for r in rows)
        for (record,) in store.execute("SELECT record FROM documents").fetchall():
            doc = Document.from_dict(json.loads(record))
            for claim in doc.claims:
                assert claim.evidence in doc.article.text
        assert ingest([str(source)], store).added == 0
