"""The label sets of the classifier: the 16 PLOVER event types, a no-event class, and the quad classes."""

from __future__ import annotations

__all__ = ["NONE", "PLOVER_QUAD", "PLOVER_TYPES", "QUAD_NAMES", "TYPE_LABELS", "quad_of"]

#: Each PLOVER event type (manual 0.8) with its quad class number (ConfliBERT's numbering, 1-4).
PLOVER_QUAD: dict[str, int] = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}
PLOVER_TYPES: tuple[str, ...] = tuple(sorted(PLOVER_QUAD))
#: The label for a sentence that reports no PLOVER event.
NONE = "NONE"
TYPE_LABELS: tuple[str, ...] = (*PLOVER_TYPES, NONE)
#: Quad classes in ConfliBERT's 0-4 numbering (0: statements, appeals and other non-material events).
QUAD_NAMES: tuple[str, ...] = (
    "NEUTRAL", "VERBAL_COOPERATION", "MATERIAL_COOPERATION", "VERBAL_CONFLICT", "MATERIAL_CONFLICT",
)


def quad_of(label: str) -> int:
    """The quad number (0-4) of a type label; :data:`NONE` maps to 0."""
    return PLOVER_QUAD.get(label, 0)
