"""Reading a built graph: a build folder or a single RDF file, by rdflib or by Oxigraph.

A build folder holds ``graph.trig`` (one named graph per document plus the default
graph), ``graph.ttl`` (the merged graph) and ``store/`` (an Oxigraph store on disk).
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib.exceptions import ParserError

from graph.layout import TRIG_FILE, TURTLE_FILE
from graph.store.errors import StoreError, first_line
from graph.vocab import bind_prefixes

#: RDF files we read, by suffix, with rdflib's parser name.
RDF_SUFFIXES: dict[str, str] = {
    ".ttl": "turtle",
    ".trig": "trig",
    ".nt": "nt",
    ".nq": "nquads",
    ".jsonld": "json-ld",
}


def open_dataset(location: Path) -> rdflib.Dataset:
    """The quads at `location`: a build folder (its graph.trig, else graph.ttl) or one RDF file.

    Triple formats (.ttl, .nt, .jsonld without named graphs) land in the default graph.
    """
    source = _source_file(location)
    dataset = rdflib.Dataset()
    bind_prefixes(dataset)
    try:
        dataset.parse(source, format=RDF_SUFFIXES[source.suffix])
    # Turtle's BadSyntax is a SyntaxError, N-Triples' a ParserError, broken JSON a ValueError.
    except (SyntaxError, ValueError, ParserError) as error:
        raise StoreError(f"cannot read {source}: {first_line(error)}") from error
    return dataset


def open_graph(location: Path) -> rdflib.Graph:
    """The merged graph at `location`: the union of every named graph and the default graph."""
    return merged(open_dataset(location))


def merged(dataset: rdflib.Dataset) -> rdflib.Graph:
    """The union of all graphs of `dataset` as one plain graph (what graph.ttl holds)."""
    g = bind_prefixes(rdflib.Graph())
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def read_quads(location: Path) -> list[ox.Quad]:
    """The quads at `location`, read by Oxigraph: no rdflib terms in between."""
    source = _source_file(location)
    try:
        return list(ox.parse(path=source, format=ox.RdfFormat.from_extension(source.suffix[1:])))
    except SyntaxError as error:
        raise StoreError(f"cannot read {source}: {first_line(error)}") from error


def _source_file(location: Path) -> Path:
    """The file that holds the graph at `location`: graph.trig, else graph.ttl, or the file."""
    if location.is_dir():
        for name in (TRIG_FILE, TURTLE_FILE):
            if (location / name).is_file():
                return location / name
    elif location.is_file():
        if location.suffix not in RDF_SUFFIXES:
            known = " ".join(RDF_SUFFIXES)
            raise StoreError(f"cannot read {location}: not an RDF file ({known})")
        return location
    raise StoreError(f"no graph at {location}: run `kg build` first")
