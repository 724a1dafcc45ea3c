"""Interactive views of the knowledge graph: a pyvis network in one offline HTML file.

Data first, HTML second (like spaCy's displacy): `view_data` picks what to draw from an
rdflib Graph in our vocabulary (entities, decisions and quotes as nodes; curated relations,
and on request the fallback verbs, as edges) and returns plain records; `to_html` turns
them into a page with vis-network inlined, so it opens without a network connection.
Documents and evidence nodes are never drawn: they become the tooltips of what they back.

Labels come from text, so they are never trusted as HTML: the canvas draws them as text,
tooltips are built with `textContent` in the page, and everything else goes through
Jinja's escaping (`tojson` escapes ``<``, ``>`` and ``&`` inside the script).
"""

from __future__ import annotations

import difflib
import math
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import unquote

import networkx as nx
import pyvis
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup
from pyvis.network import Network
from rdflib import OWL, PROV, RDF, RDFS, SKOS, BNode, Graph, Literal, URIRef
from rdflib.term import Node

from graph.vocab import ENTITY_CLASSES, KG, VERB, ontology_dir

__all__ = [
    "DRAWN_CLASSES",
    "ViewData",
    "ViewEdge",
    "ViewError",
    "ViewNode",
    "to_html",
    "view_data",
    "write_view",
]

#: Classes drawn as nodes, in legend order. Documents and evidence are tooltips instead.
DRAWN_CLASSES = (*ENTITY_CLASSES, "Decision", "Quote")
#: The class of a relation's endpoint that has no drawn class of its own.
OTHER = "Other"

#: How many evidence sentences an edge tooltip quotes before it only counts the rest.
MAX_SENTENCES = 4
#: A quote node shows this many characters of the quote; the tooltip has all of it.
QUOTE_LABEL_CHARS = 40

_TEMPLATE_DIR = Path(__file__).with_name("view_template")
#: vis-network as pyvis ships it (the files its own "in_line" mode inlines).
_VIS_DIR = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"


class ViewNode(NamedTuple):
    """One drawn node: an entity, a decision or a quote."""

    id: str  # the IRI
    label: str  # plain text, as the canvas draws it
    cls: str  # local name of the class (one of DRAWN_CLASSES, or OTHER)
    title: str  # tooltip, plain text, one fact a line
    size: float  # radius in pixels, grows with the degree
    degree: int  # edges to other drawn nodes


class ViewEdge(NamedTuple):
    """One drawn relation; facts backed by several sentences still make one edge."""

    source: str
    target: str
    label: str  # the property's Swedish label, or the verb lemma
    title: str  # tooltip: the fact, then each evidence sentence with its document
    predicate: str  # the property's IRI
    verb: bool  # a fallback verb rather than a curated relation
    symmetric: bool  # drawn without an arrow (e.g. collaboratesWith)


class ViewData(NamedTuple):
    """What a view draws, and how many nodes were left out to keep it readable."""

    nodes: tuple[ViewNode, ...]
    edges: tuple[ViewEdge, ...]
    dropped: int  # nodes removed because the view had more than max_nodes


class ViewError(Exception):
    """A view that cannot be made as asked, e.g. a focus label that no entity has."""


class ClassStyle(NamedTuple):
    """Colour (Okabe-Ito, readable for colour-blind eyes) and vis-network shape."""

    colour: str
    shape: str


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

#: vis-network options. forceAtlas2Based spreads hubs apart; after stabilisation the page
#: turns physics off so the drawing stays where it settled and nodes can be dragged.
#: Spring length and repulsion are set per view by `_vis_options`.
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
        # _font_size), so an overview names the big players instead of a grey smear.
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
            "font": {"strokeWidth": 0 if style.shape in ("box", "ellipse") else 3},
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
_CURATED_EDGE = {
    "color": {"color": "#56606b", "highlight": "#1a1a1a", "hover": "#1a1a1a"},
    "width": 1.6,
}
_VERB_EDGE = {
    "color": {"color": "#b8b8b8", "highlight": "#666666", "hover": "#666666"},
    "width": 0.8,
    "dashes": True,
    "font": {"color": "#8a8a8a", "size": 10},
}


# ---------------------------------------------------------------- the vocabulary


@lru_cache(maxsize=1)
def _ontology() -> Graph:
    return Graph().parse(ontology_dir() / "kg.ttl")


def _swedish_label(term: URIRef) -> str:
    """The term's Swedish rdfs:label in kg.ttl, or its local name if it has none."""
    for label in _ontology().objects(term, RDFS.label):
        if isinstance(label, Literal) and label.language == "sv":
            return str(label)
    return _local_name(term)


def _class_label(cls: str) -> str:
    """'Agency' -> 'Statlig myndighet', as the legend and the tooltips name a class."""
    if cls == OTHER:
        return "Övrigt"
    return _capitalised(_swedish_label(KG[cls]))


@lru_cache(maxsize=1)
def _relations() -> tuple[frozenset[URIRef], frozenset[URIRef]]:
    """The object properties of kg.ttl that connect two drawable things, and the symmetric ones.

    Read from the ontology so a relation added there is drawn without touching this file;
    kg:mentionedIn points at documents, which are tooltips, so it is left out.
    """
    onto = _ontology()
    relations = frozenset(
        p
        for p in onto.subjects(RDF.type, OWL.ObjectProperty)
        if isinstance(p, URIRef) and p != KG.mentionedIn
    )
    symmetric = frozenset(p for p in relations if (p, RDF.type, OWL.SymmetricProperty) in onto)
    return relations, symmetric


# ---------------------------------------------------------------- reading the graph


class _Fact(NamedTuple):
    source: URIRef
    predicate: URIRef
    target: URIRef


class _Evidence(NamedTuple):
    sentence: str
    document: str  # the document's title, or its IRI


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
        "statlig myndighet"); the focus entity is shown whatever its class.
    max_nodes: a larger view keeps the best-connected nodes; `dropped` counts the rest.
    include_verbs: also draw the fallback verb relations (thin and grey).
    """
    if depth < 0:
        raise ViewError(f"depth must be 0 or more, not {depth}")
    if max_nodes < 1:
        raise ViewError(f"max_nodes must be 1 or more, not {max_nodes}")
    wanted = _class_names(classes)

    node_class = _node_classes(g)
    facts = _facts(g, node_class, include_verbs)
    node_class.update(_untyped_endpoints(facts, node_class))
    seeds = _focus_nodes(g, node_class, focus) if focus is not None else []

    keep = {n for n, cls in node_class.items() if not wanted or cls in wanted} | set(seeds)
    network = _network(keep, facts)
    if seeds:
        reach = nx.multi_source_dijkstra_path_length(network, seeds, cutoff=depth)
        network = network.subgraph(reach).copy()
    shown = _reduce(network, seeds, max_nodes, g)
    dropped = network.number_of_nodes() - len(shown)
    network = network.subgraph(shown)

    evidence = _evidence(g)
    edges = tuple(
        _view_edge(g, fact, evidence)
        for fact in _unique(
            sorted(facts, key=lambda f: (str(f.source), str(f.predicate), str(f.target)))
        )
        if fact.source in shown and fact.target in shown
    )
    nodes = tuple(
        _view_node(g, node, node_class[node], network.degree(node))
        for node in sorted(shown, key=lambda n: (_label(g, n).casefold(), str(n)))
    )
    return ViewData(nodes, edges, dropped)


def _class_names(classes: Collection[str]) -> set[str]:
    """Local class names for what a user typed: 'person', 'Agency', 'statlig myndighet'."""
    known = {cls.casefold(): cls for cls in DRAWN_CLASSES}
    known |= {_swedish_label(KG[cls]).casefold(): cls for cls in DRAWN_CLASSES}
    unknown = [c for c in classes if c.casefold() not in known]
    if unknown:
        raise ViewError(
            f"unknown class {', '.join(map(repr, unknown))}; choose from {', '.join(DRAWN_CLASSES)}"
        )
    return {known[c.casefold()] for c in classes}


def _node_classes(g: Graph) -> dict[URIRef, str]:
    """Every drawable thing and its class; an Agency typed Organization too stays an Agency."""
    found: dict[URIRef, str] = {}
    for cls in DRAWN_CLASSES:  # most specific first, so the first class found wins
        for node in g.subjects(RDF.type, KG[cls]):
            if isinstance(node, URIRef):
                found.setdefault(node, cls)
    return found


def _facts(g: Graph, node_class: dict[URIRef, str], include_verbs: bool) -> list[_Fact]:
    """Relations from a drawable node to another IRI (typed or not), curated then verbs."""
    relations, _ = _relations()
    facts = []
    for source, predicate, target in g:
        if not (
            isinstance(source, URIRef)
            and isinstance(predicate, URIRef)
            and isinstance(target, URIRef)
        ):
            continue
        drawn = predicate in relations or (include_verbs and predicate.startswith(str(VERB)))
        if drawn and (source in node_class or target in node_class):
            facts.append(_Fact(source, predicate, target))
    return facts


def _untyped_endpoints(facts: Iterable[_Fact], node_class: dict[URIRef, str]) -> dict[URIRef, str]:
    # An extractor may relate an entity to something it never typed; drawing it grey
    # shows the fact instead of hiding it.
    return {end: OTHER for f in facts for end in (f.source, f.target) if end not in node_class}


def _unique(facts: Iterable[_Fact]) -> Iterator[_Fact]:
    """Each fact once; a symmetric relation written both ways is one fact."""
    _, symmetric = _relations()
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


def _network(nodes: set[URIRef], facts: Iterable[_Fact]) -> nx.Graph:
    """The undirected graph of `nodes`, used for hops and degrees (direction does not matter)."""
    network = nx.Graph()
    network.add_nodes_from(nodes)
    network.add_edges_from(
        (f.source, f.target)
        for f in facts
        if f.source in nodes and f.target in nodes and f.source != f.target
    )
    return network


def _reduce(network: nx.Graph, seeds: list[URIRef], max_nodes: int, g: Graph) -> set[URIRef]:
    """The focus nodes, then the highest-degree nodes, up to max_nodes in all."""
    ranked = sorted(
        network.nodes,
        key=lambda n: (n not in seeds, -network.degree(n), _label(g, n).casefold(), str(n)),
    )
    return set(ranked[: max(max_nodes, len(seeds))])


def _focus_nodes(g: Graph, node_class: dict[URIRef, str], focus: str) -> list[URIRef]:
    """The nodes whose label or alt label is `focus`, ignoring case and spacing."""
    names: dict[str, set[URIRef]] = defaultdict(set)
    for node in node_class:
        for name in _names(g, node):
            names[_folded(name)].add(node)
    wanted = _folded(focus)
    if wanted in names:
        return sorted(names[wanted], key=str)
    close = difflib.get_close_matches(wanted, names, n=5, cutoff=0.6)
    close += [name for name in sorted(names) if wanted and wanted in name and name not in close]
    suggestions = list(dict.fromkeys(_label(g, n) for name in close[:5] for n in names[name]))
    hint = f"close matches: {', '.join(suggestions)}" if suggestions else "no close matches"
    raise ViewError(f"no entity is called {focus!r}; {hint}")


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


# ---------------------------------------------------------------- labels and tooltips


def _label(g: Graph, node: Node) -> str:
    """What a reader calls the node: its label, a quote's opening words, or the IRI's end."""
    label = g.value(node, RDFS.label)
    if label is not None:
        return str(label)
    text = g.value(node, KG.text)
    if text is not None:
        return _shortened(str(text), QUOTE_LABEL_CHARS)
    return _local_name(node)


def _names(g: Graph, node: URIRef) -> list[str]:
    return [_label(g, node), *sorted(str(alt) for alt in g.objects(node, SKOS.altLabel))]


def _view_node(g: Graph, node: URIRef, cls: str, degree: int) -> ViewNode:
    label = _label(g, node)
    if cls == "Quote":
        label = f"”{label}”"
    elif cls == "Decision":
        label = "\n".join([label, *_decision_figures(g, node)])
    title = "\n".join(_node_facts(g, node, cls))
    return ViewNode(str(node), label, cls, title, 10 + 6 * math.sqrt(degree), degree)


def _decision_figures(g: Graph, decision: URIRef) -> list[str]:
    """'120 miljoner kr', '300 personer': the numbers a decision is about, short."""
    figures = []
    amount = _number(g.value(decision, KG.amountSEK))
    if amount is not None:
        figures.append(_kronor(amount))
    headcount = _number(g.value(decision, KG.headcount))
    if headcount is not None:
        figures.append(f"{_grouped(int(headcount))} personer")
    return [" · ".join(figures)] if figures else []


def _node_facts(g: Graph, node: URIRef, cls: str) -> Iterator[str]:
    """The tooltip of a node, one line a fact, plain text."""
    if cls == "Quote":
        speakers = sorted(_label(g, person) for person in g.subjects(KG.said, node))
        yield f"Citat av {' och '.join(speakers)}" if speakers else "Citat"
    else:
        yield _label(g, node)
        yield _class_label(cls)
    text = g.value(node, KG.text)
    if text is not None:
        yield f"”{text}”"
    alt = sorted(str(a) for a in g.objects(node, SKOS.altLabel))
    if alt:
        yield f"Även: {', '.join(alt)}"
    for prop in (KG.jobTitle, KG.decisionType, KG.time):
        values = sorted(str(v) for v in g.objects(node, prop))
        if values:
            yield f"{_capitalised(_swedish_label(prop))}: {', '.join(values)}"
    for prop in (KG.numberOfEmployees, KG.headcount, KG.amountSEK):
        for value in g.objects(node, prop):
            number = _number(value)
            if number is not None:
                yield f"{_capitalised(_swedish_label(prop))}: {_grouped(int(number))}"
    for same in sorted(str(s) for s in g.objects(node, OWL.sameAs)):
        yield f"Samma som: {same}"
    documents = sorted({_label(g, doc) for doc in g.objects(node, KG.mentionedIn)})
    if documents:
        yield f"{_capitalised(_swedish_label(KG.mentionedIn))}:"
        yield from (f"  • {doc}" for doc in documents)


def _evidence(g: Graph) -> dict[tuple[Node, Node, Node], list[_Evidence]]:
    """The sentences behind each fact, in document and text order."""
    found: dict[tuple[Node, Node, Node], list[tuple[str, int, _Evidence]]] = defaultdict(list)
    for node in g.subjects(RDF.type, KG.Evidence):
        subject, predicate, object_ = (
            g.value(node, p) for p in (RDF.subject, RDF.predicate, RDF.object)
        )
        sentence = g.value(node, KG.sentence)
        if subject is None or predicate is None or object_ is None or sentence is None:
            continue
        document = g.value(node, PROV.wasDerivedFrom)
        start = _number(g.value(node, KG.charStart))
        found[subject, predicate, object_].append(
            (
                str(document),
                int(start or 0),
                _Evidence(str(sentence), _label(g, document) if document is not None else ""),
            )
        )
    return {
        fact: list(dict.fromkeys(ev for *_, ev in sorted(items))) for fact, items in found.items()
    }


def _view_edge(
    g: Graph, fact: _Fact, evidence: dict[tuple[Node, Node, Node], list[_Evidence]]
) -> ViewEdge:
    _, symmetric = _relations()
    is_verb = fact.predicate.startswith(str(VERB))
    label = _local_name(fact.predicate) if is_verb else _swedish_label(fact.predicate)
    backing = evidence.get(fact, [])
    if fact.predicate in symmetric:  # the reverse statement backs the same fact
        reverse = evidence.get((fact.target, fact.predicate, fact.source), [])
        backing = list(dict.fromkeys([*backing, *reverse]))
    lines = [f"{_label(g, fact.source)} {label} {_label(g, fact.target)}"]
    for ev in backing[:MAX_SENTENCES]:
        lines += [f"„{ev.sentence}”", f"    — {ev.document}"]
    if len(backing) > MAX_SENTENCES:
        lines.append(f"… och {len(backing) - MAX_SENTENCES} meningar till")
    return ViewEdge(
        str(fact.source),
        str(fact.target),
        label,
        "\n".join(lines),
        str(fact.predicate),
        is_verb,
        fact.predicate in symmetric,
    )


# ---------------------------------------------------------------- small text helpers


def _local_name(term: Node) -> str:
    if isinstance(term, BNode):
        return "(namnlös)"
    text = str(term)
    cut = max(text.rfind("/"), text.rfind("#"))
    return unquote(text[cut + 1 :]).replace("_", " ") or text


def _number(value: Node | None) -> Decimal | None:
    """A numeric literal's value; None for a missing or non-numeric one, which is left out."""
    if not isinstance(value, Literal):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _shortened(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def _grouped(number: int) -> str:
    """14000 -> '14 000' with a no-break space, as Swedish groups digits."""
    return f"{number:,}".replace(",", "\u00a0")


def _kronor(amount: Decimal) -> str:
    """120000000 -> '120 miljoner kr': the size a reader takes in at a glance."""
    for size, word in ((Decimal(10) ** 9, "miljarder"), (Decimal(10) ** 6, "miljoner")):
        if amount >= size:
            value = f"{amount / size:.1f}".removesuffix(".0").replace(".", ",")
            return f"{value} {word} kr"
    return f"{_grouped(int(amount))} kr"


# ---------------------------------------------------------------- the page


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
            font={"size": _font_size(node)},
        )
    for edge in data.edges:
        style = _VERB_EDGE if edge.verb else _CURATED_EDGE
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
    net.options = _vis_options(len(data.nodes))  # pyvis hands a dict to vis-network as it is
    nodes, edges, _, _, _, options = net.get_network_data()

    counts: dict[str, int] = defaultdict(int)
    for node in data.nodes:
        counts[node.cls] += 1
    legend = [
        _LegendEntry(cls, _class_label(cls), style.colour, style.shape, counts[cls])
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


def _font_size(node: ViewNode) -> float:
    """Hubs get larger labels, which stay readable when the reader zooms out.

    A label inside a box makes the box, so decisions and quotes keep the plain size.
    """
    if CLASS_STYLES[node.cls].shape in ("box", "ellipse"):
        return 14.0
    return min(44.0, 12 + 5 * math.sqrt(node.degree))


def _vis_options(node_count: int) -> dict[str, Any]:
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
