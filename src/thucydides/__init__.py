"""Thucydides: sourced propositions, claims and an equipment-loss ledger from war and crisis news.

>>> import thucydides
>>> doc = thucydides.extract("Russia asked China for military aid, US officials said.", published="2022-03-15")
>>> [(p.type, p.actor, p.recipient, p.verdict) for p in doc.propositions]
[('REQUEST', ('RUS',), ('CHN',), 'alleged')]
"""

from ._version import __version__
from .actors import resolve_actor
from .errors import InputError, InvalidValue, ModelNotFound, StoreError, ThucydidesError
from .model import Actor, ActorMention, Article, Claim, Document, LossClaim, Proposition, Provenance
from .pipeline import extract, extract_batch, extract_many

__all__ = [
    "Actor",
    "ActorMention",
    "Article",
    "Claim",
    "Document",
    "InputError",
    "InvalidValue",
    "LossClaim",
    "ModelNotFound",
    "Proposition",
    "Provenance",
    "StoreError",
    "ThucydidesError",
    "__version__",
    "extract",
    "extract_batch",
    "extract_many",
    "resolve_actor",
]
