"""The spaCy types the stages pass around, under one name each."""

from __future__ import annotations

from typing import TypeAlias

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

__all__ = ["Doc", "Language", "Span", "Token", "TokenOrSpan"]

#: Either a token or a span (what the hedge and factuality scorers accept).
TokenOrSpan: TypeAlias = Token | Span
