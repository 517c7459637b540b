"""The web workbench and REST API (``thucydides serve``; needs the ``[web]`` extra).

>>> from thucydides.web import Settings
>>> Settings("thucydides.duckdb").allow_ingest
False
"""

from .state import Settings

__all__ = ["Settings", "create_app"]


def create_app(*args: object, **kwargs: object) -> object:
    """:func:`thucydides.web.app.create_app` (imported on first use: FastAPI loads only when serving)."""
    from .app import create_app as make

    return make(*args, **kwargs)  # type: ignore[arg-type]
