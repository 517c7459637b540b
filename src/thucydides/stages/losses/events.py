"""The article's events as the loss rules read them: which sentences state an event, and who was attacked."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ...pipeline.state import EventMention
from ..merge import merge_events

if TYPE_CHECKING:
    from ...nlp.types import Span

__all__ = ["SentenceEvents"]

#: Types whose recipient is whose people were killed or hurt (CODING.md §7: "the recipient's code").
VIOLENT = frozenset({"ASSAULT", "COERCE"})


class SentenceEvents:
    """Evidence spans of the event mentions, with type and recipient, looked up by sentence.

    A mention's recipients are those of every mention merged with it (:func:`~thucydides.stages.merge.merge_events`,
    the grouping of the merge stage), as the proposition will have them: "Militants attacked a base in Somalia
    ... killing nine" (the second mention names no recipient).

    ``None`` (the events are not known, as when :func:`~thucydides.stages.losses.extract_loss_claims` is
    called on its own) makes every sentence political and no one attacked: the words alone decide.
    """

    def __init__(self, events: Sequence[EventMention] | None, text: str = "") -> None:
        self.known, self.text = events is not None, text
        self.spans = sorted((ev.start, ev.end, ev.type, _recipients(group))
                            for group in merge_events(events or ()) for ev in group)

    def _in(self, start: int, end: int) -> list[tuple[int, int, str, tuple[str, ...]]]:
        return [s for s in self.spans if s[0] < end and start < s[1]]

    def _window(self, sent: Span) -> list[list[tuple[int, int, str, tuple[str, ...]]]]:
        """The events of the sentence, then of the one before it in the same paragraph ("A convoy is attacked.
        Three people die.")."""
        found = [self._in(sent.start_char, sent.end_char)]
        i = sent.start - 1
        while i >= 0 and sent.doc[i].is_space:
            i -= 1
        last = sent.doc[i] if i >= 0 else None
        if last is not None and "\n\n" not in self.text[last.idx + len(last):sent.start_char]:
            before = last.sent
            found.append(self._in(before.start_char, before.end_char))
        return found

    def political(self, sent: Span) -> bool:
        """Whether the sentence, or the one before it, states an event between political actors (always, when
        the propositions are not known)."""
        return not self.known or any(self._window(sent))

    def attacked(self, sent: Span) -> str:
        """The recipient of the first assault or coercion the sentence (else the one before it) states, or ``""``."""
        for events in self._window(sent):
            for _, _, kind, rec in events:
                if kind in VIOLENT and rec:
                    return rec[0]
        return ""


def _recipients(group: Sequence[EventMention]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(code for ev in group for code in ev.recipient))
