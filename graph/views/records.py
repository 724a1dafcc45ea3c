"""What a view is made of: plain records, so the page and the tests read the same data."""

from __future__ import annotations

from typing import NamedTuple

from rdflib import URIRef

from graph.errors import KgError
from graph.vocab import ENTITY_CLASSES

#: Classes drawn as nodes, in legend order. Documents and evidence are tooltips instead.
DRAWN_CLASSES = (*ENTITY_CLASSES, "Decision", "Quote")
#: The class of a relation's endpoint that has no drawn class of its own.
OTHER = "Other"


class Source(NamedTuple):
    """A document a node or a fact was read in: its title (or id) and its URL if it had one."""

    title: str
    url: str = ""


class Quoted(NamedTuple):
    """One evidence sentence as the side panel shows it, the fact's words marked."""

    sentence: str
    marks: tuple[tuple[int, int], ...]  # (start, end) character spans in `sentence`
    source: Source


class ViewNode(NamedTuple):
    """One drawn node: an entity, a decision or a quote."""

    id: str  # the IRI
    label: str  # plain text, as the canvas draws it
    cls: str  # local name of the class (one of DRAWN_CLASSES, or OTHER)
    title: str  # the side panel's text, plain, one fact a line
    size: float  # radius in pixels, grows with the degree
    degree: int  # edges to the nodes drawn when the page opens
    shown: bool = True  # drawn when the page opens; quotes wait for their legend button
    focus: bool = False  # the entity an ego view is drawn around
    names: tuple[str, ...] = ()  # label and alt labels, which the search box matches
    sources: tuple[Source, ...] = ()  # the documents that mention it


class ViewEdge(NamedTuple):
    """One drawn relation; facts backed by several sentences still make one edge."""

    source: str
    target: str
    label: str  # the property's Swedish label, or the verb lemma
    title: str  # tooltip: the fact, then each evidence sentence with its document
    predicate: str  # the property's IRI
    verb: bool  # a fallback verb rather than a curated relation
    symmetric: bool  # drawn without an arrow (e.g. collaboratesWith)
    evidence: tuple[Quoted, ...] = ()  # the sentences behind it, for the side panel
    former: bool = False  # a post the text says its holder no longer has (role status)


class ViewData(NamedTuple):
    """What a view draws, and how many nodes were left out to keep it readable."""

    nodes: tuple[ViewNode, ...]
    edges: tuple[ViewEdge, ...]
    dropped: int  # nodes removed because the view had more than max_nodes


class ViewError(KgError):
    """A view that cannot be made as asked, e.g. a focus label that no entity has."""


class Fact(NamedTuple):
    """A relation between two IRIs of the graph that the view may draw as an edge."""

    source: URIRef
    predicate: URIRef
    target: URIRef
