"""``thucydides train`` and ``thucydides classify``: rebuild and try the learned event classifier."""

from __future__ import annotations

import json
import time
from pathlib import Path

import click

from ..plugins import hookimpl
from .progress import ProgressBar

__all__ = ["TrainProgress", "classify_command", "register_commands", "register_eval_datasets", "train_command"]


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
@click.option("--log-every", "log_every", type=click.IntRange(1), metavar="N",
              help="Extractor: also print the step, the mean loss and the time left every N steps (for a log "
                   "file; on a terminal a progress bar shows the steps, and one summary line ends the run).")
def train_command(data: Path | None, out: Path | None, which: str, team: Path | None, epochs: int | None,
                  max_steps: int | None, limit: int | None, cache: Path | None, log_every: int | None) -> None:
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
        with ProgressBar(True, None, "steps") as bar:
            shown = TrainProgress(bar, log_every)
            paths = train_extractor(shared, out or default_model_dir(), team, epochs=epochs,
                                    max_steps=max_steps, limit=limit, progress=shown)
        click.echo(shown.summary(), err=True)
    for role, path in paths.items():
        click.echo(f"{role}\t{path}")


class TrainProgress:
    """What ``train`` shows of its steps: the bar (on a terminal), a log line every ``log_every`` steps when
    asked, and :meth:`summary` at the end. Called as ``progress(step, total, loss)`` after each step."""

    #: How many of the last steps the mean loss is taken over.
    WINDOW = 25

    def __init__(self, bar: ProgressBar, log_every: int | None) -> None:
        self.bar, self.log_every = bar, log_every
        self.started = time.monotonic()
        self.losses: list[float] = []
        self.step = self.total = 0

    def __call__(self, step: int, total: int, loss: float) -> None:
        self.losses.append(loss)
        self.step, self.total, self.bar.total = step, total, total
        self.bar.update(step)
        if self.log_every is not None and (step % self.log_every == 0 or step == total):
            elapsed = time.monotonic() - self.started
            click.echo(f"step {step}/{total}  loss {self.mean_loss():.3f}  elapsed {elapsed / 60:.1f} min  "
                       f"left ~{elapsed / step * (total - step) / 60:.1f} min", err=True)

    def mean_loss(self) -> float:
        """The mean loss of the last :attr:`WINDOW` steps (0 before the first)."""
        recent = self.losses[-self.WINDOW:]
        return sum(recent) / len(recent) if recent else 0.0

    def summary(self) -> str:
        """One line: the steps done, the time taken and the last mean loss."""
        minutes = (time.monotonic() - self.started) / 60
        return f"trained {self.step}/{self.total} steps in {minutes:.1f} min, mean loss {self.mean_loss():.3f}"


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
