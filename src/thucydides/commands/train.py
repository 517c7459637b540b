"""``thucydides train`` and ``thucydides classify``: rebuild and try the learned event classifier."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import click

from ..plugins import hookimpl

__all__ = ["classify_command", "register_commands", "register_eval_datasets", "train_command"]


@click.command("train")
@click.option("--data", "data", type=click.Path(path_type=Path),
              help="The shared data folder (or its eval/ folder); default: ../shared.")
@click.option("--out", "out", type=click.Path(path_type=Path),
              help="Where to write the weights; default: the package's data/models folder (the shipped ones).")
@click.option("--model", "which", type=click.Choice(["extractor", "classifier"]), default="extractor",
              show_default=True, help="What to train: the learned extractor, or the sentence classifier heads.")
@click.option("--team", "team", type=click.Path(path_type=Path),
              help="Extractor: also train on the team's annotated articles (*.train.jsonl) in this folder, e.g. corpus/team.")
@click.option("--epochs", type=click.IntRange(1, 50), help="Extractor: passes over the data (default 7).")
@click.option("--max-steps", "max_steps", type=click.IntRange(1), help="Extractor: stop after this many steps.")
@click.option("--limit", type=click.IntRange(1), help="Extractor: train on the first N documents only (a smoke run).")
@click.option("--cache", "cache", type=click.Path(path_type=Path),
              help="Classifier: a folder to keep sentence embeddings in between runs (outside the repository).")
def train_command(data: Path | None, out: Path | None, which: str, team: Path | None, epochs: int | None,
                  max_steps: int | None, limit: int | None, cache: Path | None) -> None:
    """Train a learned model from the shared data and write every artifact it ships with."""
    from ..evaluation.registry import default_data_dir

    root = data or default_data_dir()
    if which == "classifier":
        from ..classifier import train_all

        paths = train_all(root, out, cache)
    else:
        from ..extractor.recipe import train_extractor
        from ..extractor.runtime import default_model_dir

        shared = root.parent if root.name == "eval" else root
        paths = train_extractor(shared, out or default_model_dir(), team, epochs=epochs,
                                max_steps=max_steps, limit=limit, progress=_progress())
    for role, path in paths.items():
        click.echo(f"{role}\t{path}")


def _progress(every: int = 25) -> Callable[[int, int, float], None]:
    """A reporter that prints the step, the running mean loss and the time left to stderr every ``every`` steps."""
    started, losses = time.monotonic(), []

    def report(step: int, total: int, loss: float) -> None:
        losses.append(loss)
        if step % every and step != total:
            return
        elapsed = time.monotonic() - started
        left = elapsed / step * (total - step)
        recent = losses[-every:]
        click.echo(f"step {step}/{total}  loss {sum(recent) / len(recent):.3f}  "
                   f"elapsed {elapsed / 60:.1f} min  left ~{left / 60:.1f} min", err=True)

    return report


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
    from ..classifier.evalsets import ConfliBertHeldOut, ConfliBertQuad, PloverTypeCV

    return [ConfliBertQuad(), ConfliBertHeldOut(), PloverTypeCV()]
