"""Analysis in other processes: a local pool (``kg build --jobs N``) or a Dask cluster
(``kg build --cluster ADDRESS`` or ``local:N``).

Each worker process loads the Swedish pipeline once, the first time it is handed
documents, and keeps it. Documents go out in batches and their analyses come back in
input order, so resolution sees the same sequence whatever the number of workers: the
graph of any N is the graph of one.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import TYPE_CHECKING

from graph.read import Document

if TYPE_CHECKING:
    from spacy.language import Language

    from graph.pipeline import Analysis

#: Documents per batch sent to a worker: nlp.pipe's batch size.
BATCH = 8
LOCAL_CLUSTER = "local:"

_nlp: Language | None = None


def analyse_batch(documents: Sequence[Document]) -> list[Analysis]:
    """Analyse some documents with this process's pipeline (loaded on first use)."""
    global _nlp
    from graph.nlp import load
    from graph.pipeline import analyse

    if _nlp is None:
        _nlp = load()
    return list(analyse(_nlp, documents))


def _batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(documents)
    while batch := list(islice(it, size)):
        yield batch


def in_processes(
    documents: Iterable[Document], jobs: int, batch: int = BATCH
) -> Iterator[Analysis]:
    """Analyse on `jobs` local worker processes (fresh interpreters: nothing forked mid-run)."""
    context = multiprocessing.get_context("spawn")
    with context.Pool(jobs) as pool:
        for analyses in pool.imap(analyse_batch, _batches(documents, batch)):
            yield from analyses


def on_cluster(
    documents: Iterable[Document], address: str, batch: int = BATCH
) -> Iterator[Analysis]:
    """Analyse on a Dask cluster: a scheduler's address, or ``local:N`` for a LocalCluster of N
    worker processes started here (one thread each) and closed afterwards."""
    from distributed import Client, LocalCluster

    if address.startswith(LOCAL_CLUSTER):
        workers = int(address.removeprefix(LOCAL_CLUSTER))
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
    else:
        cluster, client = None, Client(address)
    try:
        futures = client.map(analyse_batch, list(_batches(documents, batch)), pure=False)
        for future in futures:
            yield from future.result()
            future.release()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
