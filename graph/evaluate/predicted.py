"""A built graph as the scorer sees it: typed nodes, their labels, their edges by local name."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Final, NamedTuple

from rdflib import RDF, RDFS, Graph, Literal
from rdflib.namespace import FOAF, SKOS
from rdflib.term import Node

from graph.evaluate.names import CORE_CLASSES, compared_form
from graph.vocab import ENTITY_CLASSES, local_name

#: Predicates whose literal objects name a node (schema:name counts like foaf:name).
LABEL_PREDICATES: Final = frozenset(
    map(local_name, (RDFS.label, SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel, FOAF.name))
)


class NodeName(NamedTuple):
    """How a report names a predicted node."""

    iri: str
    #: Its smallest folded label: the name the reference scorer gives it.
    folded: str | None
    #: A label as written (its rdfs:label if it has one).
    label: str | None
    #: Its most specific core class.
    cls: str | None

    @property
    def reference_name(self) -> str:
        """The folded label, or the IRI of an unlabelled node."""
        return self.folded if self.folded is not None else self.iri

    @property
    def order(self) -> tuple[str, str]:
        """The order of nodes in a report: by name, as the reference lists them."""
        return (self.reference_name, self.iri)


def _with_superclasses(classes: Iterable[str], parents: Mapping[str, set[str]]) -> set[str]:
    seen: set[str] = set()
    todo = list(classes)
    while todo:
        if (current := todo.pop()) not in seen:
            seen.add(current)
            todo.extend(parents.get(current, ()))
    return seen


class PredictedGraph:
    """The graph read once into plain maps; a missing key reads as an empty set.

    A node is scored as an entity when its rdf:type, closed over the
    rdfs:subClassOf statements the graph itself makes, is one of the core classes.
    """

    def __init__(self, graph: Graph) -> None:
        parents: dict[str, set[str]] = defaultdict(set)
        for child, _, parent in graph.triples((None, RDFS.subClassOf, None)):
            parents[local_name(child)].add(local_name(parent))
        #: Node → the local names of its rdf:types.
        self.asserted: defaultdict[Node, set[str]] = defaultdict(set)
        for node, _, cls in graph.triples((None, RDF.type, None)):
            self.asserted[node].add(local_name(cls))
        #: Node → its classes, closed over rdfs:subClassOf.
        self.classes: defaultdict[Node, set[str]] = defaultdict(set)
        for node, asserted in self.asserted.items():
            self.classes[node] = _with_superclasses(asserted, parents)
        #: Node → its labels, folded; and as written in rdfs:label.
        self.labels: defaultdict[Node, set[str]] = defaultdict(set)
        self.written: defaultdict[Node, set[str]] = defaultdict(set)
        #: (node, predicate's local name) → the objects.
        self.edges: defaultdict[tuple[Node, str], set[Node]] = defaultdict(set)
        for subject, predicate, obj in graph:
            name = local_name(predicate)
            self.edges[subject, name].add(obj)
            if name in LABEL_PREDICATES and isinstance(obj, Literal):
                self.labels[subject].add(compared_form(obj))
                if predicate == RDFS.label:
                    self.written[subject].add(str(obj))
        #: The nodes scored as entities, in the graph's order.
        self.nodes = [node for node, classes in self.classes.items() if classes & CORE_CLASSES]

    def name(self, node: Node) -> NodeName:
        labels = self.labels[node]
        # The asserted class is the specific one (Agency, not also Organization).
        classes = self.asserted[node] & CORE_CLASSES or self.classes[node]
        return NodeName(
            iri=str(node),
            folded=min(labels, default=None),
            label=min(self.written[node] or labels, default=None),
            cls=next((c for c in ENTITY_CLASSES if c in classes), None),
        )
