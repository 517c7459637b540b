"""The learned event classifier: MiniLM sentence embeddings + hashed n-grams with softmax heads in numpy.

>>> from thucydides.classifier import EventClassifier
>>> clf = EventClassifier.load()
>>> probs = clf.predict(["Government troops shelled the rebel-held town."])[0]   # type -> probability
>>> quads = clf.predict_quad(["Government troops shelled the rebel-held town."])[0]
"""

from .evaluate import evaluate_conflibert, evaluate_conflibert_heldout, evaluate_plover
from .inference import EventClassifier, default_model_dir
from .labels import NONE, PLOVER_QUAD, PLOVER_TYPES, QUAD_NAMES, TYPE_LABELS
from .train import train_all

__all__ = [
    "NONE",
    "PLOVER_QUAD",
    "PLOVER_TYPES",
    "QUAD_NAMES",
    "TYPE_LABELS",
    "EventClassifier",
    "default_model_dir",
    "evaluate_conflibert",
    "evaluate_conflibert_heldout",
    "evaluate_plover",
    "train_all",
]
