"""The extraction pipeline: the working state (:mod:`.state`), the stage registry (:mod:`.registry`) and
the runner (:mod:`.run`). Import from the submodules; this package imports none of them, so a stage can import
:mod:`.state` without pulling in the assembler (see docs/architecture.md)."""
