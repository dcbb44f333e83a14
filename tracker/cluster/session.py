"""The Dask client of a run: a running scheduler's address, or a LocalCluster made for it.

--cluster tcp://10.0.0.5:8786   connect to that scheduler (its workers need the tracker
                                package and the input files at the same paths)
--cluster local[:N]             start N worker processes here (default: the cores),
                                one thread each, stopped when the run ends
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager

from tracker.errors import UsageError

CONNECT_TIMEOUT_S = 60.0
_LOCAL = re.compile(r"local(?::(\d+))?")


def local_workers(spec: str) -> int | None:
    """N of ``local:N`` (the cores for ``local``); None when ``spec`` is an address."""
    match = _LOCAL.fullmatch(spec.strip())
    if not match:
        if "://" not in spec and ":" not in spec:
            raise UsageError(
                f"--cluster {spec!r}: give a scheduler address (tcp://HOST:8786) or local[:N]"
            )
        return None
    if match.group(1) is None:
        from tracker.ingest import default_workers

        return default_workers()
    workers = int(match.group(1))
    if not 1 <= workers <= 256:
        raise UsageError(f"--cluster {spec!r}: N must be between 1 and 256")
    return workers


@contextmanager
def cluster_client(spec: str, *, timeout: float = CONNECT_TIMEOUT_S) -> Iterator:
    """A connected ``distributed.Client``; a local cluster is closed on the way out."""
    import dask
    from distributed import Client, LocalCluster

    workers = local_workers(spec)
    if workers is None:
        client = Client(spec, timeout=timeout)
        try:
            yield client
        finally:
            client.close(timeout=timeout)
        return
    with dask.config.set({"distributed.worker.multiprocessing-method": "forkserver"}):
        _preload_forkserver()
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,  # scoring is pure Python: one process per core
            processes=True,
            dashboard_address=":0",
            silence_logs=logging.ERROR,
        )
    try:
        client = Client(cluster, timeout=timeout)
        try:
            yield client
        finally:
            client.close(timeout=timeout)
    finally:
        cluster.close(timeout=timeout)


def _preload_forkserver() -> None:
    """Workers forked from a server that has imported the tracker and built its scorer.

    Spawned workers (Dask's default) each import distributed, pandas, pyarrow, DuckDB and
    the tracker and build the scorer: ~3 s of CPU apiece, a fifth of a 10k-article run on
    two cores. Dask sets its own forkserver preload list once (get_mp_context); ours,
    set after it, adds tracker.cluster.preload. It applies when the forkserver starts (the
    first local cluster of the process).
    """
    from distributed.utils import get_mp_context

    context = get_mp_context()
    context.set_forkserver_preload(["distributed", "tracker.cluster.preload"])
