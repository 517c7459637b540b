"""The names of the learned extractor's run-time files, in a module of their own: reading a model needs
them, and must not import what writing one needs (torch, which only the ``train`` extra installs)."""

from __future__ import annotations

__all__ = ["ENCODER_FILE", "HEADS_FILE", "META_FILE"]

#: The encoder, as ONNX dynamically quantised to int8.
ENCODER_FILE = "extractor_encoder.int8.onnx"
#: The heads' weights (NumPy ``.npz``).
HEADS_FILE = "extractor_heads.npz"
#: Thresholds, data and figures (JSON).
META_FILE = "extractor_meta.json"
