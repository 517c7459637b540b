"""``thucydides train`` and ``thucydides classify``: rebuild and try the learned event classifier."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..plugins import hookimpl

__all__ = ["classify_command", "register_commands", "register_eval_datasets", "train_command"]


@click.command("train")
@click.option("--data", "data", type=click.Path(path_type=Path),
              help="The shared data folder (or its eval/ folder); default: ../shared.")
@click.option("--out", "out", type=click.Path(path_type=Path),
              help="Where to write the weights; default: the package's data/models folder (the shipped ones).")
@click.option("--cache", "cache", type=click.Path(path_type=Path),
              help="A folder to keep sentence embeddings in between runs (outside the repository).")
def train_command(data: Path | None, out: Path | None, cache: Path | None) -> None:
    """Train the event-type and quad-class heads from the data and write every shipped artifact."""
    from ..classifier import train_all
    from ..evaluation.registry import default_data_dir

    paths = train_all(data or default_data_dir(), out, cache)
    for role, path in paths.items():
        click.echo(f"{role}\t{path}")


@click.command("classify")
@click.argument("sentences", nargs=-1)
@click.option("--top", default=3, show_default=True, type=click.IntRange(1, 17),
              help="How many event types to print per sentence.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per sentence with every probability.")
def classify_command(sentences: tuple[str, ...], top: int, as_json: bool) -> None:
    """Print the most likely PLOVER event types and the quad class of each SENTENCE."""
    from ..classifier import EventClassifier

    for text, (types, quads) in zip(sentences, EventClassifier.load().predict_both(sentences), strict=True):
        if as_json:
            click.echo(json.dumps({"text": text, "types": types, "quads": quads}))
            continue
        best = sorted(types.items(), key=lambda kv: -kv[1])[:top]
        quad = max(quads, key=lambda k: quads[k])
        click.echo("\t".join([text, quad, *(f"{k}:{v:.2f}" for k, v in best)]))


@hookimpl
def register_commands(cli: click.Group) -> None:
    cli.add_command(train_command)
    cli.add_command(classify_command)


@hookimpl
def register_eval_datasets() -> list[object]:
    from ..classifier.evalsets import ConfliBertQuad, PloverTypeCV

    return [ConfliBertQuad(), PloverTypeCV()]
