"""Type-only examples from NGEC-style synthetic stories: sampling caps, targets and the file they come from.

The stories here are written for these tests in the shape of the shared NGEC file (``label``, ``title``,
``text``); none is taken from it.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from pathlib import Path

from thucydides.extractor.synthetic import PER_TEMPLATE, sample_leads, synthetic_examples
from thucydides.plover import EVENT_TYPES


def _leads(n_templates: int, per_template: int, label: str) -> list[tuple[str, str, str]]:
    return [(label, f"{label} template {t}", f"{label} story {t}.{k} about a border town in the north.")
            for t in range(n_templates) for k in range(per_template)]


def test_sampling_caps_each_template_and_each_type() -> None:
    leads = _leads(3, 10, "ASSAULT") + _leads(40, 2, "AGREE")
    chosen = sample_leads(leads, per_type=20, seed=5)
    counts = Counter(label for label, _ in chosen)
    assert counts == {"ASSAULT": 3 * PER_TEMPLATE, "AGREE": 20}
    per_template = Counter((label, text.split(" story ")[1].split(".")[0]) for label, text in chosen)
    assert max(per_template.values()) <= PER_TEMPLATE


def test_sampling_is_fixed_by_its_seed() -> None:
    leads = _leads(6, 8, "PROTEST") + _leads(5, 3, "THREATEN")
    assert sample_leads(leads, 10, seed=1) == sample_leads(leads, 10, seed=1)
    assert sample_leads(leads, 10, seed=1) != sample_leads(leads, 10, seed=2)


def _write_stories(root: Path, rows: list[dict[str, str]]) -> None:
    folder = root / "eval" / "ngec_synthetic"
    folder.mkdir(parents=True)
    with gzip.open(folder / "gpt_synthetic_events_2023-10-19.jsonl.gz", "wt", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row) + "\n")


def test_examples_train_only_the_headline_type(tmp_path: Path) -> None:
    _write_stories(tmp_path, [
        {"label": "THREATEN", "title": "{country_1} Warns Neighbour",
         "text": "Chile warned Peru on Tuesday that it would close the border if the raids went on. More text."},
        {"label": "AID", "title": "Aid Arrives in {city}",
         "text": "Brazilian planes flew tents and medicine to flooded towns in Bolivia over the weekend."},
        {"label": "NOT_A_TYPE", "title": "x", "text": "Nothing of a known type happened anywhere this week at all."},
        {"label": "PROTEST", "title": "Short", "text": "Too short."},
    ])
    examples = synthetic_examples(tmp_path, per_type=5)
    by_type = {EVENT_TYPES[ex.target.types.index(1)]: ex for ex in examples}
    assert set(by_type) == {"THREATEN", "AID"}
    threat = by_type["THREATEN"]
    assert threat.unit.text.startswith("Chile warned Peru") and "More text" not in threat.unit.text
    assert sum(threat.target.types) == 1 and min(threat.target.types) == 0
    assert threat.target.events == {}
    assert {"CHL", "PER"} <= set(threat.unit.codes)
