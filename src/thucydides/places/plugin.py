"""The places feature's registrations, through the same hooks a third-party plugin would use."""

from __future__ import annotations

from typing import Any

from ..plugins import hookimpl

__all__ = ["register_eval_datasets"]


@hookimpl
def register_eval_datasets() -> list[Any]:
    from .evaluation import PlacesEval

    return [PlacesEval()]
