"""Exports re-read to the same graph, in every format, from a file or a build folder."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner
from rdflib.compare import isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from graph import to_networkx
from graph.cli import main
from graph.export import WRITERS, export
from graph.layout import TRIG_FILE
from graph.store import StoreError, open_dataset, open_graph

FIXTURE = Path(__file__).parent / "fixtures" / "store" / "two_documents.trig"
NAMED_FIXTURE = Path(__file__).parent / "fixtures" / "store" / "named_queries.trig"
ID = "https://myndighetsgraf.se/id/"
DOC = "https://myndighetsgraf.se/doc/"


def graphs_by_name(dataset: rdflib.Dataset) -> dict[rdflib.term.Node, rdflib.Graph]:
    return {graph.identifier: graph for graph in dataset.graphs() if len(graph)}


@pytest.mark.parametrize(("fmt", "parser"), [("ttl", "turtle"), ("nt", "nt")])
def test_merged_formats_reread_to_the_merged_graph(tmp_path: Path, fmt: str, parser: str) -> None:
    out = tmp_path / f"graph.{fmt}"
    export(FIXTURE, fmt, out)
    reread = rdflib.Graph().parse(out, format=parser)
    assert len(reread) == 44
    assert isomorphic(reread, open_graph(FIXTURE))


@pytest.mark.parametrize(("fmt", "parser"), [("trig", "trig"), ("jsonld", "json-ld")])
def test_dataset_formats_keep_every_named_graph(tmp_path: Path, fmt: str, parser: str) -> None:
    out = tmp_path / f"graph.{fmt}"
    export(FIXTURE, fmt, out)
    reread = rdflib.Dataset()
    reread.parse(out, format=parser)
    expected = graphs_by_name(open_dataset(FIXTURE))
    found = graphs_by_name(reread)
    assert (
        set(found)
        == set(expected)
        == {
            DATASET_DEFAULT_GRAPH_ID,
            rdflib.URIRef(DOC + "fk-torsby"),
            rdflib.URIRef(DOC + "af-samarbete"),
        }
    )
    for name, graph in expected.items():
        assert isomorphic(found[name], graph), name


def test_jsonld_default_graph_stays_default_for_other_readers(tmp_path: Path) -> None:
    # rdflib alone reads its own nesting back; Oxigraph reads JSON-LD by the specification.
    out = tmp_path / "graph.jsonld"
    export(FIXTURE, "jsonld", out)
    per_graph = Counter(str(quad.graph_name) for quad in ox.parse(path=out))
    assert per_graph == {
        "DEFAULT": 20,
        f"<{DOC}fk-torsby>": 17,
        f"<{DOC}af-samarbete>": 7,
    }


def test_turtle_and_trig_use_readable_prefixes(tmp_path: Path) -> None:
    for fmt in ("ttl", "trig"):
        export(FIXTURE, fmt, tmp_path / f"graph.{fmt}")
        text = (tmp_path / f"graph.{fmt}").read_text(encoding="utf-8")
        for declaration in ("@prefix kg:", "@prefix skos:", "@prefix wd:", "@prefix owl:"):
            assert declaration in text, (fmt, declaration)
        assert "a kg:Agency" in text
        assert "owl:sameAs wd:Q1433358" in text
        assert '"Försäkringskassan"' in text  # UTF-8, not escapes


def test_jsonld_keys_use_the_prefixes(tmp_path: Path) -> None:
    export(FIXTURE, "jsonld", tmp_path / "graph.jsonld")
    text = (tmp_path / "graph.jsonld").read_text(encoding="utf-8")
    assert '"rdfs:label": "Försäkringskassan"' in text
    assert '"@type": "kg:Agency"' in text


def test_graphml_holds_entities_and_relations(tmp_path: Path) -> None:
    out = tmp_path / "graph.graphml"
    export(FIXTURE, "graphml", out)
    network = nx.read_graphml(out, force_multigraph=True)
    person = network.nodes[ID + "Lars-Ake_Brattlund"]
    assert person["label"] == "Lars-Åke Brattlund"
    assert person["class"] == "Person"
    assert person["jobTitle"] == "personaldirektör"
    assert person["documents"] == 2  # mentioned in both articles: a count, not two edges
    assert network.nodes[ID + "Forsakringskassan"]["altLabel"] == "Försäkringskassans; kassan"
    assert network.nodes[ID + "Forsakringskassan"]["numberOfEmployees"] == "14000"
    assert (
        network.nodes[ID + "Forsakringskassan"]["sameAs"]
        == "http://www.wikidata.org/entity/Q1433358"
    )
    relations = {
        (source, data["predicate"], target) for source, target, data in network.edges(data=True)
    }
    assert (ID + "Lars-Ake_Brattlund", "worksFor", ID + "Forsakringskassan") in relations
    assert (ID + "Arbetsformedlingen", "collaboratesWith", ID + "Forsakringskassan") in relations
    # Classes are attributes, not nodes; documents and evidence rows are not drawn.
    assert "https://myndighetsgraf.se/ns#Agency" not in network
    assert not [node for node in network if node.startswith((DOC, "_:"))]
    assert {data["predicate"] for _, _, data in network.edges(data=True)} <= {
        "worksFor",
        "partOf",
        "locatedIn",
        "decided",
        "collaboratesWith",
        "requestedFrom",
    }


def test_the_entity_network_counts_evidence_on_nodes_and_edges() -> None:
    network = to_networkx(NAMED_FIXTURE)
    eva, lantmateriet = ID + "person/eva-berg", ID + "agency/lantmateriet"
    assert network.nodes[eva]["documents"] == 2
    assert network.nodes[eva]["evidence"] == 1
    assert network.edges[eva, lantmateriet, "headOf"]["evidence"] == 1
    assert network.edges[eva, lantmateriet, "headOf"]["documents"] == 1
    olof = ID + "person/olof-ek"
    assert network.edges[olof, lantmateriet, "headOf"]["evidence"] == 0


def test_with_evidence_gives_the_full_provenance_graph(tmp_path: Path) -> None:
    entities = to_networkx(FIXTURE)
    full = to_networkx(FIXTURE, with_evidence=True)
    assert set(entities) < set(full)
    assert DOC + "fk-torsby" in full
    mentions = [
        target
        for source, target, key in full.edges(keys=True)
        if source == ID + "Lars-Ake_Brattlund" and key == "mentionedIn"
    ]
    assert sorted(mentions) == [DOC + "af-samarbete", DOC + "fk-torsby"]
    export(FIXTURE, "gexf", tmp_path / "full.gexf", with_evidence=True)
    assert nx.read_gexf(tmp_path / "full.gexf").number_of_nodes() == full.number_of_nodes()
    with pytest.raises(
        StoreError, match=r"^--with-evidence is for the network formats \(graphml, gexf\)$"
    ):
        export(FIXTURE, "ttl", tmp_path / "x.ttl", with_evidence=True)


def test_gexf_holds_the_entity_network(tmp_path: Path) -> None:
    out = tmp_path / "graph.gexf"
    export(FIXTURE, "gexf", out)
    network = nx.read_gexf(out)
    assert network.nodes[ID + "Forsakringskassan"]["label"] == "Försäkringskassan"
    assert network.nodes[ID + "Forsakringskassan"]["class"] == "Agency"
    assert network.number_of_nodes() == to_networkx(FIXTURE).number_of_nodes()
    assert network.has_edge(ID + "Lars-Ake_Brattlund", ID + "Forsakringskassan")


def test_help_and_errors_list_every_registered_format() -> None:
    assert list(WRITERS) == ["ttl", "nt", "trig", "jsonld", "graphml", "gexf"]
    shown = CliRunner().invoke(main, ["export", "--help"]).stdout
    for fmt, writer in WRITERS.items():
        assert f"{fmt}: {writer.description.split()[0]}" in " ".join(shown.split()), fmt


def test_a_build_folder_exports_like_its_trig(tmp_path: Path) -> None:
    build = tmp_path / "out"
    build.mkdir()
    shutil.copy(FIXTURE, build / TRIG_FILE)
    export(build, "trig", tmp_path / "from_folder.trig")
    export(FIXTURE, "trig", tmp_path / "from_file.trig")
    from_folder = rdflib.Dataset().parse(tmp_path / "from_folder.trig", format="trig")
    from_file = rdflib.Dataset().parse(tmp_path / "from_file.trig", format="trig")
    folder_graphs, file_graphs = graphs_by_name(from_folder), graphs_by_name(from_file)
    assert set(folder_graphs) == set(file_graphs)
    assert all(isomorphic(folder_graphs[name], file_graphs[name]) for name in file_graphs)
    assert sum(len(graph) for graph in folder_graphs.values()) == 44


def test_every_format_writes_a_file(tmp_path: Path) -> None:
    for fmt in WRITERS:
        out = tmp_path / "nested" / f"graph.{fmt}"
        export(FIXTURE, fmt, out)
        assert out.stat().st_size > 1000, fmt
    assert sorted(path.name for path in (tmp_path / "nested").iterdir()) == sorted(
        f"graph.{fmt}" for fmt in WRITERS
    )


def test_an_unknown_format_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "graph.xml"
    with pytest.raises(StoreError, match=r"ttl, nt, trig, jsonld, graphml, gexf$"):
        export(FIXTURE, "xml", out)
    assert list(tmp_path.iterdir()) == []


def test_a_missing_location_leaves_the_old_export(tmp_path: Path) -> None:
    out = tmp_path / "graph.ttl"
    out.write_text("# an earlier export\n", encoding="utf-8")
    with pytest.raises(StoreError, match="run `kg build` first"):
        export(tmp_path / "missing", "ttl", out)
    assert out.read_text(encoding="utf-8") == "# an earlier export\n"
