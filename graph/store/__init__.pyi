"""The public names of `graph.store`, by the module each comes from (see __init__.py)."""


from graph.store.build_folder import swap_in
from graph.store.cells import Cell, Table
from graph.store.choices import DEFAULT_TIMEOUT, RESULT_FORMATS
from graph.store.database import ask, query, write_store
from graph.store.endpoint import oxigraph_executable, push, wait_until_answering
from graph.store.errors import StoreError
from graph.store.files import merged, open_dataset, open_graph
from graph.store.guard import READ_ONLY_MESSAGE, SERVICE_MESSAGE, RefusedQuery, check_read_only
from graph.store.named import NamedQuery, Parameter, ask_named, named_queries, run_named
from graph.store.pool import (
    QueryCancelled,
    QueryCrashed,
    QuerySyntaxError,
    QueryTimeout,
)
from graph.store.rdflib_terms import parse_iri
from graph.store.results import QueryResult, format_result
from graph.store.serialize import RDF_WRITERS, convert_rdf, serialize_rdf
from graph.store.server import Endpoint, serve
from graph.store.terms import pastable_iri, printable
from graph.vocab import PREFIXES

__all__ = [
    "DEFAULT_TIMEOUT",
    "PREFIXES",
    "RDF_WRITERS",
    "READ_ONLY_MESSAGE",
    "RESULT_FORMATS",
    "SERVICE_MESSAGE",
    "Cell",
    "Endpoint",
    "NamedQuery",
    "Parameter",
    "QueryCancelled",
    "QueryCrashed",
    "QueryResult",
    "QuerySyntaxError",
    "QueryTimeout",
    "RefusedQuery",
    "StoreError",
    "Table",
    "ask",
    "ask_named",
    "check_read_only",
    "convert_rdf",
    "format_result",
    "merged",
    "named_queries",
    "open_dataset",
    "open_graph",
    "oxigraph_executable",
    "parse_iri",
    "pastable_iri",
    "printable",
    "push",
    "query",
    "run_named",
    "serialize_rdf",
    "serve",
    "swap_in",
    "wait_until_answering",
    "write_store",
]
