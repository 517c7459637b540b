"""Plugin hooks. Built-in features register through exactly the hooks a third-party package would use.

A third-party plugin is a module with functions decorated by :data:`hookimpl`, exposed through the
``thucydides`` entry-point group in its ``pyproject.toml``::

    [project.entry-points.thucydides]
    myplugin = "myplugin"
"""

from __future__ import annotations

import functools
import importlib
from typing import Any

import pluggy

__all__ = ["BUILTIN_PLUGINS", "get_plugin_manager", "hookimpl", "hookspec"]

hookspec = pluggy.HookspecMarker("thucydides")
hookimpl = pluggy.HookimplMarker("thucydides")

#: Modules of the built-in features, each registering through the hooks below.
BUILTIN_PLUGINS: tuple[str, ...] = (
    "thucydides.commands.evaluate",
    "thucydides.evaluation.builtin",
    "thucydides.commands.extract",
    "thucydides.commands.store",
    "thucydides.commands.losses",
    "thucydides.commands.actors",
    "thucydides.commands.train",
)


class HookSpecs:
    """The hook specifications."""

    @hookspec
    def register_commands(self, cli: Any) -> None:
        """Add click commands or groups to the ``thucydides`` command-line group ``cli``."""

    @hookspec
    def register_eval_datasets(self) -> list[Any]:  # type: ignore[empty-body]
        """Return evaluation datasets (objects with ``name``, ``available(root)``, ``evaluate(root)``)."""

    @hookspec
    def register_exporters(self) -> dict[str, Any]:  # type: ignore[empty-body]
        """Return ``{format name: callable}`` for ``thucydides export --format``."""

    @hookspec
    def register_loss_importers(self) -> dict[str, Any]:  # type: ignore[empty-body]
        """Return ``{format name: callable}`` for ``thucydides losses import --format``."""

    @hookspec
    def register_input_readers(self) -> dict[str, Any]:  # type: ignore[empty-body]
        """Return ``{format name: callable}`` that read documents for ``thucydides ingest``."""


@functools.lru_cache(maxsize=1)
def get_plugin_manager() -> pluggy.PluginManager:
    """The process-wide plugin manager with the built-ins and installed entry-point plugins loaded."""
    pm = pluggy.PluginManager("thucydides")
    pm.add_hookspecs(HookSpecs)
    for name in BUILTIN_PLUGINS:
        pm.register(importlib.import_module(name), name=name)
    pm.load_setuptools_entrypoints("thucydides")
    return pm


def collect_dict(hook_name: str) -> dict[str, Any]:
    """Merge the dictionaries every implementation of a ``register_*`` hook returns."""
    merged: dict[str, Any] = {}
    for part in getattr(get_plugin_manager().hook, hook_name)():
        merged.update(part or {})
    return merged
