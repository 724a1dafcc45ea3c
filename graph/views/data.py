"""Choosing what a view draws: entities, decisions and quotes as nodes, relations as edges.

Curated relations of the ontology are always drawn, the fallback verbs on request. Quotes
are in the view but hidden when it opens (their speakers' tooltips list them) unless the
Quote class is asked for. A focus narrows the view to the entities a few hops from one
name; a large view keeps its best-connected nodes.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator

import networkx as nx
from rdflib import RDF, Graph, URIRef

from graph.names import fold
from graph.views.labels import evidence, label, names, view_edge, view_node
from graph.views.ontology import relations, swedish_label
from graph.views.records import DRAWN_CLASSES, OTHER, Fact, ViewData, ViewError
from graph.views.roles import ROLE, former_posts
from graph.vocab import KG, VERB


def view_data(
    g: Graph,
    *,
    focus: str | None = None,
    depth: int = 1,
    classes: Collection[str] = (),
    max_nodes: int = 300,
    include_verbs: bool = False,
) -> ViewData:
    """Choose the nodes and edges of a view of `g`.

    focus: a label or alt label (any case); the view is then the entities within `depth`
        relation hops of it (every entity so named, if several are).
    classes: show only these classes (local names like "Person" or Swedish labels like
        "statlig myndighet"); the focus entity is shown whatever its class. Quotes are
        drawn when the page opens only if "Quote" is among them; otherwise they wait,
        hidden, for their legend button.
    max_nodes: a larger view keeps the best-connected nodes; `dropped` counts the rest.
    include_verbs: also draw the fallback verb relations (thin and grey).
    """
    if depth < 0:
        raise ViewError(f"depth must be 0 or more, not {depth}")
    if max_nodes < 1:
        raise ViewError(f"max_nodes must be 1 or more, not {max_nodes}")
    wanted = _class_names(classes)

    node_class = node_classes(g)
    facts = _facts(g, node_class, include_verbs)
    node_class.update(_untyped_endpoints(facts, node_class))
    seeds = focus_nodes(g, node_class, focus) if focus is not None else []

    keep = {n for n, cls in node_class.items() if not wanted or cls in wanted} | set(seeds)
    network = _network(keep, facts)
    if seeds:
        reach = nx.multi_source_dijkstra_path_length(network, seeds, cutoff=depth)
        network = network.subgraph(reach).copy()
    at_start = {n for n in network if n in seeds or _drawn_at_start(node_class[n], wanted)}
    shown = _reduce(network, at_start, seeds, max_nodes, g)
    dropped = network.number_of_nodes() - len(shown)
    network = network.subgraph(shown)

    backed_by = evidence(g)
    former = former_posts(g)
    edges = tuple(
        view_edge(g, fact, backed_by, former=fact in former)
        for fact in _unique(
            sorted(facts, key=lambda f: (str(f.source), str(f.predicate), str(f.target)))
        )
        if fact.source in shown and fact.target in shown
    )
    nodes = tuple(
        view_node(
            g,
            node,
            node_class[node],
            backed_by,
            degree=_degree(network, node, at_start),
            shown=node in at_start,
            focus=node in seeds,
        )
        for node in sorted(shown, key=lambda n: (label(g, n).casefold(), str(n)))
    )
    return ViewData(nodes, edges, dropped)


def _class_names(classes: Collection[str]) -> set[str]:
    """Local class names for what a user typed: 'person', 'Agency', 'statlig myndighet'."""
    known = {cls.casefold(): cls for cls in DRAWN_CLASSES}
    known |= {swedish_label(KG[cls]).casefold(): cls for cls in DRAWN_CLASSES}
    unknown = [c for c in classes if c.casefold() not in known]
    if unknown:
        raise ViewError(
            f"unknown class {', '.join(map(repr, unknown))}; choose from {', '.join(DRAWN_CLASSES)}"
        )
    return {known[c.casefold()] for c in classes}


def node_classes(g: Graph) -> dict[URIRef, str]:
    """Every drawable thing and its class; an Agency typed Organization too stays an Agency."""
    found: dict[URIRef, str] = {}
    for cls in DRAWN_CLASSES:  # most specific first, so the first class found wins
        for node in g.subjects(RDF.type, KG[cls]):
            if isinstance(node, URIRef):
                found.setdefault(node, cls)
    return found


def _facts(g: Graph, node_class: dict[URIRef, str], include_verbs: bool) -> list[Fact]:
    """Relations from a drawable node to another IRI (typed or not), curated then verbs."""
    drawn_relations, _ = relations()
    # A role node is drawn as the relation it stands behind, never as a node of its own.
    role_nodes = set(g.subjects(RDF.type, ROLE.Role))
    facts = []
    for source, predicate, target in g:
        if not (
            isinstance(source, URIRef)
            and isinstance(predicate, URIRef)
            and isinstance(target, URIRef)
        ):
            continue
        drawn = predicate in drawn_relations or (include_verbs and predicate.startswith(str(VERB)))
        if source in role_nodes or target in role_nodes:
            continue
        if drawn and (source in node_class or target in node_class):
            facts.append(Fact(source, predicate, target))
    return facts


def _untyped_endpoints(facts: Iterable[Fact], node_class: dict[URIRef, str]) -> dict[URIRef, str]:
    # An extractor may relate an entity to something it never typed; drawing it grey
    # shows the fact instead of hiding it.
    return {end: OTHER for f in facts for end in (f.source, f.target) if end not in node_class}


def _unique(facts: Iterable[Fact]) -> Iterator[Fact]:
    """Each fact once; a symmetric relation written both ways is one fact."""
    _, symmetric = relations()
    seen: set[tuple[str, ...]] = set()
    for fact in facts:
        ends = (str(fact.source), str(fact.target))
        key = (
            (str(fact.predicate), *sorted(ends))
            if fact.predicate in symmetric
            else (str(fact.predicate), *ends)
        )
        if key not in seen:
            seen.add(key)
            yield fact


def _network(nodes: set[URIRef], facts: Iterable[Fact]) -> nx.Graph:
    """The undirected graph of `nodes`, used for hops and degrees (direction does not matter)."""
    network = nx.Graph()
    network.add_nodes_from(nodes)
    network.add_edges_from(
        (f.source, f.target)
        for f in facts
        if f.source in nodes and f.target in nodes and f.source != f.target
    )
    return network


def _drawn_at_start(cls: str, wanted: set[str]) -> bool:
    """Quotes wait for their legend button unless asked for: dozens of them bury the entities."""
    return cls != "Quote" or "Quote" in wanted


def _degree(network: nx.Graph, node: URIRef, at_start: set[URIRef]) -> int:
    """Edges to the nodes the page draws when it opens, which size the node."""
    return sum(1 for other in network[node] if other in at_start)


def _reduce(
    network: nx.Graph, at_start: set[URIRef], seeds: list[URIRef], max_nodes: int, g: Graph
) -> set[URIRef]:
    """The focus nodes, then the highest-degree nodes drawn at start, up to max_nodes in all."""
    ranked = sorted(
        network.nodes,
        key=lambda n: (
            n not in seeds,
            n not in at_start,
            -_degree(network, n, at_start),
            label(g, n).casefold(),
            str(n),
        ),
    )
    return set(ranked[: max(max_nodes, len(seeds))])


def focus_nodes(g: Graph, node_class: dict[URIRef, str], focus: str) -> list[URIRef]:
    """The nodes whose label or alt label is `focus`, ignoring case and spacing."""
    named: dict[str, set[URIRef]] = defaultdict(set)
    for node in node_class:
        for name in names(g, node):
            named[fold(name)].add(node)
    wanted = fold(focus)
    if wanted in named:
        return sorted(named[wanted], key=str)
    close = difflib.get_close_matches(wanted, named, n=5, cutoff=0.6)
    close += [name for name in sorted(named) if wanted and wanted in name and name not in close]
    suggestions = list(dict.fromkeys(label(g, n) for name in close[:5] for n in named[name]))
    hint = f"close matches: {', '.join(suggestions)}" if suggestions else "no close matches"
    raise ViewError(f"no entity is called {focus!r}; {hint}")
