"""The read-only SPARQL 1.1 endpoint of `kg serve`: HTTP in front of supervised query processes.

Every query runs in a `pool` worker, so the endpoint keeps answering while one query
runs long, ends a query whose time is up or whose client has gone, and survives a
crash inside Oxigraph (reported on standard error with the query). It refuses what
a read-only endpoint must (updates, LOAD, SERVICE: 403), answers only requests whose
Host header names this machine (a DNS-rebinding page cannot read the store), knows
the same prefixes as `kg query`, and serves a rebuilt store from its next query.
"""

from __future__ import annotations

import select
import socket
import sys
import urllib.parse
from collections.abc import Iterable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from graph.layout import STORE_DIR
from graph.store.errors import StoreError
from graph.store.guard import READ_ONLY_MESSAGE, RefusedQuery
from graph.store.pool import (
    DEFAULT_TIMEOUT,
    JSON_RESULTS,
    N_TRIPLES,
    QueryCancelled,
    QueryCrashed,
    QueryPool,
    QuerySyntaxError,
    QueryTimeout,
)
from graph.store.terms import printable

#: Host names a request may carry besides the address the endpoint is bound to.
LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "[::1]"})
QUERY_PATHS = frozenset({"/query", "/sparql"})
#: Paths a writable Oxigraph server answers (updates, Graph Store Protocol): refused here.
WRITE_PATHS = frozenset({"/update", "/store"})
#: Largest request body read (a query, form-encoded or not).
MAX_BODY_BYTES = 1_000_000
#: What the endpoint can write, by media type, for SELECT/ASK and for CONSTRUCT/DESCRIBE.
RESULTS_TYPES = (
    JSON_RESULTS,
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
)
GRAPH_TYPES = (N_TRIPLES, "text/turtle", "application/rdf+xml", "application/n-quads")


class Endpoint(ThreadingHTTPServer):
    """A bound endpoint; `serve_forever()` answers until `shutdown()` (or Ctrl-C)."""

    daemon_threads = True

    def __init__(
        self,
        location: Path,
        *,
        host: str = "127.0.0.1",
        port: int = 7878,
        timeout: float = DEFAULT_TIMEOUT,
        allowed_hosts: Iterable[str] = (),
    ) -> None:
        if not (location / STORE_DIR).is_dir():
            raise StoreError(f"no store at {location / STORE_DIR}: run `kg build` first")
        self.pool = QueryPool(location)
        self.query_timeout = timeout
        self.allowed_hosts = LOOPBACK_HOSTS | {host.lower(), *map(str.lower, allowed_hosts)}
        try:
            super().__init__((host, port), _Handler)
        except OSError as error:
            self.pool.close()
            raise StoreError(f"cannot serve on {host}:{port}: {error.strerror}") from None

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}/query"

    def server_close(self) -> None:
        super().server_close()
        self.pool.close()


def serve(
    location: Path,
    *,
    host: str = "127.0.0.1",
    port: int = 7878,
    timeout: float = DEFAULT_TIMEOUT,
    allowed_hosts: Iterable[str] = (),
) -> Endpoint:
    """A read-only SPARQL endpoint on a build folder's store, bound and ready to serve.

    Queries go to ``http://HOST:PORT/query`` (GET ``?query=`` or POST) and see the
    merged default graph, as `query` does. Call ``serve_forever()`` to answer, and
    ``server_close()`` when done. A port in use raises StoreError.
    """
    return Endpoint(location, host=host, port=port, timeout=timeout, allowed_hosts=allowed_hosts)


class _Handler(BaseHTTPRequestHandler):
    server: Endpoint

    def do_GET(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        if not self._refused_host() and self._is_query(url.path):
            self._run(urllib.parse.parse_qs(url.query))

    def do_POST(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        if self._refused_host() or not self._is_query(url.path):
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY_BYTES:
            self._say(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "the query is too long")
            return
        body = self.rfile.read(length).decode("utf-8", "replace")
        media_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if media_type == "application/sparql-update":
            self._say(HTTPStatus.FORBIDDEN, READ_ONLY_MESSAGE)
        elif media_type == "application/sparql-query":
            self._run({**urllib.parse.parse_qs(url.query), "query": [body]})
        elif media_type == "application/x-www-form-urlencoded":
            self._run(urllib.parse.parse_qs(body))
        else:
            self._say(
                HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                "send the query as application/sparql-query or a form with query=",
            )

    def do_PUT(self) -> None:
        self._say(HTTPStatus.FORBIDDEN, READ_ONLY_MESSAGE)

    do_DELETE = do_PATCH = do_PUT

    def _refused_host(self) -> bool:
        host = (self.headers.get("Host") or "").strip().lower()
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        if name in self.server.allowed_hosts:
            return False
        self._say(
            HTTPStatus.FORBIDDEN,
            f"Host {printable(host) or '(none)'} is not allowed here "
            "(kg serve --allow-host NAME lets it in)",
        )
        return True

    def _is_query(self, path: str) -> bool:
        """Whether `path` takes queries; any other request is answered here."""
        if path in QUERY_PATHS:
            return True
        if path == "/":
            self._say(HTTPStatus.OK, "a read-only SPARQL 1.1 endpoint: send queries to /query")
        elif path in WRITE_PATHS:
            self._say(HTTPStatus.FORBIDDEN, READ_ONLY_MESSAGE)
        else:
            self._say(HTTPStatus.NOT_FOUND, "not found: send queries to /query")
        return False

    def _run(self, parameters: dict[str, list[str]]) -> None:
        if "update" in parameters:
            self._say(HTTPStatus.FORBIDDEN, READ_ONLY_MESSAGE)
            return
        if {"default-graph-uri", "named-graph-uri"} & parameters.keys():
            self._say(HTTPStatus.BAD_REQUEST, "default-graph-uri and named-graph-uri are not taken")
            return
        if len(parameters.get("query", [])) != 1:
            self._say(HTTPStatus.BAD_REQUEST, "send one query, as ?query=…")
            return
        sparql = parameters["query"][0]
        accepted = _accepted(self.headers.get("Accept") or "")
        try:
            answer = self.server.pool.run(
                sparql,
                timeout=self.server.query_timeout,
                results_format=_first_of(accepted, RESULTS_TYPES),
                graph_format=_first_of(accepted, GRAPH_TYPES),
                cancelled=self._client_gone,
            )
        except RefusedQuery as error:
            self._say(HTTPStatus.FORBIDDEN, str(error))
        except QuerySyntaxError as error:
            self._say(HTTPStatus.BAD_REQUEST, str(error))
        except QueryTimeout as error:
            self._say(HTTPStatus.SERVICE_UNAVAILABLE, str(error))
        except QueryCancelled:
            self._report("a client went away; its query was stopped", sparql)
        except QueryCrashed as error:
            self._report(f"{error}; a fresh process answers the next query", sparql)
            self._say(HTTPStatus.INTERNAL_SERVER_ERROR, str(error))
        except StoreError as error:
            self._say(HTTPStatus.INTERNAL_SERVER_ERROR, str(error))
        else:
            self._send(HTTPStatus.OK, answer.media_type, answer.body)

    def _client_gone(self) -> bool:
        """Whether the client closed its side: the socket reads as ended."""
        readable, _, _ = select.select([self.connection], [], [], 0)
        if not readable:
            return False
        try:
            return self.connection.recv(1, socket.MSG_PEEK) == b""
        except OSError:
            return True

    def _say(self, status: HTTPStatus, message: str) -> None:
        self._send(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"))

    def _send(self, status: HTTPStatus, media_type: str, body: bytes) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", media_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except OSError:  # the client left while we answered
            pass

    def _report(self, what: str, sparql: str) -> None:
        query = printable(" ".join(sparql.split()))
        sys.stderr.write(f"kg serve: {printable(what)}. The query: {query[:500]}\n")

    def log_message(self, format: str, *args: object) -> None:
        sys.stderr.write(printable(f"{self.address_string()} - {format % args}") + "\n")


def _accepted(header: str) -> list[str]:
    """The media types of an Accept header, most wanted first (q=0 left out)."""
    ranked: list[tuple[float, int, str]] = []
    for i, part in enumerate(header.split(",")):
        media_type, *options = (piece.strip() for piece in part.split(";"))
        weight = 1.0
        for option in options:
            name, _, value = option.partition("=")
            if name.strip() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        if media_type and weight > 0:
            ranked.append((-weight, i, media_type.lower()))
    return [media_type for _, _, media_type in sorted(ranked)]


def _first_of(accepted: list[str], offered: tuple[str, ...]) -> str:
    """The first accepted type we offer, else our first (``*/*`` and no header included)."""
    return next((media_type for media_type in accepted if media_type in offered), offered[0])
