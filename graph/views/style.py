"""How a view looks: a colour and shape per class, edge styles, and vis-network's options."""

from __future__ import annotations

import math
from typing import Any, NamedTuple

from graph.views.records import OTHER, ViewNode


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
        "stabilization": {"enabled": True, "iterations": 600, "updateInterval": 50, "fit": True},
    },
    # The same graph is laid out the same way every time it is drawn.
    "layout": {"randomSeed": 7},
    "nodes": {
        "borderWidth": 1.5,
        # Zoomed out, only labels drawn at 6 px or more show: those of the hubs (see
        # font_size), so an overview names the big players instead of a grey smear.
        "scaling": {"label": {"drawThreshold": 6}},
        "font": {
            "size": 15,
            "face": "system-ui, sans-serif",
            "strokeWidth": 3,
            "strokeColor": "#ffffff",
        },
    },
    "edges": {
        "smooth": {"enabled": True, "type": "continuous", "roundness": 0.3},
        # A horizontal label on a background patch: the line does not run through its
        # spaces, and it reads without tilting one's head.
        "font": {
            "size": 11,
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
            "font": {"strokeWidth": 0 if style.shape in _LABEL_INSIDE else 3},
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
#: A curated relation: a solid dark line.
CURATED_EDGE: dict[str, Any] = {
    "color": {"color": "#56606b", "highlight": "#1a1a1a", "hover": "#1a1a1a"},
    "width": 1.6,
}
#: A fallback verb: thin, grey and dashed, so it never passes for a curated fact.
VERB_EDGE: dict[str, Any] = {
    "color": {"color": "#b8b8b8", "highlight": "#666666", "hover": "#666666"},
    "width": 0.8,
    "dashes": True,
    "font": {"color": "#8a8a8a", "size": 10},
}


def font_size(node: ViewNode) -> float:
    """Hubs get larger labels, which stay readable when the reader zooms out.

    A label inside a box makes the box, so decisions and quotes keep the plain size.
    """
    if CLASS_STYLES[node.cls].shape in _LABEL_INSIDE:
        return 14.0
    return min(44.0, 12 + 5 * math.sqrt(node.degree))


def vis_options(node_count: int) -> dict[str, Any]:
    """VIS_OPTIONS tuned to the size of the view.

    A few nodes get long springs and strong repulsion: room for their labels. Many get
    shorter and weaker ones, so the view fits the window at a zoom where hub labels show.
    """
    crowded = min(1.0, node_count / 300)
    physics = VIS_OPTIONS["physics"]
    tuned = physics["forceAtlas2Based"] | {
        "springLength": 160 - 70 * crowded,
        "gravitationalConstant": -160 + 100 * crowded,
    }
    return VIS_OPTIONS | {"physics": physics | {"forceAtlas2Based": tuned}}
