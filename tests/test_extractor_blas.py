"""The learned extractor's heads run NumPy's BLAS on one thread (see ``runtime.one_blas_thread``)."""

from __future__ import annotations

import numpy as np
from threadpoolctl import threadpool_info

from thucydides.extractor.runtime import one_blas_thread


def _blas_threads() -> list[int]:
    return [int(p["num_threads"]) for p in threadpool_info() if p.get("user_api") == "blas"]


def test_one_blas_thread_limits_blas_inside_and_restores_it_after() -> None:
    np.ones((4, 4), np.float32) @ np.ones((4, 4), np.float32)  # load the BLAS library
    before = _blas_threads()
    with one_blas_thread():
        inside = _blas_threads()
    assert inside and all(n == 1 for n in inside)
    assert _blas_threads() == before


def test_products_under_one_thread_match_the_default_ones() -> None:
    rng = np.random.default_rng(0)
    x = rng.standard_normal((5, 1240)).astype(np.float32)
    w = rng.standard_normal((1240, 256)).astype(np.float32)
    with one_blas_thread():
        single = x @ w
    np.testing.assert_allclose(single, x @ w, rtol=1e-5, atol=1e-4)
