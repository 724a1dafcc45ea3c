"""Every term of ontology/kg.ttl works everywhere it must: shapes, view styles, scoring, prefixes.

A property added to the vocabulary and forgotten in one of these places would fail
silently (an unchecked shape, an unstyled edge, a gold relation no prediction can meet);
these tests name what is missing instead.
"""

from __future__ import annotations

from types import ModuleType

from rdflib import OWL, RDF, RDFS, Graph, URIRef

from graph.evaluate.measure import SATISFIED_BY
from graph.views.records import DRAWN_CLASSES
from graph.views.style import RELATION_STYLES
from graph.vocab import KG, PREFIXES, ontology_dir


def vocabulary() -> Graph:
    return Graph().parse(ontology_dir() / "kg.ttl")


def kg_properties(g: Graph, kind: URIRef) -> set[URIRef]:
    return {p for p in g.subjects(RDF.type, kind) if str(p).startswith(str(KG._NS))}


def name(term: URIRef) -> str:
    return str(term).removeprefix(str(KG._NS))


def test_every_property_is_checked_by_the_shapes() -> None:
    # Validation runs with RDFS inference, so a declared domain or range is checked
    # through the class shapes, and a sub-property through its super-property's shape.
    g = vocabulary()
    shapes = Graph().parse(ontology_dir() / "shapes.ttl")
    in_shapes = {term for triple in shapes for term in triple if isinstance(term, URIRef)}

    def checked(p: URIRef) -> bool:
        typed = any(g.objects(p, RDFS.domain)) or any(g.objects(p, RDFS.range))
        return p in in_shapes or typed or any(map(checked, g.objects(p, RDFS.subPropertyOf)))

    properties = kg_properties(g, OWL.ObjectProperty) | kg_properties(g, OWL.DatatypeProperty)
    assert sorted(name(p) for p in properties if not checked(p)) == []


def test_every_relation_between_drawn_nodes_has_a_view_style() -> None:
    g = vocabulary()
    drawn = {KG[cls] for cls in DRAWN_CLASSES}
    between_nodes = {
        p
        for p in kg_properties(g, OWL.ObjectProperty)
        # no domain or range: any node
        if set(g.objects(p, RDFS.range)) <= drawn and set(g.objects(p, RDFS.domain)) <= drawn
    }
    assert sorted(name(p) for p in between_nodes if name(p) not in RELATION_STYLES) == []


def test_every_relation_between_entities_is_scored_and_both_scorers_agree(
    reference_scorer: ModuleType,
) -> None:
    g = vocabulary()
    entities = {KG[cls] for cls in ("Agency", "Organization", "Office", "Place", "Person")}
    entities |= {KG.Project}
    relations = {
        name(p)
        for p in kg_properties(g, OWL.ObjectProperty)
        if set(g.objects(p, RDFS.range)) <= entities and set(g.objects(p, RDFS.domain)) <= entities
    }
    assert sorted(relations - set(SATISFIED_BY)) == []
    assert {k: set(v) for k, v in SATISFIED_BY.items()} == reference_scorer.EQUIV


def test_every_namespace_the_vocabulary_maps_to_is_a_predeclared_prefix() -> None:
    g = vocabulary()
    mappings = (RDFS.subClassOf, RDFS.subPropertyOf, OWL.equivalentClass, OWL.equivalentProperty)
    targets = {str(o) for p in mappings for o in g.objects(None, p) if isinstance(o, URIRef)}
    namespaces = {str(ns) for ns in PREFIXES.values()}
    assert sorted(t for t in targets if not any(t.startswith(ns) for ns in namespaces)) == []
