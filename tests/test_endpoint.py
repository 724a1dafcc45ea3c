"""`kg serve` as a real process on 127.0.0.1: read-only, timeouts, Host check, rebuilds, crashes."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import threading
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
import rdflib
from rdflib import URIRef
from servers import (
    KG,
    Listener,
    Reply,
    Served,
    alive,
    children,
    get_query,
    http,
    http_select,
    serve_log,
    start_kg_serve,
    stop,
    wait_for,
)

from graph.layout import STORE_DIR
from graph.store import (
    READ_ONLY_MESSAGE,
    SERVICE_MESSAGE,
    format_result,
    open_dataset,
    query,
    write_store,
)

FIXTURE = Path(__file__).parent / "fixtures" / "store" / "two_documents.trig"
#: Six independent patterns over the fixture's ~45 triples: 45**6 rows to count.
PATHOLOGICAL = (
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . "
    "?j ?k ?l . ?m ?n2 ?o . ?p ?q ?r }"
)
LABELS = "SELECT ?label WHERE { ?x a kg:Agency ; rdfs:label ?label } ORDER BY ?label"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("served") / "out"
    write_store(open_dataset(FIXTURE), folder / STORE_DIR)
    return folder


@pytest.fixture(scope="module")
def served(build: Path) -> Iterator[Served]:
    """One `kg serve` for the tests that do not stop it; queries time out after 2 s."""
    server = start_kg_serve(build, "--timeout", "2")
    yield server
    stop(server.process)


def count(url: str) -> int:
    answer = http_select(url, COUNT, declare=False)
    return int(answer["results"]["bindings"][0]["n"]["value"])  # type: ignore[index]


# ---------------------------------------------------------------- answers


def test_the_endpoint_answers_like_kg_query_with_the_same_prefixes(
    build: Path, served: Served
) -> None:
    over_http = http_select(served.url, LABELS, declare=False)
    assert over_http == json.loads(format_result(query(build, LABELS), "json"))


def test_the_endpoint_writes_the_format_asked_for(served: Served) -> None:
    csv = get_query(served.url, LABELS, Accept="text/csv")
    assert (csv.status, csv.media_type) == (200, "text/csv; charset=utf-8")
    assert csv.body.splitlines() == ["label", "Arbetsförmedlingen", "Försäkringskassan"]
    graph = get_query(served.url, "CONSTRUCT WHERE { ?x a kg:Agency }", Accept="text/turtle")
    assert graph.status == 200 and graph.media_type == "text/turtle"
    assert len(rdflib.Graph().parse(data=graph.body, format="turtle")) == 2
    posted = http(
        served.url,
        data=LABELS.encode(),
        headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"},
    )
    assert posted == csv


# ---------------------------------------------------------------- read-only


def test_service_is_refused_and_no_request_leaves(served: Served) -> None:
    listener = Listener()
    reply = get_query(served.url, f"SELECT * WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}")
    listener.close()
    assert reply == Reply(403, "text/plain; charset=utf-8", SERVICE_MESSAGE + "\n")
    assert listener.connections == 0


def test_updates_are_refused_however_they_are_sent(served: Served) -> None:
    listener = Listener()
    before = count(served.url)
    update = "INSERT DATA { <https://x> <https://p> <https://o> }"
    replies = [
        get_query(served.url, update),
        get_query(served.url, f"LOAD <{listener.url}>"),
        http(
            served.url.replace("/query", "/update"),
            data=update.encode(),
            headers={"Content-Type": "application/sparql-update"},
        ),
        http(
            served.url,
            data=update.encode(),
            headers={"Content-Type": "application/sparql-update"},
        ),
        http(
            served.url,
            data=urllib.parse.urlencode({"update": update}).encode(),
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        ),
        http(
            served.url.replace("/query", "/store") + "?default",
            data=b"<https://x> <https://p> <https://o> .\n",
            headers={"Content-Type": "application/n-triples"},
            method="PUT",
        ),
    ]
    listener.close()
    assert [reply.status for reply in replies] == [403] * len(replies)
    assert {reply.body for reply in replies} == {READ_ONLY_MESSAGE + "\n"}
    assert count(served.url) == before
    assert listener.connections == 0


def test_a_syntax_error_is_a_400_in_one_line(served: Served) -> None:
    reply = get_query(served.url, "SELECT ?x WHERE { ?x ?y }")
    assert reply.status == 400
    assert reply.body.startswith("SPARQL syntax error at line 1, column ")
    assert reply.body.count("\n") == 1


def test_only_loopback_host_names_are_answered(served: Served) -> None:
    rebinding = get_query(served.url, "ASK {}", Host=f"attacker.example:{served.port}")
    assert rebinding.status == 403
    assert rebinding.body.startswith(f"Host attacker.example:{served.port} is not allowed")
    for host in ("localhost", f"localhost:{served.port}", f"127.0.0.1:{served.port}"):
        assert get_query(served.url, "ASK {}", Host=host).status == 200, host


def test_an_allowed_host_is_answered(build: Path) -> None:
    server = start_kg_serve(build, "--allow-host", "graf.example")
    try:
        assert get_query(server.url, "ASK {}", Host="graf.example").status == 200
        assert get_query(server.url, "ASK {}", Host="other.example").status == 403
    finally:
        stop(server.process)


# ---------------------------------------------------------------- runaway queries


def test_a_runaway_query_times_out_while_others_are_answered(served: Served) -> None:
    slow: list[Reply] = []
    runner = threading.Thread(target=lambda: slow.append(get_query(served.url, PATHOLOGICAL)))
    runner.start()
    quick = [get_query(served.url, LABELS) for _ in range(3)]
    finished_first = not slow  # the runaway query was still running meanwhile
    runner.join()
    assert [reply.status for reply in quick] == [200, 200, 200]
    assert finished_first
    assert slow == [
        Reply(503, "text/plain; charset=utf-8", "the query ran longer than 2 s and was stopped\n")
    ]
    assert get_query(served.url, LABELS).status == 200


def test_an_abandoned_query_stops_its_work(build: Path) -> None:
    server = start_kg_serve(build, "--timeout", "600")
    try:
        get_query(server.url, "ASK {}")  # one idle worker now
        (worker,) = children(server.process.pid)
        client = socket.create_connection(("127.0.0.1", server.port))
        target = urllib.parse.quote(PATHOLOGICAL)
        client.sendall(
            f"GET /query?query={target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode("ascii")
        )
        assert wait_for(lambda: _busy(worker))
        client.close()  # the client gives up long before the 600 s timeout
        assert wait_for(lambda: not alive(worker))
        assert get_query(server.url, LABELS).status == 200
    finally:
        stop(server.process)
    assert "a client went away; its query was stopped" in serve_log(build, server)


def _busy(pid: int) -> bool:
    """Whether the process is using the processor (state R in /proc)."""
    try:
        return "State:\tR" in Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False


def test_a_crash_costs_one_query_and_is_reported(build: Path, served: Served) -> None:
    # Oxigraph's known panics are fixed in the pinned version, so the crash is made by
    # killing the process mid-query, the way a panic that aborts would end it.
    get_query(served.url, "ASK {}")
    replies: list[Reply] = []
    runner = threading.Thread(target=lambda: replies.append(get_query(served.url, PATHOLOGICAL)))
    before = children(served.process.pid)
    runner.start()
    assert wait_for(lambda: any(_busy(pid) for pid in children(served.process.pid)))
    (busy,) = [pid for pid in children(served.process.pid) if _busy(pid)]
    os.kill(busy, signal.SIGKILL)
    runner.join()
    (reply,) = replies
    assert reply.status == 500
    assert reply.body.startswith("Oxigraph crashed on this query (exit code -9)")
    assert get_query(served.url, LABELS).status == 200  # a fresh process answers
    assert before  # the pool kept processes, so the crash took one that existed
    assert "The query: SELECT (COUNT(*) AS ?n)" in serve_log(build, served)


def test_the_query_processes_end_with_the_server(build: Path) -> None:
    server = start_kg_serve(build, "--timeout", "600")
    get_query(server.url, "ASK {}")
    workers = children(server.process.pid)
    assert workers
    server.process.kill()  # no chance to clean up: the kernel must end its children
    server.process.wait()
    assert wait_for(lambda: not any(alive(pid) for pid in workers))


# ---------------------------------------------------------------- rebuilds and ports


def test_a_rebuild_is_served_from_the_next_query(build: Path, tmp_path: Path) -> None:
    location = tmp_path / "out"
    shutil.copytree(build, location)
    server = start_kg_serve(location)
    try:
        before = count(server.url)
        smaller = rdflib.Dataset()
        smaller.add(
            (URIRef("https://myndighetsgraf.se/id/x"), rdflib.RDF.type, URIRef("https://x"))
        )
        write_store(smaller, location / STORE_DIR)  # the swap a rebuild makes
        assert before > 1
        assert count(server.url) == 1
    finally:
        stop(server.process)


def test_a_busy_port_is_an_error(build: Path, served: Served) -> None:
    second = subprocess.run(
        [str(KG), "serve", str(build), "--port", str(served.port)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert second.returncode == 1
    assert second.stderr == (
        f"Error: cannot serve on 127.0.0.1:{served.port}: Address already in use\n"
    )
    assert get_query(served.url, "ASK {}").status == 200


def test_serve_needs_a_built_store(tmp_path: Path) -> None:
    second = subprocess.run(
        [str(KG), "serve", str(tmp_path)], capture_output=True, text=True, timeout=60
    )
    assert second.returncode == 1
    assert second.stderr.startswith("Error: no store at ")
    assert "run `kg build` first" in second.stderr


def test_a_query_between_the_two_renames_of_a_rebuild_is_answered(
    build: Path, tmp_path: Path
) -> None:
    location = tmp_path / "out"
    shutil.copytree(build, location)
    server = start_kg_serve(location)
    try:
        before = count(server.url)
        location.rename(tmp_path / ".out-old")  # the old folder moved aside, the new not yet in
        assert count(server.url) == before
    finally:
        stop(server.process)
