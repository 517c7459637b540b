"""Helpers the dataset modules share: lazy access to library parts and batched extraction."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from ..model import Article, Document

if TYPE_CHECKING:
    from ..pipeline.registry import Pipeline
    from ..pipeline.state import Stage

__all__ = ["BATCH", "DatasetCodeError", "Guard", "extract_parsed", "library_function", "parse_texts"]

#: How many texts spaCy parses at a time.
BATCH = 64
T = TypeVar("T")


class Guard:
    """Runs a library call per item: an item whose call raises counts as an empty prediction.

    One broken sentence then lowers a score (which the floors catch) instead of stopping the whole run.
    """

    def __init__(self) -> None:
        self.errors = 0
        self.first = ""

    def __call__(self, default: T, func: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        try:
            return func(*args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - counted and reported in the notes
            self.errors += 1
            self.first = self.first or f"{type(exc).__name__}: {exc}"[:200]
            return default

    def notes(self) -> list[str]:
        if not self.errors:
            return []
        return [f"{self.errors} item(s) raised an error and count as empty predictions (first: {self.first})"]


def library_function(module: str, name: str) -> Callable[..., Any]:
    """``thucydides.<module>.<name>``.

    Raises:
        DatasetCodeError: the module cannot be imported or has no such callable. The dataset then fails
            loudly (the run records it and exits 1): a renamed function must not leave a figure unmeasured.
    """
    try:
        found = getattr(importlib.import_module(f"thucydides.{module}"), name)
    except (ImportError, AttributeError) as exc:
        raise DatasetCodeError(f"needs thucydides.{module}.{name}, which cannot be loaded ({exc})") from exc
    if not callable(found):
        raise DatasetCodeError(f"thucydides.{module}.{name} is not callable")
    return found  # type: ignore[no-any-return]


def parse_texts(texts: Sequence[str]) -> list[Any]:
    """spaCy ``Doc``s of the texts, parsed in batches."""
    from ..nlp.parse import parse_many

    return list(parse_many(texts, batch_size=BATCH))


class DatasetCodeError(RuntimeError):
    """A dataset's code cannot load a part of the library it needs (an import or a name is broken)."""


def extract_parsed(articles: Sequence[Article], stages: Pipeline | Sequence[Stage] | None = None,
                   guard: Guard | None = None) -> list[tuple[Document, Any]]:
    """Extract each article with the given stages (default: the pipeline's), returning ``(Document, Doc)``.

    With a ``guard``, an article whose extraction raises yields an empty Document.
    """
    from ..pipeline.registry import default_pipeline
    from ..pipeline.run import extract_article

    chosen = list(stages) if stages is not None else list(default_pipeline())
    docs = parse_texts([a.text for a in articles])
    if guard is None:
        return [(extract_article(a, d, chosen), d) for a, d in zip(articles, docs, strict=True)]
    return [(guard(Document(a), extract_article, a, d, chosen), d) for a, d in zip(articles, docs, strict=True)]
