"""RDF terms as a person types them into a query and reads them back from a result.

What a result table prints for a node can be pasted into the next query as it is: a
prefixed name when the rest of the IRI is a valid SPARQL local name (``kg:Agency``),
else the whole IRI in angle brackets (``<https://myndighetsgraf.se/id/agency/x>``: a
slash is not allowed in a local name). `parse_term` reads either form back, so a named
query's parameter takes exactly what a table showed. Nothing here loads rdflib (the query
path does without it); graph.store.rdflib_terms has the same in rdflib's terms.
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from graph.prefixes import PREFIX_IRIS
from graph.store.cells import Cell
from graph.store.errors import StoreError

#: A SPARQL 1.1 PN_LOCAL without escapes: letters, digits, "_", "-", "." (not last), ":".
_LOCAL_NAME = re.compile(r"[\w:](?:[\w.:\-\u00b7]*[\w:\-\u00b7])?")
_PREFIXED = re.compile(r"([^\W\d][\w.-]*)?:(.*)", re.DOTALL)

#: Characters a terminal acts on instead of showing: C0 and C1 controls, DEL, and the
#: bidirectional overrides and isolates that reorder what a line seems to say.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
#: Those of them that json.dumps writes raw (it escapes the C0 controls itself).
_JSON_RAW = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def pastable_iri(iri: str) -> str:
    """`iri` as a query takes it: ``prefix:local`` if the local part is valid, else ``<iri>``."""
    for prefix, namespace in PREFIX_IRIS.items():
        local = iri[len(namespace) :]
        if iri.startswith(namespace) and local and _LOCAL_NAME.fullmatch(local):
            return f"{prefix}:{local}"
    return f"<{iri}>"


def iri_of(text: str) -> str:
    """An IRI as a person writes it: ``<https://…>``, ``prefix:local`` or a bare ``https://…``."""
    text = text.strip()
    if text.startswith("<") and text.endswith(">"):
        iri = text[1:-1]
    elif (found := _PREFIXED.fullmatch(text)) and (found[1] or "") in PREFIX_IRIS:
        iri = PREFIX_IRIS[found[1] or ""] + found[2].replace("\\", "")
    else:
        iri = text
    try:
        ox.NamedNode(iri)
    except ValueError as error:
        known = ", ".join(f"{name}:" for name in PREFIX_IRIS)
        raise StoreError(
            f"not an IRI: {printable(text)} (write <https://…> or a prefixed name: {known})"
        ) from error
    return iri


def parse_term(text: str, kind: str) -> Cell:
    """A parameter's value as the term its `kind` says: "iri" or "literal" (a plain string)."""
    if kind == "iri":
        return Cell("uri", iri_of(text))
    return Cell("literal", text)


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
