"""How a view looks: a colour and shape per class, edge styles, and vis-network's options."""

from __future__ import annotations

import math
from typing import Any, Literal, NamedTuple

from rdflib import URIRef

from graph.views.records import OTHER, ViewEdge, ViewNode
from graph.views.text import name_from_iri


class ClassStyle(NamedTuple):
    """Colour (Okabe-Ito, readable for colour-blind eyes) and vis-network shape."""

    colour: str
    shape: str


#: One style per drawn class, in legend order.
CLASS_STYLES: dict[str, ClassStyle] = {
    "Agency": ClassStyle("#0072B2", "hexagon"),
    "Organization": ClassStyle("#56B4E9", "diamond"),
    "Office": ClassStyle("#009E73", "square"),
    "Place": ClassStyle("#E69F00", "triangle"),
    "Person": ClassStyle("#D55E00", "dot"),
    "Project": ClassStyle("#CC79A7", "star"),
    "Decision": ClassStyle("#F0E442", "box"),
    "Quote": ClassStyle("#DDDDDD", "ellipse"),
    OTHER: ClassStyle("#999999", "dot"),
}

#: Shapes that hold their label inside: the label sets their size.
_LABEL_INSIDE = ("box", "ellipse")

#: Label sizes in layout units. The layout spaces related nodes 100-150 units apart, so a
#: view the size of the seeds' opens at a zoom near 0.3-0.4, where these read at 8-18 px.
ENTITY_FONT = 30.0  # an entity with one relation; more relations, larger, up to HUB_FONT
HUB_FONT = 48.0
FOCUS_FONT = 54.0
BOX_FONT = 25.0  # decisions and quotes, written inside their box
ISOLATED_FONT = 24.0
EDGE_FONT = 24.0
#: Node labels wrap at spaces and hyphens into lines of about this many characters.
LABEL_WIDTH = 18
#: Edge labels smaller than this on screen (pixels) are not drawn: they show when the
#: reader zooms in far enough to read them, or hovers over the edge or a node at its end,
#: which draws them at this size.
LEGIBLE_EDGE_LABEL = 11
#: Said after the relation of a post its holder has left ("arbetar för (tidigare)").
FORMER_SUFFIX = "(tidigare)"
#: The page opens zoomed in no further than this: a small view, such as an ego view, would
#: otherwise fill the window with labels made for reading at zooms of 0.3-0.8.
MAX_OPENING_ZOOM = 0.8

#: The seed of every layout: the same graph is drawn the same way each time.
LAYOUT_SEED = 7

#: vis-network options. forceAtlas2Based spreads hubs apart; after stabilisation the page
#: turns physics off so the drawing stays where it settled and nodes can be dragged.
#: Spring length and repulsion are set per view by `vis_options`.
VIS_OPTIONS: dict[str, Any] = {
    "physics": {
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {
            "centralGravity": 0.01,
            "springConstant": 0.05,
            "damping": 0.6,
            "avoidOverlap": 0.8,
        },
        "minVelocity": 1,
        "stabilization": {"enabled": True, "iterations": 1000, "updateInterval": 50, "fit": True},
    },
    # The same graph is laid out the same way every time it is drawn.
    "layout": {"randomSeed": LAYOUT_SEED},
    "nodes": {
        "borderWidth": 1.5,
        # Zoomed out, only labels drawn at 6 px or more show: those of the hubs (see
        # font_size), so an overview names the big players instead of a grey smear.
        "scaling": {"label": {"drawThreshold": 6}},
        "font": {
            "size": ENTITY_FONT,
            "face": "system-ui, sans-serif",
            "strokeWidth": 5,
            "strokeColor": "#ffffff",
        },
    },
    "edges": {
        # The page itself hides edge labels too small to read (LEGIBLE_EDGE_LABEL) and
        # enlarges the hovered ones, so vis-network must not drop them on its own.
        "scaling": {"label": {"drawThreshold": 1}},
        "smooth": {"enabled": True, "type": "continuous", "roundness": 0.3},
        # A horizontal label on a background patch: the line does not run through its
        # spaces, and it reads without tilting one's head.
        "font": {
            "size": EDGE_FONT,
            "color": "#343434",
            "face": "system-ui, sans-serif",
            "align": "horizontal",
            "strokeWidth": 0,
            "background": "rgba(251, 251, 249, 0.9)",
        },
        "selectionWidth": 2,
    },
    "interaction": {
        "hover": True,
        "tooltipDelay": 120,
        "hideEdgesOnDrag": True,
        "navigationButtons": False,
        "keyboard": {"enabled": True},
    },
    "groups": {
        cls: {
            "shape": style.shape,
            # A label inside a box needs no white halo; one below a shape does.
            "font": {"strokeWidth": 0 if style.shape in _LABEL_INSIDE else 5},
            "color": {
                "background": style.colour,
                "border": "#333333",
                "highlight": {"background": style.colour, "border": "#000000"},
                "hover": {"background": style.colour, "border": "#000000"},
            },
        }
        for cls, style in CLASS_STYLES.items()
    },
}


#: When an edge's label is drawn: always; from the start on the edges of an ego view's
#: focus and on hover or selection elsewhere (frequent and obvious in context); or only on
#: hover or selection (the node it leads to says it already, like a decision's box).
LabelShown = Literal["always", "focus", "hover"]


class EdgeStyle(NamedTuple):
    """How one relation is drawn. The colour and the dashes name it in the legend, so the
    overview reads without a label on every line."""

    colour: str
    width: float
    dashes: bool | list[int]
    label: LabelShown  # when its label is drawn (see LabelShown)
    reach: float = 1.0  # times the usual spring length; short keeps a node beside its partner


#: Curated relations by local name. People's ties are dark and labelled, structure (offices,
#: places) is light and labelled around a focus, decisions and quotes sit on short springs
#: beside their actor.
RELATION_STYLES: dict[str, EdgeStyle] = {
    "headOf": EdgeStyle("#8c2d04", 3.0, False, "always"),
    "worksFor": EdgeStyle("#56606b", 1.8, False, "always"),
    "memberOf": EdgeStyle("#56606b", 1.8, [2, 4], "always"),
    "leads": EdgeStyle("#a0467c", 2.2, False, "always"),
    "participatesIn": EdgeStyle("#a0467c", 1.4, [6, 4], "always"),
    "collaboratesWith": EdgeStyle("#0072B2", 2.2, [10, 5], "always"),
    "partOf": EdgeStyle("#9aa5b1", 1.4, False, "focus"),
    "locatedIn": EdgeStyle("#c9a55a", 1.4, [3, 3], "focus"),
    "decided": EdgeStyle("#b5a400", 1.6, False, "hover", reach=0.6),
    "requestedFrom": EdgeStyle("#b5a400", 1.4, [6, 4], "always"),
    "concerns": EdgeStyle("#b5a400", 1.2, [2, 4], "hover", reach=0.6),
    "said": EdgeStyle("#bbbbbb", 1.0, False, "hover", reach=0.4),
}
#: The label font of a quiet edge until it is hovered or selected: there, but unseen.
QUIET_LABEL: dict[str, Any] = {
    "color": "rgba(0, 0, 0, 0)",
    "strokeWidth": 0,
    "background": "rgba(0, 0, 0, 0)",
}
#: A curated relation the table does not name yet (added to the ontology later).
CURATED_EDGE = EdgeStyle("#56606b", 1.6, False, "always")
#: A fallback verb: thin, grey and dashed, so it never passes for a curated fact.
VERB_EDGE = EdgeStyle("#b8b8b8", 0.8, True, "always")


def edge_style(edge: ViewEdge) -> EdgeStyle:
    """The style of the edge's relation."""
    if edge.verb:
        return VERB_EDGE
    return RELATION_STYLES.get(name_from_iri(URIRef(edge.predicate)), CURATED_EDGE)


class Spoke(NamedTuple):
    """An edge seen from its better-connected end, the hub."""

    hub_degree: int
    other_degree: int  # the degree of its other end
    order: int  # 1 for the hub's first edge, 2 for its second, …


def vis_edge(style: EdgeStyle, spoke: Spoke) -> dict[str, Any]:
    """The style as vis-network edge options.

    A hub's spokes are longer than other edges, and every other one longer still: its
    neighbours then ring it on two wide circles, where their labels have room, without
    spreading the rest of the graph. An edge between two hubs spans both their rings.
    """
    length = SPRING_LENGTH + HUB_SPRING * sum(
        math.sqrt(max(degree - 1, 0)) for degree in (spoke.hub_degree, spoke.other_degree)
    )
    two_hubs = spoke.other_degree >= STAGGERED_HUB  # each end's outer ring must fit
    if spoke.hub_degree >= STAGGERED_HUB and (two_hubs or spoke.order % 2 == 0):
        length *= STAGGER
    return {
        "color": {"color": style.colour, "highlight": "#1a1a1a", "hover": "#1a1a1a"},
        "width": style.width,
        "dashes": style.dashes,
        "length": style.reach * length,
    }


def font_size(node: ViewNode) -> float:
    """Hubs get larger labels, which stay readable when the reader zooms out.

    A label inside a box makes the box, so decisions and quotes keep one size; an entity
    without drawn relations gets a small label, like its small dot.
    """
    if node.focus:
        return FOCUS_FONT
    if CLASS_STYLES[node.cls].shape in _LABEL_INSIDE:
        return BOX_FONT
    if not node.degree:
        return ISOLATED_FONT
    return min(HUB_FONT, ENTITY_FONT + 4 * math.sqrt(node.degree))


class Cell(NamedTuple):
    """The grid, in layout units, that the page lines isolated entities up in."""

    width: int
    height: int
    caption: int  # font size of the block's caption


ISOLATED_CELL = Cell(width=290, height=110, caption=32)

#: The entity an ego view is drawn around: a thick dark ring, a shadow, a large label.
FOCUS_NODE: dict[str, Any] = {
    "borderWidth": 5,
    "shadow": {"enabled": True, "size": 18, "x": 0, "y": 0, "color": "rgba(0, 0, 0, 0.45)"},
}
FOCUS_BORDER = "#111111"
#: The focus is drawn this much larger than its degree alone would make it.
FOCUS_GROWTH = 1.3


#: Spring length (layout units) of an edge between two nodes with one relation each.
SPRING_LENGTH = 110.0
#: A spoke of a hub with d relations is HUB_SPRING * sqrt(d - 1) units longer.
HUB_SPRING = 70.0
#: A view of n nodes starts spread over about SPREAD * sqrt(n) layout units each way.
SPREAD = 160.0
#: An ego view starts its rings this far apart (layout units); physics then settles them.
RING_STEP = 500.0
#: Every other spoke of a hub with STAGGERED_HUB relations or more is STAGGER times longer.
STAGGERED_HUB = 6
STAGGER = 1.6


def vis_options(node_count: int) -> dict[str, Any]:
    """VIS_OPTIONS tuned to the size of the view.

    A few nodes get long springs and strong repulsion: room for their labels. Many get
    shorter and weaker ones, so the view fits the window at a zoom where hub labels show.
    """
    crowded = min(1.0, node_count / 300)
    physics = VIS_OPTIONS["physics"]
    tuned = physics["forceAtlas2Based"] | {
        "springLength": 130 - 40 * crowded,
        "gravitationalConstant": -150 + 50 * crowded,
    }
    return VIS_OPTIONS | {"physics": physics | {"forceAtlas2Based": tuned}}
