"""Every ``thucydides`` command of the README's shell blocks runs as written, in a fresh working folder
holding the demo articles (``examples/``), in the order the README gives them."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import find_shared

REPO = Path(__file__).resolve().parents[1]
_BLOCK = re.compile(r"```bash\n(.*?)```", re.DOTALL)


def readme_commands() -> list[list[str]]:
    """The ``thucydides ...`` lines of the README's ``bash`` blocks as argument lists (comments dropped)."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    lines = [line.strip() for block in _BLOCK.findall(text) for line in block.splitlines()]
    return [shlex.split(line, comments=True)[1:] for line in lines if line.startswith("thucydides ")]


def test_the_readme_has_the_corpus_commands() -> None:
    names = [args[0] for args in readme_commands()]
    assert {"extract", "ingest", "disputes", "query", "dyad", "export", "losses", "check-claims", "eval"} <= set(names)


def test_every_readme_command_runs_as_written(tmp_path: Path) -> None:
    shared = find_shared()
    if shared is None:
        pytest.skip("../shared data is not present")
    work = tmp_path / "checkout"
    work.mkdir()
    (work / "examples").symlink_to(REPO / "examples")
    (tmp_path / "shared").symlink_to(shared)
    env = {**os.environ, "THUCYDIDES_SHARED": str(shared)}
    for args in readme_commands():
        out = subprocess.run([sys.executable, "-m", "thucydides", *args], cwd=work, capture_output=True,
                             text=True, timeout=900, check=False, env=env)
        assert out.returncode == 0, f"thucydides {shlex.join(args)}: {out.stderr[-2000:]}"
    assert (work / "irn-isr.png").stat().st_size > 0 and (work / "events.tsv").exists()


def test_the_licence_is_declared_in_the_current_form() -> None:
    """An SPDX expression string, as setuptools 77+ wants it: a ``{text = ...}`` table or a licence classifier
    makes the install print deprecation warnings."""
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert isinstance(project["license"], str) and project["license"] == "MIT"
    assert not [c for c in project.get("classifiers", []) if c.startswith("License ::")]
    requires = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["build-system"]["requires"]
    assert any(r.replace(" ", "").startswith("setuptools>=") and int(r.split(">=")[1].split(".")[0]) >= 77
               for r in requires)


def test_the_readme_says_how_to_get_the_command_after_the_demo() -> None:
    """demo.sh installs into .venv/, which is not on the PATH: the README says to activate it (or to type
    .venv/bin/thucydides), before its first ``thucydides`` command, in a block that runs as written."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    setup = text[:text.index("\nthucydides ")]
    assert any("source .venv/bin/activate" in block for block in _BLOCK.findall(setup))
    assert ".venv/bin/thucydides" in setup
    assert "./demo.sh" in setup and "PATH" in setup
