"""The build side of the store: bulk-load a build into Oxigraph, then write its files from it.

The named graphs and the merged default graph go in in one bulk load (each triple once
more into the default graph; the store keeps a set), with no SPARQL update after it, and
the store is flushed and compacted, so opening it later replays no write-ahead log.
graph.ttl and graph.trig are then streamed out of the store by Oxigraph's writers: nothing
of the size of the graph is held in Python.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import groupby
from pathlib import Path

import pyoxigraph as ox
import rdflib

from graph.store.errors import StoreError, first_line
from graph.store.rdflib_terms import rdflib_term
from graph.vocab import PREFIXES, bind_prefixes

_RDF_TYPE = str(rdflib.RDF.type)
_XSD_DECIMAL = ox.NamedNode(str(rdflib.XSD.decimal))
#: Every project prefix is declared in the files: which are used is not known up front.
_PREFIXES = {name: str(namespace) for name, namespace in PREFIXES.items()}


def bulk_load(folder: Path, quads: Iterable[ox.Quad]) -> tuple[ox.Store, int]:
    """A new store at `folder` with `quads` in their named graphs and merged in the default one;
    returns it and the number of quads loaded."""
    store = ox.Store(str(folder))
    count = [0]
    try:
        store.bulk_extend(_with_default_graph(quads, count))
    except (SyntaxError, ValueError) as error:  # an IRI Oxigraph refuses
        raise StoreError(f"cannot store the graph: {first_line(error)}") from error
    store.flush()
    store.optimize()
    return store, count[0]


def write_files(store: ox.Store, turtle: Path, trig: Path) -> None:
    """graph.ttl (the default graph) and graph.trig (the named graphs) from `store`."""
    default = store.quads_for_pattern(None, None, None, ox.DefaultGraph())
    ox.serialize(
        (q.triple for q in _reading_order(default)),
        output=turtle,
        format=ox.RdfFormat.TURTLE,
        prefixes=_PREFIXES,
    )
    graphs = sorted(store.named_graphs(), key=lambda g: g.value)
    ox.serialize(
        (
            quad
            for name in graphs
            if isinstance(name, ox.NamedNode)
            for quad in _reading_order(store.quads_for_pattern(None, None, None, name))
        ),
        output=trig,
        format=ox.RdfFormat.TRIG,
        prefixes=_PREFIXES,
    )


def view_graph(store: ox.Store, triples: int) -> rdflib.Graph:
    """The graph the view is drawn from, in rdflib: the whole merged graph (of `triples`
    triples), or past `VIEW_TRIPLES` the neighbourhood of the most mentioned entities only.

    The view keeps its best-connected few hundred nodes anyway; this keeps rdflib's copy of a
    large build (about a kilobyte a triple) from growing with the corpus.
    """
    if triples <= VIEW_TRIPLES:
        return _rdflib_graph(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    answer = store.query(_VIEW_NEIGHBOURHOOD, prefixes=_PREFIXES)
    assert isinstance(answer, ox.QueryTriples)
    return _rdflib_graph(ox.Quad(t.subject, t.predicate, t.object) for t in answer)


#: Above this many triples in the merged graph the view reads a neighbourhood (`view_graph`).
VIEW_TRIPLES = 300_000
_VIEW_NEIGHBOURHOOD = """
CONSTRUCT { ?x ?p ?o } WHERE {
  { SELECT ?s WHERE { ?s kg:mentionedIn ?d } GROUP BY ?s ORDER BY DESC(COUNT(?d)) LIMIT 600 }
  { ?s ?p ?o BIND(?s AS ?x) }
  UNION { ?x rdf:subject ?s ; ?p ?o }
  UNION { ?s ?r ?x FILTER(isIRI(?x) && ?r != kg:mentionedIn) ?x ?p ?o }
  UNION { ?s kg:mentionedIn ?x . ?x rdfs:label ?o BIND(rdfs:label AS ?p) }
}
"""


def _rdflib_graph(quads: Iterable[ox.Quad]) -> rdflib.Graph:
    g = bind_prefixes(rdflib.Graph())
    for q in quads:
        q = _as_built(q)
        g.add((rdflib_term(q.subject), rdflib_term(q.predicate), rdflib_term(q.object)))
    return g


def _with_default_graph(quads: Iterable[ox.Quad], count: list[int]) -> Iterator[ox.Quad]:
    for count[0], quad in enumerate(quads, start=1):
        yield quad
        yield ox.Quad(quad.subject, quad.predicate, quad.object)


def _reading_order(quads: Iterable[ox.Quad]) -> Iterator[ox.Quad]:
    """Each subject's statements (the store yields them together) with its type first."""
    for _, statements in groupby(quads, key=lambda q: q.subject):
        # A stable sort: objects stay in the store's order, the same in every build.
        for quad in sorted(
            statements, key=lambda q: (q.predicate.value != _RDF_TYPE, q.predicate.value)
        ):
            yield _as_built(quad)


def _as_built(quad: ox.Quad) -> ox.Quad:
    """The quad with a decimal in the lexical form the build made (graph.rdf.decimal_literal):
    the store keeps a decimal's value and gives "120000000" back for "120000000.0"."""
    o = quad.object
    if isinstance(o, ox.Literal) and o.datatype == _XSD_DECIMAL and "." not in o.value:
        return ox.Quad(
            quad.subject,
            quad.predicate,
            ox.Literal(o.value + ".0", datatype=o.datatype),
            quad.graph_name,
        )
    return quad
