"""Reaching a Dask cluster: ``local`` / ``local:N`` starts a LocalCluster of N worker processes on
this machine (default: one per core); ``tcp://HOST:PORT`` (or ``tls://``) joins a running scheduler."""

from __future__ import annotations

import importlib.util
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ..errors import ClusterError, InvalidValue

__all__ = ["ClusterError", "connect", "parse_address"]


def parse_address(spec: str) -> tuple[str, int | None]:
    """``("local", N or None)`` or ``(address, None)``.

    Raises:
        InvalidValue: (E001) anything else.
    """
    if spec == "local":
        return ("local", None)
    if spec.startswith("local:") and spec[6:].isdigit() and int(spec[6:]) > 0:
        return ("local", int(spec[6:]))
    if spec.startswith(("tcp://", "tls://")) and ":" in spec[6:]:
        return (spec, None)
    raise InvalidValue("E001", "cluster", spec, ["local", "local:N", "tcp://HOST:PORT"])


def _require_dask() -> None:
    if importlib.util.find_spec("distributed") is None:
        raise ClusterError("E018", "Dask distributed is not installed; install the extra: "
                           "pip install 'thucydides[cluster]'")


@contextmanager
def _lost_scheduler(address: str) -> Iterator[None]:
    """Turn the errors of a scheduler that went away mid-run into one E018."""
    from concurrent.futures import CancelledError

    from distributed.comm.core import CommClosedError

    try:
        yield
    except (CommClosedError, CancelledError, TimeoutError) as exc:
        why = " ".join(str(exc).split())
        raise ClusterError("E018", f"lost the Dask scheduler at {address} ({type(exc).__name__}: {why}); what "
                           "was merged is kept: restart the scheduler and rerun to resume") from None


@contextmanager
def connect(spec: str) -> Iterator[Any]:
    """A ``distributed.Client`` for ``spec``, closed (with its local cluster) at the end.

    Raises:
        InvalidValue: (E001) a malformed address.
        ClusterError: (E018) Dask missing, or the scheduler cannot be reached.
    """
    address, n = parse_address(spec)
    _require_dask()
    from distributed import Client

    if address == "local":
        with _local(n) as client:
            yield client
        return
    try:
        client = Client(address, timeout="10s")  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError) as exc:
        raise ClusterError("E018", f"cannot reach the Dask scheduler at {address}: {exc}") from None
    with _lost_scheduler(address), client:
        yield client


@contextmanager
def _local(n: int | None) -> Iterator[Any]:
    """A client of a new LocalCluster of ``n`` single-threaded worker processes (default: one per core).

    Its scheduler hands each worker one batch at a time (worker saturation 1.0), so that when a worker
    dies only the batch it was running is suspected, never the next one queued behind it.
    """
    import dask
    from distributed import Client, LocalCluster

    workers = n or os.cpu_count() or 1
    try:
        with dask.config.set({"distributed.scheduler.worker-saturation": 1.0}):
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1,  # type: ignore[no-untyped-call]
                                   processes=True, dashboard_address=":0", silence_logs=logging.ERROR)
    except (RuntimeError, OSError) as exc:
        raise ClusterError("E018", f"cannot start a local Dask cluster of {workers} workers: {exc} (a script "
                           "needs an `if __name__ == '__main__':` guard)") from None
    with cluster, Client(cluster) as client, _lost_scheduler("local"):  # type: ignore[no-untyped-call]
        yield client
