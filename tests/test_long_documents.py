"""Long articles are extracted in paragraph chunks: the chunks cover the text and offsets stay true."""

from __future__ import annotations

import pytest

from thucydides.pipeline import run
from thucydides.pipeline.chunks import split_paragraphs

PARAS = (
    "Kyiv said on Monday that Russian forces shelled the city of Kharkiv overnight, killing two civilians.",
    "Ukraine's General Staff said Russia has lost 1,200 tanks since the start of the invasion.",
    "The Polish government announced on Tuesday that it would send more artillery shells to Ukraine.",
)


@pytest.mark.parametrize("text", [
    "a" * 2500,
    "\n\n".join(["word " * 40] * 30),
    "One sentence here. " * 300,
    "x\n" * 900,
])
def test_chunks_cover_the_text_and_respect_the_limit(text: str) -> None:
    chunks = split_paragraphs(text, 500)
    assert "".join(c for _, c in chunks) == text
    assert all(len(c) <= 500 for _, c in chunks)
    assert [o for o, _ in chunks] == [sum(len(c) for _, c in chunks[:i]) for i in range(len(chunks))]


def test_paragraph_breaks_are_preferred() -> None:
    text = "\n\n".join(["Alpha beta gamma. " * 5] * 20)
    assert all(c.endswith("\n\n") for _, c in split_paragraphs(text, 300)[:-1])


def test_a_long_article_is_extracted_chunk_by_chunk_with_true_offsets(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "\n\n".join(PARAS[i % 3] for i in range(9))
    monkeypatch.setattr(run, "CHUNK_CHARS", 250)
    doc = run.extract(text, published="2024-03-04")
    claims = [c for p in doc.propositions for c in p.claims]
    assert claims and doc.loss_claims
    for c in claims:
        assert text[c.provenance.start:c.provenance.end] == c.evidence
    for lc in doc.loss_claims:
        assert text[lc.provenance.start:lc.provenance.end] == lc.evidence
    for m in doc.mentions:
        assert text[m.start:m.end] == m.text
    for place in doc.places:
        assert text[place.start:place.end] == place.text
    assert any(place.start > len(text) // 2 for place in doc.places)
    # the chunks after the first contribute: evidence is found near the end of the text too
    assert max(c.provenance.start for c in claims) > len(text) // 2
    assert len({p.id for p in doc.propositions}) == len(doc.propositions)
