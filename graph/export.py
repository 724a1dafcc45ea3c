"""Export a built graph to one file: an RDF serialisation, or GraphML for network tools.

Turtle and N-Triples hold the merged graph (every document's facts in one);
TriG and JSON-LD keep one named graph per document, so the provenance survives.
GraphML is the entity network as Gephi, Cytoscape or networkx read it.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import networkx as nx
import rdflib
from rdflib import RDF, RDFS, BNode, Literal

from graph.store import RDF_WRITERS, StoreError, convert_rdf, open_dataset, open_graph
from graph.vocab import PREFIXES, local_name

EXPORT_FORMATS = ("ttl", "nt", "trig", "jsonld", "graphml")

#: Node attributes GraphML gets from the RDF; other literals are keyed by predicate local name.
LABEL_ATTRIBUTE = "label"
CLASS_ATTRIBUTE = "class"
#: Several values of one attribute (two alt labels, two classes) share one GraphML string.
VALUE_SEPARATOR = "; "


def export(location: Path, fmt: str, out: Path) -> None:
    """Write the graph at `location` (a build folder or an RDF file) to `out` in format `fmt`.

    `out` is replaced only once the whole export is written.
    """
    if fmt in RDF_WRITERS:
        data = convert_rdf(location, fmt)
    elif fmt == "jsonld":
        data = _jsonld(open_dataset(location))
    elif fmt == "graphml":
        buffer = io.BytesIO()
        nx.write_graphml(to_networkx(open_graph(location)), buffer, encoding="utf-8")
        data = buffer.getvalue()
    else:
        raise StoreError(f"unknown export format {fmt!r}: use one of {', '.join(EXPORT_FORMATS)}")
    _write_replacing(out, data)


def _jsonld(dataset: rdflib.Dataset) -> bytes:
    """JSON-LD with the project's prefixes as context, so keys read "rdfs:label"."""
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


def to_networkx(graph: rdflib.Graph) -> nx.MultiDiGraph:
    """The entity network of `graph`: one node per IRI or blank node, one edge per relation.

    A node carries its `label` (rdfs:label), its `class` (local names of its
    rdf:type) and each literal property under the predicate's local name
    (``jobTitle``, ``altLabel``, ``numberOfEmployees``), all as strings so every
    GraphML reader agrees on the type. An edge between two nodes carries the
    predicate's local name (`predicate`) and full IRI (`iri`).
    """
    network = nx.MultiDiGraph()
    values: dict[str, dict[str, set[str]]] = {}
    for subject, predicate, obj in graph:
        source = _node_id(subject)
        network.add_node(source)
        if predicate == RDF.type:
            values.setdefault(source, {}).setdefault(CLASS_ATTRIBUTE, set()).add(local_name(obj))
        elif isinstance(obj, Literal):
            key = LABEL_ATTRIBUTE if predicate == RDFS.label else local_name(predicate)
            values.setdefault(source, {}).setdefault(key, set()).add(str(obj))
        else:
            name = local_name(predicate)
            network.add_edge(source, _node_id(obj), key=name, predicate=name, iri=str(predicate))
    for node, attributes in values.items():
        for key, found in attributes.items():
            network.nodes[node][key] = VALUE_SEPARATOR.join(sorted(found))
    return network


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
