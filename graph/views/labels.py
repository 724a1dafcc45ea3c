"""Labels and tooltips: what each node and edge says, in plain text and in Swedish.

Documents and evidence nodes are never drawn; they become the tooltips of what they back.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator
from typing import NamedTuple

from rdflib import OWL, PROV, RDF, RDFS, SKOS, Graph, URIRef
from rdflib.term import Node

from graph.views.ontology import class_label, relations, swedish_label
from graph.views.records import Fact, ViewEdge, ViewNode
from graph.views.text import capitalised, grouped, kronor, local_name, number, shortened
from graph.vocab import KG, VERB

#: How many evidence sentences an edge tooltip quotes before it only counts the rest.
MAX_SENTENCES = 4
#: A quote node shows this many characters of the quote; the tooltip has all of it.
QUOTE_LABEL_CHARS = 40


class Evidence(NamedTuple):
    """One sentence that backs a fact, and where it was read."""

    sentence: str
    document: str  # the document's title, or its IRI


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
    return local_name(node)


def names(g: Graph, node: URIRef) -> list[str]:
    """The node's label, then its alt labels: every name a user may look it up by."""
    return [label(g, node), *sorted(str(alt) for alt in g.objects(node, SKOS.altLabel))]


def view_node(g: Graph, node: URIRef, cls: str, degree: int) -> ViewNode:
    """The drawn node: a quote in quotation marks, a decision with its figures under it."""
    text = label(g, node)
    if cls == "Quote":
        text = f"”{text}”"
    elif cls == "Decision":
        text = "\n".join([text, *_decision_figures(g, node)])
    title = "\n".join(_node_facts(g, node, cls))
    return ViewNode(str(node), text, cls, title, 10 + 6 * math.sqrt(degree), degree)


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
                Evidence(str(sentence), label(g, document) if document is not None else ""),
            )
        )
    return {
        fact: list(dict.fromkeys(ev for *_, ev in sorted(items))) for fact, items in found.items()
    }


def view_edge(g: Graph, fact: Fact, backed_by: EvidenceIndex) -> ViewEdge:
    """The drawn edge: the relation's Swedish label, and the sentences that back it."""
    _, symmetric = relations()
    is_verb = fact.predicate.startswith(str(VERB))
    name = local_name(fact.predicate) if is_verb else swedish_label(fact.predicate)
    backing = backed_by.get(fact, [])
    if fact.predicate in symmetric:  # the reverse statement backs the same fact
        reverse = backed_by.get((fact.target, fact.predicate, fact.source), [])
        backing = list(dict.fromkeys([*backing, *reverse]))
    lines = [f"{label(g, fact.source)} {name} {label(g, fact.target)}"]
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
    )


def _decision_figures(g: Graph, decision: URIRef) -> list[str]:
    """'120 miljoner kr', '300 personer': the numbers a decision is about, short."""
    figures = []
    amount = number(g.value(decision, KG.amountSEK))
    if amount is not None:
        figures.append(kronor(amount))
    headcount = number(g.value(decision, KG.headcount))
    if headcount is not None:
        figures.append(f"{grouped(int(headcount))} personer")
    return [" · ".join(figures)] if figures else []


def _node_facts(g: Graph, node: URIRef, cls: str) -> Iterator[str]:
    """The tooltip of a node, one line a fact, plain text."""
    if cls == "Quote":
        speakers = sorted(label(g, person) for person in g.subjects(KG.said, node))
        yield f"Citat av {' och '.join(speakers)}" if speakers else "Citat"
    else:
        yield label(g, node)
        yield class_label(cls)
    text = g.value(node, KG.text)
    if text is not None:
        yield f"”{text}”"
    alt = sorted(str(a) for a in g.objects(node, SKOS.altLabel))
    if alt:
        yield f"Även: {', '.join(alt)}"
    for prop in (KG.jobTitle, KG.decisionType, KG.time):
        values = sorted(str(v) for v in g.objects(node, prop))
        if values:
            yield f"{capitalised(swedish_label(prop))}: {', '.join(values)}"
    for prop in (KG.numberOfEmployees, KG.headcount, KG.amountSEK):
        for value in g.objects(node, prop):
            figure = number(value)
            if figure is not None:
                yield f"{capitalised(swedish_label(prop))}: {grouped(int(figure))}"
    for same in sorted(str(s) for s in g.objects(node, OWL.sameAs)):
        yield f"Samma som: {same}"
    documents = sorted({label(g, doc) for doc in g.objects(node, KG.mentionedIn)})
    if documents:
        yield f"{capitalised(swedish_label(KG.mentionedIn))}:"
        yield from (f"  • {doc}" for doc in documents)
