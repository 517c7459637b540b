"""Stage 9: numeric loss claims, on short articles written for these tests."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from thucydides.model import Actor, ActorMention, Article, LossClaim, Provenance
from thucydides.nlp.parse import parse
from thucydides.pipeline.state import Annotated, EventMention
from thucydides.stages.losses import EXTRACTOR, annotate, extract_loss_claims, parse_number

NAMES = {
    "Russia": "RUS", "Russian": "RUS", "Moscow": "RUS", "Kremlin": "RUS", "Ukraine": "UKR", "Ukrainian": "UKR",
    "Kyiv": "UKR", "Israel": "ISR", "Israeli": "ISR", "Hamas": "PSE", "Gaza": "PSE", "Palestinians": "PSE",
    "Armenian": "ARM", "Azerbaijan": "AZE", "Yemen": "YEM", "Houthi": "YEM", "US": "USA",
}


def mentions_for(text: str, extra: dict[str, str] | None = None) -> list[ActorMention]:
    """Hand-built actor mentions: every occurrence of a name in ``NAMES`` (plus ``extra``)."""
    table = {**NAMES, **(extra or {})}
    found = []
    for name, code in table.items():
        for m in re.finditer(r"\b" + re.escape(name) + r"(?:'s)?\b", text):
            actor = Actor(code, None, name, "group" if code == "PSE" else "state")
            found.append(ActorMention(actor, m.group(0), Provenance("t", m.start(), m.end(), "test", "0")))
    return found


def claims(text: str, published: dt.date | None = dt.date(2022, 3, 17),
           mentions: list[ActorMention] | None = None) -> list[LossClaim]:
    article = Article(text=text, published=published)
    found = extract_loss_claims(article, parse(text), mentions_for(text) if mentions is None else mentions)
    for c in found:
        assert text[c.provenance.start:c.provenance.end] == c.evidence
        assert c.provenance.extractor == EXTRACTOR and c.provenance.document == article.id
    return found


def brief(c: LossClaim) -> tuple[str, int, str, str]:
    return c.side, c.value, c.qualifier, c.unit


@pytest.mark.parametrize(("text", "value"), [
    ("1,262", 1262), ("12", 12), ("1.2 million", 1_200_000), ("two hundred", 200), ("fifteen", 15),
    ("a hundred", 100), ("14 thousand", 14_000), ("twenty-five", 25), ("dozen", 12), ("tanks", None), ("", None),
])
def test_parse_number(text: str, value: int | None) -> None:
    assert parse_number(text) == value


def test_daily_tally_of_a_defence_ministry() -> None:
    text = ("Ukraine's General Staff said on Wednesday that Russia had lost about 16,000 troops, 517 tanks, "
            "1,578 armoured vehicles and 101 aircraft since February 24.")
    found = claims(text)
    assert [brief(c) for c in found] == [
        ("RUS", 16000, "about", "troops"), ("RUS", 517, "exact", "tanks"),
        ("RUS", 1578, "exact", "armoured vehicles"), ("RUS", 101, "exact", "aircraft")]
    for c in found:
        assert (c.status, c.by, c.period, c.period_end) == ("alleged", ("UKR",), "since February 24", "2022-03-16")


def test_kyiv_says_russia_lost_tanks() -> None:
    [c] = claims("Kyiv says Russia has lost more than 500 tanks since the start of the invasion.")
    assert brief(c) == ("RUS", 500, "over", "tanks")
    assert (c.status, c.by, c.period, c.period_end) == ("alleged", ("UKR",), "since the start of the invasion",
                                                        "2022-03-17")
    assert c.evidence == "Russia has lost more than 500 tanks"


def test_drones_shot_down_are_the_other_sides() -> None:
    text = "At least 30 drones were shot down overnight, Ukraine's air force said. Russia launched them from Crimea."
    [c] = claims(text)
    assert brief(c) == ("RUS", 30, "at least", "drones")
    assert (c.status, c.by, c.period) == ("alleged", ("UKR",), "overnight")
    assert c.evidence == "At least 30 drones were shot down"


def test_casualty_figures_in_gaza_and_israel() -> None:
    text = ("The Hamas-run health ministry in Gaza said at least 1,400 people had been killed in Israeli strikes. "
            "Israel says 1,200 people were killed in the attack on October 7.")
    first, second = claims(text, dt.date(2023, 10, 20))
    assert brief(first) == ("PSE", 1400, "at least", "people") and first.by == ("PSE",)
    assert brief(second) == ("ISR", 1200, "exact", "people") and second.by == ("ISR",)
    assert (second.period, second.period_end) == ("October 7", "2023-10-07")


def test_equipment_in_a_headline() -> None:
    text = "Russian navy loses two landing ships in Crimea strike\n\nThe ships were hit at anchor, Kyiv said."
    [c] = claims(text)
    assert brief(c) == ("RUS", 2, "exact", "landing ships") and c.status == "asserted"


def test_categories_and_the_numbers_inside_them() -> None:
    text = ("Armenian forces lost 130 armoured vehicles, including 60 tanks and 40 infantry fighting vehicles, "
            "according to Azerbaijan's defence ministry.")
    found = claims(text, dt.date(2020, 10, 20))
    assert [brief(c) for c in found] == [("ARM", 130, "exact", "armoured vehicles"), ("ARM", 60, "exact", "tanks"),
                                         ("ARM", 40, "exact", "infantry fighting vehicles")]
    assert found[0].categories == ("tanks", "infantry fighting vehicles")
    assert all(c.by == ("AZE",) and c.status == "alleged" for c in found)


def test_categories_after_such_as() -> None:
    text = "Houthi rebels said they had destroyed 14 vehicles, such as armored trucks and mine-resistant carriers."
    [c] = claims(text, dt.date(2021, 5, 2))
    assert (c.value, c.unit, c.categories) == (14, "vehicles", ("armored trucks", "mine-resistant carriers"))
    assert (c.status, c.by) == ("alleged", ("YEM",))


@pytest.mark.parametrize("text", [
    "Uralvagonzavod produces 200 tanks a year.",
    "At the General Assembly, 141 nations voted in favour of the resolution.",
    "China signed a 5,000-word statement with Russia.",
    "Russia lost the 2018 bid.",
    "Washington pledged $2 billion to replace destroyed vehicles.",
    "Russia has lost 30 percent of its tanks.",
    "A 45-year-old soldier was killed 20 km from the front.",
    "Ukraine received 30 tanks to replace those lost in the fighting.",
    "The brigade fielded 40 tanks before the offensive.",
])
def test_numbers_that_are_not_losses(text: str) -> None:
    assert claims(text) == []


def test_status_hypothetical_alleged_denied_asserted() -> None:
    text = ("Russia could lose 1,000 tanks by the summer. Russia reportedly lost 12 helicopters in the past day. "
            "Kremlin spokesman Dmitry Peskov denied that Russia had lost 40 aircraft. "
            "Ukrainian troops destroyed 25 units of Russian equipment and killed about 300 invaders on Tuesday.")
    found = claims(text)
    assert [(c.value, c.status) for c in found] == [
        (1000, "hypothetical"), (12, "alleged"), (40, "denied"), (25, "asserted"), (300, "asserted")]
    assert found[1].period == "in the past day"
    assert found[2].by == ("RUS",)
    assert found[3].unit == "units of Russian equipment"
    assert [c.side for c in found] == ["RUS"] * 5
    assert (found[4].period, found[4].period_end) == ("Tuesday", "2022-03-15")


def test_vague_quantities() -> None:
    text = ("Hundreds of trucks were abandoned near Kyiv. Dozens of soldiers were wounded. Thousands of "
            "civilians have been killed. Tens of thousands of troops died. They lost more than a hundred helicopters "
            "and several thousand units of equipment.")
    found = claims(text)
    assert [(c.value, c.qualifier) for c in found] == [
        (100, "hundreds"), (12, "dozens"), (1000, "thousands"), (10000, "thousands"), (100, "over"),
        (1000, "thousands")]
    assert found[0].unit == "trucks" and found[5].unit == "units of equipment"


def test_pronoun_without_a_mention_falls_back_to_the_recent_subject_of_a_war_context() -> None:
    text = ("Ukraine welcomed the ruling. Russia's offensive stalled in the mud as the war dragged on. "
            "In two weeks of fighting, they lost over 300 tanks and dozens of aircraft.")
    found = claims(text)
    assert [brief(c) for c in found] == [("RUS", 300, "over", "tanks"), ("RUS", 12, "dozens", "aircraft")]
    assert found[0].period == "two weeks"


def test_pronoun_mention_from_the_actor_stage_wins() -> None:
    text = "Russia's offensive stalled in the war. Meanwhile they lost 20 tanks near Izium."
    they = text.index("they")
    ukraine = ActorMention(Actor("UKR"), "they", Provenance("t", they, they + 4, "test", "0"))
    [c] = claims(text, mentions=[*mentions_for(text), ukraine])
    assert c.side == "UKR"


def test_without_publication_date_and_without_mentions() -> None:
    [c] = claims("Ukrainian forces destroyed 12 tanks near Kharkiv.", published=None, mentions=[])
    assert (c.side, c.value, c.period_end, c.by) == ("", 12, None, ())


def stated(text: str, evidence: str, kind: str = "ASSAULT", actor: tuple[str, ...] = (),
           recipient: tuple[str, ...] = ()) -> EventMention:
    """A hand-built settled event mention whose evidence is ``evidence`` (a substring of ``text``)."""
    start = text.index(evidence)
    end = start + len(evidence)
    return EventMention(kind, None, 0, actor, recipient, start, end, (start, end), "test")


def test_annotate_fills_the_state() -> None:
    text = "Hamas fired rockets at Ashkelon. Israel said 20 rockets were intercepted. Nobody was hurt."
    state = Annotated(Article(text=text, published=dt.date(2021, 5, 11)), parse(text), mentions_for(text))
    state.events = [stated(text, "Hamas fired rockets at Ashkelon", actor=("PSE",), recipient=("ISR",))]
    annotate(state)
    assert [(c.value, c.unit, c.by) for c in state.loss_claims] == [(20, "rockets", ("ISR",))]


def in_pipeline(text: str, events: list[EventMention]) -> list[tuple[str, int]]:
    """(side, value) of the loss claims the stage finds when the article's events are known."""
    article = Article(text=text, published=dt.date(2022, 3, 17))
    found = extract_loss_claims(article, parse(text), mentions_for(text), events)
    return [(c.side, c.value) for c in found]


@pytest.mark.parametrize("text", [
    "Twelve people were killed when a bus fell into a ravine.",
    "A fire at a warehouse killed 14 workers on Monday.",
    "Floods have left 30 people dead in the north of the country.",
    "An earthquake destroyed 200 houses and killed 12 villagers.",
])
def test_a_count_in_a_sentence_with_no_event_is_no_loss_claim(text: str) -> None:
    assert in_pipeline(text, []) == []
    assert claims(text, mentions=[])  # the words alone, with no events given, still find the count


@pytest.mark.parametrize(("text", "evidence", "recipient", "expected"), [
    ("Shelling of a market in the city killed two people.", "Shelling of a market in the city",
     ("UKR",), [("UKR", 2)]),
    ("Gunmen stormed a village, killing 17 residents.", "Gunmen stormed a village", ("NGA",), [("NGA", 17)]),
    ("A drone struck a fuel depot. Three workers were injured.", "A drone struck a fuel depot", ("RUS",),
     [("RUS", 3)]),
])
def test_people_killed_in_an_attack_are_its_recipients(text: str, evidence: str, recipient: tuple[str, ...],
                                                        expected: list[tuple[str, int]]) -> None:
    assert in_pipeline(text, [stated(text, evidence, recipient=recipient)]) == expected


def test_the_words_come_before_the_attacks_recipient() -> None:
    text = "Russian shelling killed five Ukrainian soldiers and two Israeli volunteers."
    found = in_pipeline(text, [stated(text, text[:-1], actor=("RUS",), recipient=("UKR",))])
    assert found == [("UKR", 5), ("ISR", 2)]


def test_an_event_in_another_paragraph_does_not_make_a_count_political() -> None:
    text = "Rebels attacked an army post.\n\nTwelve people died in a road accident."
    assert in_pipeline(text, [stated(text, "Rebels attacked an army post", recipient=("MLI",))]) == []


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("A French soldier is killed in a mortar attack.", 1, "killed"),
    ("Ukrainian forces shoot down a Russian helicopter near Izium.", 1, "shoot down"),
    ("An Israeli policeman was stabbed and wounded.", 1, "wounded"),
    ("Air defence destroyed another drone over the port.", 1, "drone"),
])
def test_a_singular_noun_counts_one(text: str, value: int, unit: str) -> None:
    found = claims(text)
    assert [c.value for c in found] == [value]


@pytest.mark.parametrize("text", [
    "A hundred soldiers were killed.",
    "A number of tanks were destroyed.",
    "The ministry announced a new law on soldiers.",
])
def test_a_determiner_that_counts_no_single_loss(text: str) -> None:
    assert [c.value for c in claims(text)] in ([100], [])
    assert 1 not in [c.value for c in claims(text)]


@pytest.mark.parametrize(("text", "values"), [
    ("Two bombs exploded at a market, killing five people and injuring 25 more.", [5, 25]),
    ("One person is killed and 14 others injured after police fire at protesters.", [1, 14]),
    ("An airstrike kills eight people and injures twelve others in the town.", [8, 12]),
    ("Clashes between the two militias leave 23 people dead.", [23]),
    ("The soldiers were shot dead, and 4 residents were left wounded.", [4]),
])
def test_second_counts_and_left_dead(text: str, values: list[int]) -> None:
    assert [c.value for c in claims(text, mentions=[])] == values


def test_seed_article_with_the_actor_stage(shared_dir: Path) -> None:
    from thucydides.stages import actors

    gold = json.loads((shared_dir / "eval" / "seed.gold.jsonl").read_text(encoding="utf-8").splitlines()[0])
    text = (shared_dir / "corpus" / "seed" / "000_c6385ec3c383c15e.txt").read_text(encoding="utf-8")
    state = Annotated(Article(text=text, published=dt.date.fromisoformat(gold["published"])), parse(text))
    actors.annotate(state)  # the actor stage supplies the mentions, as in the pipeline
    annotate(state)
    got = {(c.side, c.value): c for c in state.loss_claims}
    for expected in gold["loss_claims"]:
        c = got[(expected["side"], expected["value"])]
        assert (c.qualifier, c.unit, list(c.categories)) == (expected["qualifier"], expected["unit"],
                                                             expected["categories"])
        assert (c.period, c.period_end, c.status, list(c.by)) == (expected["period"], expected["period_end"],
                                                                  expected["status"], expected["by"])
        assert c.evidence == expected["evidence"]
    assert all(c.value not in (141, 5000) for c in state.loss_claims)


def test_ranges_take_the_lower_end() -> None:
    text = "Gunmen killed between 26 and 32 civilians in Niger. Officials said 13,000 to 14,000 people had died."
    found = claims(text)
    assert [(c.value, c.qualifier, c.unit) for c in found] == [(26, "at least", "civilians"),
                                                              (13000, "at least", "people")]
    assert found[0].period is None  # "Niger" is no period, even when spaCy tags it DATE


def test_the_agent_of_a_loss_is_not_a_loss() -> None:
    assert claims("The bombers were intercepted by two Hungarian Gripen jets.") == []
    assert claims("Two Russian drones destroyed three houses in Odesa.") == []


def test_an_international_organisation_reporting_deaths_is_not_their_side() -> None:
    text = "More than 300,000 people have been killed in Syria since the start of the civil war, the UN said."
    [c] = claims(text, dt.date(2022, 6, 28), mentions=mentions_for(text) + [
        ActorMention(Actor("UN", None, "United Nations", "igo"), "UN",
                     Provenance("t", text.index("UN"), text.index("UN") + 2, "test", "0"))])
    assert (c.side, c.value, c.qualifier, c.by) == ("", 300000, "over", ("UN",))
    assert c.period == "since the start of the civil war"


def test_a_ministry_tally_written_as_a_list() -> None:
    text = ("Ukraine's General Staff said Russia's total combat losses from 24.02 to 21.03 were approximately: "
            "personnel – about 15,000, tanks – 498, armoured combat vehicles – 1,535, MLRS - 80, aircraft – 97 (+1), "
            "helicopters – 121.")
    found = claims(text, dt.date(2022, 3, 22))
    assert [(c.unit, c.value, c.qualifier) for c in found] == [
        ("personnel", 15000, "about"), ("tanks", 498, "about"), ("armoured combat vehicles", 1535, "about"),
        ("MLRS", 80, "about"), ("aircraft", 97, "about"), ("helicopters", 121, "about")]
    for c in found:
        assert (c.side, c.status, c.by) == ("RUS", "alleged", ("UKR",))
        assert (c.period, c.period_end) == ("from 24.02 to 21.03", "2022-03-21")
    assert found[1].evidence == "tanks – 498"


def test_a_tally_dated_as_of_and_lists_that_are_not_losses() -> None:
    [first, *_] = claims("Russia's losses as of 20.03.2022 are: tanks: 476, aircraft: 96, drones: 24, Kyiv said.")
    assert (first.side, first.value, first.period_end, first.by) == ("RUS", 476, "2022-03-20", ("UKR",))
    assert claims("Replacing lost equipment is costly: tanks – 3 million, trucks – 40,000 each, drones - 20 percent "
                  "more.") == []


def test_numbers_written_in_words_with_a_hyphen_are_not_ranges() -> None:
    text = "Twenty-two people were killed in the blast. Another 13-14 soldiers were wounded."
    assert [(c.value, c.qualifier) for c in claims(text)] == [(22, "exact"), (13, "at least")]


def test_news_outlets_are_via_not_claimants_nor_sides() -> None:
    text = "US officials told CNN that Russia had lost about 2,000 armoured vehicles."
    cnn = ActorMention(Actor("USA", "MED", "CNN", "org"), "CNN",
                       Provenance("t", text.index("CNN"), text.index("CNN") + 3, "test", "0"))
    [c] = claims(text, mentions=[*mentions_for(text), cnn])
    assert (c.side, c.value, c.qualifier, c.status, c.by, c.via) == ("RUS", 2000, "about", "alleged", ("USA",), "CNN")


def test_the_enemy_of_the_claimant() -> None:
    text = ("Ukraine's General Staff said the enemy had lost 300 tanks and about 1,000 invaders had been killed. "
            "Russia did not comment.")
    assert [(c.side, c.value, c.by) for c in claims(text)] == [("RUS", 300, ("UKR",)), ("RUS", 1000, ("UKR",))]


def test_a_whole_is_not_a_loss() -> None:
    text = ("Russia lost 3 of its 10 landing ships in the Black Sea. "
            "The fighting killed 40 soldiers from a brigade of 2,000 troops. "
            "Ukrainian gunners destroyed a convoy of 56 Russian tanks.")
    assert [(c.value, c.unit) for c in claims(text)] == [(3, "landing ships"), (40, "soldiers"), (56, "tanks")]


def test_an_outlet_that_is_not_the_source_is_not_via() -> None:
    text = "At least ten civilians were injured and a Radio Liberty journalist was killed."
    rl = ActorMention(Actor("USA", "MED", "Radio Liberty", "org"), "Radio Liberty",
                      Provenance("t", text.index("Radio"), text.index("Radio") + 13, "test", "0"))
    found = claims(text, mentions=[rl])
    assert [(c.value, c.status, c.via) for c in found] == [(10, "asserted", None), (1, "asserted", None)]


def test_a_month_or_a_year_ends_the_period_on_its_last_day() -> None:
    text = "In February, Russia lost 120 aircraft. Russia lost 2,000 tanks in 2021. Russia lost 30 jets this month."
    assert [(c.period, c.period_end) for c in claims(text)] == [
        ("February", "2022-02-28"), ("2021", "2021-12-31"), ("this month", "2022-03-17")]


def test_tally_items_and_periods_directly() -> None:
    from thucydides.stages.losses.tally import tally_items, tally_period

    body = "Losses: tanks - 12 (+2), fuel tanks – 7, radars – 3.5, artillery systems: 40"
    items = tally_items(body, 100, "exact")
    assert [(i.unit, i.value) for i in items] == [("tanks", 12), ("fuel tanks", 7), ("artillery systems", 40)]
    assert body[items[0].start - 100:items[0].end - 100] == "tanks - 12"
    assert tally_items("tanks - 12 and nothing else", 0, "exact") == []  # one item is no list
    pub = dt.date(2024, 3, 2)
    assert tally_period("from 24.02 to 01.03 the enemy lost", pub) == ("from 24.02 to 01.03", "2024-03-01")
    assert tally_period("as of 29.02.24", pub) == (None, "2024-02-29")
    assert tally_period("from 24.02 to 31.02", pub) == ("from 24.02 to 31.02", None)
    assert tally_period("from 24.02 to 10.03", None) == ("from 24.02 to 10.03", None)
    assert tally_period("no dates here", pub) is None


def test_hedges_conditions_and_futures() -> None:
    text = ("Russia is believed to have lost 50 jets. If Russia loses 1,000 more tanks, its offensive will stall. "
            "Russia would lose 300 aircraft in a war with NATO. Russia will lose 100 soldiers a day.")
    found = claims(text)
    assert [(c.value, c.unit, c.status) for c in found] == [
        (50, "jets", "alleged"), (1000, "tanks", "hypothetical"), (300, "aircraft", "hypothetical"),
        (100, "soldiers", "hypothetical")]


SUDAN = """Sudan's army says RSF lost 45 vehicles in Omdurman

KHARTOUM, June 12 (Newswire) - Sudan's army said on Sunday that it had destroyed 45 combat vehicles of the Rapid \
Support Forces and killed more than 200 fighters in two days of clashes around Omdurman.

The RSF denied the figures and said its units had shot down a Sudanese army drone. Aid groups said at least 18 \
civilians had been killed since Friday.

Sudan's economy shrank by 12 percent last year, and the army produces about 50 armoured trucks a year at a plant \
near Port Sudan. The conflict began on 15 April 2023."""


def test_an_article_with_the_actor_stage() -> None:
    from thucydides.stages import actors

    state = Annotated(Article(text=SUDAN, published=dt.date(2023, 6, 12)), parse(SUDAN))
    actors.annotate(state)
    state.events = [stated(SUDAN, "destroyed 45 combat vehicles", actor=("SDN",)),
                          stated(SUDAN, "shot down a Sudanese army drone", recipient=("SDN",))]
    annotate(state)
    found = state.loss_claims
    assert [(c.value, c.qualifier, c.unit, c.status) for c in found] == [
        (45, "exact", "vehicles", "alleged"), (45, "exact", "vehicles", "alleged"),
        (200, "over", "fighters", "alleged"), (1, "exact", "drone", "alleged"),
        (18, "at least", "civilians", "alleged")]
    assert found[0].evidence == "RSF lost 45 vehicles"
    assert [c.period for c in found[1:]] == ["two days", "two days", None, "since Friday"]
    assert [c.period_end for c in found] == ["2023-06-12", "2023-06-11", "2023-06-11", "2023-06-12", "2023-06-12"]
    assert found[3].side == "SDN"
    assert all(SUDAN[c.provenance.start:c.provenance.end] == c.evidence for c in found)
    state.events = []  # no event stated anywhere: the people counts go, the named side's vehicles stay
    annotate(state)
    assert [c.value for c in state.loss_claims] == [45, 45, 1]


def test_a_figure_given_as_a_possibility_is_hypothetical() -> None:
    text = ("Trucks are being sent to replace what may be hundreds of trucks lost in ambushes. "
            "Russia may have lost 40 aircraft.")
    assert [(c.value, c.qualifier, c.status) for c in claims(text)] == [(100, "hundreds", "hypothetical"),
                                                                       (40, "exact", "alleged")]


def test_russian_ministry_style_claims() -> None:
    text = ("Russia's defence ministry said that 1,467 tanks and other armoured combat vehicles of the Ukrainian "
            "armed forces had been destroyed since the beginning of the special military operation. "
            "Air defence systems shot down 12 Ukrainian drones over the past day, the ministry added. "
            "Moscow said its forces had eliminated up to 300 nationalists near Mariupol.")
    found = claims(text, dt.date(2022, 3, 21))
    assert [(c.side, c.value, c.qualifier, c.unit) for c in found] == [
        ("UKR", 1467, "exact", "tanks and other armoured combat vehicles"), ("UKR", 12, "exact", "drones"),
        ("UKR", 300, "up to", "nationalists")]
    assert found[0].period == "since the beginning of the special military operation"
    assert (found[0].status, found[0].by) == ("alleged", ("RUS",))
    assert found[1].evidence == "shot down 12 Ukrainian drones"


def test_a_hedge_elsewhere_in_the_sentence_does_not_hedge_the_loss() -> None:
    text = ("Six men were killed by suspected militants near the border. "
            "Russia reportedly lost 12 helicopters. Russia suffered an estimated 5,000 casualties.")
    assert [(c.value, c.status) for c in claims(text)] == [(6, "asserted"), (12, "alleged"), (5000, "alleged")]
