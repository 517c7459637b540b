"""Event detection, typing and roles on hand-built parses (no model involved)."""

from __future__ import annotations

import pytest

from docbuild import build, mention
from thucydides.stages.attribution.events import attribute_events
from thucydides.stages.events.detect import candidate_events
from thucydides.stages.merge import merge_events
from thucydides.stages.status.settle import settle_events


def detect_events(doc, mentions):
    """The event, attribution and status stages on a hand-built parse."""
    events = candidate_events(doc, mentions)
    attribute_events(doc, events, mentions)
    return settle_events(doc, events, mentions)


def _one(doc, mentions):
    events = detect_events(doc, mentions)
    assert len(events) == 1, [(e.type, e.actor, e.recipient) for e in events]
    return events[0]


def test_request_with_object_recipient_and_aid_mode():
    doc = build([("Iran", 1, "nsubj", "PROPN", "Iran"), ("asked", 1, "ROOT", "VERB", "ask"),
                 ("Russia", 1, "dobj", "PROPN", "Russia"), ("for", 1, "prep", "ADP", "for"),
                 ("drones", 3, "pobj", "NOUN", "drone"), (".", 1, "punct", "PUNCT", ".")])
    ev = _one(doc, [mention(doc, 0, 1, "IRN"), mention(doc, 2, 3, "RUS")])
    assert (ev.type, ev.mode, ev.actor, ev.recipient) == ("REQUEST", "assist", ("IRN",), ("RUS",))


def test_passive_with_agent_takes_agent_as_actor_and_subject_as_recipient():
    doc = build([("Kharkiv", 2, "nsubjpass", "PROPN", "Kharkiv"), ("was", 2, "auxpass", "AUX", "be"),
                 ("shelled", 2, "ROOT", "VERB", "shell"), ("by", 2, "agent", "ADP", "by"),
                 ("Russian", 5, "amod", "ADJ", "russian"), ("artillery", 3, "pobj", "NOUN", "artillery"),
                 (".", 2, "punct", "PUNCT", ".")], tags={2: "VBN"})
    ev = _one(doc, [mention(doc, 0, 1, "UKR"), mention(doc, 4, 6, "RUS", "MIL")])
    assert (ev.type, ev.mode, ev.actor, ev.recipient) == ("ASSAULT", "heavy-weapons", ("RUS",), ("UKR",))


def test_coordinated_subjects_meet_reciprocally_with_location():
    doc = build([("Erdogan", 3, "nsubj", "PROPN", "Erdogan"), ("and", 0, "cc", "CCONJ", "and"),
                 ("Putin", 0, "conj", "PROPN", "Putin"), ("met", 3, "ROOT", "VERB", "meet"),
                 ("in", 3, "prep", "ADP", "in"), ("Sochi", 4, "pobj", "PROPN", "Sochi"),
                 (".", 3, "punct", "PUNCT", ".")], ents=[(5, 6, "GPE")])
    ev = _one(doc, [mention(doc, 0, 1, "TUR", "GOV", "person"), mention(doc, 2, 3, "RUS", "GOV", "person")])
    assert (ev.type, set(ev.actor), ev.recipient, ev.location) == ("CONSULT", {"TUR", "RUS"}, (), "Sochi")


def test_met_with_partner_is_reciprocal():
    doc = build([("Blinken", 1, "nsubj", "PROPN", "Blinken"), ("met", 1, "ROOT", "VERB", "meet"),
                 ("with", 1, "prep", "ADP", "with"), ("Kuleba", 2, "pobj", "PROPN", "Kuleba"),
                 (".", 1, "punct", "PUNCT", ".")])
    ev = _one(doc, [mention(doc, 0, 1, "USA", "DIP", "person"), mention(doc, 3, 4, "UKR", "DIP", "person")])
    assert (ev.type, ev.actor, ev.recipient) == ("CONSULT", ("USA", "UKR"), ())


def test_verb_with_object_frame_imposes_sanctions():
    doc = build([("Canada", 1, "nsubj", "PROPN", "Canada"), ("imposed", 1, "ROOT", "VERB", "impose"),
                 ("sanctions", 1, "dobj", "NOUN", "sanction"), ("on", 2, "prep", "ADP", "on"),
                 ("Belarus", 3, "pobj", "PROPN", "Belarus"), (".", 1, "punct", "PUNCT", ".")])
    ev = _one(doc, [mention(doc, 0, 1, "CAN"), mention(doc, 4, 5, "BLR")])
    assert (ev.type, ev.mode, ev.actor, ev.recipient) == ("SANCTION", "discontinue", ("CAN",), ("BLR",))


def test_demand_absorbs_the_demanded_withdrawal():
    doc = build([("Poland", 1, "nsubj", "PROPN", "Poland"), ("urged", 1, "ROOT", "VERB", "urge"),
                 ("Belarus", 1, "dobj", "PROPN", "Belarus"), ("to", 4, "aux", "PART", "to"),
                 ("withdraw", 1, "xcomp", "VERB", "withdraw"), ("its", 6, "poss", "PRON", "its"),
                 ("troops", 4, "dobj", "NOUN", "troop"), (".", 1, "punct", "PUNCT", ".")])
    ev = _one(doc, [mention(doc, 0, 1, "POL"), mention(doc, 2, 3, "BLR"), mention(doc, 5, 6, "BLR")])
    assert (ev.type, ev.mode, ev.actor, ev.recipient) == ("REQUEST", "yield", ("POL",), ("BLR",))


def test_future_cooperation_is_coded_agree():
    doc = build([("India", 2, "nsubj", "PROPN", "India"), ("will", 2, "aux", "AUX", "will"),
                 ("send", 2, "ROOT", "VERB", "send"), ("aid", 2, "dobj", "NOUN", "aid"),
                 ("to", 2, "prep", "ADP", "to"), ("Nepal", 4, "pobj", "PROPN", "Nepal"),
                 (".", 2, "punct", "PUNCT", ".")])
    ev = _one(doc, [mention(doc, 0, 1, "IND"), mention(doc, 5, 6, "NPL")])
    assert (ev.type, ev.actor, ev.recipient, ev.status) == ("AGREE", ("IND",), ("NPL",), "asserted")


def test_sentence_without_any_actor_yields_no_event():
    doc = build([("Fighting", 1, "nsubj", "NOUN", "fighting"), ("continued", 1, "ROOT", "VERB", "continue"),
                 (".", 1, "punct", "PUNCT", ".")])
    assert detect_events(doc, []) == []


def test_merge_joins_recipient_only_denial_with_directed_request():
    doc = build([("Syria", 1, "nsubj", "PROPN", "Syria"), ("asked", 1, "ROOT", "VERB", "ask"),
                 ("Iran", 1, "dobj", "PROPN", "Iran"), ("for", 1, "prep", "ADP", "for"),
                 ("fuel", 3, "pobj", "NOUN", "fuel"), (".", 1, "punct", "PUNCT", ".")])
    first = _one(doc, [mention(doc, 0, 1, "SYR"), mention(doc, 2, 3, "IRN")])
    second = _one(doc, [mention(doc, 2, 3, "IRN")])
    second.actor, second.recipient, second.status = (), ("IRN",), "denied"
    groups = merge_events([first, second])
    assert len(groups) == 1 and {e.status for e in groups[0]} == {first.status, "denied"}


def _event(actor: tuple[str, ...], recipient: tuple[str, ...], event_type: str = "COERCE"):
    from thucydides.pipeline.state import EventMention

    return EventMention(event_type, None, 0, actor, recipient, 0, 10, (0, 10), "test")


def test_state_acting_on_its_own_people_keeps_itself_as_recipient():
    # CODING.md §3: "a parliament passed a law banning opposition parties" -> COERCE X -> X.
    from thucydides.stages.merge import to_proposition

    for code in ("SDN", "BLR", "IRN"):
        [group] = merge_events([_event((code,), (code,))])
        prop = to_proposition(group, "x" * 10, "doc")
        assert prop.actor == (code,) and prop.recipient == (code,)


def test_merged_recipients_are_the_union_of_the_mentions():
    from thucydides.stages.merge import to_proposition

    [group] = merge_events([_event(("RUS",), ("UKR",), "ASSAULT"), _event(("RUS",), ("UKR", "RUS"), "ASSAULT")])
    assert to_proposition(group, "x" * 10, "doc").recipient == ("UKR", "RUS")


@pytest.mark.parametrize(("events", "actor", "recipient"), [
    # "Russian troops fired at the plant" + "attacks against our forces" (the release's "our" read as acting)
    ([(("RUS",), ("UKR",)), (("RUS", "UKR"), ())], ("RUS",), ("UKR",)),
    ([(("ISR", "PSE"), ("PSE",))], ("ISR",), ("PSE",)),
    # a meeting of two sides keeps both; a single actor that is its own recipient stays
    ([(("ARM", "AZE"), ())], ("ARM", "AZE"), ()),
    ([(("IRN",), ("IRN",))], ("IRN",), ("IRN",)),
    # every actor also a recipient: nothing is left to drop to, so the roles stay as stated
    ([(("IND", "PAK"), ("IND", "PAK"))], ("IND", "PAK"), ("IND", "PAK")),
])
def test_an_actor_that_is_also_the_recipient_of_the_others_act_is_only_the_recipient(
        events: list[tuple[tuple[str, ...], tuple[str, ...]]], actor: tuple[str, ...],
        recipient: tuple[str, ...]) -> None:
    from thucydides.stages.merge import to_proposition

    [group] = merge_events([_event(a, r, "ASSAULT") for a, r in events])
    prop = to_proposition(group, "x" * 10, "doc")
    assert (prop.actor, prop.recipient) == (actor, recipient)


def test_an_inferred_publication_date_yields_to_a_stated_one_and_keeps_nothing_apart():
    from dataclasses import replace

    from thucydides.stages.merge import PUBLISHED, to_proposition

    for stated in ("2022-03-04", "2023-11-30"):
        inferred = replace(_event(("IRN",), ("ISR",), "ASSAULT"), date="2022-03-07", date_precision=PUBLISHED)
        told = replace(_event(("IRN",), ("ISR",), "ASSAULT"), date=stated, date_precision="day")
        [group] = merge_events([inferred, told])
        prop = to_proposition(group, "x" * 10, "doc")
        assert (prop.date, prop.date_precision) == (stated, "day")
    apart = [replace(_event(("IRN",), ("ISR",), "ASSAULT"), date=d, date_precision="day")
             for d in ("2022-03-04", "2022-03-05")]
    assert len(merge_events(apart)) == 2


@pytest.mark.parametrize(("places", "groups"), [
    (("Sumy", "Kharkiv"), 2),          # two strikes of one dyad, each with its place: two propositions
    (("Kidal", "Gao", "Kidal"), 2),    # the third mention joins the first
    (("Sumy", "sumy"), 1),             # the same place, however written
    (("Sumy", None), 1),               # a mention that does not say where stays with the one that does
    ((None, None), 1),
])
def test_two_stated_places_are_two_events(places: tuple[str | None, ...], groups: int) -> None:
    from dataclasses import replace

    from thucydides.stages.merge import to_proposition

    found = merge_events([replace(_event(("RUS",), ("UKR",), "ASSAULT"), location=p) for p in places])
    assert len(found) == groups
    located = [to_proposition(g, "x" * 10, "doc").location for g in found]
    assert {p.casefold() for p in located if p} == {p.casefold() for p in places if p}


@pytest.mark.parametrize(("status", "by", "actor", "sentence", "expected"), [
    # CODING.md §5: the claimant is not the actor -> the claim is an allegation
    ("asserted", ("PSE",), ("ISR",), "Israeli forces arrested a journalist, the syndicate said.", "alleged"),
    ("asserted", ("DZA",), ("MAR",), "Moroccan troops killed three shepherds, Algiers said.", "alleged"),
    # an actor stating its own act, or the text's own voice, stays asserted
    ("asserted", ("RUS",), ("RUS",), "The ministry said it had expelled three diplomats.", "asserted"),
    ("asserted", (), ("RUS",), "Russia expelled three diplomats.", "asserted"),
    # a verb that vouches for what it reports keeps the assertion
    ("asserted", ("IAEA",), ("RUS",), "The IAEA confirms that Russian forces handed the plant back.", "asserted"),
    ("asserted", ("USA",), ("RUS",), "Washington acknowledged that its envoy had been expelled.", "asserted"),
    # other statuses are left alone
    ("denied", ("UKR",), ("RUS",), "Kyiv said no such strike took place.", "denied"),
    ("hypothetical", ("USA",), ("CHN",), "Officials said Beijing may impose limits.", "hypothetical"),
])
def test_an_assertion_by_someone_other_than_the_actor_is_an_allegation(
        status: str, by: tuple[str, ...], actor: tuple[str, ...], sentence: str, expected: str) -> None:
    from thucydides.stages.merge import voiced

    assert voiced(status, by, actor, sentence) == expected


def test_merged_claims_are_voiced_against_the_propositions_final_actors() -> None:
    from dataclasses import replace

    from thucydides.stages.merge import to_proposition

    text = "Israeli forces arrested a journalist, the syndicate said."
    # the model read PSE as an actor too; merging keeps ISR alone (PSE is the recipient), so PSE only alleges it
    ev = replace(_event(("ISR", "PSE"), ("PSE",)), by=("PSE",), status="asserted", end=len(text),
                 sentence=(0, len(text)))
    prop = to_proposition([ev], text, "doc")
    assert prop.actor == ("ISR",) and [c.status for c in prop.claims] == ["alleged"]
