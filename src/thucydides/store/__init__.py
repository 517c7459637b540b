"""The event store: an embedded DuckDB file holding documents, actor mentions, propositions, claims,
loss claims, stories across articles and ingestion failures.

>>> from thucydides.store import open_store
>>> with open_store(":memory:") as store:
...     store.count("propositions")
0
"""

from .connection import DEFAULT_DB, Store, open_store
from .merge import merge_shards
from .queries import Filter, actor_code, disputes, dyad_series, query_propositions
from .schema import SCHEMA_VERSION
from .writes import Failure, record_failures, write_documents

__all__ = ["DEFAULT_DB", "SCHEMA_VERSION", "Failure", "Filter", "Store", "actor_code", "disputes", "dyad_series", "merge_shards",
           "open_store", "query_propositions", "record_failures", "write_documents"]
