"""The project's prefix table as plain strings, for code that answers queries without rdflib.

`graph.vocab.PREFIXES` is this table as rdflib namespaces (bound in every RDF file the
build writes); the query path (`kg query`, the query processes, result tables) reads it
from here, because importing rdflib takes longer than answering a simple query.
"""

from __future__ import annotations

BASE = "https://myndighetsgraf.se/"

#: The one prefix table of the project: bound in every RDF file it writes, accepted
#: undeclared in queries, and used to shorten IRIs in result tables, so every output reads
#: the same. A table shortens an IRI with the first namespace it starts with, and written
#: files declare prefixes in this order.
PREFIX_IRIS: dict[str, str] = {
    "kg": BASE + "ns#",
    "id": BASE + "id/",
    "doc": BASE + "doc/",
    "verb": BASE + "verb/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "https://schema.org/",
    "org": "http://www.w3.org/ns/org#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "wd": "http://www.wikidata.org/entity/",
}
