"""Plugin hooks. Built-in features register through exactly the hooks a third-party package would use.

A third-party plugin is a module with functions decorated by :data:`hookimpl`, exposed through the
``thucydides`` entry-point group in its ``pyproject.toml``::

    [project.entry-points.thucydides]
    myplugin = "myplugin"
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:  # only for the hook signatures: these modules register through this one
    import click

    from .evaluation.registry import EvalDataset
    from .ingest.readers import Reader
    from .ledger.importers import Importer
    from .pipeline.state import Stage

__all__ = ["BUILTIN_PLUGINS", "PIPELINE_PLUGINS", "Exporter", "HookSpecs", "collect_dict", "get_plugin_manager",
           "hookimpl", "hookspec", "pipeline_plugin_manager"]

hookspec = pluggy.HookspecMarker("thucydides")
hookimpl = pluggy.HookimplMarker("thucydides")

#: An exporter: ``(store, output, **options) -> rows written by table``.
Exporter = Callable[..., dict[str, int]]

#: Built-in plugins the pipeline needs (light: no DuckDB, no click); :func:`pipeline_plugin_manager` loads only
#: these and the installed entry-point plugins, so ``thucydides.extract`` does not import the store or the CLI.
PIPELINE_PLUGINS: tuple[str, ...] = ("thucydides.stages.builtin",)
#: Modules of the built-in features, each registering through the hooks below.
BUILTIN_PLUGINS: tuple[str, ...] = PIPELINE_PLUGINS + (
    "thucydides.export",
    "thucydides.ingest.sources",
    "thucydides.commands.evaluate",
    "thucydides.evaluation.builtin",
    "thucydides.commands.extract",
    "thucydides.commands.store",
    "thucydides.commands.losses",
    "thucydides.commands.actors",
    "thucydides.commands.train",
    "thucydides.places.plugin",
    "thucydides.web.command",
)


class HookSpecs:
    """The hook specifications. Built-ins implement exactly these, as a plugin would."""

    @hookspec
    def register_commands(self, cli: click.Group) -> None:
        """Add click commands or groups to the ``thucydides`` command-line group ``cli``."""

    @hookspec
    def register_stages(self) -> list[Stage]:  # type: ignore[empty-body]
        """Return pipeline stages. The built-in ones run in the order returned; a plugin's stage goes where
        its ``after``, ``before`` or ``replaces`` says (see docs/architecture.md)."""

    @hookspec
    def register_extractors(self) -> dict[str, list[Stage]]:  # type: ignore[empty-body]
        """Return ``{name: stages}``: event extractors that :func:`~thucydides.pipeline.registry.pipeline_for`
        runs in place of the default pipeline's learned stage (``events.learned.v1``)."""

    @hookspec
    def register_eval_datasets(self) -> list[EvalDataset]:  # type: ignore[empty-body]
        """Return evaluation datasets (objects with ``name``, ``available(root)``, ``evaluate(root)``)."""

    @hookspec
    def register_exporters(self) -> dict[str, Exporter]:  # type: ignore[empty-body]
        """Return ``{format name: exporter}`` for ``thucydides export --format``."""

    @hookspec
    def register_loss_importers(self) -> dict[str, Importer]:  # type: ignore[empty-body]
        """Return ``{format name: importer}`` for ``thucydides losses import --format``."""

    @hookspec
    def register_input_readers(self) -> dict[str, Reader]:  # type: ignore[empty-body]
        """Return ``{format name: reader}`` that read documents for ``thucydides ingest``."""


def _manager(builtins: tuple[str, ...]) -> pluggy.PluginManager:
    pm = pluggy.PluginManager("thucydides")
    pm.add_hookspecs(HookSpecs)
    for name in builtins:
        pm.register(importlib.import_module(name), name=name)
    pm.load_setuptools_entrypoints("thucydides")
    return pm


@functools.lru_cache(maxsize=1)
def get_plugin_manager() -> pluggy.PluginManager:
    """The process-wide plugin manager with the built-ins and installed entry-point plugins loaded."""
    return _manager(BUILTIN_PLUGINS)


@functools.lru_cache(maxsize=1)
def pipeline_plugin_manager() -> pluggy.PluginManager:
    """A plugin manager with the same hooks, the built-in stages and the installed entry-point plugins: what
    the pipeline's ``register_stages`` call needs, without importing the CLI, the store or the evaluation."""
    return _manager(PIPELINE_PLUGINS)


def collect_dict(hook_name: str) -> dict[str, Any]:
    """Merge the dictionaries every implementation of a ``register_*`` hook returns: the built-ins first,
    so a plugin's entry of the same name wins."""
    merged: dict[str, Any] = {}
    for part in reversed(getattr(get_plugin_manager().hook, hook_name)()):
        merged.update(part or {})
    return merged
