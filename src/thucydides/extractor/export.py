"""Writing a trained :class:`~.network.ExtractorNet` as run-time artifacts: the encoder as ONNX (dynamically
quantised to int8), the heads as ``.npz``, and a metadata file (thresholds, data, figures)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import torch

from .artifacts import ENCODER_FILE, HEADS_FILE, META_FILE
from .network import ExtractorNet, export_heads

__all__ = ["ENCODER_FILE", "HEADS_FILE", "META_FILE", "write_artifacts"]


class _Encoder(torch.nn.Module):
    def __init__(self, net: ExtractorNet) -> None:
        super().__init__()
        self.encoder = net.encoder

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        out = self.encoder(input_ids=input_ids, attention_mask=attention_mask,
                           token_type_ids=torch.zeros_like(input_ids))
        return out.last_hidden_state  # type: ignore[no-any-return]


def export_encoder(net: ExtractorNet, path: Path, quantize: bool = True) -> None:
    """The encoder as ONNX (inputs ``input_ids``, ``attention_mask``; output ``hidden``), int8 by default."""
    ids = torch.ones((2, 16), dtype=torch.long)
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "encoder.onnx"
        torch.onnx.export(_Encoder(net).eval(), (ids, torch.ones_like(ids)), str(fp32),
                          input_names=["input_ids", "attention_mask"], output_names=["hidden"],
                          dynamic_axes={"input_ids": {0: "b", 1: "t"}, "attention_mask": {0: "b", 1: "t"},
                                        "hidden": {0: "b", 1: "t"}},
                          opset_version=17, dynamo=False)
        if not quantize:
            path.write_bytes(fp32.read_bytes())
            return
        from onnxruntime.quantization import QuantType, quantize_dynamic

        quantize_dynamic(str(fp32), str(path), weight_type=QuantType.QInt8)


def write_artifacts(net: ExtractorNet, out: Path, meta: dict[str, Any], quantize: bool = True) -> dict[str, Path]:
    """Write the encoder, heads and metadata into folder ``out``; returns their paths by role."""
    out.mkdir(parents=True, exist_ok=True)
    paths = {"encoder": out / ENCODER_FILE, "heads": out / HEADS_FILE, "meta": out / META_FILE}
    export_encoder(net, paths["encoder"], quantize)
    export_heads(net, paths["heads"])
    paths["meta"].write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return paths
