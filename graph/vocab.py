"""The vocabulary as Python terms: one namespace, declared in ontology/kg.ttl.

`KG` is an rdflib DefinedNamespace, so a misspelt term (``KG.workFor``) raises
at import or call time instead of writing a silent new predicate. The test
suite checks that every name here is declared in the Turtle and vice versa.
"""

from __future__ import annotations

import re
from pathlib import Path

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import (
    DCTERMS,
    FOAF,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SDO,
    SKOS,
    XSD,
    DefinedNamespace,
)

BASE = "https://myndighetsgraf.se/"


class KG(DefinedNamespace):
    """Classes and properties of ontology/kg.ttl."""

    _NS = Namespace(BASE + "ns#")
    _fail = True

    # classes
    Organization: URIRef
    Agency: URIRef
    Office: URIRef
    Place: URIRef
    Person: URIRef
    Project: URIRef
    Decision: URIRef
    Quote: URIRef
    Document: URIRef
    Role: URIRef
    Evidence: URIRef
    # relations
    worksFor: URIRef
    headOf: URIRef
    memberOf: URIRef
    partOf: URIRef
    locatedIn: URIRef
    leads: URIRef
    participatesIn: URIRef
    collaboratesWith: URIRef
    decided: URIRef
    requestedFrom: URIRef
    concerns: URIRef
    said: URIRef
    mentionedIn: URIRef
    # role nodes (a post held, current or former)
    holder: URIRef
    roleIn: URIRef
    roleProperty: URIRef
    roleTitle: URIRef
    status: URIRef
    startDate: URIRef
    endDate: URIRef
    # attributes
    jobTitle: URIRef
    numberOfEmployees: URIRef
    amountSEK: URIRef
    headcount: URIRef
    time: URIRef
    decisionType: URIRef
    text: URIRef
    # evidence
    sentence: URIRef
    charStart: URIRef
    charEnd: URIRef
    rule: URIRef


#: Entities (one IRI per real thing), documents and evidence nodes.
ID = Namespace(BASE + "id/")
DOC = Namespace(BASE + "doc/")
#: Open-ended predicates from the subject-verb-object fallback (verb lemma as
#: local name); kept apart so they never mix with the curated properties.
VERB = Namespace(BASE + "verb/")

#: The classes an extracted entity can have, in the order a view lists them.
ENTITY_CLASSES = ("Agency", "Organization", "Office", "Place", "Person", "Project")

#: The one prefix table of the project: bound in every RDF file it writes, accepted
#: undeclared in queries, and used to shorten IRIs in result tables, so every output reads
#: the same. A table shortens an IRI with the first namespace it starts with, and written
#: files declare prefixes in this order. rdflib's standard vocabularies are DefinedNamespace
#: classes; `Namespace(str(...))` makes each value the same kind of thing.
PREFIXES: dict[str, Namespace] = {
    "kg": KG._NS,
    "id": ID,
    "doc": DOC,
    "verb": VERB,
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "owl": Namespace(str(OWL)),
    "xsd": Namespace(str(XSD)),
    "skos": Namespace(str(SKOS)),
    "prov": Namespace(str(PROV)),
    "schema": Namespace(str(SDO)),
    "org": Namespace(str(ORG)),
    "foaf": Namespace(str(FOAF)),
    "dcterms": Namespace(str(DCTERMS)),
    "wd": Namespace("http://www.wikidata.org/entity/"),
}


def ontology_dir() -> Path:
    """The folder with kg.ttl, shapes.ttl and gazetteers/.

    A wheel carries it inside the package (graph/ontology); a source checkout
    has it at the top of the repository.
    """
    packaged = Path(__file__).with_name("ontology")
    return packaged if packaged.is_dir() else Path(__file__).parents[1] / "ontology"


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the project's prefixes, so Turtle, TriG and JSON-LD read `kg:Agency`."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def local_name(term: object) -> str:
    """The part of an IRI after its last '#', '/' or ':' ("…/ns#worksFor" → "worksFor")."""
    return re.split(r"[#/:]", str(term).rstrip("#/:"))[-1]
