"""The whole build with the shipped Swedish model on the seed articles (seeds/).

The seeds are built once per session (conftest.seed_build). The facts checked
here are ones a reader of the articles finds in them; each names the node by
its label, as a user would query for it.
"""

from __future__ import annotations

import hashlib
import json
import resource
import shutil
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from conftest import GOLD_DOCUMENTS, SEEDS, SeedBuild
from rdflib import OWL, RDF, RDFS, SKOS, Dataset, Graph, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import PROV
from rdflib.term import Node
from spacy.language import Language

from graph.evaluate import as_json, load_gold, score
from graph.layout import BUILD_FOLDER, STORE_DIR, TRIG_FILE, TURTLE_FILE, VIEW_FILE
from graph.pipeline import BuildResult, build, count_entities, write_outputs
from graph.rdf import WD
from graph.read import ReadError, read_paths
from graph.shapes import validate
from graph.store import open_dataset
from graph.vocab import DOC, ENTITY_CLASSES, KG, VERB

pytestmark = pytest.mark.slow

#: Predicates of extracted facts: each triple with one has an evidence node.
EVIDENCED = frozenset(
    KG[name]
    for name in (
        "worksFor",
        "headOf",
        "memberOf",
        "partOf",
        "locatedIn",
        "leads",
        "participatesIn",
        "collaboratesWith",
        "decided",
        "requestedFrom",
        "said",
        "jobTitle",
        "numberOfEmployees",
    )
)


@pytest.fixture(scope="module")
def g(seed_build: SeedBuild) -> Graph:
    """graph.ttl of the seed build, as an outside check reads it."""
    return Graph().parse(seed_build.out / TURTLE_FILE)


def nodes_named(g: Graph, name: str, cls: str | None = None) -> set[Node]:
    """Nodes whose label or alt label is `name` (case-folded), optionally of one class."""
    wanted = name.casefold()
    found = {
        s
        for p in (RDFS.label, SKOS.altLabel)
        for s, o in g.subject_objects(p)
        if str(o).casefold() == wanted
    }
    return {s for s in found if cls is None or (s, RDF.type, KG[cls]) in g}


def the_node(g: Graph, name: str, cls: str) -> Node:
    nodes = nodes_named(g, name, cls)
    assert len(nodes) == 1, f"{len(nodes)} nodes of class {cls} named {name!r}: {nodes}"
    return nodes.pop()


# --- what the articles say --------------------------------------------------------


def test_forsakringskassan_is_one_agency_linked_to_wikidata(g: Graph) -> None:
    fk = the_node(g, "Försäkringskassan", "Agency")
    assert nodes_named(g, "Försäkringskassan") == {fk}
    assert g.value(fk, RDFS.label) == Literal("Försäkringskassan")
    assert set(g.objects(fk, OWL.sameAs)) == {WD.Q3372219}
    assert set(g.subjects(OWL.sameAs, WD.Q3372219)) == {fk}
    # Its genitive is one of its names, not a node of its own.
    assert not nodes_named(g, "Försäkringskassans") - {fk}


def test_brattlund_is_personnel_director_at_forsakringskassan(g: Graph) -> None:
    person = the_node(g, "Lars-Åke Brattlund", "Person")
    assert Literal("personaldirektör") in set(g.objects(person, KG.jobTitle))
    assert the_node(g, "Försäkringskassan", "Agency") in set(g.objects(person, KG.worksFor))


def test_dan_eliasson_heads_forsakringskassan(g: Graph) -> None:
    person = the_node(g, "Dan Eliasson", "Person")
    assert (person, KG.headOf, the_node(g, "Försäkringskassan", "Agency")) in g


def test_the_torsby_office_is_part_of_forsakringskassan_and_in_torsby(g: Graph) -> None:
    office = the_node(g, "Försäkringskassan i Torsby", "Office")
    assert g.value(office, RDFS.label) == Literal("Försäkringskassan i Torsby")
    assert (office, KG.partOf, the_node(g, "Försäkringskassan", "Agency")) in g
    assert (office, KG.locatedIn, the_node(g, "Torsby", "Place")) in g


def test_forsakringskassan_decides_to_hire_300_for_120_million(g: Graph) -> None:
    fk = the_node(g, "Försäkringskassan", "Agency")
    figures = {
        (number(g.value(d, KG.headcount)), number(g.value(d, KG.amountSEK)))
        for d in g.objects(fk, KG.decided)
    }
    assert (300, 120_000_000) in figures
    decision = next(d for d in g.objects(fk, KG.decided) if number(g.value(d, KG.headcount)) == 300)
    assert (decision, RDF.type, KG.Decision) in g


def number(value: Node | None) -> Decimal | None:
    return Decimal(str(value)) if isinstance(value, Literal) else None


@pytest.mark.parametrize("cls", [*ENTITY_CLASSES, "Decision"])
def test_entities_of_every_class_are_found(g: Graph, cls: str) -> None:
    labelled = [s for s in g.subjects(RDF.type, KG[cls]) if g.value(s, RDFS.label)]
    assert labelled, f"no kg:{cls} with a label"


def test_the_summary_counts_what_the_graph_holds(seed_build: SeedBuild, g: Graph) -> None:
    summary = seed_build.summary
    assert summary.documents == 5 == len(set(g.subjects(RDF.type, KG.Document)))
    assert summary.sentences > 100
    assert summary.entities == count_entities(g)
    assert summary.facts["worksFor"] == sum(
        1 for e in g.subjects(RDF.type, KG.Evidence) if (e, RDF.predicate, KG.worksFor) in g
    )
    assert summary.out == seed_build.out


# --- evidence and conformance -----------------------------------------------------


def test_every_fact_has_evidence(g: Graph) -> None:
    facts = [(s, p, o) for s, p, o in g if p in EVIDENCED or str(p).startswith(str(VERB))]
    assert len(facts) > 50
    missing = [
        (s, p, o)
        for s, p, o in facts
        if not any(
            (e, RDF.predicate, p) in g and (e, RDF.object, o) in g
            for e in g.subjects(RDF.subject, s)
        )
    ]
    assert not missing


def test_evidence_offsets_slice_the_document_back_to_the_sentence(
    seed_build: SeedBuild,
) -> None:
    dataset = open_dataset(seed_build.out)
    checked = 0
    for name in (DOC[doc_id] for doc_id in seed_build.documents):
        doc_graph = dataset.graph(name)
        text = seed_build.documents[name.removeprefix(str(DOC))].text
        for e in doc_graph.subjects(RDF.type, KG.Evidence):
            start, end = (int(str(doc_graph.value(e, p))) for p in (KG.charStart, KG.charEnd))
            assert text[start:end] == str(doc_graph.value(e, KG.sentence))
            assert doc_graph.value(e, PROV.wasDerivedFrom) == name
            s, p, o = (doc_graph.value(e, q) for q in (RDF.subject, RDF.predicate, RDF.object))
            assert s is not None and p is not None and o is not None
            assert (s, p, o) in doc_graph, "the fact sits in the graph of its own document"
            checked += 1
    assert checked == seed_build.summary.facts.total()


def test_the_seed_graph_conforms_to_the_shapes(g: Graph) -> None:
    report = validate(g)
    assert report.conforms, "\n".join(report.messages)


# --- the files ------------------------------------------------------------------


def test_the_build_folder_holds_every_output(seed_build: SeedBuild) -> None:
    out = seed_build.out
    assert {p.name for p in out.iterdir()} == set(BUILD_FOLDER)
    assert any((out / STORE_DIR).iterdir())
    assert "Försäkringskassan" in (out / VIEW_FILE).read_text(encoding="utf-8")


def test_graph_ttl_parses_back_to_the_graph_in_memory(
    gold_build: BuildResult, tmp_path: Path
) -> None:
    write_outputs(gold_build, tmp_path / "out")
    assert isomorphic(Graph().parse(tmp_path / "out" / TURTLE_FILE), gold_build.graph)


def test_graph_trig_keeps_one_graph_per_document(gold_build: BuildResult, tmp_path: Path) -> None:
    write_outputs(gold_build, tmp_path / "out")
    again = Dataset().parse(tmp_path / "out" / TRIG_FILE, format="trig")
    for doc_id in GOLD_DOCUMENTS:
        assert len(again.graph(DOC[doc_id])) == len(gold_build.dataset.graph(DOC[doc_id])) > 0


# --- a failed build leaves the previous one as it was ----------------------------


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under `folder` by relative path, with a hash of its bytes."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def previous_out(seed_build: SeedBuild, tmp_path: Path) -> Path:
    """A copy of the seed build: an out/ from an earlier run that a new build may replace."""
    out = tmp_path / "out"
    shutil.copytree(seed_build.out, out)
    return out


def bad_input(tmp_path: Path, kind: str) -> Path:
    if kind == "missing":
        return tmp_path / "gone.txt"
    if kind == "unsupported":
        path = tmp_path / "rapport.pdf"
        path.write_bytes(b"%PDF-1.4")
        return path
    path = tmp_path / "tom.txt"
    path.write_text("  \n\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("kind", ["missing", "unsupported", "empty"])
def test_an_unreadable_input_next_to_good_ones_leaves_out_untouched(
    previous_out: Path, nlp: Language, tmp_path: Path, kind: str
) -> None:
    before = snapshot(previous_out)
    with pytest.raises(ReadError):
        build(read_paths([SEEDS, bad_input(tmp_path, kind)]), previous_out, nlp)
    assert snapshot(previous_out) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


@contextmanager
def file_size_limit(size: int) -> Iterator[None]:
    """Writes past `size` bytes fail with an OSError, as on a full disk.

    Permissions would not do: the tests may run as root, who writes anywhere.
    """
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    # Without this the kernel stops the whole process at the first write past the limit.
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)


#: Small enough to stop graph.ttl; large enough to let graph.ttl and graph.trig through and
#: stop graph.html, the third file written.
@pytest.mark.parametrize("limit", [1_000, 100_000])
def test_a_failed_write_leaves_out_untouched(
    previous_out: Path, gold_build: BuildResult, tmp_path: Path, limit: int
) -> None:
    before = snapshot(previous_out)
    with pytest.raises(OSError), file_size_limit(limit):
        write_outputs(gold_build, previous_out)
    assert snapshot(previous_out) == before
    folders = sorted(p.name for p in tmp_path.iterdir() if p.is_dir())
    assert folders == ["out"], "no half-written folder left"


# --- the dev gold ---------------------------------------------------------------


def reference_json(result: dict[str, Any]) -> dict[str, Any]:
    """A score as JSON, wrong relations in a fixed order (the reference uses set order)."""
    result = json.loads(json.dumps(result, ensure_ascii=False))
    result["wrong_relations"] = sorted(result["wrong_relations"])
    return result


def test_the_reference_scorer_passes_the_annotated_seeds(
    gold_build: BuildResult, dev_gold: Path, reference_scorer: ModuleType, tmp_path: Path
) -> None:
    ttl = tmp_path / "graph.ttl"
    gold_build.graph.serialize(ttl, format="turtle")
    with dev_gold.open(encoding="utf-8") as lines:
        raw_gold = [json.loads(line) for line in lines if line.strip()]
    theirs = reference_scorer.score(str(ttl), raw_gold, set(GOLD_DOCUMENTS))
    assert theirs["entity_f1"] >= 0.9, theirs
    assert theirs["fact_f1"] >= 0.8, theirs
    ours = score(Graph().parse(ttl), load_gold(dev_gold), set(GOLD_DOCUMENTS))
    assert reference_json(as_json(ours)) == reference_json(theirs)


def test_only_the_annotated_documents_are_scored(gold_build: BuildResult) -> None:
    # Guards the test above: it must score the three documents the gold annotates.
    mentioned = set(gold_build.graph.objects(None, KG.mentionedIn))
    assert mentioned == {DOC[doc_id] for doc_id in GOLD_DOCUMENTS}
