"""Stages registered under versioned names, assembled into a checked :class:`Pipeline`.

The built-in stages and those of installed plugins come through the ``register_stages`` hook
(:mod:`thucydides.plugins`). A pipeline is checked when it is built, as spaCy's ``analyze_pipes`` does: every
field a stage reads must be assigned by an earlier stage, or the build fails with ``PipelineError`` (E016)
naming the stage, the field and what assigns it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence

from ..errors import InvalidValue, PipelineError, message
from .state import FIELDS, INITIAL_FIELDS, Stage

__all__ = ["EXTRACTORS", "LEARNED_STAGE", "Pipeline", "check_stages", "default_pipeline", "default_stages",
           "pipeline_for", "registered_extractors", "registered_stages"]


def _provider(field: str, stages: Sequence[Stage], index: int) -> str:
    later = [s.name for s in stages[index + 1:] if field in s.assigns]
    if later:
        return f"only a later stage assigns ({', '.join(later)})"
    if field not in FIELDS:
        return f"is not a field of the state (fields: {', '.join(sorted(FIELDS))})"
    return "no stage in the pipeline assigns"


def check_stages(stages: Sequence[Stage]) -> None:
    """Check the wiring of ``stages``: unique names, and every read assigned by an earlier stage.

    Raises:
        PipelineError: (E016) a stage reads a field that no earlier stage assigns; (E017) a name is repeated.
    """
    names = [s.name for s in stages]
    for name in names:
        if names.count(name) > 1:
            raise PipelineError("E017", f"stage {name!r} appears twice in the pipeline")
    available = set(INITIAL_FIELDS)
    for i, stage in enumerate(stages):
        for field in stage.reads:
            if field not in available:
                raise PipelineError("E016", message("E016", stage=stage.name, field=field,
                                                    provider=_provider(field, stages, i)))
        available.update(stage.assigns)


class Pipeline:
    """An immutable, checked sequence of stages. The editing methods return a new, checked pipeline."""

    def __init__(self, stages: Iterable[Stage]) -> None:
        self._stages = tuple(stages)
        check_stages(self._stages)

    def __iter__(self) -> Iterator[Stage]:
        return iter(self._stages)

    def __len__(self) -> int:
        return len(self._stages)

    def __repr__(self) -> str:
        return f"Pipeline({', '.join(self.names)})"

    @property
    def names(self) -> tuple[str, ...]:
        """The stage names in run order."""
        return tuple(s.name for s in self._stages)

    def get(self, name: str) -> Stage:
        """The stage called ``name``. Raises PipelineError (E017) when there is none."""
        return self._stages[self._index(name)]

    def _index(self, name: str) -> int:
        if name not in self.names:
            raise PipelineError("E017", message("E017", name=name, names=", ".join(self.names)))
        return self.names.index(name)

    def replace(self, name: str, stage: Stage) -> Pipeline:
        """The pipeline with the stage called ``name`` replaced by ``stage``."""
        i = self._index(name)
        return Pipeline(self._stages[:i] + (stage,) + self._stages[i + 1:])

    def splice(self, first: str, last: str, stages: Iterable[Stage]) -> Pipeline:
        """The pipeline with the stages from ``first`` to ``last`` (inclusive) replaced by ``stages``."""
        i, j = self._index(first), self._index(last)
        return Pipeline(self._stages[:i] + tuple(stages) + self._stages[j + 1:])

    def insert_after(self, name: str, stage: Stage) -> Pipeline:
        """The pipeline with ``stage`` running right after the stage called ``name``."""
        i = self._index(name) + 1
        return Pipeline(self._stages[:i] + (stage,) + self._stages[i:])

    def insert_before(self, name: str, stage: Stage) -> Pipeline:
        """The pipeline with ``stage`` running right before the stage called ``name``."""
        i = self._index(name)
        return Pipeline(self._stages[:i] + (stage,) + self._stages[i:])

    def without(self, *names: str) -> Pipeline:
        """The pipeline without the stages called ``names``."""
        for name in names:
            self._index(name)
        return Pipeline(s for s in self._stages if s.name not in names)

    def place(self, stage: Stage) -> Pipeline:
        """Put a plugin's stage where its ``after``, ``before`` or ``replaces`` says (at the end if none)."""
        if stage.replaces:
            return self.replace(stage.replaces, stage)
        if stage.after:
            return self.insert_after(stage.after, stage)
        if stage.before:
            return self.insert_before(stage.before, stage)
        return Pipeline(self._stages + (stage,))


def registered_stages() -> list[Stage]:
    """Every stage the ``register_stages`` hook returns: the built-ins first, in run order, then plugins'."""
    from ..plugins import pipeline_plugin_manager

    results = pipeline_plugin_manager().hook.register_stages()
    return [stage for part in reversed(results) for stage in part]


@functools.lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    """The built-in stages in run order, with each plugin stage placed where it asks; checked."""
    stages = registered_stages()
    pipeline = Pipeline(s for s in stages if not (s.after or s.before or s.replaces))
    for stage in stages:
        if stage.after or stage.before or stage.replaces:
            pipeline = pipeline.place(stage)
    return pipeline


#: The built-in event extractors: the learned model beside the rules (the default: the model's events plus the
#: rule events of the sentences it left empty), the learned model alone, and the rules alone (the baseline:
#: faster, and what every rule test pins). Plugins may register more (the ``register_extractors`` hook).
EXTRACTORS: tuple[str, ...] = ("learned", "model", "rules")
LEARNED_STAGE = "events.learned.v1"
#: The fields event stages assign: an extractor replaces the default pipeline's run of such stages.
EVENT_FIELDS = frozenset({"events", "events.source", "events.status"})


def registered_extractors() -> dict[str, list[Stage]]:
    """``{name: stages}`` of every extractor the ``register_extractors`` hook returns (plugins' win)."""
    from ..plugins import pipeline_plugin_manager

    merged: dict[str, list[Stage]] = {}
    for part in reversed(pipeline_plugin_manager().hook.register_extractors()):
        merged.update(part or {})
    return merged


def pipeline_for(extractor: str = "learned") -> Pipeline:
    """The default pipeline with the chosen event extractor: ``"learned"`` is the default pipeline itself;
    any other registered name (:data:`EXTRACTORS`) runs its stages in place of the default pipeline's event
    stages (the run of stages that assign :data:`EVENT_FIELDS`).

    Raises:
        InvalidValue: (E001) an unknown extractor.
    """
    if extractor == "learned":
        return default_pipeline()
    others = registered_extractors()
    if extractor not in others:
        raise InvalidValue("E001", "extractor", extractor, ("learned", *sorted(others)))
    base = default_pipeline()
    block = [s.name for s in base if EVENT_FIELDS & set(s.assigns)]
    return base.splice(block[0], block[-1], others[extractor])


def default_stages() -> list[Stage]:
    """The stages of :func:`default_pipeline` as a list."""
    return list(default_pipeline())
