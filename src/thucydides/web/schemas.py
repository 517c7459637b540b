"""Response schemas of the REST API (for the OpenAPI document at ``/docs`` and the contract tests)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

__all__ = ["ActorPage", "CheckPage", "ClaimOut", "DocumentOut", "DocumentPage", "DyadSeries", "ErrorOut",
           "FacetsOut", "IngestOut", "LedgerTotalsOut", "LossClaimPage", "MapPoints", "PropositionOut",
           "PropositionPage", "SearchPage", "StoryOut", "StoryPage"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="allow")


class ErrorDetail(_Model):
    code: str
    message: str


class ErrorOut(_Model):
    error: ErrorDetail


class _Page(_Model):
    page: int
    per_page: int
    total: int
    next: str | None
    prev: str | None


class ClaimOut(_Model):
    status: str
    by: list[str]
    via: str | None
    speaker: str | None = None
    evidence: str
    start: int | None
    end: int | None


class PropositionOut(_Model):
    doc_id: str
    idx: int
    id: str | None
    event_date: str | None
    type: str
    actor: list[str]
    recipient: list[str]
    verdict: str | None
    cameo: str | None
    plover_score: float | None
    quad_class: int | None
    location: str | None
    statuses: list[str] | None
    outlet: str | None
    story: str | None
    story_verdict: str | None
    claims: list[ClaimOut]


class PropositionPage(_Page):
    items: list[PropositionOut]


class DocumentSummary(_Model):
    id: str
    published: str | None
    outlet: str | None
    outlets: list[str] | None
    url: str | None
    title: str | None
    n_propositions: int | None
    n_claims: int | None
    n_loss_claims: int | None


class DocumentPage(_Page):
    items: list[DocumentSummary]


class DocumentOut(DocumentSummary):
    text: str
    propositions: list[PropositionOut]
    loss_claims: list[dict[str, Any]]
    mentions: list[dict[str, Any]]


class StoryClaim(_Model):
    side: str
    status: str
    by: list[str]
    via: str | None
    evidence: str
    doc_id: str
    outlet: str | None
    published: str | None


class StoryOut(_Model):
    id: str
    type: str | None
    actor: list[str] | None
    recipient: list[str] | None
    first_date: str | None
    last_date: str | None
    verdict: str | None
    n_documents: int | None
    n_outlets: int | None
    claims: list[StoryClaim] = []


class StoryPage(_Page):
    items: list[StoryOut]


class DyadPoint(_Model):
    period: str
    verbal_coop: int
    material_coop: int
    verbal_conflict: int
    material_conflict: int
    total: int
    mean_score: float | None


class DyadSeries(_Model):
    actor: str
    recipient: str
    by: str
    both: bool
    statuses: list[str]
    series: list[DyadPoint]


class ActorOut(_Model):
    code: str
    name: str | None
    sector: str | None
    kind: str | None
    mentions: int
    documents: int


class ActorPage(_Page):
    items: list[ActorOut]


class FacetValue(_Model):
    value: str
    n: int


class FacetsOut(_Model):
    actor: list[FacetValue]
    recipient: list[FacetValue]
    type: list[FacetValue]
    verdict: list[FacetValue]
    outlet: list[FacetValue]
    month: list[FacetValue]


class SearchHit(DocumentSummary):
    snippet: str | None


class SearchPage(_Page):
    items: list[SearchHit]
    q: str
    method: str
    facets: FacetsOut
    facets_over: int | None


class LossClaimPage(_Page):
    items: list[dict[str, Any]]


class LedgerTotalsOut(_Model):
    side: str
    as_of: str
    by: str
    source: str
    columns: list[str]
    rows: list[dict[str, Any]]
    notes: list[str]


class CheckOut(_Model):
    doc_id: str
    published: str | None
    outlet: str | None
    side: str
    value: int
    qualifier: str
    unit: str
    evidence: str
    as_of: str | None
    verdict: str | None
    basis: str | None
    difference: int | None


class CheckPage(_Page):
    items: list[CheckOut]
    ledger: bool


class MapPoint(_Model):
    lat: float
    lon: float
    placed_by: str
    place: str
    count: int
    propositions: list[dict[str, Any]]


class MapPoints(_Model):
    points: list[MapPoint]
    unplaced: int
    statuses: list[str]


class IngestOut(_Model):
    added: int
    skipped: int
    failed: int
    stories: int
    failures: list[dict[str, str]]
