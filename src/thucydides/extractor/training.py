"""Fine-tuning the extractor (torch on CPU; the ``train`` extra). Fixed seeds, one call: :func:`fit`.

Losses, summed per batch: binary cross-entropy of the type head (types coded only optionally are not
scored), cross-entropy of status and mode on the gold events of each sentence, and binary cross-entropy of
the role head on every candidate of those events (teacher forcing: the heads learn on gold types).
"""

from __future__ import annotations

import logging
import math
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import nn

from .corpus import Example
from .encode import encode_units
from .network import MLP_DIM, ExtractorNet
from .units import N_FEATURES

__all__ = ["TrainConfig", "average_weights", "collate", "fit", "refit_roles", "refit_types"]

log = logging.getLogger(__name__)

#: weight of a positive type label in the type loss (events are rare among the 16 x sentences).
TYPE_POS_WEIGHT = 2.0
#: class weights of the status loss (asserted, alleged, denied, hypothetical): about the square root of the
#: inverse frequency in the corpus, capped at 3, so that hedged reports are not washed into "asserted".
STATUS_WEIGHTS = (1.0, 2.5, 3.0, 3.0)
#: passes of the type-head refit over the fine-tuned encoder's (frozen) outputs.
TYPE_REFIT_EPOCHS = 8


@dataclass(frozen=True)
class TrainConfig:
    """Hyper-parameters (the defaults are the shipped model's)."""

    epochs: int = 7
    batch_size: int = 16
    lr_encoder: float = 8e-5
    lr_heads: float = 1e-3
    warmup: float = 0.06
    seed: int = 13
    #: the seed of the heads' initial weights; runs that share it and differ only in ``seed`` (the order of
    #: the batches and the dropout masks) start from the same point, so their weights can be averaged.
    init_seed: int = 13
    threads: int = 2
    max_steps: int | None = None
    #: the embeddings and this many lowest encoder layers stay as pre-trained (cheaper steps, less overfit).
    frozen_layers: int = 2


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def _event_items(examples: Sequence[Example], cand_masks: Sequence[np.ndarray],
                 cand_feats: Sequence[np.ndarray]) -> dict[str, list[object]]:
    items: dict[str, list[object]] = {k: [] for k in
                                      ("rows", "types", "status", "mode", "c_rows", "c_masks", "c_events", "roles",
                                       "c_feats")}
    for b, ex in enumerate(examples):
        for t, ev in ex.target.events.items():
            n = len(items["rows"])
            items["rows"].append(b)
            items["types"].append(t)
            items["status"].append(ev.status)
            items["mode"].append(ev.mode)
            for k, flags in enumerate(ev.roles):
                items["c_rows"].append(b)
                items["c_masks"].append(cand_masks[b][k])
                items["c_feats"].append(cand_feats[b][k])
                items["c_events"].append(n)
                items["roles"].append(flags)
    return items


def collate(examples: Sequence[Example]) -> dict[str, torch.Tensor]:
    """Tensors of one batch: encoder input, type targets and the event and candidate items."""
    batch = encode_units([e.unit for e in examples])
    types = torch.tensor([e.target.types for e in examples], dtype=torch.float32)
    items = _event_items(examples, batch.cand_masks, batch.cand_feats)
    width = batch.ids.shape[1]
    rows: list[Any] = items["c_masks"]
    masks = np.stack(rows) if rows else np.zeros((0, width), dtype=np.float32)
    frows: list[Any] = items["c_feats"]
    feats = np.stack(frows) if frows else np.zeros((0, N_FEATURES), dtype=np.float32)
    return {
        "ids": torch.from_numpy(batch.ids), "mask": torch.from_numpy(batch.mask),
        "smask": torch.from_numpy(batch.smask), "types": types,
        "rows": torch.tensor(items["rows"], dtype=torch.long),
        "etypes": torch.tensor(items["types"], dtype=torch.long),
        "status": torch.tensor(items["status"], dtype=torch.long),
        "mode": torch.tensor(items["mode"], dtype=torch.long),
        "c_rows": torch.tensor(items["c_rows"], dtype=torch.long),
        "c_masks": torch.from_numpy(masks),
        "c_events": torch.tensor(items["c_events"], dtype=torch.long),
        "c_feats": torch.from_numpy(feats),
        "roles": torch.tensor(items["roles"], dtype=torch.float32).reshape(-1, 3),
    }


def loss_of(net: ExtractorNet, t: dict[str, torch.Tensor]) -> torch.Tensor:
    """The summed training loss of one collated batch."""
    hidden, pooled = net.encode(t["ids"], t["mask"], t["smask"])
    scored = t["types"] >= 0
    loss = nn.functional.binary_cross_entropy_with_logits(
        net.type_logits(hidden, t["smask"], pooled)[scored], t["types"][scored], reduction="mean",
        pos_weight=torch.tensor(TYPE_POS_WEIGHT))
    if len(t["rows"]) == 0:
        return loss
    focus, emb = net.focus(hidden, t["smask"], t["rows"], t["etypes"])
    loss = loss + nn.functional.cross_entropy(net.status(torch.cat([focus, pooled[t["rows"]], emb], -1)),
                                              t["status"], weight=torch.tensor(STATUS_WEIGHTS))
    if bool((t["mode"] >= 0).any()):
        loss = loss + 0.5 * nn.functional.cross_entropy(net.mode(torch.cat([focus, emb], -1)), t["mode"],
                                                        ignore_index=-1)
    if len(t["c_rows"]):
        logits = net.role_logits(hidden, t["c_rows"], t["c_masks"], focus, emb, t["c_events"], t["c_feats"])
        loss = loss + nn.functional.binary_cross_entropy_with_logits(logits, t["roles"])
    return loss


def _batches(examples: Sequence[Example], size: int, rng: random.Random) -> list[list[Example]]:
    """Length-bucketed batches (little padding), in a shuffled order."""
    ordered = sorted(examples, key=lambda e: (len(e.unit.text), rng.random()))
    batches = [list(ordered[i:i + size]) for i in range(0, len(ordered), size)]
    rng.shuffle(batches)
    return batches


def _freeze(net: ExtractorNet, layers: int) -> None:
    frozen = [net.encoder.embeddings, *net.encoder.encoder.layer[:layers]]
    for module in frozen:
        for p in module.parameters():
            p.requires_grad_(False)


def _optimizer(net: ExtractorNet, cfg: TrainConfig, total: int) -> tuple[torch.optim.Optimizer, object]:
    enc = [p for p in net.encoder.parameters() if p.requires_grad]
    enc_ids = {id(p) for p in enc}
    heads = [p for p in net.parameters() if id(p) not in enc_ids and p.requires_grad]
    opt = torch.optim.AdamW([{"params": enc, "lr": cfg.lr_encoder}, {"params": heads, "lr": cfg.lr_heads}],
                            weight_decay=0.01)
    warm = max(1, int(cfg.warmup * total))

    def factor(step: int) -> float:
        return (step + 1) / warm if step < warm else max(0.0, (total - step) / max(1, total - warm))

    return opt, torch.optim.lr_scheduler.LambdaLR(opt, factor)


def fit(examples: Sequence[Example], encoder_dir: Path, cfg: TrainConfig = TrainConfig(),
        progress: Callable[[int, int, float], None] | None = None) -> ExtractorNet:
    """Fine-tune a fresh :class:`ExtractorNet` on ``examples``; ``progress(step, total, loss)`` is told."""
    seed_everything(cfg.init_seed)
    torch.set_num_threads(cfg.threads)
    net = ExtractorNet(encoder_dir)
    if cfg.seed != cfg.init_seed:
        seed_everything(cfg.seed)
    _freeze(net, cfg.frozen_layers)
    rng = random.Random(cfg.seed)
    per_epoch = math.ceil(len(examples) / cfg.batch_size)
    total = cfg.max_steps if cfg.max_steps is not None else per_epoch * cfg.epochs
    opt, sched = _optimizer(net, cfg, total)
    net.train()
    step = 0
    while step < total:
        for batch in _batches(examples, cfg.batch_size, rng):
            loss = loss_of(net, collate(batch))
            opt.zero_grad()
            loss.backward()  # type: ignore[no-untyped-call]
            nn.utils.clip_grad_norm_(net.parameters(), 1.0)
            opt.step()
            sched.step()  # type: ignore[attr-defined]
            step += 1
            if progress is not None:
                progress(step, total, float(loss.detach()))
            if step >= total:
                break
    net.eval()
    return net


def average_weights(nets: Sequence[ExtractorNet]) -> ExtractorNet:
    """The first net with every floating-point weight replaced by the mean over ``nets`` (a uniform "soup").

    Meant for runs that differ only in :attr:`TrainConfig.seed` (same start, other batch orders): their
    weights stay close enough to average, and the mean is one model, as fast to run as any of them.
    """
    states = [n.state_dict() for n in nets]
    if any(s.keys() != states[0].keys() for s in states):
        raise ValueError("the nets to average do not have the same weights")
    mean = {k: torch.stack([s[k].float() for s in states]).mean(0).to(v.dtype) if v.is_floating_point() else v
            for k, v in states[0].items()}
    nets[0].load_state_dict(mean)
    return nets[0]


def _role_inputs(net: ExtractorNet, t: dict[str, torch.Tensor]) -> torch.Tensor:
    hidden, _ = net.encode(t["ids"], t["mask"], t["smask"])
    focus, emb = net.focus(hidden, t["smask"], t["rows"], t["etypes"])
    m = t["c_masks"].unsqueeze(-1)
    pooled = (hidden[t["c_rows"]] * m).sum(1) / m.sum(1).clamp(min=1e-9)
    foc = focus[t["c_events"]]
    return torch.cat([pooled, foc, pooled * foc, emb[t["c_events"]], t["c_feats"]], -1)


def refit_roles(net: ExtractorNet, examples: Sequence[Example], epochs: int = 12, seed: int = 13,
                lr: float = 1e-3, batch_size: int = 64) -> ExtractorNet:
    """Train a fresh role head alone over the fine-tuned encoder (whose outputs are computed once)."""
    seed_everything(seed)
    net.eval()
    xs, ys = [], []
    with torch.no_grad():
        for lo in range(0, len(examples), 32):
            t = collate(examples[lo:lo + 32])
            if len(t["c_rows"]):
                xs.append(_role_inputs(net, t))
                ys.append(t["roles"])
    x, y = torch.cat(xs), torch.cat(ys)
    net.role = nn.Sequential(nn.Linear(x.shape[1], MLP_DIM), nn.ReLU(), nn.Linear(MLP_DIM, y.shape[1]))
    opt = torch.optim.Adam(net.role.parameters(), lr=lr, weight_decay=1e-5)
    gen = torch.Generator().manual_seed(seed)
    net.role.train()
    for _ in range(epochs):
        order = torch.randperm(len(x), generator=gen)
        for lo in range(0, len(x), batch_size):
            idx = order[lo:lo + batch_size]
            loss = nn.functional.binary_cross_entropy_with_logits(net.role(x[idx]), y[idx])
            opt.zero_grad()
            loss.backward()  # type: ignore[no-untyped-call]
            opt.step()
    net.eval()
    return net


def _hidden_states(net: ExtractorNet, examples: Sequence[Example]) -> list[torch.Tensor]:
    """The fine-tuned encoder's hidden states of every example's own word pieces (``T x H`` each: padding and
    context cut), computed once."""
    out: list[torch.Tensor] = []
    with torch.no_grad():
        for lo in range(0, len(examples), 32):
            t = collate(examples[lo:lo + 32])
            hidden, _ = net.encode(t["ids"], t["mask"])
            out.extend(hidden[r][t["smask"][r] > 0].clone() for r in range(hidden.shape[0]))
    return out


def _padded(states: Sequence[torch.Tensor]) -> tuple[torch.Tensor, torch.Tensor]:
    width = max(len(h) for h in states)
    x = torch.zeros((len(states), width, states[0].shape[1]))
    mask = torch.zeros((len(states), width), dtype=torch.long)
    for i, h in enumerate(states):
        x[i, :len(h)], mask[i, :len(h)] = h, 1
    return x, mask


def refit_types(net: ExtractorNet, examples: Sequence[Example], epochs: int = TYPE_REFIT_EPOCHS, seed: int = 13,
                lr: float = 2e-3, batch_size: int = 64) -> ExtractorNet:
    """Train the type head (its own attention queries, sentence weights and focus weights) for more passes over
    the fine-tuned encoder's outputs, computed once: the rarer types get the steps joint fine-tuning cannot
    afford. The focus queries the other heads use are left as they are."""
    seed_everything(seed)
    net.eval()
    states = _hidden_states(net, examples)
    targets = torch.tensor([e.target.types for e in examples], dtype=torch.float32)
    net.type_query = nn.Parameter(net.type_queries().detach().clone())
    params = [net.type_query, net.type_focus, *net.type_head.parameters()]
    opt = torch.optim.AdamW(params, lr=lr, weight_decay=1e-4)
    gen = torch.Generator().manual_seed(seed)
    for _ in range(epochs):
        order = torch.randperm(len(states), generator=gen).tolist()
        for lo in range(0, len(order), batch_size):
            idx = order[lo:lo + batch_size]
            x, mask = _padded([states[i] for i in idx])
            pooled = (x * mask.unsqueeze(-1)).sum(1) / mask.sum(1, keepdim=True)
            y = targets[idx]
            scored = y >= 0
            loss = nn.functional.binary_cross_entropy_with_logits(
                net.type_logits(x, mask, pooled)[scored], y[scored], pos_weight=torch.tensor(TYPE_POS_WEIGHT))
            opt.zero_grad()
            loss.backward()  # type: ignore[no-untyped-call]
            opt.step()
    net.eval()
    return net
