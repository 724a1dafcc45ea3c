"""Named queries: the questions people ask the graph, kept as SPARQL in ontology/queries/.

Each ``NAME.rq`` starts with a comment: its first line says what the query answers,
further lines explain, and a line ``# param ?var (iri|literal): what it is`` declares a
parameter. A parameter is optional: given, it fixes the variable's value through
Oxigraph's substitutions (never by editing the query text); left out, the query
answers for every value. So each parameter must be a variable the query selects.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

from graph.layout import ontology_dir
from graph.store.cells import Cell, Table
from graph.store.choices import DEFAULT_TIMEOUT
from graph.store.database import ask, query
from graph.store.errors import StoreError
from graph.store.results import QueryResult
from graph.store.terms import parse_term

QUERY_SUFFIX = ".rq"
PARAMETER_KINDS = ("iri", "literal")
_PARAMETER = re.compile(r"param\s+\?(\w+)\s+\((\w+)\)\s*:\s*(.+)")


class Parameter(NamedTuple):
    name: str
    kind: str  # one of PARAMETER_KINDS
    help: str


class NamedQuery(NamedTuple):
    name: str
    summary: str  # the header's first line: what the query answers
    description: str
    parameters: tuple[Parameter, ...]
    sparql: str


def queries_dir() -> Path:
    return ontology_dir() / "queries"


def named_queries(folder: Path | None = None) -> dict[str, NamedQuery]:
    """Every named query in `folder` (default: ontology/queries/), by name, sorted."""
    files = sorted((folder or queries_dir()).glob(f"*{QUERY_SUFFIX}"))
    return {path.stem: read_named_query(path) for path in files}


def read_named_query(path: Path) -> NamedQuery:
    """A ``.rq`` file with its header comment read into summary, description and parameters."""
    text = path.read_text(encoding="utf-8")
    header: list[str] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        header.append(line[1:].strip())
    parameters, prose = [], []
    for line in header:
        if found := _PARAMETER.fullmatch(line):
            if found[2] not in PARAMETER_KINDS:
                raise StoreError(f"{path}: parameter ?{found[1]} has unknown kind {found[2]!r}")
            parameters.append(Parameter(found[1], found[2], found[3]))
        else:
            prose.append(line)
    if not prose or not prose[0]:
        raise StoreError(f"{path}: the first line must be a comment saying what it answers")
    return NamedQuery(
        name=path.stem,
        summary=prose[0],
        description=" ".join(" ".join(prose[1:]).split()),
        parameters=tuple(parameters),
        sparql=text,
    )


def bind_parameters(named: NamedQuery, values: Mapping[str, str]) -> dict[str, Cell]:
    """`values` (parameter name → text as typed) as the terms their kinds say."""
    kinds = {parameter.name: parameter.kind for parameter in named.parameters}
    unknown = sorted(set(values) - set(kinds))
    if unknown:
        known = ", ".join(f"--{name}" for name in kinds) or "none"
        raise StoreError(
            f"query {named.name} has no parameter --{unknown[0]} (its parameters: {known})"
        )
    return {name: parse_term(text, kinds[name]) for name, text in values.items()}


def run_named(
    location: Path,
    name: str,
    values: Mapping[str, str] | None = None,
    *,
    timeout: float = DEFAULT_TIMEOUT,
) -> QueryResult:
    """Answer the named query `name` on `location`, its parameters given as typed.

    ``run_named(Path("out"), "offices", {"agency": "<https://myndighetsgraf.se/id/agency/x>"})``
    """
    named = _named(name)
    bindings = bind_parameters(named, values or {})
    return query(location, named.sparql, bindings=bindings, timeout=timeout)


def ask_named(
    location: Path,
    name: str,
    values: Mapping[str, str] | None = None,
    *,
    timeout: float = DEFAULT_TIMEOUT,
) -> Table:
    """`run_named`'s answer in cells, with no rdflib loaded (graph.store.database.ask)."""
    named = _named(name)
    bindings = bind_parameters(named, values or {})
    return ask(location, named.sparql, bindings=bindings, timeout=timeout)


def _named(name: str) -> NamedQuery:
    queries = named_queries()
    if name not in queries:
        raise StoreError(f"no named query {name!r}: `kg query --list` shows them")
    return queries[name]
