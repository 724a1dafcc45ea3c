"""The store side of the graph: read a built graph, write it to Oxigraph, query, serve, push.

A build folder DIR holds ``graph.trig`` (one named graph per document plus the
default graph), ``graph.ttl`` (the merged graph) and ``store/`` (an Oxigraph
store on disk with the same quads). Everything here takes either such a folder
or a single RDF file, so ``kg query``, ``kg export`` and ``kg view`` work on both.

The modules, in the order data flows through them:

- `files`: build folders and RDF files read into rdflib (`open_dataset`, `open_graph`),
  and a folder put in place of another only once it is complete (`swap_in`);
- `serialize`: RDF written by Oxigraph, literals kept as they were (`serialize_rdf`);
- `database`: the Oxigraph store on disk (`write_store`) and SPARQL on it (`query`);
- `guard`: the read-only rule, checked before a query runs (`check_read_only`);
- `named`: the named queries of ontology/queries/ (`named_queries`, `run_named`);
- `results`: a query's answer (`QueryResult`) as a table, CSV or JSON (`format_result`);
- `terms`: IRIs printed so they paste back into a query (`pastable_iri`, `parse_iri`),
  and text made safe for a terminal (`printable`);
- `worker` and `pool`: every query runs in a supervised process, ended when its time is
  up or its client has gone (`QueryPool`);
- `server`: the read-only SPARQL endpoint of `kg serve` (`serve`);
- `endpoint`: other SPARQL servers: push graphs to one (`push`);
- `errors` and `sparql_errors`: `StoreError` and the one-line messages it carries.
"""

from graph.store.build_folder import swap_in
from graph.store.database import query, write_store
from graph.store.endpoint import oxigraph_executable, push, wait_until_answering
from graph.store.errors import StoreError
from graph.store.files import (
    STORE_DIR,
    TRIG_FILE,
    TURTLE_FILE,
    open_dataset,
    open_graph,
)
from graph.store.guard import READ_ONLY_MESSAGE, SERVICE_MESSAGE, RefusedQuery, check_read_only
from graph.store.named import NamedQuery, Parameter, named_queries, run_named
from graph.store.pool import (
    DEFAULT_TIMEOUT,
    QueryCancelled,
    QueryCrashed,
    QuerySyntaxError,
    QueryTimeout,
)
from graph.store.results import RESULT_FORMATS, QueryResult, format_result
from graph.store.serialize import RDF_WRITERS, convert_rdf, serialize_rdf
from graph.store.server import Endpoint, serve
from graph.store.terms import parse_iri, pastable_iri, printable
from graph.vocab import PREFIXES

__all__ = [
    "DEFAULT_TIMEOUT",
    "PREFIXES",
    "RDF_WRITERS",
    "READ_ONLY_MESSAGE",
    "RESULT_FORMATS",
    "SERVICE_MESSAGE",
    "STORE_DIR",
    "TRIG_FILE",
    "TURTLE_FILE",
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
    "check_read_only",
    "convert_rdf",
    "format_result",
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
