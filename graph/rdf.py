"""Records and resolved entities → RDF: one named graph per document.

Each document's graph holds what was read in it: the entities it mentions
(type, canonical label, the forms it wrote), the facts, decisions and quotes,
and one evidence node per fact. Evidence is a reified statement
(kg:Evidence ⊑ rdf:Statement) carrying the sentence, its character offsets in
the document text, and the rule that fired, so every fact can be traced in
SPARQL:

    ?e a kg:Evidence ; rdf:subject ?s ; rdf:predicate kg:worksFor ; rdf:object ?o ;
       prov:wasDerivedFrom ?doc ; kg:sentence ?text ; kg:charStart ?from ; kg:charEnd ?to .
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import NamedTuple
from urllib.parse import quote as percent_encode

from rdflib import OWL, RDF, RDFS, SKOS, XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SDO
from rdflib.term import Node

from graph.read import Document
from graph.records import Decision, Evidence, Fact, Mention, Quote
from graph.resolve import Resolution
from graph.vocab import DOC, ID, KG, PREFIXES, VERB, bind_prefixes

WD = PREFIXES["wd"]

#: Datatypes of the literal-valued properties, as the ontology declares them.
_DATATYPES = {
    "numberOfEmployees": XSD.integer,
    "headcount": XSD.integer,
    "amountSEK": XSD.decimal,
}


class DocumentFacts(NamedTuple):
    """Everything extracted from one document."""

    document: Document
    mentions: Sequence[Mention]
    facts: Sequence[Fact]
    decisions: Sequence[Decision]
    quotes: Sequence[Quote]


def decimal_literal(value: Decimal) -> Literal:
    """An xsd:decimal in its canonical form ("120000000.0"), the form Turtle writes it back in,
    so graph.ttl re-reads as the very graph that was built."""
    text = format(value.normalize(), "f")
    return Literal(text if "." in text else text + ".0", datatype=XSD.decimal)


def document_iri(doc_id: str) -> URIRef:
    """doc:<id>, with characters an IRI cannot hold percent-encoded (a JSONL id may have any)."""
    return DOC[percent_encode(doc_id, safe="")]


def predicate(name: str) -> URIRef:
    """The IRI of a kg: property or of a fallback "verb:<lemma>" predicate."""
    if name.startswith("verb:"):
        return VERB[name.removeprefix("verb:")]
    return KG[name]


def to_dataset(extracted: Iterable[DocumentFacts], resolution: Resolution) -> Dataset:
    """Build the dataset: one named graph per document, IRI doc:<id>."""
    dataset = Dataset()
    bind_prefixes(dataset)
    for item in extracted:
        g = dataset.graph(document_iri(item.document.id))
        _DocumentWriter(g, item, resolution).write()
    return dataset


def merged(dataset: Dataset) -> Graph:
    """The union of all document graphs as one plain graph (graph.ttl)."""
    g = bind_prefixes(Graph())
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def _opening(text: str, width: int = 80) -> str:
    """A label for an article without a title: its first line, cut at a word."""
    first = text.strip().split("\n", 1)[0]
    return first if len(first) <= width else first[:width].rsplit(" ", 1)[0] + " …"


class _DocumentWriter:
    """Writes one document's records into its named graph."""

    def __init__(self, g: Graph, item: DocumentFacts, resolution: Resolution) -> None:
        self.g = g
        self.item = item
        self.resolution = resolution
        self.doc = document_iri(item.document.id)
        #: The document's id as an IRI segment, for its decisions and quotes.
        self.local_id = percent_encode(item.document.id, safe="")

    def write(self) -> None:
        self._document()
        for mention in self.item.mentions:
            self._entity(mention)
        for fact in self.item.facts:
            self._fact(fact)
        for n, decision in enumerate(self.item.decisions, start=1):
            self._decision(n, decision)
        for n, quote in enumerate(self.item.quotes, start=1):
            self._quote(n, quote)

    def node(self, mention: Mention) -> URIRef:
        return ID[self.resolution.of[mention]]

    def _document(self) -> None:
        document = self.item.document
        self.g.add((self.doc, RDF.type, KG.Document))
        self.g.add((self.doc, RDFS.label, Literal(document.title or _opening(document.text))))
        for prop, value in (
            (SDO.url, document.url),
            (DCTERMS.date, document.date),
            (DCTERMS.publisher, document.source),
        ):
            if value:
                self.g.add((self.doc, prop, Literal(value)))

    def _entity(self, mention: Mention) -> None:
        entity = self.resolution.entity(mention)
        node = ID[entity.id]
        self.g.add((node, RDF.type, KG[entity.cls]))
        self.g.add((node, RDFS.label, Literal(entity.label)))
        if mention.text and mention.text != entity.label:
            self.g.add((node, SKOS.altLabel, Literal(mention.text)))
        if entity.wikidata:
            self.g.add((node, OWL.sameAs, WD[entity.wikidata]))
        self.g.add((node, KG.mentionedIn, self.doc))

    def _object(self, value: Mention | str | int | Decimal, prop: str) -> Node:
        if isinstance(value, Mention):
            return self.node(value)
        if isinstance(value, Decimal):
            return decimal_literal(value)
        return Literal(value, datatype=_DATATYPES.get(prop))

    def _fact(self, fact: Fact) -> None:
        triple = (
            self.node(fact.subject),
            predicate(fact.predicate),
            self._object(fact.object, fact.predicate),
        )
        self.g.add(triple)
        self._evidence(triple, fact.evidence)

    def _evidence(self, triple: tuple[Node, Node, Node], evidence: Evidence) -> None:
        e = BNode()
        s, p, o = triple
        for prop, value in (
            (RDF.type, KG.Evidence),
            (RDF.subject, s),
            (RDF.predicate, p),
            (RDF.object, o),
            (PROV.wasDerivedFrom, self.doc),
            (KG.sentence, Literal(evidence.sentence)),
            (KG.charStart, Literal(evidence.start)),
            (KG.charEnd, Literal(evidence.end)),
            (KG.rule, Literal(evidence.rule)),
        ):
            self.g.add((e, prop, value))

    def _decision(self, n: int, decision: Decision) -> None:
        node = ID[f"decision/{self.local_id}-{n}"]
        self.g.add((node, RDF.type, KG.Decision))
        self.g.add((node, RDFS.label, Literal(decision.summary)))
        self.g.add((node, KG.decisionType, Literal(decision.kind)))
        self.g.add((node, KG.mentionedIn, self.doc))
        values = (
            ("amountSEK", decision.amount_sek),
            ("headcount", decision.headcount),
            ("time", decision.time),
        )
        for prop, value in values:
            if value is not None:
                self.g.add((node, KG[prop], self._object(value, prop)))
        for evidence in (decision.evidence, *decision.more_evidence):
            if decision.requested_from:
                self._link(node, KG.requestedFrom, self.node(decision.requested_from), evidence)
            self._link(self.node(decision.actor), KG.decided, node, evidence)

    def _quote(self, n: int, quote: Quote) -> None:
        node = ID[f"quote/{self.local_id}-{n}"]
        self.g.add((node, RDF.type, KG.Quote))
        self.g.add((node, KG.text, Literal(quote.text)))
        self.g.add((node, KG.mentionedIn, self.doc))
        self._link(self.node(quote.speaker), KG.said, node, quote.evidence)

    def _link(self, s: Node, p: URIRef, o: Node, evidence: Evidence) -> None:
        self.g.add((s, p, o))
        self._evidence((s, p, o), evidence)
