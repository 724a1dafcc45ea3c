"""The page: a view's records as one HTML file with vis-network inlined.

The page opens without a network connection. Labels come from text, so they are never
trusted as HTML: the canvas draws them as text, tooltips are built with `textContent` in
the page, and everything else goes through Jinja's escaping (`tojson` escapes ``<``,
``>`` and ``&`` inside the script).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import networkx as nx
import pyvis
from markupsafe import Markup
from pyvis.network import Network
from rdflib import Graph, URIRef

from graph.views.data import view_data
from graph.views.ontology import class_label
from graph.views.pages import template
from graph.views.records import ViewData, ViewEdge, ViewNode
from graph.views.style import (
    CLASS_STYLES,
    EDGE_FONT,
    FOCUS_BORDER,
    FOCUS_GROWTH,
    FOCUS_NODE,
    FORMER_SUFFIX,
    ISOLATED_CELL,
    LABEL_WIDTH,
    LAYOUT_SEED,
    LEGIBLE_EDGE_LABEL,
    MAX_OPENING_ZOOM,
    QUIET_LABEL,
    RELATION_STYLES,
    RING_STEP,
    SPREAD,
    Spoke,
    edge_style,
    font_size,
    vis_edge,
    vis_options,
)
from graph.views.text import name_from_iri, wrapped

#: vis-network as pyvis ships it (the files its own "in_line" mode inlines).
_VIS_DIR = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"


class _LegendEntry(NamedTuple):
    cls: str
    label: str
    colour: str
    shape: str
    nodes: int  # how many nodes of the class the view has
    on: bool  # drawn when the page opens (quotes wait for their button)


class _RelationEntry(NamedTuple):
    predicate: str
    label: str
    colour: str
    width: float
    dasharray: str  # SVG stroke-dasharray, "" for a solid line
    edges: int


def to_html(data: ViewData, *, title: str = "myndighetsgraf") -> str:
    """One self-contained HTML page drawing `data`; it loads nothing from the network."""
    net = Network(height="100%", width="100%", directed=True)
    start = _start(data)
    for node in data.nodes:
        net.add_node(node.id, **_vis_node(node), **start.get(node.id, {}))
    focus = {node.id for node in data.nodes if node.focus}
    degree = {node.id: node.degree for node in data.nodes}
    spokes: Counter[str] = Counter()  # edges met so far at each hub
    for edge in data.edges:
        hub, other = sorted((edge.source, edge.target), key=lambda end: -degree[end])
        spokes[hub] += 1
        spoke = Spoke(degree[hub], degree[other], spokes[hub])
        net.add_edge(edge.source, edge.target, **_vis_edge(edge, focus, spoke))
    net.options = vis_options(len(data.nodes))  # pyvis hands a dict to vis-network as it is
    nodes, edges, _, _, _, options = net.get_network_data()

    shown = {node.id for node in data.nodes if node.shown}
    counts = Counter(node.cls for node in data.nodes)
    legend = [
        _LegendEntry(
            cls,
            class_label(cls),
            style.colour,
            style.shape,
            counts[cls],
            any(n.shown for n in data.nodes if n.cls == cls),
        )
        for cls, style in CLASS_STYLES.items()
        if counts[cls]
    ]
    return template("view.html").render(
        title=title,
        nodes=nodes,
        edges=edges,
        options=Markup(options),  # json.dumps of our own constants, no text from the graph
        legend=legend,
        relations=_relation_legend(data),
        former_edges=sum(e.former for e in data.edges),
        quiet=QUIET_LABEL,
        classes={cls: class_label(cls) for cls in CLASS_STYLES},
        edge_font=EDGE_FONT,
        legible=LEGIBLE_EDGE_LABEL,
        focus=[node.label for node in data.nodes if node.focus],
        shown_nodes=len(shown),
        shown_edges=sum(e.source in shown and e.target in shown for e in data.edges),
        dropped=data.dropped,
        verb_edges=sum(e.verb for e in data.edges),
        isolated_cell=ISOLATED_CELL,
        max_zoom=MAX_OPENING_ZOOM,
        vis_css=Markup(_asset("vis-network.css")),
        vis_js=Markup(_asset("vis-network.min.js")),
    )


def _start(data: ViewData) -> dict[str, dict[str, float]]:
    """Where physics starts each node drawn at start: rings round an ego view's focus, or
    else a seeded spring layout of the whole. vis-network's own random start often leaves
    two hubs' neighbourhoods tangled; from an untangled start it only has to refine."""
    if any(node.focus for node in data.nodes):
        return _rings(data)
    shown = {node.id for node in data.nodes if node.shown and node.degree}
    network = nx.Graph()
    network.add_nodes_from(sorted(shown))
    network.add_edges_from(
        (e.source, e.target) for e in data.edges if e.source in shown and e.target in shown
    )
    if not network.number_of_nodes():
        return {}
    scale = SPREAD * math.sqrt(network.number_of_nodes())
    places = nx.spring_layout(network, seed=LAYOUT_SEED, scale=scale)
    return {node: {"x": float(x), "y": float(y)} for node, (x, y) in places.items()}


def _rings(data: ViewData) -> dict[str, dict[str, float]]:
    """Starting places for an ego view: the focus in the middle, the entities one hop away
    evenly round it, two hops further out, and so on (by class, then name, round each ring).

    Physics starts from there and keeps the rings' order, so the focus's neighbours end up
    all round it instead of crowded on one side.
    """
    hops = {node.id: 0 for node in data.nodes if node.focus}
    if not hops:
        return {}
    neighbours: dict[str, set[str]] = {node.id: set() for node in data.nodes}
    for edge in data.edges:
        neighbours[edge.source].add(edge.target)
        neighbours[edge.target].add(edge.source)
    ring = list(hops)
    while ring:
        ring = sorted({n for r in ring for n in neighbours[r] if n not in hops})
        hops |= dict.fromkeys(ring, max(hops.values()) + 1)
    order = list(CLASS_STYLES)
    by_ring: dict[int, list[ViewNode]] = {}
    for node in sorted(data.nodes, key=lambda n: (order.index(n.cls), n.label.casefold())):
        by_ring.setdefault(hops.get(node.id, 0), []).append(node)
    start = {}
    for hop, nodes in by_ring.items():
        for i, node in enumerate(nodes):
            angle = 2 * math.pi * i / len(nodes)
            radius = hop * RING_STEP
            start[node.id] = {"x": radius * math.cos(angle), "y": radius * math.sin(angle)}
    return start


def _vis_node(node: ViewNode) -> dict[str, Any]:
    """vis-network options of one node. An isolated entity stays out of the layout: the page
    lines such entities up under the graph once it has settled."""
    style = CLASS_STYLES[node.cls]
    options: dict[str, Any] = {
        "label": wrapped(node.label, LABEL_WIDTH),
        "name": node.label,
        "names": list(node.names),
        "group": node.cls,
        "title": node.label,  # the hover tooltip names it; a click opens the side panel
        "panel": node.title,
        "sources": [list(source) for source in node.sources],
        "size": node.size,
        "shape": style.shape,
        "font": {"size": font_size(node)},
        "hidden": not node.shown,
        "isolated": node.degree == 0 and not node.focus,
    }
    if node.focus:
        colour = {"background": style.colour, "border": FOCUS_BORDER}
        options |= FOCUS_NODE | {
            "size": node.size * FOCUS_GROWTH,
            "color": colour | {"highlight": colour, "hover": colour},
            "focus": True,
            "fixed": True,  # the middle of its rings while physics runs; the page frees it
        }
    if options["isolated"]:
        options |= {"physics": False}
    return options


def _vis_edge(edge: ViewEdge, focus: set[str], spoke: Spoke) -> dict[str, Any]:
    """vis-network options of one edge. A quiet edge (see LabelShown) keeps its label
    transparent until the page paints it in on hover or selection."""
    style = edge_style(edge)
    options = vis_edge(style, spoke) | {
        "label": edge.label,
        "title": edge.title.split("\n", 1)[0],  # the fact; its sentences are in the panel
        "evidence": [[q.sentence, q.marks, list(q.source)] for q in edge.evidence],
        "predicate": edge.predicate,
        "former": edge.former,
        "arrows": {"to": {"enabled": not edge.symmetric, "scaleFactor": 0.6}},
        "verb": edge.verb,
    }
    if edge.former:  # a post the holder has left: said so, and drawn fainter
        options |= {"label": f"{edge.label} {FORMER_SUFFIX}", "dashes": [4, 4]}
    at_focus = bool({edge.source, edge.target} & focus)
    if style.label == "hover" or (style.label == "focus" and not at_focus):
        options |= {"quiet": True, "font": QUIET_LABEL}
    return options


def _relation_legend(data: ViewData) -> list[_RelationEntry]:
    """One legend line per curated relation the view draws, in the order of RELATION_STYLES."""
    curated = [edge for edge in data.edges if not edge.verb]
    counts = Counter(edge.predicate for edge in curated)
    example = {edge.predicate: edge for edge in curated}
    order = list(RELATION_STYLES)

    def rank(predicate: str) -> tuple[int, str]:
        name = name_from_iri(URIRef(predicate))
        return (order.index(name) if name in order else len(order), predicate)

    entries = []
    for predicate in sorted(counts, key=rank):
        edge = example[predicate]
        style = edge_style(edge)
        entries.append(
            _RelationEntry(
                predicate,
                edge.label,
                style.colour,
                style.width,
                _dasharray(style.dashes),
                counts[predicate],
            )
        )
    return entries


def _dasharray(dashes: bool | list[int]) -> str:
    """vis-network's dashes as an SVG stroke-dasharray for the legend's sample line."""
    if isinstance(dashes, list):
        return " ".join(map(str, dashes))
    return "5 5" if dashes else ""


def write_view(
    g: Graph,
    path: Path,
    *,
    title: str = "myndighetsgraf",
    focus: str | None = None,
    depth: int = 1,
    classes: Collection[str] = (),
    max_nodes: int = 300,
    include_verbs: bool = False,
) -> ViewData:
    """Write the view of `g` to `path` (see `view_data` for the options); return what it drew."""
    data = view_data(
        g,
        focus=focus,
        depth=depth,
        classes=classes,
        max_nodes=max_nodes,
        include_verbs=include_verbs,
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(to_html(data, title=title), encoding="utf-8")
    return data


@lru_cache(maxsize=2)
def _asset(name: str) -> str:
    return (_VIS_DIR / name).read_text(encoding="utf-8")
