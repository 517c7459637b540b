"""Exports of the store: Parquet (partitioned by date), CSV, JSON Lines records, GDELT 2.0 event rows,
PLOVER JSON records. Plugins add formats through the ``register_exporters`` hook.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import InputError, InvalidValue
from ..outputs import check_output_file, check_output_folder
from ..plugins import hookimpl
from ..store.connection import Store
from .gdelt import export_gdelt
from .plover import export_plover
from .tables import export_csv, export_jsonl, export_parquet

__all__ = ["FOLDER_FORMATS", "export", "exporters", "register_exporters"]

#: Formats that write a folder; the others write one file (or standard output).
FOLDER_FORMATS = ("parquet", "csv")


def exporters() -> dict[str, Callable[..., dict[str, int]]]:
    """Every export format: the built-ins and those plugins register."""
    from ..plugins import collect_dict

    return collect_dict("register_exporters")


@hookimpl
def register_exporters() -> dict[str, Callable[..., dict[str, int]]]:
    """The built-in export formats, registered through the hook a plugin uses."""
    return {"parquet": export_parquet, "csv": export_csv, "jsonl": export_jsonl, "gdelt": export_gdelt,
            "plover": export_plover}


def export(store: Store, fmt: str, output: str, **options: Any) -> dict[str, int]:
    """Export the store in format ``fmt`` to ``output`` (a folder for parquet/csv; a file or ``-`` for
    standard output otherwise).

    Returns:
        Rows written, by table or kind.

    Raises:
        InvalidValue: (E001) unknown format. InputError: (E003) a folder given where a file is written.
    """
    table = exporters()
    if fmt not in table:
        raise InvalidValue("E001", "export format", fmt, sorted(table))
    if fmt in FOLDER_FORMATS:
        target = Path(output)
        if target.exists() and not target.is_dir():
            raise InputError("E003", f"{output} is a file; {fmt} export writes a folder")
        check_output_folder(target)
        return table[fmt](store, target, **options)
    if output == "-":
        return table[fmt](store, sys.stdout, **options)
    if Path(output).is_dir():
        raise InputError("E003", f"{output} is a folder; {fmt} export writes one file")
    check_output_file(output)
    try:
        stream = open(output, "w", encoding="utf-8", newline="")  # noqa: SIM115 (closed by the with below)
    except OSError as exc:
        raise InputError("E019", f"cannot write {output}: {exc.strerror or exc}") from None
    with stream:
        return table[fmt](store, stream, **options)
