"""Writing RDF: N-Quads for Oxigraph, and Turtle, N-Triples or TriG files a person reads.

Oxigraph writes the files, not rdflib, because rdflib's Turtle writer changes lexical
forms ("120000000"^^xsd:decimal comes back as 120000000.0); here every literal reads
back as the same term.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import rdflib

from graph.store.errors import StoreError, first_line
from graph.store.files import read_quads
from graph.vocab import PREFIXES

#: The RDF syntaxes `serialize_rdf` writes, by file suffix.
RDF_WRITERS = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "trig": ox.RdfFormat.TRIG,
}
_RDF_TYPE = str(rdflib.RDF.type)


def nquads(dataset: rdflib.Dataset) -> bytes:
    """N-Quads: the one format rdflib and Oxigraph agree on to the byte, named graphs included."""
    try:
        return dataset.serialize(format="nquads", encoding="utf-8")
    except Exception as error:  # rdflib raises a bare Exception for an IRI it cannot write
        raise StoreError(f"cannot store the graph: {first_line(error)}") from error


def serialize_rdf(dataset: rdflib.Dataset, fmt: str) -> bytes:
    """`dataset` as Turtle or N-Triples (the merged graph) or TriG (one graph per document).

    Statements are sorted so each subject's facts stand together, its type first, and
    only the prefixes in use are declared.
    """
    return _serialize_quads(list(ox.parse(nquads(dataset), ox.RdfFormat.N_QUADS)), fmt)


def convert_rdf(location: Path, fmt: str) -> bytes:
    """The graph at `location` written as `serialize_rdf` does, read by Oxigraph too.

    Without rdflib in between this is many times faster on a large build.
    """
    return _serialize_quads(read_quads(location), fmt)


def _serialize_quads(quads: list[ox.Quad], fmt: str) -> bytes:
    syntax = RDF_WRITERS[fmt]
    statements: list[ox.Quad] | list[ox.Triple]
    if syntax.supports_datasets:
        statements = sorted(quads, key=_reading_order)
    else:
        statements = sorted({quad.triple for quad in quads}, key=_reading_order)
    return ox.serialize(statements, format=syntax, prefixes=_prefixes_in_use(quads)) or b""


def _prefixes_in_use(quads: list[ox.Quad]) -> dict[str, str]:
    iris: set[str] = set()
    for quad in quads:
        for term in (quad.subject, quad.predicate, quad.object, quad.graph_name):
            if isinstance(term, ox.NamedNode):
                iris.add(term.value)
            elif isinstance(term, ox.Literal):
                iris.add(term.datatype.value)
    return {
        name: str(namespace)
        for name, namespace in PREFIXES.items()
        if any(iri.startswith(namespace) for iri in iris)
    }


def _reading_order(statement: ox.Quad | ox.Triple) -> tuple[str, str, bool, str, str]:
    graph = ""
    if isinstance(statement, ox.Quad) and not isinstance(statement.graph_name, ox.DefaultGraph):
        graph = str(statement.graph_name)
    predicate = statement.predicate.value
    return graph, str(statement.subject), predicate != _RDF_TYPE, predicate, str(statement.object)
