"""``events.counterpart.v1``: a directed act of one of a report's two states, with no recipient, is done to the
other. Hand-built mentions, events and Docs (no parser model), then two articles through the whole pipeline."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

import thucydides
from thucydides.model import Actor, ActorMention, Article, Provenance
from thucydides.pipeline.state import EventMention, State
from thucydides.stages import counterpart
from thucydides.stages.counterpart import fill_recipients, has_parties, leading_pair


def _mention(code: str, start: int, kind: str = "state", sector: str | None = None) -> ActorMention:
    return ActorMention(Actor(code, sector, code, kind), code, Provenance("d", start, start + 3, "test", "0"))


def _mentions(*codes: str) -> list[ActorMention]:
    return [_mention(code, 10 * i) for i, code in enumerate(codes)]


def _event(type_: str, actor: tuple[str, ...], recipient: tuple[str, ...] = (),
           status: str = "asserted") -> EventMention:
    return EventMention(type_, None, 0, actor, recipient, 0, 10, (0, 10), "test", status=status)


def test_the_leading_pair_is_the_two_states_named_clearly_most() -> None:
    assert leading_pair(_mentions("ARM", "AZE", "ARM", "AZE", "RUS", "ARM")) == ("ARM", "AZE")
    # the second named once, or tied with a third: no pair
    assert leading_pair(_mentions("ARM", "ARM", "AZE", "RUS")) is None
    assert leading_pair(_mentions("GHA", "GHA", "TGO", "TGO", "BFA", "BFA")) is None
    assert leading_pair(_mentions("GHA", "GHA", "GHA")) is None


def test_people_of_a_state_name_it_and_organisations_do_not() -> None:
    people = [_mention("THA", 0, "person", "GOV"), _mention("THA", 10), _mention("KHM", 20, "person", "MIL"),
              _mention("KHM", 30)]
    bodies = [_mention("UN", 40, "igo"), _mention("UN", 50, "igo"), _mention("UN", 60, "igo"),
              _mention("DPR", 70, "separatist"), _mention("DPR", 80, "separatist")]
    assert leading_pair(people + bodies) == ("THA", "KHM")


def test_a_directed_act_of_one_of_the_pair_takes_the_other_as_recipient() -> None:
    pair = ("IND", "PAK")
    events = [_event("THREATEN", ("PAK",)), _event("REJECT", ("IND",)), _event("MOBILIZE", ("PAK",)),
              _event("ACCUSE", ("IND",))]
    assert [e.recipient for e in fill_recipients(events, pair)] == [("IND",), ("PAK",), ("IND",), ("PAK",)]
    assert all(e.extras["counterpart"] for e in fill_recipients(events, pair))


def test_other_events_are_left_as_they_are() -> None:
    pair = ("IND", "PAK")
    events = [
        _event("ACCUSE", ("IND",), ("CHN",)),  # a recipient of its own
        _event("CONSULT", ("IND",)), _event("AGREE", ("PAK",)), _event("AID", ("IND",)),  # cooperation
        _event("ASSAULT", ("PAK",)),  # attacks are the parties stage's
        _event("THREATEN", ("AFG",)),  # an actor outside the pair
        _event("REQUEST", ("IND",)),  # an appeal goes to allies or the UN as often as to the other side
        _event("SANCTION", ("IND", "PAK")),  # both of the pair
        _event("REQUEST", ()),
    ]
    assert fill_recipients(events, pair) == events


def _state(words: list[str], starts: list[bool], mentions: list[ActorMention], events: list[EventMention]) -> State:
    doc = Doc(spacy.blank("en").vocab, words=words, sent_starts=starts)
    state = State(Article(text=doc.text), doc)
    state.mentions, state.events = mentions, events
    return state


def test_the_stage_runs_on_whole_documents_only() -> None:
    mentions = _mentions("SRB", "XKX", "SRB", "XKX")
    long = _state(["A", "."] * 5, [True, False] * 5, mentions, [_event("MOBILIZE", ("SRB",))])
    counterpart.annotate(long)
    assert long.events[0].recipient == ("XKX",)
    short = _state(["A", "."] * 4, [True, False] * 4, mentions, [_event("MOBILIZE", ("SRB",))])
    counterpart.annotate(short)
    assert short.events[0].recipient == ()


def test_in_a_document_an_event_names_its_actor_and_an_act_done_to_someone_its_recipient() -> None:
    kept = [_event("ACCUSE", ("IRN",)), _event("THREATEN", ("IRN",)), _event("REQUEST", ("IRN",), ("UN",)),
            _event("REQUEST", ("IRN", "IRQ")),  # two actors: they ask together, of no one named
            _event("ASSAULT", (), ("IRQ",)),  # "gunmen killed four villagers": an unnamed attacker
            _event("REJECT", ("IRN",), status="denied"), _event("AID", (), ("IRQ",), status="denied")]
    dropped = [_event("REQUEST", ("IRN",)), _event("AID", ("IRN",)), _event("COERCE", ("IRQ",)),
               _event("REJECT", ("IRN",)), _event("CONCEDE", ("IRQ",)), _event("PROTEST", ("IRN",)),
               _event("ACCUSE", (), ("IRN",)), _event("CONSULT", (), ())]
    assert [has_parties(e) for e in kept] == [True] * len(kept)
    assert [has_parties(e) for e in dropped] == [False] * len(dropped)


def test_the_parties_rule_runs_on_whole_documents_only() -> None:
    events = [_event("REQUEST", ("KEN",)), _event("ACCUSE", (), ("KEN",)), _event("ACCUSE", ("KEN",))]
    long = _state(["A", "."] * 5, [True, False] * 5, [], list(events))
    counterpart.annotate_parties(long)
    assert long.events == events[2:]
    short = _state(["A", "."] * 4, [True, False] * 4, [], list(events))
    counterpart.annotate_parties(short)
    assert short.events == events


def test_a_partless_event_that_merging_joins_to_a_full_one_is_kept() -> None:
    # "is believed to have shipped shells" (no recipient) and "denied receiving any weapons from" (both sides)
    shipped, denied = _event("AID", ("PRK",)), _event("AID", ("PRK",), ("RUS",), status="denied")
    alone = _event("AID", ("IRN",))  # joins nothing: dropped
    state = _state(["A", "."] * 5, [True, False] * 5, [], [shipped, denied, alone])
    counterpart.annotate_parties(state)
    assert state.events == [shipped, denied]


REPORT = """QUITO, August 4 (Andes Bulletin) - Ecuador and Peru traded accusations on Sunday over a new border post on the \
Zarumilla river.
Peru's foreign ministry said the post stood on Peruvian soil and demanded its removal within a week.
Ecuador's defence minister said the post had been built under the 1998 peace accords.
The Ecuadorian army deployed two infantry companies to the area as a precaution.
Peruvian officials said Lima was studying its options.
Trade across the bridge continued normally, local traders said."""


def test_in_a_report_on_two_states_a_deployment_is_directed_at_the_other() -> None:
    found = {(p.type, p.actor, p.recipient) for p in thucydides.extract(REPORT, published="2024-08-04").propositions}
    assert ("MOBILIZE", ("ECU",), ("PER",)) in found
    # the same sentence alone names no one it is directed at
    line = "The Ecuadorian army deployed two infantry companies to the area as a precaution."
    alone = {(p.type, p.actor, p.recipient) for p in thucydides.extract(line, published="2024-08-04").propositions}
    assert ("MOBILIZE", ("ECU",), ()) in alone
