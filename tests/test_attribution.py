"""Attribution (stage 5) on short articles written for these tests: who says so, via which outlet."""

from __future__ import annotations

from typing import Any

import pytest

from docbuild import build, mention
from thucydides.model import Actor, ActorMention, Provenance
from thucydides.nlp.parse import parse
from thucydides.stages.attribution import Source, attribute, find_attributions, is_outlet, quote_regions
from thucydides.stages.status import status_of


def _tok(doc: Any, word: str, nth: int = 0) -> int:
    hits = [t.i for t in doc if t.text == word]
    assert len(hits) > nth, f"{word!r} not in {doc.text!r}"
    return hits[nth]


def _mention(doc: Any, text: str, code: str, nth: int = 0) -> ActorMention:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(text, start + 1)
    prov = Provenance("t", start, start + len(text), "hand", "0")
    return ActorMention(Actor(code, None, text), text, prov)


def _source(text: str, trigger: str, mentions: list[tuple[str, str]] = (), nth: int = 0) -> Source | None:
    doc = parse(text)
    ms = [_mention(doc, t, c) for t, c in mentions]
    return attribute(doc, _tok(doc, trigger, nth), ms)


# --------------------------------------------------------------------------- reporting verbs

def test_said_that_gives_speaker_codes_cue_and_indirect_speech() -> None:
    src = _source("Turkish officials said that Ankara had closed the straits to warships.", "closed",
                  [("Turkish", "TUR"), ("Ankara", "TUR")])
    assert src is not None
    assert (src.speaker, src.cue, src.quote, src.stance, src.by) == (
        "Turkish officials", "said", "indirect", "assert", ("TUR",))
    assert src.anonymous


def test_told_an_outlet_sets_via() -> None:
    src = _source("A Polish diplomat told Reuters that Minsk had expelled two military attaches.", "expelled",
                  [("Polish", "POL")])
    assert src is not None
    assert (src.via, src.by, src.cue) == ("Reuters", ("POL",), "told")


def test_inverted_quote_said_to_outlet() -> None:
    text = "\u201cThe convoy was hit near the border at dawn,\u201d said Kuleba to the BBC on Friday."
    src = _source(text, "hit", [("Kuleba", "UKR")])
    assert src is not None
    assert (src.speaker, src.via, src.quote, src.by) == ("Kuleba", "BBC", "direct", ("UKR",))


def test_statement_to_an_outlet_between_commas() -> None:
    text = ("French officials, in a statement to Le Monde, reported that Serbia was buying drones from "
            "Iran.")
    src = _source(text, "buying", [("French", "FRA")])
    assert src is not None
    assert (src.via, src.by, src.anonymous) == ("Le Monde", ("FRA",), True)


def test_interview_with_outlet_and_wrote_on_telegram() -> None:
    src = _source("Zelensky said in an interview with CNN that Russia had attacked the power grid.",
                  "attacked")
    assert src is not None and src.via == "CNN" and src.speaker == "Zelensky"
    src = _source("The regional governor wrote on Telegram that two missiles struck a power plant.", "struck")
    assert src is not None and src.via == "Telegram" and src.cue == "wrote"


def test_participial_saying_takes_the_subject_of_the_main_clause() -> None:
    text = "Peskov spoke to reporters in Moscow, saying that Russia could seize Kharkiv within days."
    src = _source(text, "seize", [("Peskov", "RUS"), ("Russia", "RUS")])
    assert src is not None and (src.speaker, src.cue, src.by) == ("Peskov", "saying", ("RUS",))
    text = "The Georgian premier rejected the demand, stating that Tbilisi would not join the sanctions."
    src = _source(text, "join")
    assert src is not None and src.speaker == "The Georgian premier" and src.cue == "stating"


def test_the_text_itself_has_no_source() -> None:
    assert _source("Russian troops shelled Kharkiv on Monday.", "shelled") is None
    assert _source("Russian troops shelled Kharkiv on Monday, officials said.", "said") is None


# --------------------------------------------------------------------------- according to, outlets, anonymous

def test_according_to_a_person_and_to_an_outlet() -> None:
    src = _source("Iran delivered more drones to Russia last month, according to US officials.", "delivered",
                  [("US", "USA")])
    assert src is not None
    assert (src.cue, src.speaker, src.by, src.anonymous, src.via) == (
        "according to", "US officials", ("USA",), True, None)
    src = _source("Belarus moved two brigades to the border, according to the BBC.", "moved")
    assert src is not None and (src.via, src.by, src.anonymous) == ("BBC", (), False)


def test_according_to_plan_is_not_a_source() -> None:
    assert _source("The operation is going according to plan, the general said.", "going") is not None
    doc = parse("The withdrawal went according to plan.")
    assert attribute(doc, _tok(doc, "went"), ()) is None
    doc = parse("According to our current legislation, the referendum cannot be held during martial law.")
    assert attribute(doc, _tok(doc, "held"), ()) is None


def test_outlet_reports_set_via_and_no_codes() -> None:
    src = _source("Reuters reported that Iran had shipped artillery shells to Russia.", "shipped",
                  [("Iran", "IRN")])
    assert src is not None and (src.via, src.by) == ("Reuters", ())
    text = ("A similar report published by the Financial Times also states that there were intelligence "
            "reports that point to Serbia asking Hungary for gas.")
    src = _source(text, "asking", [("Serbia", "SRB"), ("Hungary", "HUN")])
    assert src is not None
    assert (src.via, src.by, src.anonymous, src.stance) == ("Financial Times", (), True, "allege")


def test_anonymous_sources() -> None:
    text = "Sources familiar with the matter said Beijing had approved the shipment."
    src = _source(text, "approved")
    assert src is not None and src.anonymous and src.by == ()
    text = ("A senior official, who spoke on condition of anonymity, said that Kyiv had requested "
            "more air defence.")
    src = _source(text, "requested")
    assert src is not None and src.anonymous


# --------------------------------------------------------------------------- stance

def test_denial_and_accusation_cues() -> None:
    src = _source("Beijing dismissed the reports of arms deliveries to Moscow as Western disinformation.",
                  "deliveries")
    assert src is not None and src.stance == "deny" and src.speaker == "Beijing"
    src = _source("Kyiv accused Moscow of shelling the nuclear plant.", "shelling")
    assert src is not None and src.stance == "allege" and src.cue == "accused"
    src = _source("Hungary denied that it had blocked the aid package.", "blocked")
    assert src is not None and src.stance == "deny"


def test_rejecting_an_offer_is_not_a_denial() -> None:
    doc = parse("Kyiv rejected the offer of talks in Minsk.")
    assert attribute(doc, _tok(doc, "talks"), ()) is None


def test_nested_attribution_returns_the_innermost_claim() -> None:
    text = "Peskov said that Kyiv claimed Russian jets had bombed the station."
    src = _source(text, "bombed")
    assert src is not None and src.speaker == "Kyiv" and src.stance == "allege"


# --------------------------------------------------------------------------- quotations

def test_quote_continuation_belongs_to_the_same_speaker() -> None:
    text = ("\u201cWe will defend every inch of allied territory,\u201d Stoltenberg said. "
            "\u201cNobody will be left behind,\u201d he continued.")
    doc = parse(text)
    ms = [_mention(doc, "Stoltenberg", "NATO")]
    first = attribute(doc, _tok(doc, "defend"), ms)
    second = attribute(doc, _tok(doc, "left"), ms)
    assert first is not None and second is not None
    assert second.speaker == "Stoltenberg" and second.by == ("NATO",) and second.quote == "direct"
    assert second.speaker_span == first.speaker_span


def test_straight_quotes_spanning_two_sentences() -> None:
    text = ('"The dam was blown up from the inside. The water rose within minutes," '
            'the mayor of Nova Kakhovka told reporters.')
    doc = parse(text)
    src = attribute(doc, _tok(doc, "blown"), ())
    assert src is not None and src.speaker == "the mayor of Nova Kakhovka" and src.quote == "direct"


def test_quote_followed_by_a_short_cue_sentence() -> None:
    text = ("\u201cTwo schools were hit by rockets overnight.\u201d The governor of Sumy said so on Monday.")
    doc = parse(text)
    src = attribute(doc, _tok(doc, "hit"), ())
    assert src is not None and src.speaker == "The governor of Sumy" and src.quote == "direct"


def test_first_person_inside_a_quote_is_the_quoted_speaker() -> None:
    text = "\u201cWe believe that Minsk knew about the plan,\u201d said Blinken to ABC."
    doc = parse(text)
    src = attribute(doc, _tok(doc, "knew"), [_mention(doc, "Blinken", "USA")])
    assert src is not None and src.speaker == "Blinken" and src.by == ("USA",)


def test_quote_regions_pair_curly_straight_and_reset_at_paragraphs() -> None:
    text = 'He said "one" and \u201ctwo\u201d.\n"open\nnext "three"'
    regions = quote_regions(text)
    assert [text[s:e] for s, e in regions] == ['"one"', "\u201ctwo\u201d", '"three"']


# --------------------------------------------------------------------------- find_attributions

def test_find_attributions_gives_char_spans() -> None:
    text = "The ministry said that the bridge was closed. Traffic resumed later."
    doc = parse(text)
    (att,) = find_attributions(doc)
    assert att.source is not None
    assert text[att.source[0]:att.source[1]] == "The ministry"
    assert text[att.cue[0]:att.cue[1]] == "said"
    assert text[att.content[0]:att.content[1]] == "that the bridge was closed"


def test_find_attributions_keeps_outermost_unless_nested() -> None:
    doc = parse("Peskov said that Kyiv claimed Russian jets had bombed the station.")
    assert len(find_attributions(doc)) == 1
    assert len(find_attributions(doc, nested=True)) == 2


def test_source_span_includes_apposition_but_speaker_does_not() -> None:
    text = "Jens Stoltenberg, the NATO secretary general, said the alliance would send more troops."
    doc = parse(text)
    (att,) = find_attributions(doc)
    assert att.source is not None
    assert text[att.source[0]:att.source[1]] == "Jens Stoltenberg, the NATO secretary general,"
    src = attribute(doc, _tok(doc, "send"), ())
    assert src is not None and src.speaker == "Jens Stoltenberg"


def test_empty_and_sourceless_documents() -> None:
    assert find_attributions(parse(" ")) == []
    assert find_attributions(parse("Tanks crossed the river.")) == []


def test_trigger_out_of_range_raises() -> None:
    doc = parse("Tanks crossed the river.")
    with pytest.raises(IndexError):
        attribute(doc, 99, ())


# --------------------------------------------------------------------------- parser-independent units

def test_hand_built_parse_said_with_complement_and_mention_codes() -> None:
    doc = build([("Tokyo", 1, "nsubj", "PROPN", "Tokyo"), ("said", 1, "ROOT", "VERB", "say"),
                 ("Pyongyang", 3, "nsubj", "PROPN", "Pyongyang"), ("fired", 1, "ccomp", "VERB", "fire"),
                 ("missiles", 3, "dobj", "NOUN", "missile"), (".", 1, "punct", "PUNCT", ".")])
    src = attribute(doc, 3, [mention(doc, 0, 1, "JPN"), mention(doc, 2, 3, "PRK")])
    assert src is not None and (src.by, src.cue_i, src.speaker) == (("JPN",), 1, "Tokyo")
    assert attribute(doc, 1, []) is None


def test_codes_prefer_the_longest_mention_over_the_speaker_head() -> None:
    doc = build([("Chinese", 2, "amod", "ADJ", "chinese"), ("embassy", 2, "compound", "NOUN", "embassy"),
                 ("spokesman", 3, "nsubj", "NOUN", "spokesman"), ("denied", 3, "ROOT", "VERB", "deny"),
                 ("the", 5, "det", "DET", "the"), ("report", 3, "dobj", "NOUN", "report"),
                 (".", 3, "punct", "PUNCT", ".")])
    ms = [mention(doc, 0, 1, "CHN"), mention(doc, 0, 3, "CHN", "DIP"), mention(doc, 2, 3, "XXX")]
    src = attribute(doc, 5, ms)
    assert src is not None and src.by == ("CHN",) and src.stance == "deny"


@pytest.mark.parametrize(("name", "expected"), [
    ("The Washington Post", True), ("the BBC", True), ("Rossiya TV", True), ("The Moscow Times", True),
    ("Al Jazeera", True), ("Jake Sullivan", False), ("a similar report published by the Times", False),
    ("state television", False), ("", False)])
def test_is_outlet(name: str, expected: bool) -> None:
    assert is_outlet(name) is expected


def test_negated_cue_keeps_its_content_in_the_speakers_frame() -> None:
    doc = parse("The minister did not say whether Minsk had sent more troops.")
    src = attribute(doc, _tok(doc, "sent"), ())
    assert src is not None and src.speaker == "The minister"
    assert status_of(doc, _tok(doc, "sent"), src)[0] == "hypothetical"
    src = _source("The minister did not deny that Minsk had sent more troops.", "sent")
    assert src is not None and src.stance == "deny"


def test_said_as_an_adjective_is_not_a_cue() -> None:
    doc = parse("Analysts watched the invasion and the reaction to said campaign closely.")
    assert attribute(doc, _tok(doc, "invasion"), ()) is None


def test_documents_without_a_parse_have_no_attributions() -> None:
    import spacy

    doc = spacy.blank("en")("\u201cWe shot down two drones,\u201d the governor said: Reuters.")
    assert find_attributions(doc) == []
    assert attribute(doc, 2, ()) is None


@pytest.mark.shared
def test_polnear_dev_source_spans_overlap(shared_dir: Any) -> None:
    """A few PolNeAR dev articles: most predicted sources overlap a gold source, and most gold sources
    are found (the full figure comes from ``benchmarks/attribution_eval.py``)."""
    import gzip
    import json

    from thucydides.nlp.parse import parse_many

    with gzip.open(shared_dir / "eval" / "polnear" / "polnear_dev.jsonl.gz", "rt", encoding="utf-8") as fh:
        records = [json.loads(line) for _, line in zip(range(4), fh, strict=False)]
    hits = npred = ngold = 0
    for rec, doc in zip(records, parse_many(r["text"] for r in records), strict=True):
        ann = next(a for a in rec["annotations"] if a["primary"])
        gold = [(p["spans"][0][0], p["spans"][-1][1]) for att in ann["attributions"] for p in att["source"]]
        pred = [a.source for a in find_attributions(doc) if a.source is not None]
        hits += sum(1 for p in pred if any(g[0] < p[1] and p[0] < g[1] for g in gold))
        npred, ngold = npred + len(pred), ngold + len(gold)
    assert ngold > 20
    assert hits / npred > 0.7
    assert hits / ngold > 0.4


def test_state_modifier_decides_for_institutions_and_the_head_for_named_people() -> None:
    text = "North Korea fired a missile on Tuesday, South Korea's Joint Chiefs of Staff said."
    doc = parse(text)
    ms = [_mention(doc, "North Korea", "PRK"), _mention(doc, "South Korea", "KOR"),
          _mention(doc, "Joint Chiefs of Staff", "USA")]
    src = attribute(doc, _tok(doc, "fired"), ms)
    assert src is not None and src.by == ("KOR",)
    text = "Kremlin ally Alexander Lukashenko said that Minsk had closed the border."
    doc = parse(text)
    ms = [_mention(doc, "Kremlin", "RUS"), _mention(doc, "Alexander Lukashenko", "BLR"),
          _mention(doc, "Minsk", "BLR")]
    src = attribute(doc, _tok(doc, "closed"), ms)
    assert src is not None and src.by == ("BLR",)


def test_embedded_cue_without_complement_is_not_the_speaker() -> None:
    text = ("The official did not state what weapons the Kremlin had requested and did not say if "
            "Beijing had responded.")
    doc = parse(text)
    src = attribute(doc, _tok(doc, "requested"), ())
    assert src is None or src.speaker == "The official"


def test_state_media_and_news_agencies_are_channels() -> None:
    src = _source("Russian state media reported that Ukrainian saboteurs had blown up the pipeline.", "blown",
                  [("Russian", "RUS")])
    assert src is not None and (src.via, src.by) == ("Russian state media", ("RUS",))
    src = _source("\u201cThe border stays closed,\u201d Lukashenko told Belarusian state TV.", "closed")
    assert src is not None and src.via == "Belarusian state TV"
    src = _source("Pyongyang said it would launch more satellites, state news agency KCNA reported.", "launch")
    assert src is not None and src.speaker == "Pyongyang" and src.via == "state news agency KCNA"


def test_coordinated_speakers_all_get_codes() -> None:
    text = "Azerbaijan and Armenia accused each other of violating the ceasefire."
    doc = parse(text)
    src = attribute(doc, _tok(doc, "violating"), [_mention(doc, "Azerbaijan", "AZE"),
                                                  _mention(doc, "Armenia", "ARM")])
    assert src is not None and src.by == ("AZE", "ARM")


@pytest.mark.parametrize(("text", "trigger", "via"), [
    ("The governor said in a Telegram post that three drones were shot down.", "shot", "Telegram"),
    ("In an interview with Le Figaro, Macron said Europe would send more shells.", "send", "Le Figaro"),
    ("Scholz said in a joint statement with Germany's partners that Berlin would send tanks.", "send", None),
])
def test_statement_nouns_introduce_outlets_but_not_states(text: str, trigger: str, via: str | None) -> None:
    src = _source(text, trigger)
    assert src is not None and src.via == via
