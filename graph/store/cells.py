"""A query's answer as plain values, read without rdflib: what `kg query` prints.

Importing rdflib takes longer than Oxigraph takes to answer a simple query, so what only
shows an answer (the command line's table, CSV and JSON) reads it as `Cell`s, each term
as SPARQL's JSON results describe it; `graph.store.query` reads the same answer into
rdflib terms (`read_answer` with `graph.store.rdflib_terms.rdflib_term`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple, TypeVar

import pyoxigraph as ox

from graph.store.errors import StoreError

if TYPE_CHECKING:
    from graph.store.pool import Answer

#: The variables a CONSTRUCT or DESCRIBE result is given, one row per triple.
TRIPLE_VARIABLES = ("subject", "predicate", "object")
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"

OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
T = TypeVar("T")


class Cell(NamedTuple):
    """One term: an IRI (kind "uri"), a blank node ("bnode", `value` its id) or a literal."""

    kind: str
    value: str
    #: A literal's language tag, or "".
    language: str = ""
    #: A literal's datatype IRI; "" for a plain string (xsd:string) and a tagged one.
    datatype: str = ""


class Table(NamedTuple):
    """What a query answered, in cells (the shape of `graph.store.QueryResult`)."""

    variables: tuple[str, ...]
    rows: tuple[tuple[Cell | None, ...], ...]
    boolean: bool | None = None


def cell(term: OxTerm) -> Cell:
    """The cell for an Oxigraph term."""
    if isinstance(term, ox.NamedNode):
        return Cell("uri", term.value)
    if isinstance(term, ox.BlankNode):
        return Cell("bnode", term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Cell("literal", term.value, language=term.language)
        datatype = term.datatype.value
        return Cell("literal", term.value, datatype="" if datatype == XSD_STRING else datatype)
    raise StoreError(f"RDF-star triple terms are not supported: {term}")


def read_answer(
    answer: Answer, term: Callable[[OxTerm], T]
) -> tuple[tuple[str, ...], tuple[tuple[T | None, ...], ...], bool | None]:
    """A query process's answer as variables, rows of `term(…)` and an ASK's boolean."""
    if answer.kind == "graph":
        triples = ox.parse(answer.body, format=ox.RdfFormat.N_TRIPLES)
        rows = tuple((term(t.subject), term(t.predicate), term(t.object)) for t in triples)
        return TRIPLE_VARIABLES, rows, None
    solutions = ox.parse_query_results(answer.body, format=ox.QueryResultsFormat.JSON)
    if isinstance(solutions, ox.QueryBoolean):
        return (), (), bool(solutions)
    variables = tuple(variable.value for variable in solutions.variables)
    width = range(len(variables))
    table = tuple(
        tuple(None if (value := solution[i]) is None else term(value) for i in width)
        for solution in solutions
    )
    return variables, table, None


def table(answer: Answer) -> Table:
    """A query process's answer in cells."""
    return Table(*read_answer(answer, cell))


def encode(value: Cell) -> dict[str, str]:
    """A cell as the query process reads a substitution from JSON (graph.store.worker)."""
    if value.kind == "uri":
        return {"iri": value.value}
    if value.kind == "bnode":
        return {"bnode": value.value}
    encoded = {"literal": value.value}
    if value.language:
        encoded["language"] = value.language
    elif value.datatype:
        encoded["datatype"] = value.datatype
    return encoded
