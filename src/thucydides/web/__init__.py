"""The web workbench and REST API (``thucydides serve``; needs the ``[web]`` extra).

:func:`thucydides.web.app.create_app` builds the FastAPI app over a store; importing this package alone
does not load FastAPI.

>>> from thucydides.web import Settings
>>> Settings("thucydides.duckdb").allow_ingest
False
"""

from .state import Settings

__all__ = ["Settings"]
