"""Long articles are extracted in paragraph chunks: the chunks cover the text, offsets stay true, and the
propositions are those of the article extracted in one piece (merged across chunks)."""

from __future__ import annotations

import pytest

from thucydides.pipeline import run
from thucydides.pipeline.chunks import split_paragraphs, split_stages
from thucydides.pipeline.registry import default_pipeline
from thucydides.pipeline.state import Stage, State

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


#: Paragraphs that each name their actors (no pronoun reaching back into an earlier paragraph); the first,
#: third and fourth are claims about one shelling, the fourth a denial of it.
REPORT = (
    "Russian forces shelled the city of Kharkiv on Monday, killing three civilians, Ukrainian officials said.",
    "The Polish government announced on Tuesday that it would send more artillery shells to Ukraine.",
    "Ukraine's General Staff said Russia has lost 1,300 tanks since the start of the invasion.",
    "The Russian defence ministry denied that Russian forces shelled Kharkiv on Monday.",
    "Turkey offered to host talks between Russia and Ukraine in Istanbul next month.",
    "NATO said Russia deployed additional troops to Belarus near the Ukrainian border.",
)


def test_the_chunked_path_gives_the_propositions_of_the_whole_article(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "\n\n".join(REPORT)
    whole = run.extract(text, published="2024-03-04")
    monkeypatch.setattr(run, "CHUNK_CHARS", 110)  # one paragraph a chunk
    chunked = run.extract(text, published="2024-03-04")
    assert len(split_paragraphs(text, 110)) == len(REPORT)
    assert [p.to_dict() for p in chunked.propositions] == [p.to_dict() for p in whole.propositions]
    assert chunked.loss_claims == whole.loss_claims
    assert chunked.mentions == whole.mentions and chunked.places == whole.places
    # claims in different chunks make one proposition: alleged in one paragraph, denied in another
    disputed = [p for p in chunked.propositions if p.verdict == "disputed"]
    assert disputed and len({text.rfind("\n\n", 0, c.provenance.start) for c in disputed[0].claims}) > 1


def _reads_parse_after_merging(state: State) -> None:
    """A stage after merging that reads the parse."""


def test_a_stage_after_merging_that_reads_the_parse_runs_chunk_by_chunk(monkeypatch: pytest.MonkeyPatch) -> None:
    stage = Stage("x.after.v1", _reads_parse_after_merging, ("doc", "propositions"), ())
    pipeline = default_pipeline().insert_after("merge.claims.v1", stage)
    assert split_stages(list(pipeline)) is None
    local, whole = split_stages(list(default_pipeline())) or ([], [])
    assert [s.name for s in whole] == ["merge.claims.v1", "places.link.v1"]
    assert "losses.rules.v1" in [s.name for s in local]
    monkeypatch.setattr(run, "CHUNK_CHARS", 200)
    doc = run.extract_article(run.Article(text="\n\n".join(REPORT)), stages=pipeline)
    assert doc.propositions  # each chunk merged on its own
