"""Real servers on loopback for the tests: free ports, a listener that counts connections,
HTTP requests with their status, `kg serve` as a process, and a process's children."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from graph.store import PREFIXES, wait_until_answering

KG = Path(sys.executable).with_name("kg")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


class Reply(NamedTuple):
    status: int
    media_type: str
    body: str


def http(
    url: str,
    *,
    data: bytes | None = None,
    headers: dict[str, str] | None = None,
    method: str | None = None,
) -> Reply:
    """One request; an HTTP error status is returned like any other, not raised."""
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            body = response.read().decode()
            return Reply(response.status, response.headers["Content-Type"], body)
    except urllib.error.HTTPError as error:
        return Reply(error.code, error.headers["Content-Type"], error.read().decode())


def get_query(query_url: str, sparql: str, **headers: str) -> Reply:
    return http(f"{query_url}?query={urllib.parse.quote(sparql)}", headers=headers)


def http_select(query_url: str, sparql: str, *, declare: bool = True) -> dict[str, object]:
    """A SELECT over HTTP as JSON; `declare` writes the project's prefixes into the query."""
    declarations = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in PREFIXES.items())
    reply = get_query(
        query_url,
        (declarations if declare else "") + sparql,
        Accept="application/sparql-results+json",
    )
    assert reply.status == 200, reply
    answer: dict[str, object] = json.loads(reply.body)
    return answer


class Listener:
    """A TCP server on loopback that counts every connection made to it."""

    def __init__(self) -> None:
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.socket.settimeout(0.2)
        self.port = int(self.socket.getsockname()[1])
        self.url = f"http://127.0.0.1:{self.port}/sparql"
        self.connections = 0
        self._running = True
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while self._running:
            try:
                connection, _ = self.socket.accept()
            except TimeoutError:
                continue
            self.connections += 1
            connection.close()

    def close(self) -> None:
        """Stop listening; `connections` is final after this."""
        if self._running:
            self._running = False
            self._thread.join()
            self.socket.close()


class Served(NamedTuple):
    process: subprocess.Popen[bytes]
    url: str  # the query URL
    port: int


def start_kg_serve(location: Path, *options: str) -> Served:
    """`kg serve LOCATION` as a real process on a free port; returns once it answers.

    Its standard error goes to a file beside LOCATION (``serve.log``): a pipe that
    nobody reads could fill and stall the server.
    """
    port = free_port()
    log = (location.parent / f"serve-{port}.log").open("wb")
    process = subprocess.Popen(
        [str(KG), "serve", str(location), "--port", str(port), *options],
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    url = f"http://127.0.0.1:{port}/query"
    try:
        wait_until_answering(process, url, 30)
    except BaseException:
        process.kill()
        process.wait()
        raise
    return Served(process, url, port)


def serve_log(location: Path, served: Served) -> str:
    return (location.parent / f"serve-{served.port}.log").read_text(encoding="utf-8")


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def children(pid: int) -> set[int]:
    """The processes `pid` started that still run (from /proc)."""
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found.update(int(child) for child in (task / "children").read_text().split())
        except OSError:
            continue
    return found


def alive(pid: int) -> bool:
    status = Path(f"/proc/{pid}/status")
    try:
        return "State:\tZ" not in status.read_text()
    except OSError:
        return False


def wait_for(condition: Callable[[], bool], within: float = 20.0) -> bool:
    """Poll `condition()` until it is true or `within` seconds pass; say which."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()
