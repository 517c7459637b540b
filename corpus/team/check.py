"""Validate the team-written gold files in this folder against eval/FORMAT.md and eval/CODING.md.

Usage: python corpus/team/check.py [FILE.jsonl ...]   (default: every *.jsonl next to this script)

Checks the JSON shape of documents, propositions, claims and loss claims; actor, recipient, side and `by`
codes (the states and separatist entities of the gazetteer, the IGO acronyms of the organisation list);
PLOVER types and modes (from ../shared/reference/plover/plover_event_types_modes.csv when it is there, else
types only); statuses and qualifiers; dates; that every evidence is a verbatim substring of the text; and
the length rules for team articles (6-14 sentences, 120-400 words) and for team news items, whose ids start
with ``team-n`` (one or two sentences, 8-70 words: single wire-style sentences like a news line). Prints one
line per problem and a summary of counts; exits 1 when there is a problem.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
DATA = REPO / "src" / "thucydides" / "data"
PLOVER_CSV = REPO.parent / "shared" / "reference" / "plover" / "plover_event_types_modes.csv"
TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
         "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
STATUSES = {"asserted", "alleged", "denied", "hypothetical"}
QUALIFIERS = {"over", "at least", "about", "up to", "exact", "hundreds", "dozens", "thousands"}
DOC_KEYS = {"id", "published", "outlet", "text", "propositions", "loss_claims"}
PROP_KEYS = {"type", "mode", "actor", "recipient", "date", "location", "optional", "claims"}
CLAIM_KEYS = {"status", "by", "via", "evidence"}
LOSS_KEYS = {"side", "value", "qualifier", "unit", "categories", "period", "period_end", "status", "by", "evidence"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"\u201d']?\s+(?=[\"\u201c'A-Z])")


def load_codes() -> set[str]:
    """State, separatist and IGO codes from the gazetteer of the package."""
    codes: set[str] = set()
    for line in (DATA / "gazetteer_states.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            codes.add(line.split("\t")[0])
    for line in (DATA / "gazetteer_orgs.tsv").read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) > 2 and cols[2] == "igo":
            codes.add(cols[0])
    return codes


def load_modes() -> dict[str, set[str]] | None:
    """PLOVER modes by type, or None when the shared reference is not there."""
    if not PLOVER_CSV.exists():
        return None
    modes: dict[str, set[str]] = {}
    with PLOVER_CSV.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            modes.setdefault(row["event_type"], set()).update({row["mode"]} if row["mode"] else set())
    return modes


def sentences(text: str) -> list[str]:
    """A rough sentence split (dateline, paragraph breaks and sentence ends)."""
    parts = [p for para in text.split("\n") for p in SENTENCE_END.split(para.strip())]
    return [p for p in parts if p.strip()]


class Checker:
    """Collects problems and counts over the documents it is given."""

    def __init__(self) -> None:
        self.codes = load_codes()
        self.modes = load_modes()
        self.problems: list[str] = []
        self.counts: Counter[str] = Counter()

    def fail(self, where: str, message: str) -> None:
        self.problems.append(f"{where}: {message}")

    def codes_ok(self, where: str, values: Any) -> None:
        if not isinstance(values, list):
            self.fail(where, f"not a list: {values!r}")
            return
        for code in values:
            if code not in self.codes:
                self.fail(where, f"unknown code {code!r}")

    def evidence_ok(self, where: str, text: str, evidence: Any) -> None:
        if not isinstance(evidence, str) or not evidence or evidence not in text:
            self.fail(where, f"evidence not in text: {evidence!r}")

    def claim(self, where: str, text: str, c: dict[str, Any]) -> None:
        if set(c) != CLAIM_KEYS:
            self.fail(where, f"claim keys {sorted(c)}")
        if c.get("status") not in STATUSES:
            self.fail(where, f"status {c.get('status')!r}")
        self.codes_ok(where + " by", c.get("by"))
        if c.get("via") is not None and not isinstance(c.get("via"), str):
            self.fail(where, "via must be a string or null")
        self.evidence_ok(where, text, c.get("evidence"))
        self.counts[f"status:{c.get('status')}"] += 1

    def proposition(self, where: str, text: str, p: dict[str, Any]) -> None:
        if set(p) != PROP_KEYS:
            self.fail(where, f"proposition keys {sorted(p)}")
        kind, mode = p.get("type"), p.get("mode")
        if kind not in TYPES:
            self.fail(where, f"type {kind!r}")
        elif mode is not None and self.modes is not None and mode not in self.modes.get(str(kind), set()):
            self.fail(where, f"mode {mode!r} is not a mode of {kind}")
        self.codes_ok(where + " actor", p.get("actor"))
        self.codes_ok(where + " recipient", p.get("recipient"))
        if p.get("date") is not None and not DATE.match(str(p.get("date"))):
            self.fail(where, f"date {p.get('date')!r}")
        if not isinstance(p.get("optional"), bool):
            self.fail(where, "optional must be true or false")
        if not p.get("claims"):
            self.fail(where, "no claims")
        for k, c in enumerate(p.get("claims") or []):
            self.claim(f"{where} claim {k}", text, c)
        self.counts[f"{'optional' if p.get('optional') else 'required'}:{kind}"] += 1

    def loss(self, where: str, text: str, lc: dict[str, Any]) -> None:
        if set(lc) != LOSS_KEYS:
            self.fail(where, f"loss claim keys {sorted(lc)}")
        if lc.get("side") is not None:
            self.codes_ok(where + " side", [lc.get("side")])
        if not isinstance(lc.get("value"), int) or lc.get("qualifier") not in QUALIFIERS:
            self.fail(where, f"value/qualifier {lc.get('value')!r} {lc.get('qualifier')!r}")
        if lc.get("status") not in STATUSES:
            self.fail(where, f"status {lc.get('status')!r}")
        self.codes_ok(where + " by", lc.get("by"))
        self.evidence_ok(where, text, lc.get("evidence"))
        self.counts[f"loss:{lc.get('status')}"] += 1

    def document(self, doc: dict[str, Any], team: bool) -> None:
        where = str(doc.get("id"))
        if set(doc) != DOC_KEYS:
            self.fail(where, f"document keys {sorted(doc)}")
        text = str(doc.get("text", ""))
        if not DATE.match(str(doc.get("published"))) or len(str(doc.get("published"))) != 10:
            self.fail(where, f"published {doc.get('published')!r}")
        n_sent, n_words = len(sentences(text)), len(text.split())
        item = str(doc.get("id", "")).startswith("team-n")
        if item and not (1 <= n_sent <= 2 and 8 <= n_words <= 70):
            self.fail(where, f"{n_sent} sentences, {n_words} words (a news item wants 1-2, 8-70)")
        elif team and not item and not (6 <= n_sent <= 14 and 120 <= n_words <= 400):
            self.fail(where, f"{n_sent} sentences, {n_words} words (want 6-14, 120-400)")
        self.counts.update({"documents": 1, "sentences": n_sent, "words": n_words})
        for i, p in enumerate(doc.get("propositions") or []):
            self.proposition(f"{where} prop {i}", text, p)
        for i, lc in enumerate(doc.get("loss_claims") or []):
            self.loss(f"{where} loss {i}", text, lc)

    def file(self, path: Path) -> None:
        ids: set[str] = set()
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            try:
                doc = json.loads(line)
            except json.JSONDecodeError as exc:
                self.fail(f"{path.name}:{n}", f"bad JSON: {exc}")
                continue
            if doc.get("id") in ids:
                self.fail(f"{path.name}:{n}", f"duplicate id {doc.get('id')}")
            ids.add(doc.get("id"))
            self.document(doc, team=str(doc.get("id", "")).startswith("team-"))


def summary(counts: Counter[str]) -> str:
    """The counts as a few readable lines."""
    lines = [f"documents {counts['documents']}, sentences {counts['sentences']}, words {counts['words']}"]
    for group in ("required", "optional"):
        items = sorted((k.split(":")[1], v) for k, v in counts.items() if k.startswith(group + ":"))
        lines.append(f"{group} propositions {sum(v for _, v in items)}: " + ", ".join(f"{k} {v}" for k, v in items))
    lines.append("claims: " + ", ".join(f"{k[7:]} {v}" for k, v in sorted(counts.items()) if k.startswith("status:")))
    lines.append("loss claims: " + ", ".join(f"{k[5:]} {v}" for k, v in sorted(counts.items()) if k.startswith("loss:")))
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or sorted(HERE.glob("*.jsonl"))
    checker = Checker()
    if checker.modes is None:
        print(f"note: {PLOVER_CSV} not found, modes not checked")
    for path in paths:
        checker.file(path)
    for problem in checker.problems:
        print(problem)
    print(summary(checker.counts))
    return 1 if checker.problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
