"""The read-only query surface: updates and SERVICE refused before evaluation, damage in one line.

A real listener on 127.0.0.1 stands where a federated query would send its request:
it must see no connection.
"""

from __future__ import annotations

import os
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Literal
from servers import Listener, alive, children

from graph.cli import main
from graph.layout import STORE_DIR
from graph.store import (
    READ_ONLY_MESSAGE,
    SERVICE_MESSAGE,
    QueryResult,
    QueryTimeout,
    RefusedQuery,
    StoreError,
    check_read_only,
    format_result,
    open_dataset,
    printable,
    query,
    write_store,
)

FIXTURE = Path(__file__).parent / "fixtures" / "store" / "two_documents.trig"


@pytest.fixture
def listener() -> Iterator[Listener]:
    server = Listener()
    yield server
    server.close()


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("out")
    write_store(open_dataset(FIXTURE), folder / STORE_DIR)
    return folder


def test_the_listener_sees_a_connection_when_one_is_made(listener: Listener) -> None:
    # The control: without it a listener that never records would pass every test below.
    with socket.create_connection(("127.0.0.1", listener.port)):
        pass
    listener.close()
    assert listener.connections == 1


@pytest.mark.parametrize(
    "template",
    [
        "SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        "SELECT * WHERE {{ ?s ?p ?o . SERVICE SILENT <{url}> {{ ?s ?q ?r }} }}",
        "ASK {{ service <{url}> {{ }} }}",
    ],
)
def test_a_federated_query_is_refused_and_sends_nothing(
    build: Path, listener: Listener, template: str
) -> None:
    with pytest.raises(RefusedQuery, match=f"^{SERVICE_MESSAGE}$"):
        query(build, template.format(url=listener.url))
    listener.close()
    assert listener.connections == 0


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { <https://x> <https://p> <https://o> }",
        "DELETE WHERE { ?s ?p ?o }",
        "LOAD <{url}>",
        "CLEAR ALL",
        "DROP GRAPH <https://myndighetsgraf.se/doc/fk-torsby>",
        "PREFIX x: <https://x/> WITH <https://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    ],
)
def test_an_update_is_refused_and_changes_nothing(
    build: Path, listener: Listener, update: str
) -> None:
    before = query(build, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    with pytest.raises(RefusedQuery, match=f"^{READ_ONLY_MESSAGE}$"):
        query(build, update.replace("{url}", listener.url))
    assert query(build, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") == before
    listener.close()
    assert listener.connections == 0


def test_the_keywords_inside_names_strings_and_comments_are_not_refused() -> None:
    check_read_only(
        """
        PREFIX service: <https://myndighetsgraf.se/ns#>  # INSERT here is a comment
        SELECT ?service ?load WHERE {
          ?load service:insert "SERVICE <http://x> and DELETE" ;
                <https://example.org/LOAD> '''CLEAR
                ALL''' ;
                ?with "drop"@sv .
        }"""
    )


def test_kg_query_refuses_in_one_line(build: Path, listener: Listener) -> None:
    result = CliRunner().invoke(
        main, ["query", str(build), f"SELECT * {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}"]
    )
    assert result.exit_code == 1
    assert result.stderr == f"Error: {SERVICE_MESSAGE}\n"
    listener.close()
    assert listener.connections == 0


def test_a_damaged_store_is_one_line(build: Path, tmp_path: Path) -> None:
    damaged = tmp_path / "out"
    shutil.copytree(build, damaged)
    (damaged / STORE_DIR / "CURRENT").write_text("nonsense\n", encoding="ascii")
    with pytest.raises(StoreError, match=r"^cannot read the store at .*: Corruption") as caught:
        query(damaged, "ASK {}")
    assert "\n" not in str(caught.value) and "run `kg build` again" in str(caught.value)


# ---------------------------------------------------------------- control characters

ESCAPE = "Skatteverket\x1b[2J\x07\u202e\x9b"


def test_a_control_character_never_reaches_the_terminal_raw() -> None:
    result = QueryResult(("label",), ((Literal(ESCAPE),),))
    for fmt in ("table", "json"):
        text = format_result(result, fmt)
        assert not any(char in text for char in "\x1b\x07\u202e\x9b"), fmt
    assert "Skatteverket\\x1b[2J\\x07\\u202e\\x9b" in format_result(result, "table")
    assert format_result(result, "csv", terminal=True) == "label\r\n" + printable(ESCAPE) + "\r\n"
    assert ESCAPE in format_result(result, "csv")  # a file gets the value as it is


def test_an_error_quoting_a_control_character_prints_it_spelt_out(build: Path) -> None:
    result = CliRunner().invoke(main, ["query", str(build), "SELECT ?x WHERE { \x1b[2J }"])
    assert result.exit_code == 1
    assert "\x1b" not in result.stderr and "\\x1b" in result.stderr


# ---------------------------------------------------------------- timeouts

PATHOLOGICAL = (
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . "
    "?j ?k ?l . ?m ?n2 ?o . ?p ?q ?r }"
)


def test_a_runaway_query_is_stopped_and_its_process_ended(build: Path) -> None:
    query(build, "ASK {}")  # the query process for this store is running now
    before = children(os.getpid())
    with pytest.raises(QueryTimeout, match=r"^the query ran longer than 1 s and was stopped$"):
        query(build, PATHOLOGICAL, timeout=1)
    assert before and not any(alive(pid) for pid in before)
    assert query(build, "ASK { ?x a kg:Agency }").boolean is True  # a fresh process


def test_kg_query_timeout(build: Path) -> None:
    result = CliRunner().invoke(main, ["query", str(build), PATHOLOGICAL, "--timeout", "0.5"])
    assert result.exit_code == 1
    assert result.stderr == "Error: the query ran longer than 0.5 s and was stopped\n"
