"""The Oxigraph store on disk: write a dataset into it, and answer SPARQL from it.

The store keeps each document's named graph and, as its default graph, the merged
graph of all of them, so queries see every fact once with no ``GRAPH`` clause
(Oxigraph's union-default-graph mode would return a fact once per document that
states it). Queries may use the project's prefixes (``kg:``, ``id:``, ``rdfs:`` ...) without
declaring them. ``GRAPH ?doc { ... }`` still reaches one document's graph.

`ask` answers in plain cells and loads no rdflib (what `kg query` prints); `query` gives
the same answer in rdflib's terms.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from graph.store.build_folder import swap_in
from graph.store.cells import Cell, Table, read_answer, table
from graph.store.choices import DEFAULT_TIMEOUT
from graph.store.errors import StoreError, first_line
from graph.store.pool import QueryPool
from graph.store.results import QueryResult
from graph.store.worker import MERGE_INTO_DEFAULT_GRAPH

if TYPE_CHECKING:
    import rdflib

    from graph.store.rdflib_terms import Term


def write_store(dataset: rdflib.Dataset, path: Path) -> None:
    """Write `dataset` as a fresh Oxigraph store at `path`; quads keep their named graph.

    The store is bulk-loaded in a folder beside `path` and only then swapped in,
    so a failed write leaves the previous store as it was.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{path.name}-new-", dir=path.parent))
    try:
        _bulk_load(dataset, staging)
        swap_in(staging, path)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def query(
    location: Path,
    sparql: str,
    *,
    bindings: Mapping[str, Term | Cell] | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> QueryResult:
    """Run `sparql` on a build folder's Oxigraph store (read-only) or on an RDF file.

    The query may only read: an update, LOAD or SERVICE is refused before it runs
    (`RefusedQuery`). `bindings` gives variables their values the way SPARQL's
    VALUES would, without touching the query text (named queries' parameters). A
    query still running after `timeout` seconds is stopped (`QueryTimeout`). A folder
    without store/ but with graph.trig or graph.ttl, or a single RDF file, is loaded
    into an in-memory store first.
    """
    from graph.store.rdflib_terms import as_cell, rdflib_term

    cells = {name: as_cell(term) for name, term in (bindings or {}).items()}
    answer = _pool(location).run(sparql, cells, timeout=timeout)
    return QueryResult(*read_answer(answer, rdflib_term))


def ask(
    location: Path,
    sparql: str,
    *,
    bindings: Mapping[str, Cell] | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> Table:
    """`query`'s answer in cells: the same rules, no rdflib loaded."""
    return table(_pool(location).run(sparql, bindings, timeout=timeout))


#: Pools of query processes by location; the oldest is closed when there are more.
_POOLS: dict[Path, QueryPool] = {}
_POOLS_KEPT = 2
_POOLS_LOCK = threading.Lock()


def _pool(location: Path) -> QueryPool:
    key = location.absolute()
    with _POOLS_LOCK:
        pool = _POOLS.pop(key, None) or QueryPool(key)
        _POOLS[key] = pool  # last in order: the most recently used
        evicted = list(_POOLS)[:-_POOLS_KEPT]
        closing = [_POOLS.pop(old) for old in evicted]
    for old_pool in closing:
        old_pool.close()
    return pool


@atexit.register
def _close_pools() -> None:
    with _POOLS_LOCK:
        pools = list(_POOLS.values())
        _POOLS.clear()
    for pool in pools:
        pool.close()


def _bulk_load(dataset: rdflib.Dataset, folder: Path) -> None:
    from graph.store.serialize import nquads  # rdflib's writer: the dataset is rdflib's

    data = nquads(dataset)
    store = ox.Store(str(folder))
    try:
        store.bulk_load(data, ox.RdfFormat.N_QUADS)
    except SyntaxError as error:  # an IRI rdflib lets through, such as a relative one
        raise StoreError(f"cannot store the graph: {first_line(error)}") from error
    merge_into_default_graph(store)
    # Dropping the last reference closes RocksDB, so the folder can be moved and reopened.
    del store


def merge_into_default_graph(store: ox.Store) -> None:
    """Copy every named graph's triples into the default graph (a set: each fact once)."""
    store.update(MERGE_INTO_DEFAULT_GRAPH)
