"""The page: a view's records as one HTML file with vis-network inlined.

The page opens without a network connection. Labels come from text, so they are never
trusted as HTML: the canvas draws them as text, tooltips are built with `textContent` in
the page, and everything else goes through Jinja's escaping (`tojson` escapes ``<``,
``>`` and ``&`` inside the script).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import pyvis
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup
from pyvis.network import Network
from rdflib import Graph

from graph.views.data import view_data
from graph.views.ontology import class_label
from graph.views.records import ViewData
from graph.views.style import CLASS_STYLES, CURATED_EDGE, VERB_EDGE, font_size, vis_options

_TEMPLATE_DIR = Path(__file__).with_name("templates")
#: vis-network as pyvis ships it (the files its own "in_line" mode inlines).
_VIS_DIR = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"


class _LegendEntry(NamedTuple):
    cls: str
    label: str
    colour: str
    shape: str
    nodes: int  # how many nodes of the class the view draws


def to_html(data: ViewData, *, title: str = "myndighetsgraf") -> str:
    """One self-contained HTML page drawing `data`; it loads nothing from the network."""
    net = Network(height="100%", width="100%", directed=True)
    for node in data.nodes:
        net.add_node(
            node.id,
            label=node.label,
            group=node.cls,
            title=node.title,
            size=node.size,
            shape=CLASS_STYLES[node.cls].shape,
            font={"size": font_size(node)},
        )
    for edge in data.edges:
        style = VERB_EDGE if edge.verb else CURATED_EDGE
        arrows = {"to": {"enabled": not edge.symmetric, "scaleFactor": 0.6}}
        net.add_edge(
            edge.source,
            edge.target,
            label=edge.label,
            title=edge.title,
            arrows=arrows,
            verb=edge.verb,
            **style,
        )
    net.options = vis_options(len(data.nodes))  # pyvis hands a dict to vis-network as it is
    nodes, edges, _, _, _, options = net.get_network_data()

    counts = Counter(node.cls for node in data.nodes)
    legend = [
        _LegendEntry(cls, class_label(cls), style.colour, style.shape, counts[cls])
        for cls, style in CLASS_STYLES.items()
        if counts[cls]
    ]
    return _template().render(
        title=title,
        nodes=nodes,
        edges=edges,
        options=Markup(options),  # json.dumps of our own constants, no text from the graph
        legend=legend,
        labels=sorted({n.label.replace("\n", " ") for n in data.nodes}, key=str.casefold),
        dropped=data.dropped,
        verb_edges=sum(e.verb for e in data.edges),
        vis_css=Markup(_asset("vis-network.css")),
        vis_js=Markup(_asset("vis-network.min.js")),
    )


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


@lru_cache(maxsize=1)
def _template() -> Any:
    env = Environment(
        loader=FileSystemLoader(_TEMPLATE_DIR), autoescape=True, undefined=StrictUndefined
    )
    return env.get_template("view.html")


@lru_cache(maxsize=2)
def _asset(name: str) -> str:
    return (_VIS_DIR / name).read_text(encoding="utf-8")
