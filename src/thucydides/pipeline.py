"""The extraction pipeline: an ordered list of stages, each a plain function over an :class:`Annotated`.

Every stage declares what it reads and what it assigns (as spaCy components do) and carries a versioned
name. Stages are module-level functions, so a pipeline pickles and runs on Dask workers; use
:func:`extract_batch` there, which loads the spaCy model once per process and parses in batches.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from .errors import InputError
from .model import ActorMention, Article, Document, LossClaim, Proposition

__all__ = ["Annotated", "Stage", "default_stages", "extract", "extract_article", "extract_batch",
           "extract_many"]


@dataclass
class Annotated:
    """The working state of one article while it passes through the stages.

    Attributes:
        article: the input.
        doc: the spaCy ``Doc`` (stage 1).
        mentions: actor mentions, including resolved pronouns and descriptions (stage 2).
        dates: date expressions resolved against the publication date (stage 8).
        events: event mentions with roles, attribution and status (stages 3-6).
        propositions: merged propositions with their claims (stage 7).
        loss_claims: loss claims (stage 9).
    """

    article: Article
    doc: Any
    mentions: list[ActorMention] = field(default_factory=list)
    dates: list[Any] = field(default_factory=list)
    events: list[Any] = field(default_factory=list)
    propositions: list[Proposition] = field(default_factory=list)
    loss_claims: list[LossClaim] = field(default_factory=list)


@dataclass(frozen=True)
class Stage:
    """One pipeline stage: a versioned name, the function, and the fields it reads and assigns."""

    name: str
    func: Callable[[Annotated], None]
    reads: tuple[str, ...]
    assigns: tuple[str, ...]


def default_stages() -> list[Stage]:
    """The built-in stages in order (after parsing, which :func:`extract_batch` does in batches)."""
    from . import actors, dates, events, learned, lossclaims, merge

    return [
        Stage("actors.gazetteer.v1", actors.annotate, ("doc",), ("mentions",)),
        Stage("dates.dateparser.v1", dates.annotate, ("doc",), ("dates",)),
        Stage("events.rules.v1", events.annotate, ("doc", "mentions", "dates"), ("events",)),
        Stage("events.model.v1", learned.annotate, ("doc", "mentions", "dates", "events"), ("events",)),
        Stage("merge.claims.v1", merge.annotate, ("events",), ("propositions",)),
        Stage("losses.rules.v1", lossclaims.annotate, ("doc", "mentions"), ("loss_claims",)),
    ]


def _check_article(article: Article) -> None:
    if not article.text or not article.text.strip():
        raise InputError("E005", f"document {article.id or '(no id)'} is empty")


def extract_article(article: Article, doc: Any | None = None,
                    stages: Sequence[Stage] | None = None) -> Document:
    """Run every stage on one article (parsing it unless ``doc`` is given) and build its Document."""
    from .nlp import parse

    _check_article(article)
    state = Annotated(article, doc if doc is not None else parse(article.text))
    for stage in stages if stages is not None else default_stages():
        stage.func(state)
    return Document(article, tuple(state.propositions), tuple(state.loss_claims), tuple(state.mentions))


def extract_batch(articles: Sequence[Article]) -> list[Document]:
    """Extract a batch of articles, parsing them together. A plain, picklable function for Dask."""
    from .nlp import parse_many

    for article in articles:
        _check_article(article)
    stages = default_stages()
    docs = parse_many(a.text for a in articles)
    return [extract_article(a, d, stages) for a, d in zip(articles, docs, strict=True)]


def extract_many(articles: Iterable[Article], batch_size: int = 32, n_process: int = 1) -> Iterator[Document]:
    """Extract articles lazily, in order, parsing ``batch_size`` at a time.

    With ``n_process`` > 1 the parsing runs on that many processes (spaCy's multiprocessing); the stages run
    in this process as the parses arrive.
    """
    if n_process > 1:
        yield from _extract_parallel(articles, batch_size, n_process)
        return
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= batch_size:
            yield from extract_batch(batch)
            batch = []
    if batch:
        yield from extract_batch(batch)


def _extract_parallel(articles: Iterable[Article], batch_size: int, n_process: int) -> Iterator[Document]:
    from .nlp import parse_many

    stages = default_stages()
    pending: list[Article] = []

    def texts() -> Iterator[str]:
        for article in articles:
            _check_article(article)
            pending.append(article)
            yield article.text

    for doc in parse_many(texts(), batch_size=batch_size, n_process=n_process):
        yield extract_article(pending.pop(0), doc, stages)


def _as_date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError("E006", f"malformed date {value!r}; expected YYYY-MM-DD") from None


def extract(text: str, published: dt.date | str | None = None, outlet: str | None = None,
            url: str | None = None, title: str | None = None, id: str | None = None) -> Document:
    """Extract propositions, claims and loss claims from one article's text.

    Args:
        text: the article text.
        published: publication date (``date`` or ``YYYY-MM-DD``); relative dates resolve against it.
        outlet: the publishing outlet, e.g. ``"SOFREP"``.
        url: where the article was published.
        title: the headline.
        id: a document id; by default the content hash of ``text``.

    Raises:
        InputError: (E005) empty text; (E006) malformed date.
    """
    article = Article(text=text, published=_as_date(published), outlet=outlet, url=url, title=title,
                      id=id or "")
    return extract_article(article)
