"""``thucydides extract`` end to end through the console entry point: formats, JSON Lines batches, and a
one-line error with exit code 2 for each kind of bad input."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from thucydides import Document

ARTICLE = ("Poland's foreign minister said on Monday that Warsaw had asked Germany for tanks. "
           "Berlin denied that it had received any request, a government spokesperson told Reuters.")


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "thucydides", *args], input=stdin, capture_output=True,
                          timeout=300, check=False)


@pytest.fixture(scope="module")
def article(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("in") / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_json_output_round_trips_through_the_model(article: Path) -> None:
    out = run("extract", str(article), "--published", "2023-01-17", "--outlet", "Test Wire", "--format", "json",
              "--events", "rules")
    assert out.returncode == 0, out.stderr
    doc = Document.from_dict(json.loads(out.stdout))
    assert doc.article.outlet == "Test Wire" and str(doc.article.published) == "2023-01-17"
    request = next(p for p in doc.propositions if p.type == "REQUEST")
    assert request.actor == ("POL",) and request.recipient == ("DEU",)
    assert request.verdict == "disputed"


def test_table_and_csv_formats(article: Path) -> None:
    table = run("extract", str(article), "--published", "2023-01-17", "--events", "rules")
    assert table.returncode == 0 and b"REQUEST" in table.stdout and b"disputed" in table.stdout
    out = run("extract", str(article), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out.stdout.decode())))
    assert rows and {"type", "status", "by", "via", "evidence"} <= set(rows[0])


def test_learned_events_are_the_default_and_rules_can_be_chosen(article: Path) -> None:
    learned = json.loads(run("extract", str(article), "--format", "json").stdout)
    rules = json.loads(run("extract", str(article), "--format", "json", "--events", "rules").stdout)
    extractors = {p["provenance"]["extractor"] for p in learned["propositions"]}
    assert "events.learned.v1" in extractors
    assert all(p["provenance"]["extractor"] != "events.learned.v1" for p in rules["propositions"])
    bad = run("extract", str(article), "--events", "oracle")
    assert bad.returncode == 2 and b"oracle" in bad.stderr


def test_jsonl_batch_keeps_order_and_ids(tmp_path: Path) -> None:
    lines = [json.dumps({"id": f"doc{i}", "text": t, "published": "2023-05-02"})
             for i, t in enumerate(["India and Nepal signed a trade agreement in Kathmandu.",
                                    "Chad expelled the French ambassador on Friday."])]
    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = run("extract", str(path), "--input-format", "jsonl", "--format", "jsonl")
    assert out.returncode == 0, out.stderr
    docs = [json.loads(line) for line in out.stdout.decode().splitlines()]
    assert [d["id"] for d in docs] == ["doc0", "doc1"]


def test_stdin_is_read_with_dash() -> None:
    out = run("extract", "-", "--format", "jsonl", stdin=ARTICLE.encode())
    assert out.returncode == 0 and json.loads(out.stdout)["propositions"]


@pytest.mark.parametrize(("content", "extra", "code"), [
    (None, (), "E002"),                        # missing file
    ("DIR", (), "E003"),                       # a directory
    (b"\x00\x01\x02binary", (), "E004"),       # binary
    (b"caf\xe9 ol\xe9", (), "E004"),           # Latin-1, not UTF-8
    (b"   \n\t", (), "E005"),                  # empty
    (ARTICLE.encode(), ("--published", "15/03/2022"), "E006"),  # malformed date
    (b'{"text": "ok"}\n{not json\n', ("--input-format", "jsonl"), "E007"),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, content: bytes | str | None, extra: tuple[str, ...],
                                          code: str) -> None:
    path = tmp_path / "input.txt"
    if content == "DIR":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    out = run("extract", str(path), *extra)
    err = out.stderr.decode().strip()
    assert out.returncode == 2, err
    assert code in err and "Traceback" not in err and len(err.splitlines()) == 1
