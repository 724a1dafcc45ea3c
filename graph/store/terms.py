"""RDF terms as a person types them into a query and reads them back from a result.

What a result table prints for a node can be pasted into the next query as it is: a
prefixed name when the rest of the IRI is a valid SPARQL local name (``kg:Agency``),
else the whole IRI in angle brackets (``<https://myndighetsgraf.se/id/agency/x>``: a
slash is not allowed in a local name). `parse_term` reads either form back, so a named
query's parameter takes exactly what a table showed. `rdflib_term` turns an Oxigraph
term into rdflib's, for the code that reads the store's quads into rdflib.
"""

from __future__ import annotations

import re

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from graph.store.errors import StoreError
from graph.vocab import PREFIXES

#: A SPARQL 1.1 PN_LOCAL without escapes: letters, digits, "_", "-", "." (not last), ":".
_LOCAL_NAME = re.compile(r"[\w:](?:[\w.:\-\u00b7]*[\w:\-\u00b7])?")
_PREFIXED = re.compile(r"([^\W\d][\w.-]*)?:(.*)", re.DOTALL)

#: Characters a terminal acts on instead of showing: C0 and C1 controls, DEL, and the
#: bidirectional overrides and isolates that reorder what a line seems to say.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
#: Those of them that json.dumps writes raw (it escapes the C0 controls itself).
_JSON_RAW = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_XSD_STRING = str(XSD.string)


def pastable_iri(iri: str) -> str:
    """`iri` as a query takes it: ``prefix:local`` if the local part is valid, else ``<iri>``."""
    for prefix, namespace in PREFIXES.items():
        local = iri[len(namespace) :]
        if iri.startswith(namespace) and local and _LOCAL_NAME.fullmatch(local):
            return f"{prefix}:{local}"
    return f"<{iri}>"


def parse_iri(text: str) -> URIRef:
    """An IRI as a person writes it: ``<https://…>``, ``prefix:local`` or a bare ``https://…``."""
    text = text.strip()
    if text.startswith("<") and text.endswith(">"):
        iri = text[1:-1]
    elif (found := _PREFIXED.fullmatch(text)) and (found[1] or "") in PREFIXES:
        iri = str(PREFIXES[found[1] or ""]) + found[2].replace("\\", "")
    else:
        iri = text
    try:
        ox.NamedNode(iri)
    except ValueError as error:
        known = ", ".join(f"{name}:" for name in PREFIXES)
        raise StoreError(
            f"not an IRI: {printable(text)} (write <https://…> or a prefixed name: {known})"
        ) from error
    return URIRef(iri)


def parse_term(text: str, kind: str) -> URIRef | Literal:
    """A parameter's value as the term its `kind` says: "iri" or "literal" (a plain string)."""
    if kind == "iri":
        return parse_iri(text)
    return Literal(text)


def printable(text: str) -> str:
    """`text` with every control character spelt out (``\\x1b``), safe to print to a terminal."""
    return _UNPRINTABLE.sub(_escape, text)


def _escape(found: re.Match[str]) -> str:
    code = ord(found[0])
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def json_printable(document: str) -> str:
    """JSON text with the characters `printable` spells out written as ``\\u`` escapes.

    json.dumps leaves DEL, C1 controls and bidi marks raw; as escapes the JSON means
    the same and a terminal shows them as text.
    """
    return _JSON_RAW.sub(lambda found: f"\\u{ord(found[0]):04x}", document)


def rdflib_term(
    term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple,
) -> URIRef | BNode | Literal:
    """The rdflib term for an Oxigraph one (a plain literal, xsd:string in RDF 1.1, stays plain)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == _XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise StoreError(f"RDF-star triple terms are not supported: {term}")
