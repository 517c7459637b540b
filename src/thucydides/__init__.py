"""Thucydides: sourced propositions, claims and an equipment-loss ledger from war and crisis news.

>>> import thucydides
>>> doc = thucydides.extract("Russia asked China for military aid, US officials said.", published="2022-03-15")
>>> [(p.type, p.actor, p.recipient, p.verdict) for p in doc.propositions]
[('REQUEST', ('RUS',), ('CHN',), 'alleged')]
"""

from ._version import __version__
from .errors import InputError, InvalidValue, ModelNotFound, StoreError, ThucydidesError
from .model import Actor, ActorMention, Article, Claim, Document, LossClaim, Proposition, Provenance
from .places.types import Place, PlaceMention

#: Public names whose modules pull in heavier dependencies (spaCy, DuckDB, pyarrow, onnxruntime); imported on
#: first use, so that the commands and the web server that read a store do not load the parser.
_LAZY = {
    "extract": "thucydides.pipeline.run",
    "extract_batch": "thucydides.pipeline.run",
    "extract_many": "thucydides.pipeline.run",
    "resolve_places": "thucydides.places",
    "state_of": "thucydides.places",
    "resolve_actor": "thucydides.stages.actors",
    "open_store": "thucydides.store",
    "Filter": "thucydides.store",
    "check_claim": "thucydides.ledger",
    "attribute": "thucydides.stages.attribution",
    "find_attributions": "thucydides.stages.attribution",
    "status_of": "thucydides.stages.status",
    "is_uncertain": "thucydides.stages.status",
    "EventClassifier": "thucydides.classifier",
    "resolve_date": "thucydides.stages.dates",
    "extract_loss_claims": "thucydides.stages.losses",
}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'thucydides' has no attribute {name!r}")

__all__ = [
    "Actor",
    "ActorMention",
    "Article",
    "Claim",
    "Document",
    "EventClassifier",
    "Filter",
    "InputError",
    "InvalidValue",
    "LossClaim",
    "ModelNotFound",
    "Place",
    "PlaceMention",
    "Proposition",
    "Provenance",
    "StoreError",
    "ThucydidesError",
    "__version__",
    "attribute",
    "check_claim",
    "extract",
    "extract_batch",
    "extract_loss_claims",
    "extract_many",
    "find_attributions",
    "is_uncertain",
    "open_store",
    "resolve_actor",
    "resolve_date",
    "resolve_places",
    "state_of",
    "status_of",
]
