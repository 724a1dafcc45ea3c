"""Terms in rdflib's classes: from Oxigraph's, from and to the query path's `Cell`s.

For the code that hands rdflib terms to Python users (`graph.store.query`, `open_graph`)
or reads the store's quads into rdflib; the query path itself does without rdflib
(graph.store.cells, graph.store.terms).
"""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

from graph.store.cells import XSD_STRING, Cell
from graph.store.errors import StoreError
from graph.store.terms import iri_of

Term = URIRef | BNode | Literal


def rdflib_term(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> Term:
    """The rdflib term for an Oxigraph one (a plain literal, xsd:string in RDF 1.1, stays plain)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise StoreError(f"RDF-star triple terms are not supported: {term}")


def parse_iri(text: str) -> URIRef:
    """An IRI as a person writes it: ``<https://…>``, ``prefix:local`` or a bare ``https://…``."""
    return URIRef(iri_of(text))


def as_cell(term: Term | Cell) -> Cell:
    """The cell for an rdflib term (a cell stays as it is)."""
    if isinstance(term, Cell):
        return term
    if isinstance(term, URIRef):
        return Cell("uri", str(term))
    if isinstance(term, BNode):
        return Cell("bnode", str(term))
    datatype = "" if term.language or term.datatype is None else str(term.datatype)
    return Cell("literal", str(term), term.language or "", datatype)
