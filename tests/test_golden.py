"""Golden tests: the rules pipeline (``extractor="rules"``) on articles the team wrote
(tests/golden/team.gold.jsonl), scored as eval/FORMAT.md describes, plus the specific behaviours each article was
written to exercise. The rules were developed on these articles, so they test the rules, not the default learned
extractor (whose figures are measured on the train corpus's dev split: ``thucydides eval``)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

import thucydides
from thucydides.evaluation.scoring import score_documents

GOLD = Path(__file__).parent / "golden" / "team.gold.jsonl"


@lru_cache(maxsize=1)
def _gold() -> list[dict[str, Any]]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


@lru_cache(maxsize=1)
def _predicted() -> dict[str, dict[str, Any]]:
    return {g["id"]: thucydides.extract(g["text"], published=g["published"], outlet=g["outlet"], id=g["id"],
                                       extractor="rules").to_dict()
            for g in _gold()}


def _find(doc_id: str, type_: str, actor: str, recipient: str | None = None) -> dict[str, Any]:
    for p in _predicted()[doc_id]["propositions"]:
        if p["type"] == type_ and actor in p["actor"] and (recipient is None or recipient in p["recipient"]):
            return p
    raise AssertionError(f"no {type_} {actor}->{recipient} in {doc_id}")


def _claims(p: dict[str, Any]) -> set[tuple[str, tuple[str, ...], str | None]]:
    return {(c["status"], tuple(c["by"]), c["via"]) for c in p["claims"]}


def test_scores_on_team_articles() -> None:
    scores = {s.name: s.figures for s in score_documents(_gold(), [_predicted()[g["id"]] for g in _gold()])}
    assert scores["propositions"]["f1"] >= 0.80, scores["propositions"]
    assert scores["claims"]["f1"] >= 0.70, scores["claims"]
    assert scores["verdict"]["accuracy"] >= 0.80
    assert scores["date"]["accuracy"] >= 0.75


def test_reported_request_denied_by_its_actor_is_disputed() -> None:
    p = _find("2023-10-02_caspian_herald", "REQUEST", "AZE", "TUR")
    assert p["verdict"] == "disputed"
    claims = _claims(p)
    assert ("alleged", ("TUR",), None) in claims  # "reportedly ..., according to Turkish officials"
    assert ("denied", ("AZE",), "Reuters") in claims  # "in a statement to Reuters, said ... had never requested"
    assert any(c[0] == "denied" and c[1] == ("TUR",) for c in claims)  # "dismissed the reports ... as propaganda"


def test_dismissal_as_propaganda_accuses_its_source() -> None:
    p = _find("2023-10-02_caspian_herald", "ACCUSE", "TUR", "ARM")
    assert p["verdict"] == "asserted"


def test_relative_dates_resolve_against_publication() -> None:
    assert _find("2023-10-02_caspian_herald", "ACCUSE", "ARM", "AZE")["date"] == "2023-10-01"  # on Sunday
    assert _find("2023-10-02_caspian_herald", "CONSULT", "ARM")["date"] == "2023-09-26"  # last Tuesday
    assert _find("2024-04-16_gulf_monitor", "ASSAULT", "IRN", "ISR")["date"] == "2024-04-13"  # Saturday night


def test_quote_continuation_keeps_the_speaker() -> None:
    p = _find("2023-10-02_caspian_herald", "THREATEN", "ARM")  # "...," he continued.
    assert p["verdict"] == "asserted"


@pytest.mark.parametrize(("doc_id", "type_", "actor", "recipient", "status", "by", "via"), [
    ("2024-04-16_gulf_monitor", "ASSAULT", "IRN", "ISR", "alleged", ("ISR",), None),  # "..., the Israeli military said"
    ("2024-04-16_gulf_monitor", "THREATEN", "GBR", "IRN", "asserted", (), None),  # said London would impose
    ("2022-08-04_strait_review", "REJECT", "CHN", "JPN", "asserted", (), None),
])
def test_status_and_attribution_forms(doc_id: str, type_: str, actor: str, recipient: str | None, status: str,
                                      by: tuple[str, ...], via: str | None) -> None:
    assert (status, by, via) in _claims(_find(doc_id, type_, actor, recipient))


def test_an_alleged_request_with_no_recipient_is_kept_in_a_line_and_dropped_in_a_document() -> None:
    # "allegedly" and "X reported" make an allegation through the newspaper. In the whole article the request
    # names no one it is addressed to, and events.document_parties.v1 drops a one-actor request with no recipient
    # in a document (docs/extractor.md: a reading that missed its recipient, on the training documents).
    line = "Some Israeli officials allegedly pressed for an immediate retaliation, The New York Times reported."
    [p] = [p.to_dict() for p in thucydides.extract(line, extractor="rules").propositions if p.type == "REQUEST"]
    assert p["actor"] == ["ISR"] and ("alleged", (), "The New York Times") in _claims(p)
    assert not [p for p in _predicted()["2024-04-16_gulf_monitor"]["propositions"]
                if p["type"] == "REQUEST" and p["actor"] == ["ISR"] and not p["recipient"]]


def test_condemning_an_attack_targets_the_attacker() -> None:
    assert _find("2024-04-16_gulf_monitor", "ACCUSE", "USA")["recipient"] == ["IRN"]


def test_every_claim_carries_verbatim_evidence_and_provenance() -> None:
    for gold in _gold():
        pred = _predicted()[gold["id"]]
        for p in pred["propositions"]:
            assert p["cameo"] and p["plover_score"] is not None
            for c in p["claims"]:
                assert pred["text"][c["start"]:c["end"]] == c["evidence"]
                assert c["extractor"].startswith(("rules.", "model.")) and c["version"] == thucydides.__version__


def test_alleged_transfer_denied_by_its_receiver_is_disputed() -> None:
    p = _find("2025-06-11_peninsula_daily", "AID", "PRK", "RUS")  # "believed to have shipped" / "denied receiving"
    assert p["verdict"] == "disputed"
    assert ("denied", ("RUS",), None) in _claims(p)
    assert any(c[0] == "alleged" and c[1] == ("KOR",) for c in _claims(p))


def test_counterpart_meeting_is_reciprocal_and_dated() -> None:
    p = _find("2025-06-11_peninsula_daily", "CONSULT", "CHN")
    assert set(p["actor"]) == {"CHN", "KOR"} and p["date"] == "2025-06-03" and p["location"] == "Beijing"
