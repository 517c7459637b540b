"""Turning command-line inputs (files, folders, ``-`` for standard input, URLs) into :class:`Item` s."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InvalidValue
from ..plugins import hookimpl
from .items import Item, ReadOptions
from .readers import READERS, Reader
from .web import is_url, read_feed, read_url

__all__ = ["SUFFIXES", "format_of", "read_sources", "readers", "register_input_readers"]

#: File suffix -> reader format. Folders are searched recursively for these suffixes.
SUFFIXES: dict[str, str] = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html",
    ".htm": "html", ".xhtml": "html", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".csv": "csv", ".tsv": "csv", ".rss": "feed", ".atom": "feed", ".xml": "feed",
}


#: A file holding many documents (JSON Lines, CSV, feed) may be this many times ``max_bytes``.
CONTAINER_FACTOR = 200


def readers() -> dict[str, Reader]:
    """Every reader by format: the built-ins, a feed reader and those plugins register."""
    from ..plugins import collect_dict

    return collect_dict("register_input_readers")


@hookimpl
def register_input_readers() -> dict[str, Reader]:
    """The built-in readers and the feed reader, registered through the hook a plugin uses."""
    return {**READERS, "feed": read_feed}


def format_of(path: str, forced: str | None) -> str:
    """The reader format of a file: the forced one, else by suffix, else plain text."""
    if forced:
        return forced
    return SUFFIXES.get(Path(path).suffix.lower(), "text")


def _walk(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        hidden = any(part.startswith(".") for part in path.relative_to(folder).parts)
        if path.is_file() and not hidden and path.suffix.lower() in SUFFIXES:
            yield path


def _read_file(path: Path, options: ReadOptions, table: dict[str, Reader]) -> Iterator[Item]:
    source = str(path)
    fmt = format_of(source, options.format)
    limit = options.max_bytes * (1 if fmt in ("text", "markdown", "html") else CONTAINER_FACTOR)
    try:
        size = path.stat().st_size
        if size > limit:
            yield Item.failed(source, "E008", f"{source} is {size} bytes, over the limit of {limit} for "
                              f"{fmt} files (raise it with --max-bytes, or split the file)")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Item.failed(source, "E002", f"cannot read {source}: {exc.strerror or exc}")
        return
    yield from table[fmt](data, source, options)


def read_sources(sources: Iterable[str], options: ReadOptions | None = None) -> Iterator[Item]:
    """Every document of the given inputs, in order, lazily.

    Args:
        sources: file paths, folders (searched recursively), ``-`` (standard input), URLs.
        options: field names, size limit, forced format.

    Raises:
        InvalidValue: (E001) ``options.format`` is not a known reader.
    """
    opts = options or ReadOptions()
    table = readers()
    if opts.format is not None and opts.format not in table:
        raise InvalidValue("E001", "input format", opts.format, sorted(table))
    for source in sources:
        if source == "-":
            yield from table[opts.format or "text"](sys.stdin.buffer.read(), "<stdin>", opts)
        elif is_url(source):
            yield from read_url(source, opts)
        elif Path(source).is_dir():
            for path in _walk(Path(source)):
                yield from _read_file(path, opts, table)
        elif Path(source).exists():
            yield from _read_file(Path(source), opts, table)
        else:
            yield Item.failed(source, "E002", f"{source} does not exist")
