"""The store side of the graph: read a built graph, write it to Oxigraph, query, serve, push.

A build folder DIR holds ``graph.trig`` (one named graph per document plus the
default graph), ``graph.ttl`` (the merged graph) and ``store/`` (an Oxigraph
store on disk with the same quads). Everything here takes either such a folder
or a single RDF file, so ``kg query``, ``kg export`` and ``kg view`` work on both.

Queries see the union of all graphs by default (no ``GRAPH`` clause needed) and
may use the project's prefixes (``kg:``, ``id:``, ``rdfs:`` ...) without
declaring them. ``GRAPH ?doc { ... }`` still reaches one document's graph.
"""

from __future__ import annotations

import csv
import ctypes
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import NamedTuple

import pyoxigraph as ox
import rdflib
from rdflib import BNode, Literal, URIRef
from rdflib.exceptions import ParserError
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import XSD

from graph.vocab import DOC, ID, KG, VERB

#: Names inside a build folder (see DESIGN.md, `kg build`).
STORE_DIR = "store"
TRIG_FILE = "graph.trig"
TURTLE_FILE = "graph.ttl"

#: Prefixes written in Turtle/TriG/JSON-LD, accepted undeclared in queries and
#: used to shorten IRIs in result tables. Declared once here so every output of
#: the project reads the same.
PREFIXES: dict[str, str] = {
    "kg": str(KG),
    "id": str(ID),
    "doc": str(DOC),
    "verb": str(VERB),
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

#: RDF files we read, by suffix, with rdflib's parser name.
RDF_SUFFIXES: dict[str, str] = {
    ".ttl": "turtle",
    ".trig": "trig",
    ".nt": "nt",
    ".nq": "nquads",
    ".jsonld": "json-ld",
}

RESULT_FORMATS = ("table", "csv", "json")

#: A table cell longer than this is cut with an ellipsis; csv and json keep it whole.
MAX_CELL_WIDTH = 80

#: The variables a CONSTRUCT or DESCRIBE result is given, one row per triple.
TRIPLE_VARIABLES = ("subject", "predicate", "object")

Term = URIRef | BNode | Literal


class QueryResult(NamedTuple):
    """What a SPARQL query answered.

    SELECT: ``variables`` in query order and one row per solution; a cell is an
    rdflib term (a ``str`` subclass: ``str(cell)`` is the IRI or the literal's
    lexical form) or None where the variable is unbound.
    ASK: no variables, no rows, ``boolean`` holds the answer.
    CONSTRUCT / DESCRIBE: variables ``subject predicate object``, one row per triple.
    """

    variables: tuple[str, ...]
    rows: tuple[tuple[Term | None, ...], ...]
    boolean: bool | None = None


class StoreError(Exception):
    """A problem the user can fix, told in one line (missing graph, bad query, server down)."""


# ---------------------------------------------------------------- reading graphs


def bind_prefixes(graph: rdflib.Graph) -> None:
    """Bind the project's prefixes so Turtle, TriG and JSON-LD output reads `kg:Agency`."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)


def open_dataset(location: Path) -> rdflib.Dataset:
    """The quads at `location`: a build folder (its graph.trig, else graph.ttl) or one RDF file.

    Triple formats (.ttl, .nt, .jsonld without named graphs) land in the default graph.
    """
    source = _source_file(location)
    dataset = rdflib.Dataset()
    bind_prefixes(dataset)
    try:
        dataset.parse(source, format=RDF_SUFFIXES[source.suffix])
    # Turtle's BadSyntax is a SyntaxError, N-Triples' a ParserError, broken JSON a ValueError.
    except (SyntaxError, ValueError, ParserError) as error:
        raise StoreError(f"cannot read {source}: {_first_line(error)}") from error
    return dataset


def open_graph(location: Path) -> rdflib.Graph:
    """The merged graph at `location`: the union of every named graph and the default graph."""
    return merged_graph(open_dataset(location))


def merged_graph(dataset: rdflib.Dataset) -> rdflib.Graph:
    """All triples of `dataset` in one graph, as graph.ttl holds them."""
    merged = rdflib.Graph()
    bind_prefixes(merged)
    for subject, predicate, obj, _ in dataset.quads():
        merged.add((subject, predicate, obj))
    return merged


def _source_file(location: Path) -> Path:
    if location.is_dir():
        for name in (TRIG_FILE, TURTLE_FILE):
            if (location / name).is_file():
                return location / name
    elif location.is_file():
        if location.suffix not in RDF_SUFFIXES:
            known = " ".join(RDF_SUFFIXES)
            raise StoreError(f"cannot read {location}: not an RDF file ({known})")
        return location
    raise StoreError(f"no graph at {location}: run `kg build` first")


# ---------------------------------------------------------------- writing the store


def write_store(dataset: rdflib.Dataset, path: Path) -> None:
    """Write `dataset` as a fresh Oxigraph store at `path`; quads keep their named graph.

    The store is bulk-loaded in a folder beside `path` and only then swapped in,
    so a failed write leaves the previous store as it was.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{path.name}-new-", dir=path.parent))
    try:
        _bulk_load(dataset, staging)
        _swap_in(staging, path)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _bulk_load(dataset: rdflib.Dataset, folder: Path) -> None:
    nquads = _nquads(dataset)
    store = ox.Store(str(folder))
    try:
        store.bulk_load(nquads, ox.RdfFormat.N_QUADS)
    except SyntaxError as error:  # an IRI rdflib lets through, such as a relative one
        raise StoreError(f"cannot store the graph: {_first_line(error)}") from error
    # Dropping the last reference closes RocksDB, so the folder can be moved and reopened.
    del store


def _swap_in(new: Path, target: Path) -> None:
    """Put folder `new` at `target`, keeping the old `target` until the new one is in place."""
    if not target.exists():
        os.rename(new, target)
        return
    retired = target.with_name(f".{target.name}-old-{os.getpid()}")
    shutil.rmtree(retired, ignore_errors=True)
    os.rename(target, retired)
    try:
        os.rename(new, target)
    except OSError:
        os.rename(retired, target)
        raise
    shutil.rmtree(retired, ignore_errors=True)


def _memory_store(location: Path) -> ox.Store:
    store = ox.Store()
    store.extend(_read_quads(location))
    return store


def _read_quads(location: Path) -> list[ox.Quad]:
    """The quads at `location`, read by Oxigraph: no rdflib terms in between."""
    source = _source_file(location)
    try:
        return list(ox.parse(path=source, format=ox.RdfFormat.from_extension(source.suffix[1:])))
    except SyntaxError as error:
        raise StoreError(f"cannot read {source}: {_first_line(error)}") from error


# ---------------------------------------------------------------- writing RDF files

#: The RDF syntaxes `serialize_rdf` writes, by file suffix.
RDF_WRITERS = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "trig": ox.RdfFormat.TRIG,
}
_RDF_TYPE = str(rdflib.RDF.type)


def serialize_rdf(dataset: rdflib.Dataset, fmt: str) -> bytes:
    """`dataset` as Turtle or N-Triples (the merged graph) or TriG (one graph per document).

    Oxigraph writes it, not rdflib, because rdflib's Turtle writer changes
    lexical forms ("120000000"^^xsd:decimal comes back as 120000000.0); here
    every literal reads back as the same term. Statements are sorted so each
    subject's facts stand together, its type first, and only the prefixes in
    use are declared.
    """
    return _serialize_quads(list(ox.parse(_nquads(dataset), ox.RdfFormat.N_QUADS)), fmt)


def convert_rdf(location: Path, fmt: str) -> bytes:
    """The graph at `location` written as `serialize_rdf` does, read by Oxigraph too.

    Without rdflib in between this is many times faster on a large build.
    """
    return _serialize_quads(_read_quads(location), fmt)


def _serialize_quads(quads: list[ox.Quad], fmt: str) -> bytes:
    syntax = RDF_WRITERS[fmt]
    statements: list[ox.Quad] | list[ox.Triple]
    if syntax.supports_datasets:
        statements = sorted(quads, key=_reading_order)
    else:
        statements = sorted({quad.triple for quad in quads}, key=_reading_order)
    return ox.serialize(statements, format=syntax, prefixes=_prefixes_in_use(quads)) or b""


def _prefixes_in_use(quads: list[ox.Quad]) -> dict[str, str]:
    iris: set[str] = set()
    for quad in quads:
        for term in (quad.subject, quad.predicate, quad.object, quad.graph_name):
            if isinstance(term, ox.NamedNode):
                iris.add(term.value)
            elif isinstance(term, ox.Literal):
                iris.add(term.datatype.value)
    return {
        name: namespace
        for name, namespace in PREFIXES.items()
        if any(iri.startswith(namespace) for iri in iris)
    }


def _reading_order(statement: ox.Quad | ox.Triple) -> tuple[str, str, bool, str, str]:
    graph = ""
    if isinstance(statement, ox.Quad) and not isinstance(statement.graph_name, ox.DefaultGraph):
        graph = str(statement.graph_name)
    predicate = statement.predicate.value
    return graph, str(statement.subject), predicate != _RDF_TYPE, predicate, str(statement.object)


def _nquads(dataset: rdflib.Dataset) -> bytes:
    """N-Quads: the one format rdflib and Oxigraph agree on to the byte, named graphs included."""
    try:
        return dataset.serialize(format="nquads", encoding="utf-8")
    except Exception as error:  # rdflib raises a bare Exception for an IRI it cannot write
        raise StoreError(f"cannot store the graph: {_first_line(error)}") from error


# ---------------------------------------------------------------- querying


def query(location: Path, sparql: str) -> QueryResult:
    """Run `sparql` on a build folder's Oxigraph store (read-only) or on an RDF file.

    A folder without store/ but with graph.trig or graph.ttl, or a single RDF
    file, is loaded into an in-memory store first.
    """
    store_path = location / STORE_DIR
    if store_path.is_dir():
        try:
            store = ox.Store.read_only(str(store_path))
        except OSError as error:
            raise StoreError(f"cannot open the store at {store_path}: {error}") from error
    else:
        store = _memory_store(location)
    try:
        answer = store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True)
    except SyntaxError as error:
        raise StoreError(_syntax_message(sparql, error)) from error
    return _query_result(answer)


def _query_result(answer: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples) -> QueryResult:
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult(variables=(), rows=(), boolean=bool(answer))
    if isinstance(answer, ox.QueryTriples):
        triples = tuple(
            (_from_oxigraph(t.subject), _from_oxigraph(t.predicate), _from_oxigraph(t.object))
            for t in answer
        )
        return QueryResult(variables=TRIPLE_VARIABLES, rows=triples)
    variables = tuple(variable.value for variable in answer.variables)
    rows = tuple(
        tuple(
            None if solution[i] is None else _from_oxigraph(solution[i])
            for i in range(len(variables))
        )
        for solution in answer
    )
    return QueryResult(variables=variables, rows=rows)


def _from_oxigraph(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> Term:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == str(XSD.string):  # a plain literal in RDF 1.1
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise StoreError(f"RDF-star triple terms are not supported in results: {term}")


#: Characters of query text shown on each side of a syntax error's position.
NEAR_WIDTH = 20
#: Longest explanation of a syntax error that stays on one readable line.
MAX_DETAIL_WIDTH = 100
_POSITION = re.compile(r"error at (\d+):(\d+):\s*(.*)", re.DOTALL)


def _syntax_message(sparql: str, error: SyntaxError) -> str:
    """Oxigraph says "error at 1:8: expected ..."; say where, and show the text there."""
    found = _POSITION.search(str(error))
    if not found:
        return f"SPARQL syntax error: {_first_line(error)}"
    line, column, detail = int(found[1]), int(found[2]), _first_line(found[3])
    lines = sparql.splitlines() or [""]
    text = lines[min(line, len(lines)) - 1]
    # Oxigraph points where parsing stopped, often just past the mistake: show both sides,
    # starting at a whole word.
    start = max(0, column - 1 - NEAR_WIDTH)
    near = text[start : column - 1 + NEAR_WIDTH]
    if start > 0 and " " in near:
        near = near.split(" ", 1)[1]
    near = near.strip()
    where = f"line {line}, column {column}" + (f" (near {near!r})" if near else "")
    # The list of tokens Oxigraph expected can run to hundreds of characters.
    if len(detail) > MAX_DETAIL_WIDTH:
        detail = detail[:MAX_DETAIL_WIDTH].rsplit(", ", 1)[0] + ", …"
    return f"SPARQL syntax error at {where}: {detail}"


def _first_line(error: BaseException | str) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


# ---------------------------------------------------------------- formatting results


def format_result(result: QueryResult, fmt: str) -> str:
    """Render `result` as "table" (aligned text), "csv" (RFC 4180) or "json" (SPARQL 1.1 JSON).

    csv follows the SPARQL 1.1 CSV results format (IRIs in full, literals as their
    lexical form, blank nodes as ``_:id``); an ASK answer is a one-column
    ``boolean`` table in table and csv form. Every format ends with a line break.
    """
    if fmt == "table":
        return _table(result)
    if fmt == "csv":
        return _csv(result)
    if fmt == "json":
        return _json(result)
    raise StoreError(f"unknown result format {fmt!r}: use one of {', '.join(RESULT_FORMATS)}")


def _tabular(result: QueryResult) -> QueryResult:
    """An ASK answer as a one-column table, so every format has one shape to write."""
    if result.boolean is None:
        return result
    return QueryResult(variables=("boolean",), rows=((Literal(result.boolean),),))


def _table(result: QueryResult) -> str:
    result = _tabular(result)
    cells = [[_short(cell) for cell in row] for row in result.rows]
    widths = [
        max([len(name), *(len(row[i]) for row in cells)]) for i, name in enumerate(result.variables)
    ]

    def line(values: list[str]) -> str:
        return "  ".join(value.ljust(width) for value, width in zip(values, widths, strict=True))

    count = len(result.rows)
    lines = [line(list(result.variables)), line(["-" * width for width in widths])]
    lines += [line(row) for row in cells]
    lines.append(f"({count} {'row' if count == 1 else 'rows'})")
    return "".join(text.rstrip() + "\n" for text in lines)


def _short(cell: Term | None) -> str:
    """A cell as a person reads it: prefixed names for IRIs, literals without quotes."""
    if cell is None:
        return ""
    text = str(cell)
    if isinstance(cell, URIRef):
        text = compact_iri(text)
    elif isinstance(cell, BNode):
        text = f"_:{text}"
    text = " ".join(text.split())  # an evidence sentence may hold line breaks
    return text if len(text) <= MAX_CELL_WIDTH else text[: MAX_CELL_WIDTH - 1] + "…"


def compact_iri(iri: str) -> str:
    """`https://myndighetsgraf.se/ns#Agency` → `kg:Agency`; other IRIs stay whole."""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def _csv(result: QueryResult) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")  # RFC 4180 ends records with CRLF
    result = _tabular(result)
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow(["" if cell is None else _csv_cell(cell) for cell in row])
    return buffer.getvalue()


def _csv_cell(cell: Term) -> str:
    return f"_:{cell}" if isinstance(cell, BNode) else str(cell)


def _json(result: QueryResult) -> str:
    document: dict[str, object]
    if result.boolean is not None:
        document = {"head": {}, "boolean": result.boolean}
    else:
        bindings = [
            {
                name: _json_term(cell)
                for name, cell in zip(result.variables, row, strict=True)
                if cell is not None
            }
            for row in result.rows
        ]
        document = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _json_term(cell: Term) -> dict[str, str]:
    if isinstance(cell, URIRef):
        return {"type": "uri", "value": str(cell)}
    if isinstance(cell, BNode):
        return {"type": "bnode", "value": str(cell)}
    term: dict[str, str] = {"type": "literal", "value": str(cell)}
    if cell.language:
        term["xml:lang"] = cell.language
    elif cell.datatype:
        term["datatype"] = str(cell.datatype)
    return term


# ---------------------------------------------------------------- SPARQL servers


def push(dataset: rdflib.Dataset, endpoint: str, *, timeout: float = 60.0) -> None:
    """Replace each graph of `dataset` on a SPARQL 1.1 Graph Store Protocol `endpoint`.

    Each named graph is PUT to ``endpoint?graph=<iri>``, the default graph to
    ``endpoint?default``. Graphs on the server that `dataset` lacks are left alone.
    For an Oxigraph server the endpoint is ``http://HOST:PORT/store``.
    """
    for graph in dataset.graphs():
        name = graph.identifier
        if name == DATASET_DEFAULT_GRAPH_ID:
            if len(graph) == 0:
                continue
            url = f"{endpoint}?default"
        elif isinstance(name, URIRef):
            url = f"{endpoint}?graph={urllib.parse.quote(str(name), safe='')}"
        else:
            raise StoreError(f"cannot push graph {name}: the Graph Store Protocol needs an IRI")
        body = graph.serialize(format="nt", encoding="utf-8")
        request = urllib.request.Request(
            url, data=body, method="PUT", headers={"Content-Type": "application/n-triples"}
        )
        _send(request, timeout)


def _send(request: urllib.request.Request, timeout: float) -> None:
    try:
        with urllib.request.urlopen(request, timeout=timeout):
            pass
    except urllib.error.HTTPError as error:
        detail = _first_line(error.read().decode("utf-8", "replace") or error.reason)
        raise StoreError(f"{request.full_url} answered {error.code}: {detail}") from error
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise StoreError(f"cannot reach {request.full_url}: {reason}") from error


def oxigraph_executable() -> str:
    """The `oxigraph` server program (PyPI package "oxigraph"), beside this Python first."""
    beside = Path(sys.executable).with_name("oxigraph")
    found = str(beside) if beside.is_file() else shutil.which("oxigraph")
    if found is None:
        raise StoreError("the `oxigraph` server is not installed: pip install oxigraph")
    return found


def serve(
    location: Path, *, host: str = "127.0.0.1", port: int = 7878, ready_within: float = 15.0
) -> subprocess.Popen[bytes]:
    """Start a read-only SPARQL 1.1 endpoint on a build folder's store; return once it answers.

    Queries go to ``http://HOST:PORT/query`` and see the union of all graphs, as
    `query` does. The caller stops the server (``process.terminate()``).
    """
    store_path = location / STORE_DIR
    if not store_path.is_dir():
        raise StoreError(f"no store at {store_path}: run `kg build` first")
    argv = [
        oxigraph_executable(),
        "serve-read-only",
        "--location",
        str(store_path),
        "--bind",
        f"{host}:{port}",
        "--union-default-graph",
    ]
    # A file, not a pipe, takes the server's messages: a pipe nobody reads can fill and stall it.
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(
            argv,
            stdout=subprocess.DEVNULL,
            stderr=log,
            preexec_fn=_stop_with_parent if sys.platform == "linux" else None,
        )
        try:
            wait_until_answering(process, f"http://{host}:{port}/query", ready_within)
        except StoreError as error:
            process.kill()
            process.wait()
            log.seek(0)
            said = _first_line(log.read().decode("utf-8", "replace") or str(error))
            raise StoreError(
                f"the oxigraph server on {host}:{port} did not start: {said}"
            ) from None
    return process


#: prctl(2) option: the signal the kernel sends a process when its parent dies.
_PR_SET_PDEATHSIG = 1


def _stop_with_parent() -> None:
    """Run in the server's process before it starts: end it when its parent dies.

    Ctrl-C reaches both, but a `kg serve` ended by SIGTERM or a crash would
    otherwise leave an orphaned server holding the port. Linux sends the signal
    when the thread that started the server ends, so start it from a thread that
    lives as long as the server should.
    """
    ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def wait_until_answering(process: subprocess.Popen[bytes], query_url: str, within: float) -> None:
    """Poll `query_url` with an ASK until it answers, the process dies or `within` seconds pass."""
    probe = f"{query_url}?query={urllib.parse.quote('ASK {}')}"
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise StoreError(f"the server exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(probe, timeout=1.0):
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.1)
    raise StoreError(f"{query_url} did not answer within {within:g} s")
