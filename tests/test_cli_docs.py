"""Every command and every option of the CLI is documented in README.md or docs/*.md."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import click

from thucydides.cli import cli

REPO = Path(__file__).resolve().parent.parent


def _docs() -> str:
    parts = [(REPO / "README.md").read_text(encoding="utf-8")]
    parts += [p.read_text(encoding="utf-8") for p in sorted((REPO / "docs").glob("**/*.md"))]
    return "\n".join(parts)


def _walk(group: click.Group, prefix: str = "") -> Iterator[tuple[str, click.Command]]:
    for name, cmd in group.commands.items():
        path = f"{prefix}{name}"
        yield path, cmd
        if isinstance(cmd, click.Group):
            yield from _walk(cmd, path + " ")


def test_there_are_commands() -> None:
    assert "extract" in cli.commands


def test_every_command_is_documented() -> None:
    docs = _docs()
    missing = [path for path, _ in _walk(cli) if f"thucydides {path}" not in docs]
    assert not missing, f"undocumented commands: {missing}"


def test_every_option_is_documented() -> None:
    docs = _docs()
    missing = []
    for path, cmd in _walk(cli):
        for param in cmd.params:
            if isinstance(param, click.Option):
                longs = [o for o in param.opts if o.startswith("--")]
                if longs and not any(o in docs for o in longs):
                    missing.append(f"{path} {longs[0]}")
    assert not missing, f"undocumented options: {missing}"
