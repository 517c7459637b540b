"""Merging through the group index gives the groups of the plain definition: each mention joins the first
group, in order of creation, whose summary (the union of its roles, its first date) it is compatible with."""

from __future__ import annotations

import random
from collections.abc import Sequence

import pytest

from thucydides.pipeline.state import EventMention
from thucydides.stages.merge import compatible, merge_events

CODES = ("RUS", "UKR", "BLR", "POL", "USA", "TUR")


def _summary(group: Sequence[EventMention]) -> EventMention:
    actor = tuple(dict.fromkeys(c for e in group for c in e.actor))
    recipient = tuple(dict.fromkeys(c for e in group for c in e.recipient))
    first = group[0]
    date = next((e.date for e in group if e.date), None)
    return EventMention(first.type, first.mode, first.trigger, actor, recipient, 0, 0, (0, 0), first.extractor,
                        date=date, extras=first.extras)


def _reference(events: Sequence[EventMention]) -> list[list[EventMention]]:
    """Every mention compared with every group's summary, made anew each time."""
    groups: list[list[EventMention]] = []
    for ev in events:
        target = next((g for g in groups if compatible(ev, _summary(g))), None)
        if target is None:
            groups.append([ev])
        else:
            target.append(ev)
    return groups


def _event(rng: random.Random, i: int) -> EventMention:
    def roles() -> tuple[str, ...]:
        return tuple(rng.sample(CODES, rng.choice((0, 1, 1, 2))))

    return EventMention(rng.choice(("ASSAULT", "CONSULT")), None, i, roles(), roles(), i, i + 1, (i, i + 1), "t",
                        date=rng.choice((None, None, "2022-03-01", "2022-03-02")),
                        extras={"nominal": rng.random() < 0.3, "lemma": rng.choice(("attack", "invasion"))})


@pytest.mark.parametrize("seed", range(5))
def test_indexed_merging_gives_the_groups_of_the_plain_definition(seed: int) -> None:
    rng = random.Random(seed)
    events = [_event(rng, i) for i in range(300)]
    assert [[e.trigger for e in g] for g in merge_events(events)] == \
        [[e.trigger for e in g] for g in _reference(events)]
