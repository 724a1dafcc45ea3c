"""The vocabulary as Python terms: one namespace, declared in ontology/kg.ttl.

`KG` is an rdflib DefinedNamespace, so a misspelt term (``KG.workFor``) raises
at import or call time instead of writing a silent new predicate. The test
suite checks that every name here is declared in the Turtle and vice versa.
"""

from __future__ import annotations

import re

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DefinedNamespace

from graph.layout import ontology_dir as ontology_dir  # its home before graph.layout
from graph.prefixes import PREFIX_IRIS


class KG(DefinedNamespace):
    """Classes and properties of ontology/kg.ttl."""

    _NS = Namespace(PREFIX_IRIS["kg"])
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
ID = Namespace(PREFIX_IRIS["id"])
DOC = Namespace(PREFIX_IRIS["doc"])
#: Open-ended predicates from the subject-verb-object fallback (verb lemma as
#: local name); kept apart so they never mix with the curated properties.
VERB = Namespace(PREFIX_IRIS["verb"])

#: The classes an extracted entity can have, in the order a view lists them.
ENTITY_CLASSES = ("Agency", "Organization", "Office", "Place", "Person", "Project")

#: The project's prefix table (graph.prefixes) as rdflib namespaces.
PREFIXES: dict[str, Namespace] = {name: Namespace(iri) for name, iri in PREFIX_IRIS.items()}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the project's prefixes, so Turtle, TriG and JSON-LD read `kg:Agency`."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def local_name(term: object) -> str:
    """The part of an IRI after its last '#', '/' or ':' ("…/ns#worksFor" → "worksFor")."""
    return re.split(r"[#/:]", str(term).rstrip("#/:"))[-1]
