"""Stage 2: actor recognition and resolution (gazetteer, descriptions, aliases, pronouns).

:func:`resolve_actor` normalises one name or description; :func:`annotate` is the pipeline stage
``actors.gazetteer.v1`` that fills ``state.mentions`` over a parsed document.
"""

from __future__ import annotations

from .annotate import annotate
from .gazetteer import gazetteer
from .resolve import parent_code, resolve_actor, resolve_actors

__all__ = ["annotate", "gazetteer", "parent_code", "resolve_actor", "resolve_actors"]
