"""``thucydides resolve-actor``: normalise actor names and descriptions to codes and sectors."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..plugins import hookimpl
from .options import say

__all__ = ["register_commands", "resolve_actor_command"]


@click.command("resolve-actor")
@click.argument("names", nargs=-1)
@click.option("--file", "path", type=click.Path(path_type=Path),
              help="A UTF-8 text file with one name or description per line (read after NAMES).")
@click.option("--date", help="When the names were used (YYYY-MM-DD); picks the office a person held then.")
@click.option("--context", help="Text around the names; a single state it names fills in a missing code.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line instead of tab-separated columns.")
def resolve_actor_command(names: tuple[str, ...], path: Path | None, date: str | None, context: str | None,
                          as_json: bool) -> None:
    """Resolve each NAME (e.g. "US officials", "the Kremlin", "Sergei Lavrov") to code, sector, name, kind."""
    from ..stages.actors import resolve_actors

    for text, actor in resolve_actors(names, path=path, date=date, context=context):
        fields = actor.to_dict() if actor is not None else {"code": None, "sector": None, "name": None,
                                                            "kind": None}
        if as_json:
            click.echo(json.dumps({"text": text, **fields}, ensure_ascii=False))
        else:
            say("\t".join([text, *("" if v is None else str(v) for v in fields.values())]))


@hookimpl
def register_commands(cli: click.Group) -> None:
    cli.add_command(resolve_actor_command)
