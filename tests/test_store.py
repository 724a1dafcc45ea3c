"""The Oxigraph store on disk, SPARQL through it, its result formats, and real endpoints."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner
from rdflib import URIRef
from rdflib.compare import isomorphic
from servers import free_port, http_select, start_kg_serve, stop

from graph.cli import main
from graph.layout import STORE_DIR, TRIG_FILE, TURTLE_FILE
from graph.store import (
    RESULT_FORMATS,
    Cell,
    QueryResult,
    StoreError,
    ask,
    format_result,
    open_dataset,
    open_graph,
    oxigraph_executable,
    push,
    query,
    serialize_rdf,
    wait_until_answering,
    write_store,
)

FIXTURE = Path(__file__).parent / "fixtures" / "store" / "two_documents.trig"
DOC = "https://myndighetsgraf.se/doc/"
ID = "https://myndighetsgraf.se/id/"

#: Triples per graph in the fixture.
FK_TORSBY, AF_SAMARBETE, DEFAULT = 17, 7, 20

PER_DOCUMENT = """
SELECT ?doc (COUNT(*) AS ?n) WHERE { GRAPH ?doc { ?s ?p ?o } }
GROUP BY ?doc ORDER BY ?doc
"""


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A build folder as `kg build` leaves it: graph.trig and store/."""
    folder = tmp_path_factory.mktemp("out")
    shutil.copy(FIXTURE, folder / TRIG_FILE)
    write_store(open_dataset(FIXTURE), folder / STORE_DIR)
    return folder


def values(result: QueryResult) -> list[tuple[str | None, ...]]:
    return [tuple(None if cell is None else str(cell) for cell in row) for row in result.rows]


# ---------------------------------------------------------------- the store on disk


def test_store_keeps_each_document_in_its_named_graph(build: Path) -> None:
    result = query(build, PER_DOCUMENT)
    assert result.variables == ("doc", "n")
    assert values(result) == [
        (DOC + "af-samarbete", str(AF_SAMARBETE)),
        (DOC + "fk-torsby", str(FK_TORSBY)),
    ]


def test_queries_see_the_union_of_all_graphs(build: Path) -> None:
    total = query(build, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    agencies = query(build, "SELECT (COUNT(?a) AS ?n) WHERE { ?a a kg:Agency }")
    assert values(total) == [(str(FK_TORSBY + AF_SAMARBETE + DEFAULT),)]
    assert values(agencies) == [("2",)]


def test_query_joins_facts_from_two_documents(build: Path) -> None:
    # Who employs a person in one article and is asked for money in another?
    sparql = """
        SELECT ?label WHERE {
          GRAPH ?one { ?person kg:worksFor ?org }
          GRAPH ?two { ?decision kg:requestedFrom ?org }
          FILTER (?one != ?two)
          ?org rdfs:label ?label
        }"""
    assert values(query(build, sparql)) == [("Försäkringskassan",)]


def test_query_finds_every_document_that_mentions_a_person(build: Path) -> None:
    sparql = """
        SELECT ?doc WHERE {
          ?person rdfs:label "Lars-Åke Brattlund" .
          GRAPH ?doc { ?person kg:mentionedIn ?doc }
        } ORDER BY ?doc"""
    assert values(query(build, sparql)) == [(DOC + "af-samarbete",), (DOC + "fk-torsby",)]


def test_ask_answers_true_and_false(build: Path) -> None:
    assert query(build, "ASK { ?x a kg:Agency }") == QueryResult((), (), boolean=True)
    assert query(build, "ASK { ?x a kg:Quote }").boolean is False


def test_construct_gives_one_row_per_triple(build: Path) -> None:
    result = query(build, "CONSTRUCT { ?a a kg:Agency } WHERE { ?a a kg:Agency }")
    assert result.variables == ("subject", "predicate", "object")
    assert sorted(values(result)) == [
        (ID + name, str(rdflib.RDF.type), "https://myndighetsgraf.se/ns#Agency")
        for name in ("Arbetsformedlingen", "Forsakringskassan")
    ]


def test_unbound_variables_are_none(build: Path) -> None:
    sparql = """
        SELECT ?label ?title WHERE {
          ?x a kg:Person ; rdfs:label ?label .
          OPTIONAL { ?x kg:numberOfEmployees ?title }
        }"""
    assert query(build, sparql).rows == ((rdflib.Literal("Lars-Åke Brattlund"), None),)


def test_a_single_file_is_queried_like_the_store(build: Path) -> None:
    assert query(FIXTURE, PER_DOCUMENT) == query(build, PER_DOCUMENT)


def test_a_folder_without_store_is_read_from_its_turtle(tmp_path: Path) -> None:
    open_graph(FIXTURE).serialize(tmp_path / TURTLE_FILE, format="turtle")
    result = query(tmp_path, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert values(result) == [(str(FK_TORSBY + AF_SAMARBETE + DEFAULT),)]


def test_rewriting_replaces_the_store_and_leaves_no_temporary_folders(tmp_path: Path) -> None:
    target = tmp_path / STORE_DIR
    write_store(open_dataset(FIXTURE), target)
    smaller = rdflib.Dataset()
    smaller.add((URIRef(ID + "Skatteverket"), rdflib.RDF.type, URIRef(DOC + "x")))
    write_store(smaller, target)
    assert values(query(tmp_path, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")) == [("1",)]
    assert [path.name for path in tmp_path.iterdir()] == [STORE_DIR]


def test_a_failed_write_keeps_the_old_store(tmp_path: Path) -> None:
    target = tmp_path / STORE_DIR
    write_store(open_dataset(FIXTURE), target)
    broken = rdflib.Dataset()
    # rdflib writes a relative IRI, Oxigraph refuses it: the load fails inside the new store.
    broken.add((URIRef("Skatteverket"), rdflib.RDFS.label, rdflib.Literal("Skatteverket")))
    with pytest.raises(StoreError, match=r"cannot store the graph: .*absolute IRI"):
        write_store(broken, target)
    assert query(tmp_path, "ASK { ?x a kg:Agency }").boolean is True
    assert [path.name for path in tmp_path.iterdir()] == [STORE_DIR]


def test_an_iri_rdflib_cannot_write_is_a_store_error(tmp_path: Path) -> None:
    broken = rdflib.Dataset()
    broken.add((URIRef(ID + "Skatte verket"), rdflib.RDFS.label, rdflib.Literal("Skatteverket")))
    with pytest.raises(StoreError, match=r"cannot store the graph: .*Skatte verket"):
        write_store(broken, tmp_path / STORE_DIR)
    assert list(tmp_path.iterdir()) == []


def test_serialized_turtle_keeps_every_literal_as_written() -> None:
    dataset = open_dataset(FIXTURE)
    text = serialize_rdf(dataset, "ttl").decode("utf-8")
    assert '"120000000"^^xsd:decimal' in text  # rdflib's own writer would say 120000000.0
    assert text.index("@prefix kg:") < text.index("id:Forsakringskassan a kg:Agency ;")
    assert "@prefix foaf:" not in text  # only prefixes in use
    reread = rdflib.Graph().parse(data=text, format="turtle")
    assert isomorphic(reread, open_graph(FIXTURE))


# ---------------------------------------------------------------- errors


def test_a_syntax_error_names_line_and_column(build: Path) -> None:
    with pytest.raises(StoreError, match=r"^SPARQL syntax error at line 1, column \d+"):
        query(build, "SELECT ?x WHERE { ?x ?y }")
    with pytest.raises(StoreError, match=r"at line 2, column \d+ \(near '.*LIMT"):
        query(build, "SELECT ?x WHERE { ?x ?y ?z }\nLIMT 3")
    # An unclosed group makes Oxigraph list every token it could take: the line stays short.
    with pytest.raises(StoreError, match=r"\(near 'kg:jobTitle \?title'\)") as caught:
        query(build, "SELECT ?who WHERE { ?who kg:jobTitle ?title")
    assert len(str(caught.value)) < 200


def test_a_missing_location_says_to_build_first(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"no graph at .*nowhere: run `kg build` first"):
        query(tmp_path / "nowhere", "ASK {}")
    with pytest.raises(StoreError, match="no graph at"):
        query(tmp_path, "ASK {}")  # a folder, but nothing built in it


def test_an_unreadable_file_is_one_clear_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text("<https://x> <https://p> .\n", encoding="utf-8")
    with pytest.raises(StoreError, match=r"^cannot read .*broken\.ttl: ") as caught:
        open_graph(broken)
    assert "\n" not in str(caught.value)
    with pytest.raises(StoreError, match=r"^cannot read .*broken\.ttl: "):
        query(broken, "ASK {}")
    notes = tmp_path / "notes.txt"
    notes.write_text("Försäkringskassan\n", encoding="utf-8")
    with pytest.raises(StoreError, match="not an RDF file"):
        open_graph(notes)


# ---------------------------------------------------------------- result formats

LABELS = """
    SELECT ?entity ?label ?employees WHERE {
      ?entity a kg:Agency ; rdfs:label ?label .
      OPTIONAL { ?entity kg:numberOfEmployees ?employees }
    } ORDER BY ?label"""


def test_csv_has_a_header_row_and_full_iris(build: Path) -> None:
    text = format_result(query(build, LABELS), "csv")
    assert text == (
        "entity,label,employees\r\n"
        f"{ID}Arbetsformedlingen,Arbetsförmedlingen,\r\n"
        f"{ID}Forsakringskassan,Försäkringskassan,14000\r\n"
    )


def test_csv_quotes_a_value_with_a_comma(build: Path) -> None:
    text = format_result(query(build, "SELECT ?s WHERE { ?e kg:sentence ?s }"), "csv")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1] == [
        "Försäkringskassan ska anställa 300 personer i Torsby, "
        "säger personaldirektören Lars-Åke Brattlund."
    ]
    assert '"Försäkringskassan ska' in text


def test_json_follows_the_sparql_results_format(build: Path) -> None:
    document = json.loads(format_result(query(build, LABELS), "json"))
    assert document["head"] == {"vars": ["entity", "label", "employees"]}
    first, second = document["results"]["bindings"]
    assert first == {
        "entity": {"type": "uri", "value": ID + "Arbetsformedlingen"},
        "label": {"type": "literal", "value": "Arbetsförmedlingen"},
    }
    assert second["employees"] == {
        "type": "literal",
        "value": "14000",
        "datatype": "http://www.w3.org/2001/XMLSchema#integer",
    }


def test_json_marks_blank_nodes_and_language_tags() -> None:
    result = QueryResult(("e", "l"), ((rdflib.BNode("b0"), rdflib.Literal("kassan", lang="sv")),))
    (binding,) = json.loads(format_result(result, "json"))["results"]["bindings"]
    assert binding == {
        "e": {"type": "bnode", "value": "b0"},
        "l": {"type": "literal", "value": "kassan", "xml:lang": "sv"},
    }


def test_ask_in_every_format(build: Path) -> None:
    result = query(build, "ASK { ?x a kg:Agency }")
    assert json.loads(format_result(result, "json")) == {"head": {}, "boolean": True}
    assert format_result(result, "csv") == "boolean\r\ntrue\r\n"
    assert format_result(result, "table") == "boolean\n-------\ntrue\n(1 row)\n"


def test_table_aligns_columns_and_shortens_iris(build: Path) -> None:
    lines = format_result(query(build, LABELS), "table").splitlines()
    assert lines[0].split() == ["entity", "label", "employees"]
    assert lines[2].split() == ["id:Arbetsformedlingen", "Arbetsförmedlingen"]
    assert lines[3].split() == ["id:Forsakringskassan", "Försäkringskassan", "14000"]
    assert lines[-1] == "(2 rows)"
    # Every column starts at the same place on every line.
    label_column = lines[0].index("label")
    assert all(line[label_column - 2 : label_column] == "  " for line in lines[:4])
    assert lines[2][label_column:].startswith("Arbetsförmedlingen")


def test_table_cuts_long_cells(build: Path) -> None:
    table = format_result(query(build, "SELECT ?s WHERE { ?e kg:sentence ?s }"), "table")
    cell = table.splitlines()[2]
    assert cell.endswith("…") and len(cell) == 80


@pytest.mark.parametrize("fmt", RESULT_FORMATS)
@pytest.mark.parametrize(
    "sparql",
    [
        LABELS,
        PER_DOCUMENT,
        "ASK { ?x a kg:Quote }",
        "CONSTRUCT { ?a ?p ?o } WHERE { ?a a kg:Agency ; ?p ?o }",
    ],
    ids=["labels", "graphs", "ask", "construct"],
)
def test_ask_prints_what_query_prints(build: Path, sparql: str, fmt: str) -> None:
    assert format_result(ask(build, sparql), fmt) == format_result(query(build, sparql), fmt)


def test_ask_answers_in_plain_cells(build: Path) -> None:
    (_, second) = ask(build, LABELS).rows
    assert second == (
        Cell("uri", ID + "Forsakringskassan"),
        Cell("literal", "Försäkringskassan"),
        Cell("literal", "14000", datatype="http://www.w3.org/2001/XMLSchema#integer"),
    )
    assert ask(build, "ASK { ?x a kg:Quote }").boolean is False


def test_unknown_format_is_refused(build: Path) -> None:
    with pytest.raises(StoreError, match="table, csv, json"):
        format_result(query(build, LABELS), "xml")


# ---------------------------------------------------------------- real endpoints


@pytest.fixture
def writable_server(tmp_path: Path) -> Iterator[str]:
    """A real read-write `oxigraph serve` on an empty store; yields its base URL."""
    port = free_port()
    process = subprocess.Popen(
        [
            oxigraph_executable(),
            "serve",
            "--location",
            str(tmp_path / "remote"),
            "--bind",
            f"127.0.0.1:{port}",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_answering(process, f"http://127.0.0.1:{port}/query", 15)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_push_puts_every_graph_on_the_server(writable_server: str) -> None:
    dataset = open_dataset(FIXTURE)
    push(dataset, f"{writable_server}/store")
    push(dataset, f"{writable_server}/store")  # PUT replaces: a second push adds nothing
    answer = http_select(f"{writable_server}/query", PER_DOCUMENT)
    counts = {
        row["doc"]["value"]: int(row["n"]["value"])
        for row in answer["results"]["bindings"]  # type: ignore[index]
    }
    assert counts == {DOC + "af-samarbete": AF_SAMARBETE, DOC + "fk-torsby": FK_TORSBY}
    default = http_select(f"{writable_server}/query", "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")
    assert default["results"]["bindings"][0]["n"]["value"] == str(DEFAULT)  # type: ignore[index]


def test_push_to_nothing_is_one_clear_line() -> None:
    with pytest.raises(StoreError, match=r"^cannot reach http://127\.0\.0\.1:\d+/store\?"):
        push(open_dataset(FIXTURE), f"http://127.0.0.1:{free_port()}/store")


def test_kg_push_sends_the_build_to_a_writable_server(build: Path, writable_server: str) -> None:
    result = CliRunner().invoke(
        main, ["push", str(build), "--endpoint", f"{writable_server}/store"]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{build}: 3 graphs sent to {writable_server}/store\n"
    answer = http_select(f"{writable_server}/query", PER_DOCUMENT)
    assert len(answer["results"]["bindings"]) == 2  # type: ignore[index]


def test_kg_push_into_one_graph_sends_each_fact_once(build: Path, writable_server: str) -> None:
    news = "https://example.org/graphs/news"
    result = CliRunner().invoke(
        main, ["push", str(build), "--endpoint", f"{writable_server}/store", "--graph", news]
    )
    assert result.exit_code == 0, result.output
    sparql = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{news}> {{ ?s ?p ?o }} }}"
    answer = http_select(f"{writable_server}/query", sparql)
    assert answer["results"]["bindings"][0]["n"]["value"] == str(len(open_graph(FIXTURE)))  # type: ignore[index]


def test_kg_push_to_a_server_that_refuses_is_one_line(build: Path) -> None:
    served = start_kg_serve(build)  # read-only: it refuses the Graph Store Protocol
    try:
        endpoint = served.url.replace("/query", "/store")
        result = CliRunner().invoke(main, ["push", str(build), "--endpoint", endpoint])
    finally:
        stop(served.process)
    assert result.exit_code == 1
    assert re.fullmatch(
        rf"Error: {re.escape(endpoint)}\?graph=\S+ answered 403: kg query is read-only: "
        r"updates are not allowed\n",
        result.stderr,
    ), result.stderr


def test_kg_push_to_nothing_or_not_http_is_one_line(build: Path) -> None:
    down = f"http://127.0.0.1:{free_port()}/store"
    result = CliRunner().invoke(main, ["push", str(build), "--endpoint", down])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: cannot reach {down}?")
    assert "Connection refused" in result.stderr and result.stderr.count("\n") == 1
    local = CliRunner().invoke(main, ["push", str(build), "--endpoint", "file:///tmp/x"])
    assert local.stderr == (
        "Error: the endpoint must be an http:// or https:// URL, not 'file:///tmp/x'\n"
    )
