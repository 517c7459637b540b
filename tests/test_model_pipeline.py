"""The data model round-trips through dictionaries, and the pipeline's batch function pickles and runs in
another process (as it must on Dask workers)."""

from __future__ import annotations

import datetime as dt
import pickle
from concurrent.futures import ProcessPoolExecutor

import pytest

from thucydides import Article, Claim, Document, InvalidValue, Proposition, Provenance, extract
from thucydides.model import verdict_of
from thucydides.pipeline.registry import default_stages
from thucydides.pipeline.run import extract_batch

TEXTS = ["Kenya and Ethiopia signed a border agreement in Nairobi on Friday.",
         "Sudanese paramilitary forces shelled El Fasher, the army said."]


def test_verdict_rules() -> None:
    assert verdict_of(["alleged", "denied"]) == "disputed"
    assert verdict_of(["asserted", "hypothetical"]) == "asserted"
    assert verdict_of(["denied"]) == "denied"
    assert verdict_of(["hypothetical"]) == "hypothetical"


def test_invalid_status_names_the_value_and_the_options() -> None:
    prov = Provenance("d", 0, 1, "test", "0")
    with pytest.raises(InvalidValue, match=r"E001.*'rumoured'.*'asserted'"):
        Claim("rumoured", (), None, "x", prov)


def test_document_round_trip() -> None:
    doc = extract(TEXTS[0], published="2024-02-09", outlet="Horn Wire")
    again = Document.from_dict(doc.to_dict())
    assert again.to_dict() == doc.to_dict()
    assert again.article.published == dt.date(2024, 2, 9)
    assert all(isinstance(p, Proposition) for p in again.propositions)


def test_claims_link_to_their_proposition() -> None:
    doc = extract(TEXTS[1], published="2024-05-12")
    for p in doc.propositions:
        assert p.claims and all(c.proposition == p.id for c in p.claims)


def test_stages_declare_reads_and_assigns() -> None:
    names = [s.name for s in default_stages()]
    assert len(set(names)) == len(names) and all(s.name.count(".") >= 2 for s in default_stages())
    assert all(s.assigns for s in default_stages())


def test_batch_function_pickles_and_runs_in_a_worker_process() -> None:
    articles = [Article(t, dt.date(2024, 5, 12)) for t in TEXTS]
    pickle.dumps((extract_batch, articles))
    with ProcessPoolExecutor(max_workers=1) as pool:
        remote = pool.submit(extract_batch, articles).result(timeout=300)
    local = extract_batch(articles)
    assert [d.to_dict() for d in remote] == [d.to_dict() for d in local]
