"""Query processes under supervision: every SPARQL query runs in a `worker` process.

A query that runs past its timeout, or whose HTTP client has gone, is ended by killing
its process; a process that dies inside Oxigraph (an upstream panic) costs only that
query, which is reported, and the next query gets a fresh process. Idle processes
are kept for the next query on the same store. A rebuild that puts a new store in
place is noticed at the next query: processes still on the old one are retired.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import select
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import IO, Any, NamedTuple

import pyoxigraph as ox

from graph.layout import STORE_DIR, TRIG_FILE, TURTLE_FILE
from graph.prefixes import PREFIX_IRIS
from graph.store.cells import Cell, encode
from graph.store.choices import DEFAULT_TIMEOUT
from graph.store.errors import StoreError, first_line
from graph.store.guard import check_read_only
from graph.store.sparql_errors import syntax_message

#: Queries that run at once on one pool; more wait for a free process.
MAX_WORKERS = 4
#: How often a waiting query checks whether its client is still there.
POLL_SECONDS = 0.1
#: Seconds a new process may take to open its store.
START_SECONDS = 30.0

JSON_RESULTS = "application/sparql-results+json"
N_TRIPLES = "application/n-triples"
WORKER_SCRIPT = Path(__file__).with_name("worker.py")
QUERY_PREFIXES = PREFIX_IRIS
#: prctl(2) option: the signal the kernel sends a process when its parent dies.
_PR_SET_PDEATHSIG = 1


class QueryTimeout(StoreError):
    """A query ran longer than its timeout and was stopped."""


class QueryCancelled(StoreError):
    """The client that asked went away, so its query was stopped."""


class QuerySyntaxError(StoreError):
    """The query is not SPARQL; the message says where."""


class QueryCrashed(StoreError):
    """Oxigraph died on a query; the pool starts a fresh process for the next one."""


class Answer(NamedTuple):
    """A query's result as the worker wrote it: `kind` is solutions, boolean or graph."""

    kind: str
    media_type: str
    body: bytes


class Source(NamedTuple):
    """What a worker opens, and an `identity` that changes when a rebuild replaces it."""

    kind: str  # "store" (a folder, opened read-only) or "quads" (a graph file, in memory)
    path: Path
    identity: tuple[int, ...]


def locate(location: Path) -> Source:
    """The store or graph file at `location`, as it is now (a rebuild changes the identity)."""
    store_path = location / STORE_DIR
    if store_path.is_dir():
        real = store_path.resolve()  # a build may swap folders through a symlink
        found = os.stat(real)
        return Source("store", real, (found.st_dev, found.st_ino))
    files = [location] if location.is_file() else [location / TRIG_FILE, location / TURTLE_FILE]
    stamps = tuple(
        stamp
        for path in files
        if path.is_file()
        for stamp in (os.stat(path).st_ino, os.stat(path).st_mtime_ns)
    )
    return Source("quads", location, stamps)


def stop_with_parent() -> None:
    """Run in a child before it starts: end it when the thread that started it ends.

    Ctrl-C reaches both, but a parent ended by SIGTERM or a crash would otherwise
    leave its children running (a server holding the port, a runaway query).
    """
    ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


class Worker:
    """One query process on one source; `ask` sends it a query and waits for the answer."""

    def __init__(self, source: Source) -> None:
        self.source = source
        # A file, not a pipe, so nobody has to drain it; it lives as long as the worker.
        self._log = tempfile.TemporaryFile()  # noqa: SIM115
        self.process = subprocess.Popen(
            [sys.executable, "-P", str(WORKER_SCRIPT), source.kind, str(source.path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log,
            preexec_fn=stop_with_parent if sys.platform == "linux" else None,
        )
        assert self.process.stdin is not None and self.process.stdout is not None
        self._to: IO[bytes] = self.process.stdin
        self._from: IO[bytes] = self.process.stdout
        quads = b""
        if source.kind == "quads":
            from graph.store.files import read_quads  # loads rdflib: a graph file only

            quads = ox.serialize(read_quads(source.path), format=ox.RdfFormat.N_QUADS) or b""
        settings = {"prefixes": QUERY_PREFIXES, "quads_length": len(quads)}
        try:
            self._write(json.dumps(settings).encode("utf-8") + b"\n" + quads)
            reply, _ = self._read(time.monotonic() + START_SECONDS, None)
        except StoreError:
            self.kill()
            raise
        if "error" in reply:
            self.kill()
            raise StoreError(
                f"cannot read the store at {source.path}: {first_line(reply['message'])} "
                "(run `kg build` again)"
            )

    def ask(
        self, request: dict[str, Any], timeout: float, cancelled: Callable[[], bool] | None
    ) -> tuple[dict[str, Any], bytes]:
        """Send one request; the worker is killed if it times out, is cancelled or dies."""
        self._write(json.dumps(request).encode("utf-8") + b"\n")
        try:
            return self._read(time.monotonic() + timeout, cancelled, timeout)
        except StoreError:
            self.kill()
            raise

    def _write(self, data: bytes) -> None:
        try:
            self._to.write(data)
            self._to.flush()
        except BrokenPipeError:
            raise QueryCrashed(self._crash_message()) from None

    def _read(
        self, deadline: float, cancelled: Callable[[], bool] | None, timeout: float = 0.0
    ) -> tuple[dict[str, Any], bytes]:
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise QueryTimeout(f"the query ran longer than {timeout:g} s and was stopped")
            ready, _, _ = select.select([self._from], [], [], min(remaining, POLL_SECONDS))
            if ready:
                break
            if cancelled is not None and cancelled():
                raise QueryCancelled("the client went away; its query was stopped")
        line = self._from.readline()
        if not line:
            raise QueryCrashed(self._crash_message())
        reply: dict[str, Any] = json.loads(line)
        return reply, self._from.read(reply.get("length", 0))

    def _crash_message(self) -> str:
        self.process.wait()
        self._log.seek(0)
        said = " ".join(self._log.read().decode("utf-8", "replace").split())
        code = self.process.returncode
        return f"Oxigraph crashed on this query (exit code {code}): {said[:300] or 'no message'}"

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            self.process.kill()
        self.process.wait()
        for stream in (self._to, self._from, self._log):
            with contextlib.suppress(OSError):
                stream.close()


class QueryPool:
    """Query processes for one location, reused across queries, at most `max_workers` at once."""

    def __init__(self, location: Path, *, max_workers: int = MAX_WORKERS) -> None:
        self.location = location
        self._idle: list[Worker] = []
        self._lock = threading.Lock()
        self._slots = threading.BoundedSemaphore(max_workers)
        # Workers are started from this one long-lived thread: a child is signalled when
        # the *thread* that started it ends, and request threads end after each request.
        self._spawner = ThreadPoolExecutor(1, thread_name_prefix="kg-query-spawner")

    def run(
        self,
        sparql: str,
        bindings: Mapping[str, Cell] | None = None,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        results_format: str = JSON_RESULTS,
        graph_format: str = N_TRIPLES,
        cancelled: Callable[[], bool] | None = None,
    ) -> Answer:
        """Answer `sparql` (read-only: checked first) in a worker; raise StoreError otherwise."""
        check_read_only(sparql)
        request = {
            "query": sparql,
            "substitutions": {name: encode(term) for name, term in (bindings or {}).items()},
            "results_format": results_format,
            "graph_format": graph_format,
        }
        with self._slots:
            worker = self._take()
            reply, body = worker.ask(request, timeout, cancelled)
            self._give_back(worker)
        if reply.get("error") == "syntax":
            raise QuerySyntaxError(syntax_message(sparql, SyntaxError(reply["message"])))
        if "error" in reply:
            raise StoreError(f"the query failed: {first_line(reply['message'])}")
        return Answer(reply["kind"], reply["media_type"], body)

    def _take(self) -> Worker:
        source = locate(self.location)
        with self._lock:
            if source.kind == "quads" and not source.identity and self._idle:
                # Nothing at the location: a rebuild between its two renames. The store
                # the idle workers hold open still answers until the new one is there.
                return self._idle.pop()
            stale = [worker for worker in self._idle if worker.source != source]
            self._idle = [worker for worker in self._idle if worker.source == source]
            worker = self._idle.pop() if self._idle else None
        for old in stale:
            old.kill()
        return worker or self._spawner.submit(Worker, source).result()

    def _give_back(self, worker: Worker) -> None:
        with self._lock:
            self._idle.append(worker)

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for worker in idle:
            worker.kill()
        self._spawner.shutdown(wait=False)
