"""A query process: holds one store open and answers SPARQL on it, one request at a time.

Queries run here, not in the process that asked, so that one which runs too long, or
whose client has gone, can be ended by killing the process (Oxigraph has no way to
stop a query it evaluates), and a crash inside Oxigraph ends only this process.
`graph.store.pool` starts and supervises these processes.

It is started as a script (``python worker.py store PATH`` or ``python worker.py
quads``) and imports nothing but pyoxigraph, so it starts in a tenth of a second.

The protocol, over standard input and output: the parent sends a JSON line of
settings (the prefixes; for ``quads``, the length of the N-Quads that follow, and
those bytes); the worker answers a status line once the store is open. Then each
request is a JSON line, each answer a JSON status line and the body it announces.
"""

from __future__ import annotations

import json
import sys
from typing import Any, BinaryIO

import pyoxigraph as ox

#: Every named graph's triples copied into the default graph: queries see each fact once.
MERGE_INTO_DEFAULT_GRAPH = "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"

Reply = dict[str, Any]


def open_store(kind: str, path: str, settings: Reply, source: BinaryIO) -> ox.Store:
    """The store a worker answers from: a store folder read-only, or N-Quads in memory."""
    if kind == "store":
        return ox.Store.read_only(path)
    store = ox.Store()
    store.load(source.read(settings["quads_length"]), ox.RdfFormat.N_QUADS)
    store.update(MERGE_INTO_DEFAULT_GRAPH)
    return store


def answer(store: ox.Store, request: Reply, prefixes: dict[str, str]) -> tuple[Reply, bytes]:
    """Run one query; the body is the result in the format the request names for its kind."""
    try:
        substitutions = {
            ox.Variable(name): _term(term) for name, term in request["substitutions"].items()
        }
        result = store.query(request["query"], prefixes=prefixes, substitutions=substitutions)
        if isinstance(result, ox.QueryTriples):
            syntax = ox.RdfFormat.from_media_type(request["graph_format"]) or ox.RdfFormat.N_TRIPLES
            body = result.serialize(format=syntax) or b""
            return {"kind": "graph", "media_type": syntax.media_type, "length": len(body)}, body
        results_format = ox.QueryResultsFormat.from_media_type(request["results_format"])
        results_format = results_format or ox.QueryResultsFormat.JSON
        body = result.serialize(format=results_format) or b""
        kind = "boolean" if isinstance(result, ox.QueryBoolean) else "solutions"
        return {"kind": kind, "media_type": results_format.media_type, "length": len(body)}, body
    except SyntaxError as error:
        return {"error": "syntax", "message": str(error)}, b""
    except BaseException as error:  # pyo3's PanicException is a BaseException too
        if isinstance(error, KeyboardInterrupt | SystemExit):
            raise
        return {"error": "failed", "message": f"{type(error).__name__}: {error}"}, b""


def _term(encoded: Reply) -> ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple:
    """A term as `graph.store.pool` encodes it in JSON."""
    if "iri" in encoded:
        return ox.NamedNode(encoded["iri"])
    if "bnode" in encoded:
        return ox.BlankNode(encoded["bnode"])
    if encoded.get("language"):
        return ox.Literal(encoded["literal"], language=encoded["language"])
    datatype = encoded.get("datatype")
    return ox.Literal(encoded["literal"], datatype=ox.NamedNode(datatype) if datatype else None)


def _send(out: BinaryIO, reply: Reply, body: bytes = b"") -> None:
    out.write(json.dumps(reply).encode("utf-8") + b"\n" + body)
    out.flush()


def main(argv: list[str]) -> None:
    source, out = sys.stdin.buffer, sys.stdout.buffer
    settings = json.loads(source.readline())
    try:
        store = open_store(argv[0], argv[1] if len(argv) > 1 else "", settings, source)
    except (OSError, RuntimeError, SyntaxError) as error:  # RocksDB says "Corruption: ..."
        _send(out, {"error": "damaged", "message": str(error)})
        return
    _send(out, {"ready": True})
    for line in source:  # ends when the parent closes the pipe, or dies
        reply, body = answer(store, json.loads(line), settings["prefixes"])
        _send(out, reply, body)


if __name__ == "__main__":
    main(sys.argv[1:])
