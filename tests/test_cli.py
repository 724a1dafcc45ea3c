"""The `kg` command through click's CliRunner: the contract of DESIGN.md, "The command line".

`kg query`, `view` and `export` read a small build folder written from a hand-made
graph (conftest.tiny_build: two articles, in milliseconds); `kg build` and `kg eval`
run the real pipeline on seed articles (marked slow). `kg serve` starts a server and is
tested in test_store.py.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import networkx as nx
import pytest
from click.testing import CliRunner, Result
from conftest import GOLD_DOCUMENTS
from rdflib import RDF, RDFS, Dataset, Graph
from rdflib.compare import isomorphic

from graph.cli import main
from graph.layout import BUILD_FOLDER, TURTLE_FILE
from graph.pipeline import BuildResult
from graph.vocab import KG

SUBCOMMANDS = ("build", "query", "view", "export", "serve", "push", "eval")
COUNT_TRIPLES = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
HEADS = "SELECT ?name WHERE { ?person kg:headOf ?org ; rdfs:label ?name } ORDER BY ?name"


def kg(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


def assert_ok(result: Result) -> None:
    assert result.exit_code == 0, result.output + repr(result.exception)


def assert_one_line_error(result: Result) -> None:
    """Failed the way a user's mistake should: exit code, one "Error: …" line, no traceback."""
    assert result.exit_code != 0
    # CliRunner catches a crash too, with exit code 1: only click's own exit is a clean one.
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error:"), result.stderr
    assert "Traceback" not in result.output


@pytest.fixture(scope="module")
def out(tiny_build: Path) -> Path:
    return tiny_build


# --- help -----------------------------------------------------------------------


def test_kg_help_lists_every_subcommand() -> None:
    result = kg("--help")
    assert_ok(result)
    assert result.stdout.startswith("Usage:")
    for name in SUBCOMMANDS:
        assert re.search(rf"^\s+{name}\s", result.stdout, re.MULTILINE), name


@pytest.mark.parametrize("name", SUBCOMMANDS)
def test_each_subcommand_has_help(name: str) -> None:
    result = kg(name, "--help")
    assert_ok(result)
    usage = result.stdout.splitlines()[0]
    assert usage.startswith("Usage:") and f" {name} [OPTIONS]" in usage, usage


# --- build ----------------------------------------------------------------------


@pytest.mark.slow
def test_build_writes_the_outputs_and_prints_the_summary(
    gold_inputs: list[Path], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = kg("build", gold_inputs[0], "--out", out)
    assert_ok(result)
    assert {p.name for p in out.iterdir()} == set(BUILD_FOLDER)
    labels = {str(o) for o in Graph().parse(out / TURTLE_FILE).objects(None, RDFS.label)}
    assert {"Försäkringskassan", "Lars-Åke Brattlund"} <= labels
    assert re.search(r"documents\W+1\b", result.stdout)
    assert re.search(r"entities: Agency\W+[1-9]", result.stdout)
    assert re.search(r"facts: worksFor\W+[1-9]", result.stdout)


def test_a_failed_build_leaves_the_previous_out_untouched(
    out: Path, gold_inputs: list[Path], tmp_path: Path
) -> None:
    previous = tmp_path / "out"
    shutil.copytree(out, previous)
    before = {p.name: p.read_bytes() for p in previous.glob("graph.*")}
    result = kg("build", gold_inputs[0], tmp_path / "gone.txt", "--out", previous)
    assert_one_line_error(result)
    assert "gone.txt" in result.stderr
    assert {p.name: p.read_bytes() for p in previous.glob("graph.*")} == before


# --- query ----------------------------------------------------------------------


def test_query_csv_prints_a_header_and_a_count(out: Path) -> None:
    result = kg("query", out, COUNT_TRIPLES, "--format", "csv")
    assert_ok(result)
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["n"]
    assert len(rows) == 2 and rows[1][0].isdigit()


def test_query_on_a_build_folder_counts_the_triples_of_its_graph(out: Path) -> None:
    triples = len(Graph().parse(out / TURTLE_FILE))
    result = kg("query", out, COUNT_TRIPLES, "--format", "csv")
    assert_ok(result)
    assert result.stdout.split() == ["n", str(triples)]


def test_query_reads_out_when_no_location_is_given(
    out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(out.parent)
    assert out.name == "out"
    triples = len(Graph().parse(out / TURTLE_FILE))
    result = kg("query", COUNT_TRIPLES, "--format", "csv")
    assert_ok(result)
    assert result.stdout.split() == ["n", str(triples)]


def test_query_table_shows_the_values(out: Path) -> None:
    result = kg("query", out, HEADS)
    assert_ok(result)
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["name"]
    assert "Dan Eliasson" in result.stdout
    assert re.fullmatch(r"\(\d+ rows?\)", lines[-1]), lines[-1]


def test_query_json_is_sparql_results_json(out: Path) -> None:
    result = kg("query", out, HEADS, "--format", "json")
    assert_ok(result)
    answer = json.loads(result.stdout)
    assert answer["head"]["vars"] == ["name"]
    names = {b["name"]["value"] for b in answer["results"]["bindings"]}
    assert "Dan Eliasson" in names
    assert all(b["name"]["type"] == "literal" for b in answer["results"]["bindings"])


# --- view -----------------------------------------------------------------------

VIEW_LINE = re.compile(r"(?P<file>\S+): (?P<nodes>\d+) nodes, (?P<edges>\d+) edges")


def drawn(result: Result) -> int:
    found = VIEW_LINE.match(result.stdout)
    assert found, result.stdout
    return int(found["nodes"])


def test_view_focus_draws_the_neighbourhood_only(out: Path, tmp_path: Path) -> None:
    focus = tmp_path / "f.html"
    focused = kg("view", out, "--focus", "Försäkringskassan", "-o", focus)
    whole = kg("view", out, "-o", tmp_path / "all.html")
    assert_ok(focused)
    assert_ok(whole)
    assert 1 < drawn(focused) < drawn(whole)
    page = focus.read_text(encoding="utf-8")
    assert "Försäkringskassan" in page and "Dan Eliasson" in page


def test_view_of_an_unknown_focus_is_a_one_line_error(out: Path, tmp_path: Path) -> None:
    result = kg("view", out, "--focus", "Myndigheten som inte finns", "-o", tmp_path / "f.html")
    assert result.exit_code == 1
    assert_one_line_error(result)
    assert not (tmp_path / "f.html").exists()


# --- export ---------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["ttl", "nt"])
def test_export_triples_hold_the_merged_graph(out: Path, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"graph.{fmt}"
    assert_ok(kg("export", out, "--format", fmt, "-o", target))
    exported = Graph().parse(target, format="nt" if fmt == "nt" else "turtle")
    assert isomorphic(exported, Graph().parse(out / TURTLE_FILE))


@pytest.mark.parametrize("fmt", ["trig", "jsonld"])
def test_export_quads_keep_one_graph_per_document(out: Path, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"graph.{fmt}"
    assert_ok(kg("export", out, "--format", fmt, "-o", target))
    exported = Dataset().parse(target, format="trig" if fmt == "trig" else "json-ld")
    documents = set(Graph().parse(out / TURTLE_FILE).subjects(RDF.type, KG.Document))
    assert len(documents) == 2
    assert documents <= {g.identifier for g in exported.graphs() if len(g)}
    merged = Graph()
    for s, p, o, _ in exported.quads():
        merged.add((s, p, o))
    assert isomorphic(merged, Graph().parse(out / TURTLE_FILE))


def test_export_graphml_is_the_entity_network(out: Path, tmp_path: Path) -> None:
    target = tmp_path / "graph.graphml"
    assert_ok(kg("export", out, "--format", "graphml", "-o", target))
    network = nx.read_graphml(target)
    by_label = {data.get("label"): node for node, data in network.nodes(data=True)}
    assert {"Försäkringskassan", "Dan Eliasson", "Försäkringskassan i Torsby"} <= set(by_label)
    head = network.get_edge_data(by_label["Dan Eliasson"], by_label["Försäkringskassan"])
    assert head is not None and "headOf" in head


# --- eval -----------------------------------------------------------------------

SCORE_ROW = re.compile(r"^(entities|facts)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)$", re.MULTILINE)


@pytest.mark.slow
def test_eval_prints_precision_recall_and_f1_as_the_reference_counts(
    dev_gold: Path,
    gold_inputs: list[Path],
    gold_build: BuildResult,
    reference_scorer: ModuleType,
    tmp_path: Path,
) -> None:
    result = kg("eval", dev_gold, *gold_inputs)
    assert_ok(result)
    assert re.search(r"precision\s+recall\s+F1", result.stdout)
    printed = {row[0]: tuple(float(x) for x in row[1:]) for row in SCORE_ROW.findall(result.stdout)}
    ttl = tmp_path / "graph.ttl"
    gold_build.graph.serialize(ttl, format="turtle")
    with dev_gold.open(encoding="utf-8") as lines:
        raw_gold = [json.loads(line) for line in lines if line.strip()]
    reference = reference_scorer.score(str(ttl), raw_gold, set(GOLD_DOCUMENTS))
    assert printed == {
        kind: tuple(reference[f"{prefix}_{m}"] for m in ("precision", "recall", "f1"))
        for kind, prefix in (("entities", "entity"), ("facts", "fact"))
    }


# --- a user's mistakes ------------------------------------------------------------
# (A missing input file is test_a_failed_build_leaves_the_previous_out_untouched.)

Arguments = Callable[[Path, Path], list[str | Path]]


def bad_gold(tmp_path: Path) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"kind": "entity", "class": "Agency"\n', encoding="utf-8")
    return path


def good_gold(tmp_path: Path) -> Path:
    path = tmp_path / "gold.jsonl"
    line = {"doc": "x", "kind": "entity", "class": "Agency", "label": "Skatteverket"}
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    return path


def unsupported(tmp_path: Path) -> Path:
    path = tmp_path / "rapport.pdf"
    path.write_bytes(b"%PDF-1.4")
    return path


MISTAKES: dict[str, Arguments] = {
    "build a pdf": lambda out, tmp: ["build", unsupported(tmp), "--out", tmp / "o"],
    "bad SPARQL": lambda out, tmp: ["query", out, "SELEC ?s WHERE { ?s ?p ?o }"],
    "query a missing build": lambda out, tmp: ["query", tmp / "nothing", COUNT_TRIPLES],
    "view a missing build": lambda out, tmp: ["view", tmp / "nothing", "-o", tmp / "v.html"],
    "export a missing build": lambda out, tmp: [
        "export",
        tmp / "nothing",
        "--format",
        "ttl",
        "-o",
        tmp / "x.ttl",
    ],
    "bad gold line": lambda out, tmp: ["eval", bad_gold(tmp), "--graph", out],
    "missing gold file": lambda out, tmp: ["eval", tmp / "gone.jsonl", "--graph", out],
    "eval a missing graph": lambda out, tmp: ["eval", good_gold(tmp), "--graph", tmp / "nothing"],
}


@pytest.mark.parametrize("mistake", MISTAKES)
def test_a_mistake_is_one_error_line(out: Path, tmp_path: Path, mistake: str) -> None:
    assert_one_line_error(kg(*MISTAKES[mistake](out, tmp_path)))
