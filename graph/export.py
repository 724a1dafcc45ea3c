"""Export a built graph to one file: an RDF serialisation, or a network for analysis tools.

Each format is a writer that registers itself in `WRITERS` with a one-line description;
`kg export --help` and the error for an unknown format are built from that table, so
a new format is one decorated function. A writer imports what it writes with when it
runs: the table itself costs nothing to import (`kg --help` reads it).

Turtle and N-Triples hold the merged graph (every document's facts in one); TriG and
JSON-LD keep one named graph per document, so the provenance survives. GraphML and
GEXF (Gephi, Cytoscape, networkx) hold the entity network of `graph.network.to_networkx`:
entities and the relations between them, with evidence counted on both; `with_evidence`
gives the full provenance graph instead, documents and evidence nodes included.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from graph.store.errors import StoreError


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
    from graph.store import convert_rdf

    return convert_rdf(location, "ttl")


@writes("nt", "N-Triples, the merged graph")
def _ntriples(location: Path, with_evidence: bool) -> bytes:
    from graph.store import convert_rdf

    return convert_rdf(location, "nt")


@writes("trig", "TriG, one named graph per document")
def _trig(location: Path, with_evidence: bool) -> bytes:
    from graph.store import convert_rdf

    return convert_rdf(location, "trig")


@writes("jsonld", "JSON-LD, one named graph per document")
def _jsonld(location: Path, with_evidence: bool) -> bytes:
    """JSON-LD with the project's prefixes as context, so keys read "rdfs:label"."""
    from graph.store import open_dataset
    from graph.vocab import PREFIXES

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

    from graph.network import to_networkx

    buffer = io.BytesIO()
    nx.write_graphml(to_networkx(location, with_evidence=with_evidence), buffer, encoding="utf-8")
    return buffer.getvalue()


@writes("gexf", "GEXF, the entity network (Gephi)", network=True)
def _gexf(location: Path, with_evidence: bool) -> bytes:
    import networkx as nx

    from graph.network import to_networkx

    buffer = io.BytesIO()
    nx.write_gexf(to_networkx(location, with_evidence=with_evidence), buffer, encoding="utf-8")
    return buffer.getvalue()


def _write_replacing(out: Path, data: bytes) -> None:
    """Write beside `out` and rename over it, so a failed export leaves the old file whole."""
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.partial-{os.getpid()}")
    try:
        partial.write_bytes(data)
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)
