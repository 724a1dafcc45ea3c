"""Export a built graph to one file: an RDF serialisation, or a network for analysis tools.

Each format is a writer that registers itself in `WRITERS` with a one-line description;
`kg export --help` and the error for an unknown format are built from that table, so
a new format is one decorated function.

Turtle and N-Triples hold the merged graph (every document's facts in one); TriG and
JSON-LD keep one named graph per document, so the provenance survives. GraphML and
GEXF (Gephi, Cytoscape, networkx) hold the entity network of `to_networkx`: entities
and the relations between them, with evidence counted on both; `with_evidence`
gives the full provenance graph instead, documents and evidence nodes included.
"""

from __future__ import annotations

import io
import json
import os
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import rdflib
from rdflib import OWL, PROV, RDF, RDFS, BNode, Literal, URIRef

from graph.store import StoreError, convert_rdf, open_dataset, open_graph
from graph.vocab import KG, PREFIXES, local_name

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


class Writer(NamedTuple):
    """One export format: what it holds (for help and errors) and how it is written."""

    description: str
    write: Callable[[Path, bool], bytes]  # (location, with_evidence) -> file contents
    network: bool  # whether `with_evidence` means anything to it


#: The export formats, by the name `kg export --format` takes, in the order help lists them.
WRITERS: dict[str, Writer] = {}


def writes(
    fmt: str, description: str, *, network: bool = False
) -> Callable[[Callable[[Path, bool], bytes]], Callable[[Path, bool], bytes]]:
    """Register the decorated function as the writer of format `fmt`."""

    def register(write: Callable[[Path, bool], bytes]) -> Callable[[Path, bool], bytes]:
        WRITERS[fmt] = Writer(description, write, network)
        return write

    return register


def describe_formats() -> str:
    """The formats as help lists them: "ttl: Turtle, the merged graph; nt: ..."."""
    return "; ".join(f"{fmt}: {writer.description}" for fmt, writer in WRITERS.items())


def export(location: Path, fmt: str, out: Path, *, with_evidence: bool = False) -> None:
    """Write the graph at `location` (a build folder or an RDF file) to `out` in format `fmt`.

    `with_evidence` (network formats only) writes the full provenance graph instead of
    the entity network. `out` is replaced only once the whole export is written.
    """
    writer = WRITERS.get(fmt)
    if writer is None:
        raise StoreError(f"unknown export format {fmt!r}: use one of {', '.join(WRITERS)}")
    if with_evidence and not writer.network:
        networks = ", ".join(name for name, each in WRITERS.items() if each.network)
        raise StoreError(f"--with-evidence is for the network formats ({networks})")
    _write_replacing(out, writer.write(location, with_evidence))


@writes("ttl", "Turtle, the merged graph")
def _turtle(location: Path, with_evidence: bool) -> bytes:
    return convert_rdf(location, "ttl")


@writes("nt", "N-Triples, the merged graph")
def _ntriples(location: Path, with_evidence: bool) -> bytes:
    return convert_rdf(location, "nt")


@writes("trig", "TriG, one named graph per document")
def _trig(location: Path, with_evidence: bool) -> bytes:
    return convert_rdf(location, "trig")


@writes("jsonld", "JSON-LD, one named graph per document")
def _jsonld(location: Path, with_evidence: bool) -> bytes:
    """JSON-LD with the project's prefixes as context, so keys read "rdfs:label"."""
    dataset = open_dataset(location)
    document = json.loads(dataset.serialize(format="json-ld", context=PREFIXES, auto_compact=True))
    # rdflib nests a default graph of several nodes as {"@graph": [...]} without an "@id",
    # which JSON-LD processors read as a named graph with a blank-node name; its nodes
    # belong at the top level, beside the named graphs.
    top = document.get("@graph")
    if isinstance(top, list):
        document["@graph"] = [
            node
            for item in top
            for node in (item["@graph"] if item.keys() == {"@graph"} else [item])
        ]
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")


@writes("graphml", "GraphML, the entity network (Gephi, Cytoscape, networkx)", network=True)
def _graphml(location: Path, with_evidence: bool) -> bytes:
    import networkx as nx

    buffer = io.BytesIO()
    nx.write_graphml(to_networkx(location, with_evidence=with_evidence), buffer, encoding="utf-8")
    return buffer.getvalue()


@writes("gexf", "GEXF, the entity network (Gephi)", network=True)
def _gexf(location: Path, with_evidence: bool) -> bytes:
    import networkx as nx

    buffer = io.BytesIO()
    nx.write_gexf(to_networkx(location, with_evidence=with_evidence), buffer, encoding="utf-8")
    return buffer.getvalue()


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


def _write_replacing(out: Path, data: bytes) -> None:
    """Write beside `out` and rename over it, so a failed export leaves the old file whole."""
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.partial-{os.getpid()}")
    try:
        partial.write_bytes(data)
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)
