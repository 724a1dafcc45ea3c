"""Named queries (ontology/queries/*.rq), their parameters, and identifiers that paste back."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Literal, URIRef

from graph.cli import main
from graph.layout import STORE_DIR, TRIG_FILE
from graph.store import (
    QueryResult,
    StoreError,
    format_result,
    named_queries,
    open_dataset,
    parse_iri,
    pastable_iri,
    query,
    run_named,
    write_store,
)
from graph.store.named import read_named_query

FIXTURE = Path(__file__).parent / "fixtures" / "store" / "named_queries.trig"
ID = "https://myndighetsgraf.se/id/"
LANTMATERIET = f"<{ID}agency/lantmateriet>"


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("out")
    shutil.copy(FIXTURE, folder / TRIG_FILE)
    write_store(open_dataset(FIXTURE), folder / STORE_DIR)
    return folder


def column(result: QueryResult, name: str) -> list[str | None]:
    i = result.variables.index(name)
    return [None if row[i] is None else str(row[i]) for row in result.rows]


# ---------------------------------------------------------------- the files


def test_every_named_query_says_what_it_answers_and_each_parameter_filters(build: Path) -> None:
    queries = named_queries()
    expected = {"heads", "people", "offices", "decisions", "entity", "together", "posts", "headed"}
    assert expected <= set(queries)
    for named in queries.values():
        assert named.summary.endswith("."), named.name
        assert run_named(build, named.name).rows, named.name
        for parameter in named.parameters:
            # A value nothing has must leave no row: a parameter only inside an OPTIONAL
            # would be reported on every row instead of choosing them.
            nothing = f"<{ID}nothing>" if parameter.kind == "iri" else "nothing"
            result = run_named(build, named.name, {parameter.name: nothing})
            assert result.rows == (), (named.name, parameter.name)


def test_a_query_file_without_a_header_is_refused(tmp_path: Path) -> None:
    bare = tmp_path / "bare.rq"
    bare.write_text("SELECT * WHERE { ?s ?p ?o }\n", encoding="utf-8")
    with pytest.raises(StoreError, match="first line must be a comment"):
        read_named_query(bare)
    odd = tmp_path / "odd.rq"
    odd.write_text("# Things.\n# param ?x (number): a number\nSELECT ?x {}\n", encoding="utf-8")
    with pytest.raises(StoreError, match="unknown kind 'number'"):
        read_named_query(odd)


# ---------------------------------------------------------------- the answers


def test_heads_lists_who_holds_the_post_and_not_who_left(build: Path) -> None:
    result = run_named(build, "heads")
    assert column(result, "name") == ["Eva Berg"]
    assert column(result, "title") == ["generaldirektör"]


def test_people_by_title(build: Path) -> None:
    everyone = run_named(build, "people")
    assert sorted(set(column(everyone, "name"))) == ["Eva Berg", "Olof Ek", "Sara Lind"]
    chiefs = run_named(build, "people", {"title": "kontorschef"})
    assert column(chiefs, "name") == ["Sara Lind"]
    assert column(chiefs, "relation") == ["https://myndighetsgraf.se/ns#worksFor"]


def test_offices_of_an_agency_and_their_places(build: Path) -> None:
    result = run_named(build, "offices", {"agency": LANTMATERIET})
    assert column(result, "placeName") == ["Gävle", "Kiruna"]
    assert run_named(build, "offices", {"agency": f"<{ID}agency/sjofartsverket>"}).rows == ()


def test_decisions_largest_first_without_those_that_give_no_figure(build: Path) -> None:
    result = run_named(build, "decisions")
    assert column(result, "what") == ["begär 75 miljoner kronor", "anställa 40 personer i Kiruna"]
    assert column(result, "byName") == ["Sjöfartsverket", "Lantmäteriet"]
    hiring = run_named(build, "decisions", {"type": "hiring"})
    assert column(hiring, "headcount") == ["40"]


def test_entity_gives_each_fact_with_its_sentence(build: Path) -> None:
    result = run_named(build, "entity", {"entity": f"<{ID}person/eva-berg>"})
    facts = dict(zip(column(result, "property"), column(result, "sentence"), strict=True))
    assert facts["https://myndighetsgraf.se/ns#headOf"] == (
        "Eva Berg blir ny generaldirektör för Lantmäteriet."
    )
    assert facts["https://myndighetsgraf.se/ns#jobTitle"] is None  # no evidence in the fixture
    incoming = run_named(build, "entity", {"entity": LANTMATERIET})
    assert "in" in column(incoming, "direction")


def test_together_counts_shared_documents(build: Path) -> None:
    result = run_named(build, "together", {"entity": LANTMATERIET})
    pairs = dict(zip(column(result, "otherName"), column(result, "documents"), strict=True))
    assert pairs == {"Eva Berg": "2", "Olof Ek": "1", "Sara Lind": "1"}


def test_posts_give_status_and_dates(build: Path) -> None:
    result = run_named(build, "posts", {"person": f"<{ID}person/olof-ek>"})
    assert result.rows == (
        (
            URIRef(ID + "agency/lantmateriet"),
            Literal("Lantmäteriet"),
            Literal("generaldirektör"),
            URIRef(ID + "person/olof-ek"),
            Literal("Olof Ek"),
            Literal("former"),
            Literal("2017", datatype=URIRef("http://www.w3.org/2001/XMLSchema#gYear")),
            Literal("2024-02-29", datatype=URIRef("http://www.w3.org/2001/XMLSchema#date")),
        ),
    )


def test_headed_gives_every_head_of_an_organisation_oldest_first(build: Path) -> None:
    result = run_named(build, "headed", {"organisation": LANTMATERIET})
    assert column(result, "name") == ["Olof Ek", "Eva Berg"]
    assert column(result, "status") == ["former", "current"]
    assert column(result, "start") == ["2017", "2024-03"]
    assert column(result, "end") == ["2024-02-29", None]
    # the current head alone: the one who left is not it
    assert column(run_named(build, "heads", {"agency": LANTMATERIET}), "name") == ["Eva Berg"]


# ---------------------------------------------------------------- parameters


def test_a_parameter_is_bound_not_pasted(build: Path) -> None:
    # Pasted into the text this would close the string and match everyone.
    hostile = 'kontorschef" || true) } UNION { ?person ?p ?o } #'
    assert run_named(build, "people", {"title": hostile}).rows == ()


def test_an_unknown_parameter_or_query_is_one_clear_line(build: Path) -> None:
    with pytest.raises(StoreError, match=r"no parameter --agncy \(its parameters: --agency\)"):
        run_named(build, "offices", {"agncy": LANTMATERIET})
    with pytest.raises(StoreError, match="no named query 'office'"):
        run_named(build, "office")
    with pytest.raises(StoreError, match=r"^not an IRI: Lantmäteriet \(write <https://…> or a"):
        run_named(build, "offices", {"agency": "Lantmäteriet"})
    # Not valid SPARQL, but what earlier versions printed: a parameter takes it.
    earlier = run_named(build, "offices", {"agency": "id:agency/lantmateriet"})
    assert earlier == run_named(build, "offices", {"agency": LANTMATERIET})


# ---------------------------------------------------------------- identifiers


@pytest.mark.parametrize(
    ("iri", "printed"),
    [
        ("https://myndighetsgraf.se/ns#Agency", "kg:Agency"),
        ("https://myndighetsgraf.se/id/Forsakringskassan", "id:Forsakringskassan"),
        (ID + "agency/forsakringskassan", f"<{ID}agency/forsakringskassan>"),
        (ID + "office/a@place/b", f"<{ID}office/a@place/b>"),
        (ID + "ends.", f"<{ID}ends.>"),
        ("https://myndighetsgraf.se/doc/ext_047", "doc:ext_047"),
        ("http://example.org/x", "<http://example.org/x>"),
    ],
)
def test_printed_iris_read_back_as_the_same_iri(iri: str, printed: str) -> None:
    assert pastable_iri(iri) == printed
    assert parse_iri(printed) == URIRef(iri)


def test_every_iri_a_table_prints_pastes_into_the_next_query(build: Path) -> None:
    table = format_result(query(build, "SELECT DISTINCT ?s WHERE { ?s ?p ?o }"), "table")
    printed = [line.strip() for line in table.splitlines()[2:-1]]
    assert any("/" in line for line in printed)
    for node in printed:
        if node.startswith("_:"):
            continue
        again = query(build, f"SELECT ?p WHERE {{ {node} ?p ?o }} LIMIT 1")
        assert again.rows, node


# ---------------------------------------------------------------- the command


def test_kg_query_lists_and_runs_named_queries(build: Path) -> None:
    listed = CliRunner().invoke(main, ["query", "--list"])
    assert listed.exit_code == 0
    assert re.search(r"^offices: The offices of an agency", listed.stdout, re.MULTILINE)
    assert "    --agency (iri): " in listed.stdout
    for form in (["--agency", LANTMATERIET], [f"--agency={LANTMATERIET}"]):
        ran = CliRunner().invoke(main, ["query", str(build), "offices", *form, "--format", "csv"])
        assert ran.exit_code == 0, ran.output
        assert ran.stdout.splitlines()[1].startswith(f"{ID}agency/lantmateriet,Lantmäteriet,")
    wrong = CliRunner().invoke(main, ["query", str(build), "offices", "--agncy", "x"])
    assert wrong.exit_code == 1
    assert wrong.stderr == (
        "Error: query offices has no parameter --agncy (its parameters: --agency)\n"
    )
