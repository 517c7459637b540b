"""The places feature's evaluation dataset, registered through the hook a third-party plugin would use.

Its stages (``places.geonames.v1``, ``places.link.v1``) are built-ins: ``stages/builtin.py`` lists them in run
order with the others.
"""

from __future__ import annotations

from typing import Any

from ..plugins import hookimpl

__all__ = ["register_eval_datasets"]


@hookimpl
def register_eval_datasets() -> list[Any]:
    from .evaluation import DEV, PlacesEval

    return [PlacesEval(), PlacesEval("places_dev", DEV, "the places tuning set (WCE 2022 June lines): tune on "
                                     "it, report 'places'")]
