"""Command-line options more than one command uses, defined once: ``--db``, date options and ``--format``;
and :func:`say`, how the text views print."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import click

from ..inputs import parse_date
from ..outputs import terminal_safe
from ..store.connection import DEFAULT_DB

__all__ = ["date_option", "db_option", "format_option", "parse_date_option", "say"]

F = TypeVar("F", bound=Callable[..., Any])


def parse_date_option(_ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    """Click callback: a ``YYYY-MM-DD`` option value as a date (E006 naming the option otherwise)."""
    name = param.opts[0] if param.opts else f"--{param.name}"
    return parse_date(value, f"date for {name}")


def db_option(help: str = "The store (a DuckDB file; the ledger's tables live in the same file).") -> Callable[[F], F]:
    """``--db PATH``: the DuckDB file, by default ``thucydides.duckdb`` in the working folder."""
    return click.option("--db", default=DEFAULT_DB, show_default=True, metavar="PATH", help=help)


def date_option(*names: str, help: str, **kwargs: Any) -> Callable[[F], F]:
    """A ``YYYY-MM-DD`` option parsed to a date (E006 on a malformed value)."""
    return click.option(*names, callback=parse_date_option, metavar="YYYY-MM-DD", help=help, **kwargs)


def format_option(choices: Sequence[str], default: str | None = None, help: str = "Output format.",
                  **kwargs: Any) -> Callable[[F], F]:
    """``--format`` (the parameter ``fmt``) choosing one of ``choices``."""
    return click.option("--format", "fmt", type=click.Choice(list(choices)), default=default,
                        show_default=default is not None, help=help, **kwargs)


def say(text: str, err: bool = False) -> None:
    """Print one line of a text view without its control characters: text from articles and imported files
    (an outlet, a model name, a document id) may hold terminal escape sequences (``ESC ] 0; ... BEL`` sets
    the window title) that must not reach the terminal."""
    click.echo(terminal_safe(text), err=err)
