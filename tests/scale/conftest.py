"""One LocalCluster of two single-threaded worker processes for the Dask tests of a module."""

from __future__ import annotations

import logging

import pytest


@pytest.fixture(scope="module")
def hash_seed():
    """The workers' string-hash seed (Dask pins one anyway); the comparisons run the local
    engine with other seeds, so equal output shows it does not hang on the order of sets."""
    return "1"


@pytest.fixture(scope="module")
def client(hash_seed):
    from distributed import Client, LocalCluster

    cluster = LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",
        silence_logs=logging.ERROR,
        env={"PYTHONHASHSEED": hash_seed},
    )
    with cluster, Client(cluster) as dask_client:
        yield dask_client
