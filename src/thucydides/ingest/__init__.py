"""Ingestion: read text, HTML, Markdown, folders, JSON Lines, CSV, standard input, URLs and RSS/Atom
feeds; extract in several processes; write every batch to the store from one writer.

>>> from thucydides.ingest import ReadOptions, read_sources
>>> [i.error.code for i in read_sources(["/no/such/file.txt"])]
['E002']
"""

from .driver import Extractor, IngestReport, extract_safely, ingest
from .items import DEFAULT_MAX_BYTES, Fields, Item, ReadOptions
from .names import Overrides
from .sources import SUFFIXES, read_sources

__all__ = ["DEFAULT_MAX_BYTES", "SUFFIXES", "Extractor", "Fields", "IngestReport", "Item", "Overrides", "ReadOptions",
           "extract_safely", "ingest", "read_sources"]
