"""The store side of the graph: read a built graph, write it to Oxigraph, query, serve, push.

A build folder DIR holds ``graph.trig`` (one named graph per document plus the
default graph), ``graph.ttl`` (the merged graph) and ``store/`` (an Oxigraph
store on disk with the same quads). Everything here takes either such a folder
or a single RDF file, so ``kg query``, ``kg export`` and ``kg view`` work on both.

The modules, in the order data flows through them:

- `files`: build folders and RDF files read into rdflib (`open_dataset`, `open_graph`;
  `merged`, the union of a dataset's graphs);
- `build_folder`: a folder put in place of another only once it is complete (`swap_in`);
- `serialize`: RDF written by Oxigraph, literals kept as they were (`serialize_rdf`);
- `database`: the Oxigraph store on disk (`write_store`) and SPARQL on it (`query`, and
  `ask`, the same answer in plain `cells` with no rdflib loaded: what `kg query` prints);
- `guard`: the read-only rule, checked before a query runs (`check_read_only`);
- `named`: the named queries of ontology/queries/ (`named_queries`, `run_named`, `ask_named`);
- `results`: a query's answer (`QueryResult`) as a table, CSV or JSON (`format_result`);
- `terms`: IRIs printed so they paste back into a query (`pastable_iri`), read back
  (`rdflib_terms.parse_iri`), and text made safe for a terminal (`printable`);
- `worker` and `pool`: every query runs in a supervised process, ended when its time is
  up or its client has gone (`QueryPool`);
- `server`: the read-only SPARQL endpoint of `kg serve` (`serve`);
- `endpoint`: other SPARQL servers: push graphs to one (`push`);
- `errors` and `sparql_errors`: `StoreError` and the one-line messages it carries;
- `choices`: the result formats and the default time limit, for the command line.

Each public name is imported from its module on first use (the scientific Python
ecosystem's SPEC 1, "lazy loading"): `__init__.pyi` lists them as imports, which type
checkers read, and this module reads the same list. So `from graph.store import
RESULT_FORMATS` costs nothing, and `kg --help` does not load Oxigraph or rdflib.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path
from typing import Any


def _public_names() -> dict[str, str]:
    """Each name the stub imports, with the module it comes from."""
    stub = ast.parse(Path(__file__).with_suffix(".pyi").read_text(encoding="utf-8"))
    return {
        alias.asname or alias.name: node.module
        for node in stub.body
        if isinstance(node, ast.ImportFrom) and node.module
        for alias in node.names
    }


_SOURCES = _public_names()
__all__ = sorted(_SOURCES)


def __getattr__(name: str) -> Any:
    source = _SOURCES.get(name)
    if source is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(source), name)
    globals()[name] = value  # found without this function from now on
    return value


def __dir__() -> list[str]:
    return __all__
