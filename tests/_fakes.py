"""A fast fake extractor for store and ingest tests: it reads propositions from marker lines.

A line ``@TYPE ACT[,ACT]>REC[,REC] status[:BY[,BY]] [YYYY-MM-DD] [via=Outlet]`` becomes a proposition
with one claim; more statuses after ``|`` add claims (``@REQUEST RUS>CHN alleged:USA|denied:CHN``).
``@LOSS SIDE VALUE UNIT`` becomes a loss claim. A text containing ``BOOM`` makes the extractor raise;
``SLOW`` makes it sleep a little (for kill tests). Everything else in the text is ignored.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Sequence

from thucydides.model import Article, Claim, Document, LossClaim, Proposition, Provenance

SCORES = {"ASSAULT": -10.0, "REQUEST": -1.0, "AID": 7.0, "CONSULT": 1.0, "ACCUSE": -3.0, "THREATEN": -5.0}
CAMEO = {"ASSAULT": "190", "REQUEST": "020", "AID": "070", "CONSULT": "040", "ACCUSE": "112",
         "THREATEN": "130"}


def _claims(spec: str, doc: str, start: int, end: int, via: str | None) -> tuple[Claim, ...]:
    claims = []
    for part in spec.split("|"):
        status, _, by = part.partition(":")
        prov = Provenance(doc, start, end, "fake.v1", "0")
        claims.append(Claim(status, tuple(b for b in by.split(",") if b), via, "evidence", prov))
    return tuple(claims)


def _proposition(line: str, doc: str, start: int) -> Proposition:
    words = line[1:].split()
    ptype, dyad, spec = words[0], words[1], words[2]
    actor, _, recipient = dyad.partition(">")
    date = next((w for w in words[3:] if w[:2] in ("19", "20")), None)
    via = next((w[4:].replace("_", " ") for w in words[3:] if w.startswith("via=")), None)
    prov = Provenance(doc, start, start + len(line), "fake.v1", "0")
    return Proposition(ptype, tuple(a for a in actor.split(",") if a),
                       tuple(r for r in recipient.split(",") if r),
                       claims=_claims(spec, doc, start, start + len(line), via), date=date,
                       cameo=CAMEO.get(ptype), plover_score=SCORES.get(ptype), provenance=prov)


def extract_one(article: Article) -> Document:
    if "BOOM" in article.text:
        raise RuntimeError("the fake extractor exploded")
    if "SLOW" in article.text:
        time.sleep(float(os.environ.get("FAKE_SLOW_SECONDS", "0.05")))
    props, losses, offset = [], [], 0
    for line in article.text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped.startswith("@LOSS"):
            _, side, value, unit = stripped.split(maxsplit=3)
            prov = Provenance(article.id, offset, offset + len(stripped), "fake.v1", "0")
            losses.append(LossClaim(side, int(value), "exact", unit, stripped, prov, categories=(unit,)))
        elif stripped.startswith("@"):
            props.append(_proposition(stripped, article.id, offset))
        offset += len(line)
    return Document(article, tuple(props), tuple(losses))


def fake_extract_batch(articles: Sequence[Article]) -> list[Document]:
    """Stands in for :func:`thucydides.pipeline.run.extract_batch`; notes each batch in $FAKE_PROGRESS_FILE."""
    marker = os.environ.get("FAKE_PROGRESS_FILE")
    if marker:
        with open(marker, "a", encoding="utf-8") as f:
            f.write(f"{len(articles)}\n")
    return [extract_one(a) for a in articles]


# Hand-built documents for store tests.

def claim(status: str, by: tuple[str, ...] = (), via: str | None = None, evidence: str = "said so") -> Claim:
    return Claim(status, by, via, evidence, Provenance("", 0, len(evidence), "test.v1", "0"))


def doc(text: str, props: list[tuple[str, str, str, list[Claim], str | None]], published: str | None = None,
        outlet: str | None = None, losses: tuple[LossClaim, ...] = ()) -> Document:
    article = Article(text, dt.date.fromisoformat(published) if published else None, outlet)
    built = tuple(
        Proposition(ptype, tuple(a.split(",")) if a else (), tuple(r.split(",")) if r else (), tuple(claims),
                    date=date, cameo={"ASSAULT": "190", "AID": "070", "ACCUSE": "112"}.get(ptype),
                    plover_score={"ASSAULT": -10.0, "AID": 7.0, "ACCUSE": -3.0}.get(ptype),
                    provenance=Provenance(article.id, i, i + 1, "test.v1", "0"))
        for i, (ptype, a, r, claims, date) in enumerate(props))
    return Document(article, built, losses)
