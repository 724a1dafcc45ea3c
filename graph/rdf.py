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

import hashlib
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple
from urllib.parse import quote as percent_encode

import pyoxigraph as ox
from rdflib import OWL, RDF, RDFS, SKOS, XSD, Dataset, Graph, URIRef
from rdflib.namespace import DCTERMS, PROV, SDO

from graph.names import slug
from graph.read import Document
from graph.records import Decision, Evidence, Fact, Mention, Quote, Role
from graph.resolve import Resolution
from graph.store.rdflib_terms import rdflib_term
from graph.vocab import DOC, ID, KG, PREFIXES, VERB, bind_prefixes

WD = PREFIXES["wd"]


class DocumentFacts(NamedTuple):
    """Everything extracted from one document."""

    document: Document
    mentions: Sequence[Mention]
    facts: Sequence[Fact]
    decisions: Sequence[Decision]
    quotes: Sequence[Quote]
    roles: Sequence[Role] = ()


def decimal_literal(value: Decimal) -> ox.Literal:
    """An xsd:decimal in its canonical form ("120000000.0"), the form Turtle writes it back in,
    so graph.ttl re-reads as the very graph that was built."""
    text = format(value.normalize(), "f")
    return ox.Literal(text if "." in text else text + ".0", datatype=_XSD_DECIMAL)


def date_literal(value: str) -> ox.Literal | None:
    """A role's start or end ("2012", "2018-04", "2019-05-01") typed by its form; None for a
    day or month without a year ("--05-01": the record keeps it, the graph's types need one)."""
    for pattern, datatype in _DATE_TYPES:
        if pattern.fullmatch(value):
            return ox.Literal(value, datatype=datatype)
    return None


def role_id(holder: str, organisation: str, role: Role) -> str:
    """The IRI path of a role node: holder, organisation, relation, title and status."""
    title = slug(role.title) if role.title else "-"
    return f"role/{slug(holder)}/{slug(organisation)}/{role.relation}-{title}-{role.status}"


def document_iri(doc_id: str) -> URIRef:
    """doc:<id>, with characters an IRI cannot hold percent-encoded (a JSONL id may have any)."""
    return DOC[percent_encode(doc_id, safe="")]


def predicate(name: str) -> URIRef:
    """The IRI of a kg: property or of a fallback "verb:<lemma>" predicate."""
    if name.startswith("verb:"):
        return VERB[name.removeprefix("verb:")]
    return KG[name]


def document_quads(item: DocumentFacts, resolution: Resolution) -> list[ox.Quad]:
    """One document's named graph (IRI doc:<id>) as Oxigraph quads.

    Oxigraph terms, not rdflib's: the build writes its files and its store with
    Oxigraph, and the quads are made once. Evidence nodes are blank nodes with ids
    derived from the document and their order in it, so the same records always give
    the same quads (a rebuild's store equals the previous one triple for triple).
    """
    return _DocumentWriter(item, resolution).write()


def to_dataset(extracted: Iterable[DocumentFacts], resolution: Resolution) -> Dataset:
    """The rdflib dataset of some documents: one named graph per document, IRI doc:<id>."""
    dataset = Dataset()
    bind_prefixes(dataset)
    for item in extracted:
        add_quads(dataset, document_quads(item, resolution))
    return dataset


def add_quads(dataset: Dataset, quads: Iterable[ox.Quad]) -> None:
    """Add Oxigraph quads to an rdflib dataset (each into its named graph)."""
    graphs: dict[str, Graph] = {}
    for quad in quads:
        name = quad.graph_name
        key = name.value if isinstance(name, ox.NamedNode) else ""
        g = graphs.get(key)
        if g is None:
            g = graphs[key] = dataset.graph(URIRef(key)) if key else dataset.default_graph
        g.add((rdflib_term(quad.subject), rdflib_term(quad.predicate), rdflib_term(quad.object)))


@lru_cache(maxsize=1 << 16)
def _iri(iri: str) -> ox.NamedNode:
    """An Oxigraph IRI; the same few thousand recur in every document, so they are made once.

    An IRI Oxigraph refuses (a verb lemma with a space, say) raises ValueError.
    """
    return ox.NamedNode(iri)


_XSD_INTEGER = ox.NamedNode(str(XSD.integer))
_XSD_DECIMAL = ox.NamedNode(str(XSD.decimal))
#: Datatypes of the literal-valued properties, as the ontology declares them.
_DATATYPES = {
    "numberOfEmployees": _XSD_INTEGER,
    "headcount": _XSD_INTEGER,
    "amountSEK": _XSD_DECIMAL,
}
_TYPE = _iri(str(RDF.type))
_LABEL = _iri(str(RDFS.label))
_ALT_LABEL = _iri(str(SKOS.altLabel))
_SAME_AS = _iri(str(OWL.sameAs))
_MENTIONED_IN = _iri(str(KG.mentionedIn))
_DOCUMENT_PROPERTIES = (
    ("url", _iri(str(SDO.url))),
    ("date", _iri(str(DCTERMS.date))),
    ("source", _iri(str(DCTERMS.publisher))),
)
_EVIDENCE = _iri(str(KG.Evidence))
_RDF_SUBJECT = _iri(str(RDF.subject))
_RDF_PREDICATE = _iri(str(RDF.predicate))
_RDF_OBJECT = _iri(str(RDF.object))
_DERIVED_FROM = _iri(str(PROV.wasDerivedFrom))
_SENTENCE = _iri(str(KG.sentence))
_CHAR_START = _iri(str(KG.charStart))
_CHAR_END = _iri(str(KG.charEnd))
_RULE = _iri(str(KG.rule))
_ROLE = _iri(str(KG.Role))
_HOLDER = _iri(str(KG.holder))
_ROLE_IN = _iri(str(KG.roleIn))
_ROLE_PROPERTY = _iri(str(KG.roleProperty))
_ROLE_TITLE = _iri(str(KG.roleTitle))
_STATUS = _iri(str(KG.status))
_START_DATE = _iri(str(KG.startDate))
_END_DATE = _iri(str(KG.endDate))
#: A role's date by its lexical form → its XSD type, as precise as the text.
_DATE_TYPES = (
    (re.compile(r"\d{4}-\d{2}-\d{2}"), _iri(str(XSD.date))),
    (re.compile(r"\d{4}-\d{2}"), _iri(str(XSD.gYearMonth))),
    (re.compile(r"\d{4}"), _iri(str(XSD.gYear))),
)

Object = ox.NamedNode | ox.BlankNode | ox.Literal


def _opening(text: str, width: int = 80) -> str:
    """A label for an article without a title: its first line, cut at a word."""
    first = text.strip().split("\n", 1)[0]
    return first if len(first) <= width else first[:width].rsplit(" ", 1)[0] + " …"


class _DocumentWriter:
    """Writes one document's records as the quads of its named graph."""

    def __init__(self, item: DocumentFacts, resolution: Resolution) -> None:
        self.item = item
        self.resolution = resolution
        self.doc = _iri(str(document_iri(item.document.id)))
        #: The document's id as an IRI segment, for its decisions and quotes.
        self.local_id = percent_encode(item.document.id, safe="")
        #: Evidence blank nodes are "<this>e<n>": unique to the document, the same every build.
        self.bnode_prefix = "d" + hashlib.sha1(item.document.id.encode()).hexdigest()[:16]
        self.quads: list[ox.Quad] = []

    def write(self) -> list[ox.Quad]:
        self._document()
        for mention in self.item.mentions:
            self._entity(mention)
        for fact in self.item.facts:
            self._fact(fact)
        for n, decision in enumerate(self.item.decisions, start=1):
            self._decision(n, decision)
        for n, quote in enumerate(self.item.quotes, start=1):
            self._quote(n, quote)
        written: set[ox.Triple] = set()
        for role in self.item.roles:
            self._role(role, written)
        return self.quads

    def add(self, s: ox.NamedNode | ox.BlankNode, p: ox.NamedNode, o: Object) -> None:
        self.quads.append(ox.Quad(s, p, o, self.doc))

    def node(self, mention: Mention) -> ox.NamedNode:
        return _iri(str(ID[self.resolution.of[mention]]))

    def _document(self) -> None:
        document = self.item.document
        self.add(self.doc, _TYPE, _iri(str(KG.Document)))
        self.add(self.doc, _LABEL, ox.Literal(document.title or _opening(document.text)))
        for field, prop in _DOCUMENT_PROPERTIES:
            value = getattr(document, field)
            if value:
                self.add(self.doc, prop, ox.Literal(value))

    def _entity(self, mention: Mention) -> None:
        entity = self.resolution.entity(mention)
        node = _iri(str(ID[entity.id]))
        self.add(node, _TYPE, _iri(str(KG[entity.cls])))
        self.add(node, _LABEL, ox.Literal(entity.label))
        if mention.text and mention.text != entity.label:
            self.add(node, _ALT_LABEL, ox.Literal(mention.text))
        if entity.wikidata:
            self.add(node, _SAME_AS, _iri(str(WD[entity.wikidata])))
        self.add(node, _MENTIONED_IN, self.doc)

    def _object(self, value: Mention | str | int | Decimal, prop: str) -> Object:
        if isinstance(value, Mention):
            return self.node(value)
        if isinstance(value, Decimal):
            return decimal_literal(value)
        if isinstance(value, int):
            return ox.Literal(str(value), datatype=_XSD_INTEGER)
        datatype = _DATATYPES.get(prop)
        return ox.Literal(value) if datatype is None else ox.Literal(value, datatype=datatype)

    def _fact(self, fact: Fact) -> None:
        self._link(
            self.node(fact.subject),
            _iri(str(predicate(fact.predicate))),
            self._object(fact.object, fact.predicate),
            fact.evidence,
        )

    def _evidence(self, s: ox.NamedNode, p: ox.NamedNode, o: Object, evidence: Evidence) -> None:
        e = ox.BlankNode(f"{self.bnode_prefix}e{len(self.quads)}")
        for prop, value in (
            (_TYPE, _EVIDENCE),
            (_RDF_SUBJECT, s),
            (_RDF_PREDICATE, p),
            (_RDF_OBJECT, o),
            (_DERIVED_FROM, self.doc),
            (_SENTENCE, ox.Literal(evidence.sentence)),
            (_CHAR_START, ox.Literal(str(evidence.start), datatype=_XSD_INTEGER)),
            (_CHAR_END, ox.Literal(str(evidence.end), datatype=_XSD_INTEGER)),
            (_RULE, ox.Literal(evidence.rule)),
        ):
            self.add(e, prop, value)

    def _decision(self, n: int, decision: Decision) -> None:
        node = _iri(str(ID[f"decision/{self.local_id}-{n}"]))
        self.add(node, _TYPE, _iri(str(KG.Decision)))
        self.add(node, _LABEL, ox.Literal(decision.summary))
        self.add(node, _iri(str(KG.decisionType)), ox.Literal(decision.kind))
        self.add(node, _MENTIONED_IN, self.doc)
        values = (
            ("amountSEK", decision.amount_sek),
            ("headcount", decision.headcount),
            ("time", decision.time),
        )
        for prop, value in values:
            if value is not None:
                self.add(node, _iri(str(KG[prop])), self._object(value, prop))
        for evidence in (decision.evidence, *decision.more_evidence):
            if decision.requested_from:
                requested_from = self.node(decision.requested_from)
                self._link(node, _iri(str(KG.requestedFrom)), requested_from, evidence)
            self._link(self.node(decision.actor), _iri(str(KG.decided)), node, evidence)
            if decision.also_actor:  # the receiver of money given is an actor too
                self._link(self.node(decision.also_actor), _iri(str(KG.decided)), node, evidence)
            for concerned in decision.concerns:
                self._link(node, _iri(str(KG.concerns)), self.node(concerned), evidence)

    def _quote(self, n: int, quote: Quote) -> None:
        node = _iri(str(ID[f"quote/{self.local_id}-{n}"]))
        self.add(node, _TYPE, _iri(str(KG.Quote)))
        self.add(node, _iri(str(KG.text)), ox.Literal(quote.text))
        self.add(node, _MENTIONED_IN, self.doc)
        self._link(self.node(quote.speaker), _iri(str(KG.said)), node, quote.evidence)

    def _role(self, role: Role, written: set[ox.Triple]) -> None:
        """One node per holder, organisation, relation, title and status (kg:Role); the
        sentence that says it is the evidence of its kg:holder."""
        holder, organisation = self.node(role.holder), self.node(role.organisation)
        node = _iri(
            str(
                ID[
                    role_id(
                        self.resolution.of[role.holder], self.resolution.of[role.organisation], role
                    )
                ]
            )
        )
        values: list[tuple[ox.NamedNode, Object]] = [
            (_TYPE, _ROLE),
            (_ROLE_IN, organisation),
            (_ROLE_PROPERTY, _iri(str(KG[role.relation]))),
            (_STATUS, ox.Literal(role.status)),
        ]
        if role.title:
            values.append((_ROLE_TITLE, ox.Literal(role.title)))
        for prop, date in ((_START_DATE, role.start), (_END_DATE, role.end)):
            literal = date_literal(date) if date else None
            if literal is not None:
                values.append((prop, literal))
        for prop, value in values:
            triple = ox.Triple(node, prop, value)
            if triple not in written:
                written.add(triple)
                self.add(node, prop, value)
        self._link(node, _HOLDER, holder, role.evidence)

    def _link(self, s: ox.NamedNode, p: ox.NamedNode, o: Object, evidence: Evidence) -> None:
        self.add(s, p, o)
        self._evidence(s, p, o, evidence)
