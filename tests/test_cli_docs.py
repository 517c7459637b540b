"""Every command and every option of the CLI is documented in README.md or docs/*.md."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

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



def _section(path: str) -> str:
    """The text of the docs' section whose heading starts with ``thucydides PATH``, up to the next heading of
    the same or a higher level."""
    start = re.compile(rf"^(#+) `thucydides {re.escape(path)}[ `]", re.MULTILINE)
    for page in sorted((REPO / "docs").glob("**/*.md")):
        text = page.read_text(encoding="utf-8")
        found = start.search(text)
        if found:
            end = re.compile(rf"^#{{1,{len(found.group(1))}}} ", re.MULTILINE).search(text, found.end())
            return text[found.start():end.start() if end else len(text)]
    raise AssertionError(f"no section for thucydides {path}")


#: Options the store commands share, documented once: ``--db`` at the top of the page, ``--parquet-dir``
#: under ingest (the archive that query, disputes, dyad and export read).
_SHARED = {"--db", "--help", "--parquet-dir"}


@pytest.mark.parametrize("path", ["ingest", "query", "disputes", "dyad", "check-claims"])
def test_the_corpus_commands_document_each_option_in_their_own_section(path: str) -> None:
    """An option named only on another command's page does not tell a reader of this command's section."""
    section = _section(path)
    longs = {next(o for o in p.opts if o.startswith("--")) for p in dict(_walk(cli))[path].params
             if isinstance(p, click.Option) and any(o.startswith("--") for o in p.opts)}
    assert sorted(o for o in longs - _SHARED if o not in section) == []
