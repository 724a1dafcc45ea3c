"""Other SPARQL servers: push graphs to one (Graph Store Protocol), wait for one to answer."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import rdflib
from rdflib import URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from graph.store.errors import StoreError, first_line


def push(
    dataset: rdflib.Dataset, endpoint: str, *, graph: str | None = None, timeout: float = 60.0
) -> int:
    """Replace graphs on a SPARQL 1.1 Graph Store Protocol `endpoint`; return how many were sent.

    Each named graph is PUT to ``endpoint?graph=<iri>``, the default graph to
    ``endpoint?default``; graphs on the server that `dataset` lacks are left alone.
    With `graph`, the merged graph (every fact once) replaces that one graph instead.
    For an Oxigraph server the endpoint is ``http://HOST:PORT/store``.
    """
    if urllib.parse.urlsplit(endpoint).scheme not in ("http", "https"):
        raise StoreError(f"the endpoint must be an http:// or https:// URL, not {endpoint!r}")
    if graph is not None:
        if not _is_iri(graph):
            raise StoreError(f"--graph must be an absolute IRI, not {graph!r}")
        union = rdflib.Graph()
        for quad in dataset.quads():
            union.add(quad[:3])
        _put(union, f"{endpoint}?graph={urllib.parse.quote(graph, safe='')}", timeout)
        return 1
    sent = 0
    # Documents in IRI order, the default graph last: a push is the same on every run.
    ordered = sorted(
        dataset.graphs(),
        key=lambda g: (g.identifier == DATASET_DEFAULT_GRAPH_ID, str(g.identifier)),
    )
    for part in ordered:
        name = part.identifier
        if name == DATASET_DEFAULT_GRAPH_ID:
            if len(part) == 0:
                continue
            url = f"{endpoint}?default"
        elif isinstance(name, URIRef):
            url = f"{endpoint}?graph={urllib.parse.quote(str(name), safe='')}"
        else:
            raise StoreError(f"cannot push graph {name}: the Graph Store Protocol needs an IRI")
        _put(part, url, timeout)
        sent += 1
    return sent


def _is_iri(text: str) -> bool:
    parts = urllib.parse.urlsplit(text)
    return bool(parts.scheme and (parts.netloc or parts.path)) and " " not in text


def _put(graph: rdflib.Graph, url: str, timeout: float) -> None:
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
        detail = first_line(error.read().decode("utf-8", "replace") or error.reason)
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
