"""The entity network of a graph, for network tools: networkx, and through it GraphML and GEXF.

A node is an entity and an edge a relation between two entities, both with evidence
counts; `to_networkx(..., with_evidence=True)` gives the full provenance graph instead,
documents and evidence nodes included. `graph.export` writes these networks to files.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import rdflib
from rdflib import OWL, PROV, RDF, RDFS, BNode, Literal, URIRef

from graph.store import open_graph
from graph.vocab import KG, local_name

if TYPE_CHECKING:
    import networkx as nx

#: Node attributes from the RDF; other literals are keyed by their predicate's local name.
LABEL_ATTRIBUTE = "label"
CLASS_ATTRIBUTE = "class"
#: Counts on entity nodes and relation edges: evidence rows, and documents they come from.
EVIDENCE_ATTRIBUTE = "evidence"
DOCUMENTS_ATTRIBUTE = "documents"
#: Several values of one attribute (two alt labels, two classes) share one string.
VALUE_SEPARATOR = "; "
#: Classes whose members are bookkeeping, not entities: left out of the entity network.
PROVENANCE_CLASSES = frozenset({KG.Evidence, KG.Document})
#: Predicates the entity network reads into counts instead of drawing as edges.
PROVENANCE_PREDICATES = frozenset({KG.mentionedIn})

Fact = tuple[rdflib.term.Node, rdflib.term.Node, rdflib.term.Node]


def to_networkx(source: rdflib.Graph | Path, *, with_evidence: bool = False) -> nx.MultiDiGraph:
    """The entity network of a graph (or of the build folder or RDF file at a path).

    A node is an entity (an agency, person, office, decision, quote, role ...): its
    `label` (rdfs:label), its `class` (local names of its rdf:type), each literal or
    outside IRI (owl:sameAs) under the predicate's local name, and the counts
    `documents` (articles that mention it) and `evidence` (evidence rows naming it).
    An edge is a relation between two entities, keyed by the predicate's local name
    (`predicate`, full IRI in `iri`), with `evidence` and `documents` counting the
    rows and articles that state it. Documents and evidence nodes are left out.

    `with_evidence` gives the full provenance graph instead: every IRI and blank node
    (documents and evidence included) and every triple between two of them as an edge.
    """
    import networkx as nx

    graph = source if isinstance(source, rdflib.Graph) else open_graph(source)
    if with_evidence:
        return _provenance_network(graph)
    entities = _entities(graph)
    evidence = _evidence_counts(graph)
    network = nx.MultiDiGraph()
    values: dict[str, dict[str, set[str]]] = {}
    for subject, predicate, obj in graph:
        if subject not in entities:
            continue
        source_id = str(subject)
        if predicate == RDF.type:
            _collect(values, source_id, CLASS_ATTRIBUTE, local_name(obj))
        elif predicate in PROVENANCE_PREDICATES:
            continue
        elif obj in entities:
            name = local_name(predicate)
            rows, documents = evidence.get((subject, predicate, obj), (0, 0))
            network.add_edge(
                source_id,
                str(obj),
                key=name,
                predicate=name,
                iri=str(predicate),
                **{EVIDENCE_ATTRIBUTE: rows, DOCUMENTS_ATTRIBUTE: documents},
            )
        elif isinstance(obj, Literal | URIRef):
            key = LABEL_ATTRIBUTE if predicate == RDFS.label else local_name(predicate)
            _collect(values, source_id, key, str(obj))
    mentions = Counter(s for s, _, _ in graph.triples((None, KG.mentionedIn, None)))
    named = Counter(
        term
        for node in graph.subjects(RDF.type, KG.Evidence)
        for term in (graph.value(node, RDF.subject), graph.value(node, RDF.object))
        if term in entities
    )
    for entity in entities:
        network.add_node(
            str(entity),
            **{DOCUMENTS_ATTRIBUTE: mentions[entity], EVIDENCE_ATTRIBUTE: named[entity]},
        )
    _set_values(network, values)
    return network


def _entities(graph: rdflib.Graph) -> set[URIRef]:
    """Every typed IRI that is not a document, an evidence row or a class of the ontology."""
    evidence = set(graph.subjects(RDF.type, KG.Evidence))
    return {
        subject
        for subject, cls in graph.subject_objects(RDF.type)
        if isinstance(subject, URIRef)
        and subject not in evidence
        and cls not in PROVENANCE_CLASSES
        and cls not in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    }


def _evidence_counts(graph: rdflib.Graph) -> dict[Fact, tuple[int, int]]:
    """(subject, predicate, object) → (evidence rows, distinct documents) for each stated fact."""
    rows: Counter[Fact] = Counter()
    documents: dict[Fact, set[rdflib.term.Node]] = {}
    for node in graph.subjects(RDF.type, KG.Evidence):
        subject = graph.value(node, RDF.subject)
        predicate = graph.value(node, RDF.predicate)
        obj = graph.value(node, RDF.object)
        if subject is None or predicate is None or obj is None:
            continue
        rows[subject, predicate, obj] += 1
        documents.setdefault((subject, predicate, obj), set()).update(
            graph.objects(node, PROV.wasDerivedFrom)
        )
    return {fact: (n, len(documents[fact])) for fact, n in rows.items()}


def _provenance_network(graph: rdflib.Graph) -> nx.MultiDiGraph:
    import networkx as nx

    network = nx.MultiDiGraph()
    values: dict[str, dict[str, set[str]]] = {}
    for subject, predicate, obj in graph:
        source = _node_id(subject)
        network.add_node(source)
        if predicate == RDF.type:
            _collect(values, source, CLASS_ATTRIBUTE, local_name(obj))
        elif isinstance(obj, Literal):
            key = LABEL_ATTRIBUTE if predicate == RDFS.label else local_name(predicate)
            _collect(values, source, key, str(obj))
        else:
            name = local_name(predicate)
            network.add_edge(source, _node_id(obj), key=name, predicate=name, iri=str(predicate))
    _set_values(network, values)
    return network


def _collect(values: dict[str, dict[str, set[str]]], node: str, key: str, value: str) -> None:
    values.setdefault(node, {}).setdefault(key, set()).add(value)


def _set_values(network: nx.MultiDiGraph, values: dict[str, dict[str, set[str]]]) -> None:
    """Each attribute as one string (sorted values joined), so every reader agrees on its type."""
    for node, attributes in values.items():
        for key, found in attributes.items():
            network.nodes[node][key] = VALUE_SEPARATOR.join(sorted(found))


def _node_id(term: rdflib.term.Node) -> str:
    return f"_:{term}" if isinstance(term, BNode) else str(term)
