"""A small hand-built store for the web tests: dated articles from two outlets about the same events, one
story affirmed and denied (disputed), a hypothetical threat, loss claims, a ledger, and an article whose
text, title and outlet carry HTML and script that must never run."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from thucydides.model import Document
from thucydides.store import open_store, write_documents
from thucydides.stories import link_stories

LEDGER = Path(__file__).parent / "fixtures" / "ledger"

HOSTILE = ('Officials said <script>window.__pwned = 1</script> the depot <img src=x onerror="window.__pwned = 2"> '
           'burned. <a href="javascript:window.__pwned = 3">Details</a> &amp; &lt;b&gt;bold&lt;/b&gt; "quoted" '
           "and 'single' 100%_done.")


def _claim(text: str, evidence: str, status: str, by: list[str], via: str | None = None) -> dict[str, Any]:
    start = text.index(evidence)
    return {"status": status, "by": by, "via": via, "evidence": evidence, "sentence": evidence,
            "start": start, "end": start + len(evidence), "extractor": "test", "version": "0"}


def _prop(ptype: str, actor: list[str], recipient: list[str], claims: list[dict[str, Any]],
          date: str | None = None, location: str | None = None, score: float = -9.0) -> dict[str, Any]:
    return {"type": ptype, "actor": actor, "recipient": recipient, "claims": claims, "date": date,
            "location": location, "cameo": "190", "plover_score": score}


def _doc(doc_id: str, published: str, outlet: str, title: str, text: str, props: list[dict[str, Any]],
         losses: list[dict[str, Any]] | None = None) -> Document:
    return Document.from_dict({"id": doc_id, "published": published, "outlet": outlet, "title": title,
                               "text": text, "propositions": props, "loss_claims": losses or []})


def documents() -> list[Document]:
    """The articles (written for these tests)."""
    a = ("Ukrainian officials said Russian artillery shelled the port of Odesa on Monday. "
         "Moscow denied that its forces had struck the port.")
    b = ("The regional governor reported that Russian drones hit a grain silo near Odesa. "
         "Ukraine's army said Russia had lost at least 40 tanks.")
    c = ("Russia threatened to strike Kyiv if the bridge attacks went on. "
         "Kyiv said Russian troops shelled Kharkiv overnight.")
    d = "Officials in Paris and Berlin agreed on a new aid package for Ukraine."
    tanks = {"side": "RUS", "value": 40, "qualifier": "at least", "unit": "tanks", "categories": [],
             "period_end": "2022-04-10", "status": "asserted", "by": ["UKR"], "evidence": "Russia had lost at least 40 tanks"}
    return [
        _doc("doc-port", "2022-04-04", "Harbour Gazette", "Port shelled", a, [
            _prop("ASSAULT", ["RUS"], ["UKR"], [_claim(a, "Russian artillery shelled the port of Odesa", "alleged",
                                                       ["UKR"], "Harbour Gazette"),
                                                _claim(a, "its forces had struck the port", "denied", ["RUS"])],
                  "2022-04-04", "Odesa")]),
        _doc("doc-silo", "2022-04-10", "Steppe Courier", "Silo hit", b, [
            _prop("ASSAULT", ["RUS"], ["UKR"], [_claim(b, "Russian drones hit a grain silo near Odesa", "asserted",
                                                       ["UKR"])], "2022-04-10", "Odesa")], [tanks]),
        _doc("doc-threat", "2022-05-02", "Steppe Courier", "Threat to Kyiv", c, [
            _prop("THREATEN", ["RUS"], ["UKR"], [_claim(c, "threatened to strike Kyiv", "hypothetical", ["RUS"])],
                  "2022-05-02", "Kyiv", -7.0),
            _prop("ASSAULT", ["RUS"], ["UKR"], [_claim(c, "Russian troops shelled Kharkiv overnight", "asserted",
                                                       ["UKR"])], "2022-05-01", "Kharkiv")]),
        _doc("doc-aid", "2022-05-20", "Harbour Gazette", "Aid agreed", d, [
            _prop("AID", ["FRA", "DEU"], ["UKR"], [_claim(d, "agreed on a new aid package", "asserted", ["FRA"])],
                  "2022-05-20", None, 7.4)]),
        _doc("doc-hostile", "2022-06-01", "<b>Evil</b> Outlet", "<script>window.__pwned = 9</script>Hostile", HOSTILE, [
            _prop("ASSAULT", ["RUS"], ["UKR"], [_claim(HOSTILE, '<img src=x onerror="window.__pwned = 2">', "alleged",
                                                       ["UKR"], "<i>via</i>")], "2022-06-01")]),
    ]


def build_store(path: Path, ledger: bool = True) -> Path:
    """Write the documents, link stories and (optionally) import a small ledger into ``path``."""
    with open_store(path) as store:
        write_documents(store, documents())
        link_stories(store)
    if ledger:
        from thucydides.ledger import import_losses

        import_losses([LEDGER / "bytype.csv"], "oryx-bytype", path)
        import_losses([LEDGER / "daily.csv"], "oryx-daily", path)
    return path
