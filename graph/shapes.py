"""Check a built graph against the SHACL shapes in ontology/shapes.ttl.

The ontology (kg.ttl) is loaded beside the data and RDFS inference runs
first, so subclasses count ("a kg:Agency is a kg:Organization") and
kg:headOf links are kg:worksFor links too. pyshacl works on a copy: the
graph passed in is left as it was.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from rdflib import BNode, Graph, Node
from rdflib.namespace import SH, NamespaceManager

from graph.vocab import DOC, ID, KG, VERB, ontology_dir


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
    show = _Display(g)
    # Top-level results only: each sh:node / sh:or failure also carries the
    # nested result that caused it, which would repeat the same problem.
    messages = sorted(_describe(results, r, show) for r in results.objects(None, SH.result))
    return ShapeReport(bool(conforms), tuple(dict.fromkeys(messages)))


class _Display:
    """Writes nodes of the data graph as a reader finds them again in the Turtle."""

    #: How much of an evidence sentence names its (blank) node.
    SNIPPET = 40

    def __init__(self, g: Graph) -> None:
        self.g = g
        self.names = NamespaceManager(Graph(bind_namespaces="rdflib"))
        for prefix, namespace in g.namespaces():
            self.names.bind(prefix, namespace, replace=True)
        for ours, space in (("kg", KG._NS), ("id", ID), ("doc", DOC), ("verb", VERB)):
            self.names.bind(ours, space, override=False)

    def __call__(self, node: Node | None) -> str:
        """id:torsby, "Torsby", or an evidence node by its sentence."""
        if node is None:
            return "?"
        sentence = self.g.value(node, KG.sentence) if isinstance(node, BNode) else None
        if sentence is not None:
            text = str(sentence)
            cut = text[: self.SNIPPET] + ("…" if len(text) > self.SNIPPET else "")
            return f'[kg:sentence "{cut}"]'
        return node.n3(self.names)


def _describe(results: Graph, result: Node, show: _Display) -> str:
    """One violation as a line a person can act on."""
    focus = results.value(result, SH.focusNode)
    path = results.value(result, SH.resultPath)
    value = results.value(result, SH.value)
    message = str(results.value(result, SH.resultMessage) or "violates a shape")
    where = show(focus)
    if path is not None:
        inverse = results.value(path, SH.inversePath)
        # An inverse path as SPARQL writes it: ^kg:decided.
        where += " " + ("^" + show(inverse) if inverse is not None else show(path))
    if value is not None and value != focus:
        message += f" (value: {show(value)})"
    return f"{where}: {message}"
