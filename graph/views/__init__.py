"""Interactive views of the knowledge graph: a pyvis network in one offline HTML file.

Data first, HTML second (like spaCy's displacy): `view_data` picks what to draw from an
rdflib Graph in our vocabulary (entities, decisions and quotes as nodes; curated relations,
and on request the fallback verbs, as edges) and returns plain records; `to_html` turns
them into a page with vis-network inlined, so it opens without a network connection.

The modules, in the order a view is made:

- `records`: the records a view is made of (`ViewNode`, `ViewEdge`, `ViewData`);
- `ontology`: Swedish labels and the drawn relations, read from ontology/kg.ttl;
- `labels`: the label and tooltip of each node and edge, with its evidence sentences (a
  person's tooltip lists what they said);
- `decisions`: a decision's short label by its kind and figures ("begär 250 mkr av regeringen");
- `data`: what to draw (`view_data`): focus, class filter, reduction of large graphs;
- `style`: colours, shapes and vis-network options;
- `html`: the page (`to_html`, `write_view`) from templates/view.html, whose script
  (templates/view.js) finishes the layout: groups and isolated entities set aside, the whole
  fitted to the window, quotes listed beside their speaker when switched on;
- `pages`: the Jinja templates of both pages (templates/evidence.js and details.css are the
  evidence panel they share);
- `text`: small helpers for names and Swedish numbers;
- `timeline`, `timeline_page`: the role timeline (`write_timeline`): who held which post
  when, one row per organisation or person, each bar's evidence in a panel on click.
"""

from graph.views.data import view_data
from graph.views.html import to_html, write_view
from graph.views.records import DRAWN_CLASSES, ViewData, ViewEdge, ViewError, ViewNode
from graph.views.timeline import TimelineData, timeline_data
from graph.views.timeline_page import timeline_html, write_timeline

__all__ = [
    "DRAWN_CLASSES",
    "TimelineData",
    "ViewData",
    "ViewEdge",
    "ViewError",
    "ViewNode",
    "timeline_data",
    "timeline_html",
    "to_html",
    "view_data",
    "write_timeline",
    "write_view",
]
