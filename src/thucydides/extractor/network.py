"""The torch twin of :mod:`.heads`: the encoder and every head in one module, for training only.

Needs the ``train`` extra (torch, transformers). :func:`export_heads` writes the head weights in the layout
:class:`~.heads.Heads` reads; the encoder is exported to ONNX by :mod:`.export`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import nn

from ..model import STATUSES
from ..plover import EVENT_TYPES, MODES
from .labels import ROLES
from .units import N_FEATURES

__all__ = ["HIDDEN", "ExtractorNet", "export_heads"]

HIDDEN = 384
TYPE_DIM = 64
MLP_DIM = 256


def _mlp(n_in: int, n_out: int) -> nn.Sequential:
    return nn.Sequential(nn.Linear(n_in, MLP_DIM), nn.ReLU(), nn.Linear(MLP_DIM, n_out))


class ExtractorNet(nn.Module):
    """MiniLM encoder + type, focus, status, mode and role heads (see :mod:`.heads` for the maths)."""

    def __init__(self, encoder_dir: Path) -> None:
        super().__init__()
        from transformers import AutoModel

        self.encoder: Any = AutoModel.from_pretrained(str(encoder_dir))
        n_types = len(EVENT_TYPES)
        self.type_head = nn.Linear(HIDDEN, n_types)
        self.type_focus = nn.Parameter(torch.zeros(n_types, HIDDEN))
        self.type_emb = nn.Embedding(n_types, TYPE_DIM)
        self.query = nn.Linear(TYPE_DIM, HIDDEN)
        #: the type head's own attention queries, set by :func:`~.training.refit_types` (until then the type
        #: head attends with the focus queries ``query(type_emb)`` it shares with the other heads).
        self.type_query: nn.Parameter | None
        self.register_parameter("type_query", None)
        self.status = _mlp(2 * HIDDEN + TYPE_DIM, len(STATUSES))
        self.mode = _mlp(HIDDEN + TYPE_DIM, len(MODES) + 1)
        self.role = _mlp(3 * HIDDEN + TYPE_DIM + N_FEATURES, len(ROLES))

    def encode(self, ids: torch.Tensor, mask: torch.Tensor,
               smask: torch.Tensor | None = None) -> tuple[torch.Tensor, torch.Tensor]:
        """``(hidden B x T x H, pooled B x H)``; the sentence vector pools the word pieces under ``smask``
        (the sentence's own, without its context; default ``mask``)."""
        hidden = self.encoder(input_ids=ids, attention_mask=mask,
                              token_type_ids=torch.zeros_like(ids)).last_hidden_state
        m = (mask if smask is None else smask).unsqueeze(-1).float()
        return hidden, (hidden * m).sum(1) / m.sum(1).clamp(min=1e-9)

    def type_logits(self, hidden: torch.Tensor, mask: torch.Tensor, pooled: torch.Tensor) -> torch.Tensor:
        """One logit per type from the sentence vector and the type's own focus over the word pieces."""
        q = self.type_queries()
        scores = torch.einsum("bth,kh->bkt", hidden, q) / (HIDDEN ** 0.5)
        scores = scores.masked_fill(mask.unsqueeze(1) == 0, -1e9)
        focus = torch.einsum("bkt,bth->bkh", scores.softmax(-1), hidden)
        logits: torch.Tensor = self.type_head(pooled) + (focus * self.type_focus).sum(-1)
        return logits

    def type_queries(self) -> torch.Tensor:
        """The type head's attention queries (``types x H``)."""
        if self.type_query is not None:
            return self.type_query
        q: torch.Tensor = self.query(self.type_emb.weight)
        return q

    def focus(self, hidden: torch.Tensor, mask: torch.Tensor, rows: torch.Tensor,
              types: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """``(a_t, e_t)`` for each (row, type) event item."""
        emb = self.type_emb(types)
        q = self.query(emb)
        h = hidden[rows]
        scores = torch.einsum("nth,nh->nt", h, q) / (HIDDEN ** 0.5)
        scores = scores.masked_fill(mask[rows] == 0, -1e9)
        focus: torch.Tensor = torch.einsum("nt,nth->nh", scores.softmax(-1), h)
        return focus, emb

    def role_logits(self, hidden: torch.Tensor, cand_rows: torch.Tensor, cand_masks: torch.Tensor,
                    focus: torch.Tensor, emb: torch.Tensor, cand_events: torch.Tensor,
                    cand_feats: torch.Tensor) -> torch.Tensor:
        """Role logits for candidates (their row, word-piece mask and the event item each belongs to)."""
        m = cand_masks.unsqueeze(-1)
        pooled = (hidden[cand_rows] * m).sum(1) / m.sum(1).clamp(min=1e-9)
        foc = focus[cand_events]
        logits: torch.Tensor = self.role(torch.cat([pooled, foc, pooled * foc, emb[cand_events], cand_feats], -1))
        return logits


def _linear(prefix: str, layer: nn.Linear) -> dict[str, np.ndarray]:
    return {f"{prefix}_w": layer.weight.detach().numpy().T.copy(), f"{prefix}_b": layer.bias.detach().numpy().copy()}


def _mlp_weights(name: str, seq: nn.Sequential) -> dict[str, np.ndarray]:
    first, second = seq[0], seq[2]
    assert isinstance(first, nn.Linear) and isinstance(second, nn.Linear)
    out = {f"{name}_{k[-1]}1": v for k, v in _linear("x", first).items()}
    out.update({f"{name}_{k[-1]}2": v for k, v in _linear("x", second).items()})
    return out


def export_heads(net: ExtractorNet, path: Path) -> None:
    """Write every head's weights to ``path`` (``.npz``) in the :class:`~.heads.Heads` layout."""
    weights = {**_linear("type", net.type_head), **_linear("query", net.query),
               "type_emb": net.type_emb.weight.detach().numpy().copy(),
               "type_focus": net.type_focus.detach().numpy().copy(),
               "type_query": net.type_queries().detach().numpy().copy()}
    for name in ("status", "mode", "role"):
        weights.update(_mlp_weights(name, getattr(net, name)))
    arrays: dict[str, Any] = {k: v.astype(np.float32) for k, v in weights.items()}
    np.savez_compressed(path, **arrays)
