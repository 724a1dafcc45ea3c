"""What a view learns from ontology/kg.ttl: Swedish labels and which properties to draw."""

from __future__ import annotations

from functools import lru_cache

from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef

from graph.views.records import OTHER
from graph.views.text import capitalised, name_from_iri
from graph.vocab import KG, ontology_dir


@lru_cache(maxsize=1)
def _ontology() -> Graph:
    return Graph().parse(ontology_dir() / "kg.ttl")


def swedish_label(term: URIRef) -> str:
    """The term's Swedish rdfs:label in kg.ttl, or its local name if it has none."""
    for label in _ontology().objects(term, RDFS.label):
        if isinstance(label, Literal) and label.language == "sv":
            return str(label)
    return name_from_iri(term)


def class_label(cls: str) -> str:
    """'Agency' -> 'Statlig myndighet', as the legend and the tooltips name a class."""
    if cls == OTHER:
        return "Övrigt"
    return capitalised(swedish_label(KG[cls]))


@lru_cache(maxsize=1)
def relations() -> tuple[frozenset[URIRef], frozenset[URIRef]]:
    """The object properties of kg.ttl that connect two drawable things, and the symmetric ones.

    Read from the ontology so a relation added there is drawn without touching this package;
    kg:mentionedIn points at documents, which are tooltips, so it is left out.
    """
    onto = _ontology()
    drawn = frozenset(
        p
        for p in onto.subjects(RDF.type, OWL.ObjectProperty)
        if isinstance(p, URIRef) and p != KG.mentionedIn
    )
    symmetric = frozenset(p for p in drawn if (p, RDF.type, OWL.SymmetricProperty) in onto)
    return drawn, symmetric
