"""Exceptions with stable codes, and the table of every code.

Each code has one meaning and one kind; the kind says which exception class carries it:

- bad input from a user (:class:`InputError`, :class:`InvalidValue`): the CLI prints one line, exits 2;
- a missing model (:class:`ModelNotFound`): something must be installed;
- broken shipped data (:class:`DataError`): a file inside the package is missing or damaged (a bug);
- the store (:class:`StoreError`) and the pipeline's wiring (:class:`PipelineError`).

Codes are stable: add new ones at the end, never renumber or reuse one. :data:`CODES` is the table;
``docs/errors.md`` documents each code (a test checks that every code raised is in both).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["CODES", "ClusterError", "DataError", "ErrorCode", "InputError", "InvalidValue", "ModelNotFound", "PipelineError",
           "StoreError", "ThucydidesError", "message"]


class ThucydidesError(Exception):
    """Base class: every error the library raises on purpose. ``code`` is stable across versions."""

    code = "E000"

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        super().__init__(f"[{code}] {message}")


class InputError(ThucydidesError):
    """Bad input from a user: missing, unreadable, empty or malformed. The CLI exits with code 2."""


class InvalidValue(InputError, ValueError):
    """A value is not one of the valid options (E001): bad input too."""

    def __init__(self, code: str, what: str, value: object, valid: Iterable[str]) -> None:
        options = ", ".join(repr(v) for v in valid)
        super().__init__(code, f"invalid {what} {value!r}; valid options: {options}")
        self.value = value


class ModelNotFound(ThucydidesError):
    """A model the library needs (the spaCy English pipeline, the embedding model) is not installed."""


class DataError(ThucydidesError):
    """A data file shipped with the package (gazetteer, classifier weights) is missing or broken."""


class StoreError(ThucydidesError):
    """The store cannot be opened or written."""


class PipelineError(ThucydidesError):
    """A pipeline is wired wrongly: a stage reads a field no earlier stage assigns, or a name is unknown."""


class ClusterError(ThucydidesError):
    """The Dask cluster cannot be used: Dask not installed, the scheduler unreachable or lost mid-run."""


@dataclass(frozen=True)
class ErrorCode:
    """One row of the table: the code, the exception class that carries it and its message template."""

    code: str
    kind: type[ThucydidesError]
    template: str


_ROWS: tuple[tuple[str, type[ThucydidesError], str], ...] = (
    ("E000", ThucydidesError, "{detail}"),
    ("E001", InputError, "invalid {what} {value!r}; valid options: {options}"),
    ("E002", InputError, "{path} does not exist"),
    ("E003", InputError, "{path} is a directory, not a file"),
    ("E004", InputError, "{path} is binary or not valid UTF-8"),
    ("E005", InputError, "document {id} is empty"),
    ("E006", InputError, "malformed date {value!r}; expected YYYY-MM-DD"),
    ("E007", InputError, "{where}: malformed JSON, JSON Lines or CSV: {detail}"),
    ("E008", InputError, "{path} is larger than the limit of {limit}"),
    ("E009", ModelNotFound, "no spaCy English model installed; tried {names}"),
    ("E010", InputError, "{where}: required column or field {field!r} is missing"),
    ("E011", DataError, "shipped data file {path} is missing or broken: {detail}"),
    ("E012", InputError, "could not fetch {url}: {detail}"),
    ("E013", StoreError, "the store {path} is unusable: {detail}"),
    ("E014", ThucydidesError, "extraction failed on document {id}: {detail}"),
    ("E015", ModelNotFound, "the event classifier's {what} is not installed: {detail}"),
    ("E016", PipelineError, "stage {stage!r} reads {field!r}, which {provider}"),
    ("E017", PipelineError, "no stage named {name!r} in the pipeline; stages: {names}"),
    ("E018", ClusterError, "the Dask cluster cannot be used: {detail}"),
    ("E019", InputError, "cannot write {path}: {detail}"),
    ("E020", InputError, "no {what} with id {key!r}"),
    ("E021", InputError, "ingest over the web API needs a bearer token: {detail}"),
    ("E022", ModelNotFound, "an optional part is not installed: {detail}"),
    ("E023", ModelNotFound, "the learned extractor's {files} is missing in {folder}; train it with: thucydides train"),
    ("E030", InputError, "nothing imported from {paths}: {failed} row(s) failed (the first: {first})"),
    ("E040", InputError, "invalid cursor {cursor!r}; use the 'next' link of the previous page, or 'page' instead"),
)

#: Every error code, with the class that carries it and its message template.
CODES: dict[str, ErrorCode] = {code: ErrorCode(code, kind, template) for code, kind, template in _ROWS}


def message(code: str, **values: object) -> str:
    """The message of ``code`` with its template filled from ``values``.

    Raises:
        KeyError: ``code`` is not in :data:`CODES`.
    """
    return CODES[code].template.format(**values)
