"""Fake extractors for the cluster tests (see ``_fakes``)."""

from __future__ import annotations

import os
import signal
from collections.abc import Sequence
from pathlib import Path

from _fakes import fake_extract_batch
from thucydides.model import Article, Document


def dying_extract_batch(articles: Sequence[Article]) -> list[Document]:
    """Like ``fake_extract_batch``; but the first batch holding a text with ``DIE`` kills its own worker
    process with SIGKILL, mid-batch. ``$FAKE_DIE_FILE`` notes the death, so the retry survives."""
    marker = Path(os.environ["FAKE_DIE_FILE"])
    if any("DIE" in a.text for a in articles) and not marker.exists():
        marker.write_text(str(os.getpid()))
        os.kill(os.getpid(), signal.SIGKILL)
    return fake_extract_batch(articles)


def deadly_extract_batch(articles: Sequence[Article]) -> list[Document]:
    """Like ``fake_extract_batch``; but a batch holding a text with ``CRASH`` kills its worker every time."""
    if any("CRASH" in a.text for a in articles):
        os.kill(os.getpid(), signal.SIGKILL)
    return fake_extract_batch(articles)
