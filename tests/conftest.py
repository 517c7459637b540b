"""Shared test fixtures. Tests that need the ../shared data use ``shared_dir`` and skip cleanly without it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def find_shared() -> Path | None:
    """The shared data folder: $THUCYDIDES_SHARED, else ../shared beside the checkout."""
    env = os.environ.get("THUCYDIDES_SHARED")
    candidates = [Path(env)] if env else []
    candidates.append(REPO.parent / "shared")
    for c in candidates:
        if (c / "eval").is_dir():
            return c
    return None


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    path = find_shared()
    if path is None:
        pytest.skip("../shared data is not present")
    return path
