"""Running the pipeline: :func:`extract` for one text, :func:`extract_article`, :func:`extract_batch` and
:func:`extract_many` for many.

The stages are plain functions over a :class:`~thucydides.pipeline.state.State`; the default pipeline is
:func:`~thucydides.pipeline.registry.default_pipeline`. Stages are module-level functions, so a pipeline
pickles and runs on Dask workers; use :func:`extract_batch` there, which loads the spaCy model once per
process and parses in batches.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from ..errors import InputError
from ..inputs import parse_date
from ..model import ActorMention, Article, Document, LossClaim, Proposition
from ..nlp.parse import load_nlp, parse, parse_many
from ..places.types import PlaceMention
from .chunks import CHUNK_CHARS, absorb, shift_document, split_paragraphs, split_stages
from .parallel import Found, chunk_article, map_batches, run_local, workers_for
from .registry import Pipeline, default_pipeline, pipeline_for
from .state import Stage, State

if TYPE_CHECKING:
    from ..nlp.types import Doc

__all__ = ["extract", "extract_article", "extract_batch", "extract_many"]

#: How many chunks of one long article the parser reads at a time.
CHUNK_BATCH = 4


def _check_article(article: Article) -> None:
    if not article.text or not article.text.strip():
        raise InputError("E005", f"document {article.id or '(no id)'} is empty")


def extract_article(article: Article, doc: Doc | None = None,
                    stages: Pipeline | Sequence[Stage] | None = None) -> Document:
    """Run every stage on one article (parsing it unless ``doc`` is given) and build its Document.

    An article longer than :data:`~.chunks.CHUNK_CHARS` is extracted paragraph chunk by chunk (see
    :mod:`~.chunks`), so the cost stays linear in its length.
    """
    _check_article(article)
    if doc is None and len(article.text) > CHUNK_CHARS:
        return _extract_chunked(article, stages if stages is not None else default_pipeline())
    state = State(article, doc if doc is not None else parse(article.text))
    for stage in stages if stages is not None else default_pipeline():
        stage.func(state)
    return Document(article, tuple(state.propositions), tuple(state.loss_claims), tuple(state.mentions),
                    tuple(state.places))


def _extract_chunked(article: Article, stages: Pipeline | Sequence[Stage]) -> Document:
    """Run the per-chunk stages on each chunk (on several processes when the article is long enough, see
    :func:`~.parallel.workers_for`); then the whole-article stages (merging and after) once, on everything
    found (see :func:`~.chunks.split_stages`)."""
    split = split_stages(list(stages))
    if split is None:
        return _extract_each_chunk(article, stages)
    local, whole = split
    parts = [(offset, text) for offset, text in split_paragraphs(article.text, CHUNK_CHARS) if text.strip()]
    merged = State(article, load_nlp().make_doc(""))
    tokens = 0
    for (offset, text), found in zip(parts, _findings(article, local, [t for _, t in parts]), strict=True):
        absorb(merged, found.as_state(chunk_article(article, text), merged.doc), offset, tokens)
        tokens += found.tokens
    for stage in whole:
        stage.func(merged)
    return Document(article, tuple(merged.propositions), tuple(merged.loss_claims), tuple(merged.mentions),
                    tuple(merged.places))


def _findings(article: Article, local: Sequence[Stage], texts: Sequence[str]) -> Iterator[Found]:
    """What the per-chunk stages find in each chunk text, in order, parsed :data:`CHUNK_BATCH` at a time."""
    batches = [texts[i:i + CHUNK_BATCH] for i in range(0, len(texts), CHUNK_BATCH)]
    workers = workers_for(len(article.text))
    if workers > 1 and len(batches) > 1:
        for found in map_batches(article, local, batches, workers):
            yield from found
        return
    for batch in batches:
        yield from (found for _, found in run_local(article, batch, local))


def _extract_each_chunk(article: Article, stages: Pipeline | Sequence[Stage]) -> Document:
    """Every stage chunk by chunk (when a stage after merging reads the parse): no merging across chunks."""
    propositions: list[Proposition] = []
    loss_claims: list[LossClaim] = []
    mentions: list[ActorMention] = []
    places: list[PlaceMention] = []
    for offset, text in split_paragraphs(article.text, CHUNK_CHARS):
        if not text.strip():
            continue
        found = shift_document(extract_article(chunk_article(article, text), parse(text), stages), offset)
        propositions += found.propositions
        loss_claims += found.loss_claims
        mentions += found.mentions
        places += found.places
    return Document(article, tuple(propositions), tuple(loss_claims), tuple(mentions), tuple(places))


def extract_batch(articles: Sequence[Article], extractor: str = "learned") -> list[Document]:
    """Extract a batch of articles, parsing them together (long ones chunk by chunk), with the event
    ``extractor`` of :func:`~.registry.pipeline_for`. A plain, picklable function for Dask."""
    for article in articles:
        _check_article(article)
    stages = pipeline_for(extractor)
    short = [a for a in articles if len(a.text) <= CHUNK_CHARS]
    docs = iter(parse_many(a.text for a in short))
    return [extract_article(a, next(docs) if len(a.text) <= CHUNK_CHARS else None, stages) for a in articles]


def extract_many(articles: Iterable[Article], batch_size: int = 32, n_process: int = 1,
                 extractor: str = "learned") -> Iterator[Document]:
    """Extract articles lazily, in order, parsing ``batch_size`` at a time, with the event ``extractor``
    (``"learned"`` or ``"rules"``, see :func:`~.registry.pipeline_for`).

    With ``n_process`` > 1 the parsing runs on that many processes (spaCy's multiprocessing); the stages run
    in this process as the parses arrive.
    """
    pipeline_for(extractor)  # an unknown extractor fails here, before any article is read
    if n_process > 1:
        yield from _extract_parallel(articles, batch_size, n_process, extractor)
        return
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= batch_size:
            yield from extract_batch(batch, extractor)
            batch = []
    if batch:
        yield from extract_batch(batch, extractor)


def _extract_parallel(articles: Iterable[Article], batch_size: int, n_process: int,
                      extractor: str) -> Iterator[Document]:
    stages = pipeline_for(extractor)
    pending: list[Article] = []

    def texts() -> Iterator[str]:
        for article in articles:
            _check_article(article)
            pending.append(article)
            # a long article is extracted chunk by chunk here; its place in the stream is kept by an empty text
            yield article.text if len(article.text) <= CHUNK_CHARS else ""

    for doc in parse_many(texts(), batch_size=batch_size, n_process=n_process):
        article = pending.pop(0)
        yield extract_article(article, doc if len(article.text) <= CHUNK_CHARS else None, stages)


def _as_date(value: dt.date | str | None) -> dt.date | None:
    return parse_date(value, "published date")


def extract(text: str, published: dt.date | str | None = None, outlet: str | None = None,
            url: str | None = None, title: str | None = None, id: str | None = None,
            extractor: str = "learned") -> Document:
    """Extract propositions, claims and loss claims from one article's text.

    Args:
        text: the article text.
        published: publication date (``date`` or ``YYYY-MM-DD``); relative dates resolve against it.
        outlet: the publishing outlet, e.g. ``"SOFREP"``.
        url: where the article was published.
        title: the headline.
        id: a document id; by default the content hash of ``text``.
        extractor: ``"learned"`` (the default: the learned extractor, with the rule events it keeps beside its
            own) or ``"rules"`` (the rules alone).

    Raises:
        InputError: (E005) empty text; (E006) malformed date; (E001) an unknown extractor.
    """
    article = Article(text=text, published=_as_date(published), outlet=outlet, url=url, title=title,
                      id=id or "")
    return extract_article(article, stages=pipeline_for(extractor))
