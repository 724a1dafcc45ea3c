"""The Oxigraph store on disk: write a dataset into it, and answer SPARQL from it.

The store keeps each document's named graph and, as its default graph, the merged
graph of all of them, so queries see every fact once with no ``GRAPH`` clause
(Oxigraph's union-default-graph mode would return a fact once per document that
states it). Queries may use the project's prefixes (``kg:``, ``id:``, ``rdfs:`` ...) without
declaring them. ``GRAPH ?doc { ... }`` still reaches one document's graph.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from graph.store.errors import StoreError, first_line
from graph.store.files import STORE_DIR, read_quads, swap_in
from graph.store.guard import check_read_only
from graph.store.results import TRIPLE_VARIABLES, QueryResult, Term
from graph.store.serialize import nquads
from graph.store.sparql_errors import syntax_message
from graph.vocab import PREFIXES

#: The prefixes as pyoxigraph takes them: plain strings.
QUERY_PREFIXES = {name: str(namespace) for name, namespace in PREFIXES.items()}


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
    location: Path, sparql: str, *, bindings: Mapping[str, Term] | None = None
) -> QueryResult:
    """Run `sparql` on a build folder's Oxigraph store (read-only) or on an RDF file.

    The query may only read: an update, LOAD or SERVICE is refused before it runs
    (`RefusedQuery`). `bindings` gives variables their values the way SPARQL's
    VALUES would, without touching the query text (named queries' parameters).
    A folder without store/ but with graph.trig or graph.ttl, or a single RDF
    file, is loaded into an in-memory store first.
    """
    check_read_only(sparql)
    store = open_store(location)
    substitutions: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple] = {
        ox.Variable(name): to_oxigraph(term) for name, term in (bindings or {}).items()
    }
    try:
        return _query_result(
            store.query(sparql, prefixes=QUERY_PREFIXES, substitutions=substitutions)
        )
    except SyntaxError as error:
        raise StoreError(syntax_message(sparql, error)) from error
    except (OSError, RuntimeError) as error:  # RocksDB reports damage as it reads
        raise StoreError(damaged_message(location, error)) from error
    except BaseException as error:
        if type(error).__name__ != "PanicException":  # pyo3's, not importable by name
            raise
        raise StoreError(f"Oxigraph failed on this query: {first_line(error)}") from None


def open_store(location: Path) -> ox.Store:
    """The store to query at `location`: its store/ read-only, or its graph file in memory."""
    store_path = location / STORE_DIR
    if not store_path.is_dir():
        store = ox.Store()
        store.extend(read_quads(location))
        merge_into_default_graph(store)
        return store
    try:
        return ox.Store.read_only(str(store_path))
    except (OSError, RuntimeError) as error:
        raise StoreError(damaged_message(store_path, error)) from error


def damaged_message(where: Path, error: BaseException) -> str:
    """One line for a store RocksDB cannot read: what it said, and how to mend it."""
    return f"cannot read the store at {where}: {first_line(error)} (run `kg build` again)"


def _bulk_load(dataset: rdflib.Dataset, folder: Path) -> None:
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
    store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")


def _query_result(answer: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples) -> QueryResult:
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult(variables=(), rows=(), boolean=bool(answer))
    if isinstance(answer, ox.QueryTriples):
        triples = tuple(
            (_from_oxigraph(t.subject), _from_oxigraph(t.predicate), _from_oxigraph(t.object))
            for t in answer
        )
        return QueryResult(variables=TRIPLE_VARIABLES, rows=triples)
    variables = tuple(variable.value for variable in answer.variables)
    rows = tuple(
        tuple(
            None if solution[i] is None else _from_oxigraph(solution[i])
            for i in range(len(variables))
        )
        for solution in answer
    )
    return QueryResult(variables=variables, rows=rows)


def _from_oxigraph(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> Term:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == str(XSD.string):  # a plain literal in RDF 1.1
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise StoreError(f"RDF-star triple terms are not supported in results: {term}")


def to_oxigraph(term: Term) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as pyoxigraph's."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))
