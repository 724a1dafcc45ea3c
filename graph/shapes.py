"""Check a built graph against the SHACL shapes in ontology/shapes.ttl.

The ontology (kg.ttl) is loaded beside the data and RDFS inference runs
first, so subclasses count ("a kg:Agency is a kg:Organization") and
kg:headOf links are kg:worksFor links too. pyshacl works on a copy: the
graph passed in is left as it was.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from rdflib import Graph, Node
from rdflib.namespace import SH

from graph.vocab import ontology_dir


class ShapeReport(NamedTuple):
    """Whether the graph conforms, and one line per violation."""

    conforms: bool
    #: "<focus node> <path>: <message> (value: <value>)", sorted.
    messages: tuple[str, ...]


@cache
def _shapes() -> Graph:
    return Graph().parse(ontology_dir() / "shapes.ttl")


@cache
def _ontology() -> Graph:
    return Graph().parse(ontology_dir() / "kg.ttl")


def validate(g: Graph) -> ShapeReport:
    """Validate `g` against the shapes; the report names every violation."""
    # Imported here: pyshacl is a test and tooling dependency, not one of `kg build`.
    from pyshacl import validate as shacl_validate

    conforms, results, _text = shacl_validate(
        g,
        shacl_graph=_shapes(),
        ont_graph=_ontology(),
        inference="rdfs",
    )
    if not isinstance(results, Graph):
        # pyshacl returns, rather than raises, a failure to run (a broken shapes file).
        raise RuntimeError(f"SHACL validation could not run: {results}")
    # Top-level results only: each sh:node / sh:or failure also carries the
    # nested result that caused it, which would repeat the same problem.
    messages = sorted(_describe(results, result, g) for result in results.objects(None, SH.result))
    return ShapeReport(bool(conforms), tuple(dict.fromkeys(messages)))


def _describe(results: Graph, result: Node, g: Graph) -> str:
    """One violation as a line a person can act on."""
    focus = results.value(result, SH.focusNode)
    path = results.value(result, SH.resultPath)
    value = results.value(result, SH.value)
    message = str(results.value(result, SH.resultMessage) or "violates a shape")
    where = _show(focus, g)
    if path is not None:
        where += " " + _show_path(path, results, g)
    if value is not None and value != focus:
        message += f" (value: {_show(value, g)})"
    return f"{where}: {message}"


def _show(node: Node | None, g: Graph) -> str:
    """A node as Turtle, with the data graph's prefixes: id:torsby, "Torsby"."""
    return node.n3(g.namespace_manager) if node is not None else "?"


def _show_path(path: Node, results: Graph, g: Graph) -> str:
    """A property path; an inverse path as SPARQL writes it: ^kg:decided."""
    inverse = results.value(path, SH.inversePath)
    return "^" + _show(inverse, g) if inverse is not None else _show(path, g)
