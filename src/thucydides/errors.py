"""Exceptions with stable codes. Each message names the bad value and, where there are any, the valid options.

Codes (stable; add new ones at the end of their block, never renumber):

- ``E001`` a value is not one of the valid choices (status, verdict, format, ...)
- ``E002`` an input path does not exist
- ``E003`` an input path is a directory where a file was expected
- ``E004`` an input is binary or not valid UTF-8
- ``E005`` an input document is empty
- ``E006`` a date is malformed
- ``E007`` a JSON / JSON Lines / CSV input is malformed
- ``E008`` an input is larger than the size limit
- ``E009`` no spaCy English model is installed
- ``E010`` a required column or field is missing
- ``E011`` a data file shipped with the package is broken
- ``E012`` a network resource could not be fetched
- ``E013`` the store is unusable (wrong schema version, locked, corrupt)
- ``E014`` extraction failed on one document (the extractor raised an unexpected error)
- ``E015`` the event classifier's embedding model or tokenizer package is not installed
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["InputError", "InvalidValue", "ModelNotFound", "StoreError", "ThucydidesError"]


class ThucydidesError(Exception):
    """Base class: every error the library raises on purpose. ``code`` is stable across versions."""

    code = "E000"

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        super().__init__(f"[{code}] {message}")


class InvalidValue(ThucydidesError, ValueError):
    """A value is not one of the valid options."""

    def __init__(self, code: str, what: str, value: object, valid: Iterable[str]) -> None:
        options = ", ".join(repr(v) for v in valid)
        super().__init__(code, f"invalid {what} {value!r}; valid options: {options}")
        self.value = value


class InputError(ThucydidesError):
    """Bad input from a user: missing, unreadable, empty or malformed. The CLI exits with code 2."""


class ModelNotFound(ThucydidesError):
    """No usable spaCy English pipeline is installed."""


class StoreError(ThucydidesError):
    """The store cannot be opened or written."""
