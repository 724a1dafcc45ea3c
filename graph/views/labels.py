"""Labels and tooltips: what each node and edge says, in plain text and in Swedish.

Documents and evidence nodes are never drawn; they become the tooltips of what they back.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator
from typing import NamedTuple

from rdflib import OWL, PROV, RDF, RDFS, SDO, SKOS, Graph, URIRef
from rdflib.term import Node

from graph.views.decisions import DecisionFacts, decision_facts, short_label
from graph.views.ontology import class_label, relations, swedish_label
from graph.views.records import Fact, Quoted, Source, ViewEdge, ViewNode
from graph.views.text import capitalised, grouped, marked, name_from_iri, number, shortened
from graph.vocab import KG, VERB

#: How many evidence sentences an edge tooltip quotes before it only counts the rest.
MAX_SENTENCES = 4
#: A quote node shows this many characters of the quote; the tooltip has all of it.
QUOTE_LABEL_CHARS = 40
#: The radius of an entity without drawn relations: present, but out of the way.
ISOLATED_SIZE = 8.0


class Evidence(NamedTuple):
    """One sentence that backs a fact, and where it was read."""

    sentence: str
    document: str  # the document's title, or its IRI
    start: int  # character offset in the document, for reading order
    url: str = ""  # where the document was read, if the input said


#: The sentences behind each (subject, predicate, object), as `evidence` finds them.
EvidenceIndex = dict[tuple[Node, Node, Node], list[Evidence]]


def label(g: Graph, node: Node) -> str:
    """What a reader calls the node: its label, a quote's opening words, or the IRI's end."""
    name = g.value(node, RDFS.label)
    if name is not None:
        return str(name)
    text = g.value(node, KG.text)
    if text is not None:
        return shortened(str(text), QUOTE_LABEL_CHARS)
    return name_from_iri(node)


def url(g: Graph, document: Node | None) -> str:
    """The document's source URL (schema:url), or "" where the input had none."""
    found = g.value(document, SDO.url) if document is not None else None
    return str(found) if found is not None else ""


def sources(g: Graph, node: URIRef) -> tuple[Source, ...]:
    """The documents that mention the node, by title."""
    found = {Source(label(g, doc), url(g, doc)) for doc in g.objects(node, KG.mentionedIn)}
    return tuple(sorted(found))


def names(g: Graph, node: URIRef) -> list[str]:
    """The node's label, then its alt labels: every name a user may look it up by."""
    return [label(g, node), *sorted(str(alt) for alt in g.objects(node, SKOS.altLabel))]


def view_node(
    g: Graph,
    node: URIRef,
    cls: str,
    backed_by: EvidenceIndex,
    *,
    degree: int,
    shown: bool = True,
    focus: bool = False,
) -> ViewNode:
    """The drawn node: a quote in quotation marks, a decision by its kind and figures.

    An entity with no drawn relation gets the smallest size: a long tail of names mentioned
    once must not outweigh the entities that are connected.
    """
    if cls == "Quote":
        text = f"”{label(g, node)}”"
        head = _quote_head(g, node)
    elif cls == "Decision":
        text = short_label(_decision(g, node))
        head = _decision_head(g, node, backed_by)
    else:
        text = label(g, node)
        head = [text, class_label(cls)]
    said = _said(g, node, backed_by) if cls == "Person" else []
    title = "\n".join([*head, *_node_facts(g, node), *said])
    size = 12 + 8 * math.sqrt(degree) if degree else ISOLATED_SIZE
    return ViewNode(
        str(node),
        text,
        cls,
        title,
        size,
        degree,
        shown,
        focus,
        tuple(names(g, node)) if cls not in ("Quote", "Decision") else (text,),
        sources(g, node),
    )


def evidence(g: Graph) -> EvidenceIndex:
    """The sentences behind each fact, in document and text order."""
    found: dict[tuple[Node, Node, Node], list[tuple[str, int, Evidence]]] = defaultdict(list)
    for node in g.subjects(RDF.type, KG.Evidence):
        subject, predicate, object_ = (
            g.value(node, p) for p in (RDF.subject, RDF.predicate, RDF.object)
        )
        sentence = g.value(node, KG.sentence)
        if subject is None or predicate is None or object_ is None or sentence is None:
            continue
        document = g.value(node, PROV.wasDerivedFrom)
        start = number(g.value(node, KG.charStart))
        found[subject, predicate, object_].append(
            (
                str(document),
                int(start or 0),
                Evidence(
                    " ".join(str(sentence).split()),  # line breaks of the source mean nothing
                    label(g, document) if document is not None else "",
                    int(start or 0),
                    url(g, document),
                ),
            )
        )
    return {
        fact: list(dict.fromkeys(ev for *_, ev in sorted(items))) for fact, items in found.items()
    }


def view_edge(g: Graph, fact: Fact, backed_by: EvidenceIndex, *, former: bool = False) -> ViewEdge:
    """The drawn edge: the relation's Swedish label, and the sentences that back it, each
    with the names of the fact's two ends marked. `former`: a post its holder has left."""
    _, symmetric = relations()
    is_verb = fact.predicate.startswith(str(VERB))
    name = name_from_iri(fact.predicate) if is_verb else swedish_label(fact.predicate)
    backing = backed_by.get(fact, [])
    if fact.predicate in symmetric:  # the reverse statement backs the same fact
        reverse = backed_by.get((fact.target, fact.predicate, fact.source), [])
        backing = list(dict.fromkeys([*backing, *reverse]))
    lines = [f"{label(g, fact.source)} {name} {label(g, fact.target)}"]
    words = [*names(g, fact.source), *names(g, fact.target)]
    quoted = tuple(
        Quoted(ev.sentence, marked(ev.sentence, words), Source(ev.document, ev.url))
        for ev in backing
    )
    for ev in backing[:MAX_SENTENCES]:
        lines += [f"„{ev.sentence}”", f"    — {ev.document}"]
    if len(backing) > MAX_SENTENCES:
        lines.append(f"… och {len(backing) - MAX_SENTENCES} meningar till")
    return ViewEdge(
        str(fact.source),
        str(fact.target),
        name,
        "\n".join(lines),
        str(fact.predicate),
        is_verb,
        fact.predicate in symmetric,
        quoted,
        former,
    )


def _decision(g: Graph, decision: URIRef) -> DecisionFacts:
    source = g.value(decision, KG.requestedFrom)
    return decision_facts(g, decision, label(g, source) if source is not None else None)


def _quote_head(g: Graph, quote: URIRef) -> list[str]:
    """Who said it, then the whole quote."""
    speakers = sorted(label(g, person) for person in g.subjects(KG.said, quote))
    head = f"Citat av {' och '.join(speakers)}" if speakers else "Citat"
    return [head, f"”{g.value(quote, KG.text)}”"]


def _decision_head(g: Graph, decision: URIRef, backed_by: EvidenceIndex) -> list[str]:
    """The short label, the kind and who decided, then the sentences that report it in full."""
    facts = _decision(g, decision)
    actors = sorted(g.subjects(KG.decided, decision), key=lambda a: label(g, a).casefold())
    by = f" av {' och '.join(label(g, a) for a in actors)}" if actors else ""
    lines = [short_label(facts), f"{capitalised(facts.kind.noun)}{by}"]
    sentences = [ev for actor in actors for ev in backed_by.get((actor, KG.decided, decision), [])]
    if not sentences and facts.summary:
        lines.append(f"„{facts.summary}”")
    for ev in list(dict.fromkeys(sentences))[:MAX_SENTENCES]:
        lines += [f"„{ev.sentence}”", f"    — {ev.document}"]
    return lines


def _said(g: Graph, person: URIRef, backed_by: EvidenceIndex) -> list[str]:
    """All of the person's quotes, each with its document, in reading order.

    Quotes are not drawn as nodes unless asked for, so this is where a reader meets them.
    """
    spoken = sorted(
        _spoken(g, person, quote, backed_by)
        for quote in g.objects(person, KG.said)
        if g.value(quote, KG.text) is not None
    )
    if not spoken:
        return []
    lines = [f"Citat ({len(spoken)}):"]
    for quote in spoken:
        lines.append(f"  ”{quote.text}”")
        if quote.document:
            lines.append(f"      — {quote.document}")
    return lines


class _Spoken(NamedTuple):
    """A quote where it was said; sorting puts a person's quotes in reading order."""

    document: str
    start: int
    text: str


def _spoken(g: Graph, person: Node, quote: Node, backed_by: EvidenceIndex) -> _Spoken:
    text = " ".join(str(g.value(quote, KG.text)).split())
    backing = backed_by.get((person, KG.said, quote))
    if backing:
        return _Spoken(backing[0].document, backing[0].start, text)
    documents = sorted(label(g, doc) for doc in g.objects(quote, KG.mentionedIn))
    return _Spoken(documents[0] if documents else "", 0, text)


def _node_facts(g: Graph, node: URIRef) -> Iterator[str]:
    """The facts every tooltip lists after its head, one a line, plain text."""
    alt = sorted(str(a) for a in g.objects(node, SKOS.altLabel))
    if alt:
        yield f"Även: {', '.join(alt)}"
    for prop in (KG.jobTitle, KG.time):
        values = sorted(str(v) for v in g.objects(node, prop))
        if values:
            yield f"{capitalised(swedish_label(prop))}: {', '.join(values)}"
    for prop in (KG.numberOfEmployees, KG.headcount, KG.amountSEK):
        for value in g.objects(node, prop):
            figure = number(value)
            if figure is not None:
                yield f"{capitalised(swedish_label(prop))}: {grouped(int(figure))}"
    for source in g.objects(node, KG.requestedFrom):
        yield f"{capitalised(swedish_label(KG.requestedFrom))}: {label(g, source)}"
    for same in sorted(str(s) for s in g.objects(node, OWL.sameAs)):
        yield f"Samma som: {same}"
