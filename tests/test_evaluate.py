"""graph.evaluate: the scorer on small hand-written graphs, and its agreement with the reference.

The gold (fixtures/eval/gold.jsonl) covers two short news items about
Skatteverket; perfect.ttl is a graph with everything it asks for, and the
other .ttl files are additions to it, one mistake each.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import FOAF, SKOS
from rdflib.term import Node

from graph.evaluate import (
    Entity,
    EvalError,
    GoldItem,
    Relation,
    as_json,
    gold_documents,
    load_gold,
    parse_gold,
    report,
    score,
)
from graph.evaluate.match import merge_entities
from graph.evaluate.measure import SATISFIED_BY
from graph.evaluate.names import compared_form
from graph.vocab import ENTITY_CLASSES, ID, KG, local_name

FIXTURES = Path(__file__).parent / "fixtures" / "eval"
GOLD = FIXTURES / "gold.jsonl"
REPO = Path(__file__).resolve().parents[1]
DEV_GOLD = REPO.parent / "shared" / "eval" / "gold-dev.jsonl"
SCHEMA = Namespace("https://schema.org/")


def fixture_graph(*names: str) -> Graph:
    """perfect.ttl with the named additions parsed into the same graph."""
    graph = Graph()
    for name in ("perfect.ttl", *names):
        graph.parse(FIXTURES / name)
    return graph


@pytest.fixture(scope="module")
def gold() -> list[GoldItem]:
    return load_gold(GOLD)


def set_labels(graph: Graph, node: URIRef, *labels: str) -> None:
    graph.remove((node, RDFS.label, None))
    graph.remove((node, SKOS.altLabel, None))
    for label in labels:
        graph.add((node, RDFS.label, Literal(label)))


# --- entities ---------------------------------------------------------------


def test_perfect_graph_scores_one(gold: list[GoldItem]) -> None:
    result = score(fixture_graph(), gold)
    rates = result[:7]
    assert rates == (1.0,) * 7
    # Skatteverket is named in both documents: one gold entity; facket is optional.
    assert result.gold_entities == 7
    assert result.pred_nodes == 8
    assert (result.duplicates, result.gold_facts, result.checked_relations) == (0, 8, 6)
    assert result.missed_entities == result.missed_facts == ()
    assert result.spurious_nodes == result.wrong_relations == ()


def test_a_duplicate_node_is_an_error(gold: list[GoldItem]) -> None:
    result = score(fixture_graph("duplicate.ttl"), gold)
    assert result.duplicates == 1
    assert result.entity_precision == round(7 / 8, 3)
    assert result.entity_recall == 1.0
    assert result.spurious_nodes == ()  # it does stand for a gold entity, once too often
    ((entity, nodes),) = result.duplicated
    assert entity.label == "Skatteverket"
    assert sorted(str(n.label) for n in nodes) == ["Skatteverket", "Skatteverkets"]
    assert f"{ID.skatteverkets} (Skatteverkets)" in report(result)


def test_a_node_for_nothing_in_the_gold_is_spurious(gold: list[GoldItem]) -> None:
    result = score(fixture_graph("spurious.ttl"), gold)
    assert result.entity_precision == round(7 / 8, 3)
    assert [(n.reference_name, n.label, n.cls) for n in result.spurious_nodes] == [
        ("annons", "Annons", "Organization")
    ]


def test_a_missing_entity_lowers_recall_and_its_facts(gold: list[GoldItem]) -> None:
    graph = fixture_graph()
    graph.remove((ID["olof-ek"], None, None))
    result = score(graph, gold)
    assert [e.label for e in result.missed_entities] == ["Olof Ek"]
    assert result.entity_recall == round(6 / 7, 3)
    assert result.entity_precision == 1.0
    assert [f.as_jsonl() for f in result.missed_facts] == [gold[6].as_jsonl()]  # Olof Ek headOf
    assert result.fact_recall == round(7 / 8, 3)


def test_labels_match_after_case_space_and_quote_folding(gold: list[GoldItem]) -> None:
    graph = fixture_graph()
    set_labels(graph, ID["maria-lind"], "  MARIA \t lind ")
    set_labels(graph, ID.tullverket, "»Tullverket«")
    result = score(graph, gold)
    assert (result.entity_recall, result.entity_precision, result.fact_recall) == (1.0, 1.0, 1.0)
    assert (
        compared_form("“Tillitslabbet”")
        == compared_form("'Tillitslabbet'")
        == compared_form('"tillitslabbet"')
    )
    assert compared_form("Tillits-\nlabbet") == "tillits- labbet"  # a hyphen is kept: no guessing


def test_an_entity_of_the_wrong_class_is_found_but_not_typed(gold: list[GoldItem]) -> None:
    graph = fixture_graph()
    graph.set((ID.tullverket, RDF.type, KG.Person))
    result = score(graph, gold)
    assert result.entity_recall == 1.0
    assert result.entity_typed_recall == round(6 / 7, 3)


def test_accepted_classes_and_the_graphs_own_subclasses_count_as_typed(
    gold: list[GoldItem],
) -> None:
    graph = fixture_graph()
    # The gold accepts regeringen as an Agency too.
    graph.set((ID.regeringen, RDF.type, KG.Agency))
    # A class of another vocabulary counts through the subclass statement the graph makes.
    local_office = URIRef("https://example.org/vocab#LocalOffice")
    graph.set((ID.kirunakontoret, RDF.type, local_office))
    graph.add((local_office, RDFS.subClassOf, KG.Office))
    assert score(graph, gold).entity_typed_recall == 1.0


def test_an_office_is_matched_by_its_signature(gold: list[GoldItem]) -> None:
    graph = fixture_graph()
    assert score(graph, gold).entity_recall == 1.0  # "Kirunakontoret" is in no gold label
    graph.remove((ID.kirunakontoret, KG.partOf, None))
    result = score(graph, gold)
    assert [e.label for e in result.missed_entities] == ["Skatteverket i Kiruna"]
    assert [n.reference_name for n in result.spurious_nodes] == ["kirunakontoret"]


def test_an_optional_entity_is_neither_rewarded_nor_penalised(gold: list[GoldItem]) -> None:
    with_facket = score(fixture_graph(), gold)
    graph = fixture_graph()
    graph.remove((ID.facket, None, None))
    without = score(graph, gold)
    assert without.pred_nodes == with_facket.pred_nodes - 1
    assert without[:7] == with_facket[:7]
    assert "facket" not in [e.label for e in without.missed_entities]


def test_entities_merge_across_documents_by_folded_label() -> None:
    gold = parse_gold(
        [
            '{"doc": "a", "kind": "entity", "class": "Agency", "label": "Tullverket",'
            ' "aliases": ["Tullen"], "optional": true}',
            '{"doc": "b", "kind": "entity", "class": "Agency", "label": " tullverket",'
            ' "aliases": ["Tullverkets"]}',
        ]
    )
    (merged,) = merge_entities(gold).values()
    assert merged.first.doc == "a"
    assert merged.names == {"tullverket", "tullen", "tullverkets"}
    assert not merged.optional  # optional only when every document says so


def test_only_the_chosen_documents_count(gold: list[GoldItem]) -> None:
    assert gold_documents(gold) == {"nyhet-1", "nyhet-2"}
    result = score(fixture_graph(), gold, docs={"nyhet-2"})
    assert (result.gold_entities, result.gold_facts) == (4, 4)
    assert result.entity_recall == 1.0
    # The people and the government of the other item are not in this gold.
    assert {n.reference_name for n in result.spurious_nodes} == {
        "lind",  # the smallest folded label names a node, as in the reference
        "olof ek",
        "regeringen",
        "facket",
    }


# --- facts -----------------------------------------------------------------


def test_a_wrong_relation_lowers_fact_precision(gold: list[GoldItem]) -> None:
    result = score(fixture_graph("wrong_relation.ttl"), gold)
    assert result.fact_precision == round(6 / 7, 3)
    assert result.fact_recall == 1.0
    assert [(w.subject.label, w.predicate, w.object.label) for w in result.wrong_relations] == [
        ("Maria Lind", "worksFor", "Tullverket")
    ]


def test_a_head_also_works_for_it_but_working_there_does_not_make_a_head() -> None:
    gold = parse_gold(
        [
            '{"kind": "entity", "class": "Person", "label": "Olof Ek"}',
            '{"kind": "entity", "class": "Agency", "label": "Skatteverket"}',
            '{"kind": "relation", "subject": "Olof Ek", "predicate": "headOf",'
            ' "object": "Skatteverket"}',
        ]
    )
    graph = fixture_graph()
    graph.remove((ID["olof-ek"], KG.headOf, None))
    result = score(graph, gold)
    assert len(result.missed_facts) == 1  # worksFor does not satisfy headOf ...
    assert (result.checked_relations, result.fact_precision) == (1, 1.0)  # ... nor is it wrong


def test_a_member_works_for_it(gold: list[GoldItem]) -> None:
    graph = fixture_graph()
    graph.remove((ID["maria-lind"], KG.worksFor, None))
    graph.add((ID["maria-lind"], KG.memberOf, ID.skatteverket))
    result = score(graph, gold)
    assert (result.fact_recall, result.fact_precision) == (1.0, 1.0)


def test_collaboration_may_be_stated_from_either_side(gold: list[GoldItem]) -> None:
    graph = fixture_graph()
    graph.remove((ID.skatteverket, KG.collaboratesWith, ID.tullverket))
    graph.add((ID.tullverket, KG.collaboratesWith, ID.skatteverket))
    result = score(graph, gold)
    assert (result.fact_recall, result.fact_precision) == (1.0, 1.0)


def test_a_decision_needs_its_amount_headcount_and_counterpart(gold: list[GoldItem]) -> None:
    decision = ID["beslut-1"]

    def decision_missed(graph: Graph) -> bool:
        return any(f.source["kind"] == "decision" for f in score(graph, gold).missed_facts)

    graph = fixture_graph()
    graph.set((decision, KG.amountSEK, Literal(4.5e7)))
    assert not decision_missed(graph)  # any numeric spelling of 45 million
    graph.set((decision, KG.headcount, Literal(8)))
    assert decision_missed(graph)
    # Numbers agree within half a unit.
    graph = fixture_graph()
    graph.set((decision, KG.amountSEK, Literal("45000000.4")))
    assert not decision_missed(graph)
    graph.set((decision, KG.amountSEK, Literal(45000001)))
    assert decision_missed(graph)
    graph = fixture_graph()
    graph.remove((decision, KG.requestedFrom, None))
    assert decision_missed(graph)


def test_attributes_match_numbers_as_numbers_and_titles_as_words(gold: list[GoldItem]) -> None:
    graph = fixture_graph()
    graph.set((ID.skatteverket, KG.numberOfEmployees, Literal("10500.0")))
    graph.set((ID["maria-lind"], KG.jobTitle, Literal("Tillförordnad pressansvarig")))
    assert score(graph, gold).fact_recall == 1.0
    graph.set((ID["maria-lind"], KG.jobTitle, Literal("pressansvariga")))
    assert score(graph, gold).fact_recall == round(7 / 8, 3)


# --- the gold file ---------------------------------------------------------


def test_load_gold_reads_typed_records(gold: list[GoldItem]) -> None:
    assert len(gold) == 17
    office = gold[12]
    assert isinstance(office, Entity)
    assert office.signature is not None and office.signature.located_in == "Kiruna"
    assert (office.doc, office.line) == ("nyhet-2", 13)
    assert gold[5] == Relation(
        "Maria Lind", "worksFor", "Skatteverket", doc="nyhet-1", line=6, source={}
    )


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"kind": "entity", "class": "Agency", "label": "X"', "line 2: not valid JSON"),
        ('["entity"]', "line 2: a gold line must be a JSON object"),
        ('{"kind": "entiy", "label": "X"}', "line 2: unknown kind 'entiy'"),
        ('{"label": "X"}', "line 2: missing field 'kind'"),
        ('{"kind": "entity", "class": "Agency"}', "missing field 'label' for kind 'entity'"),
        ('{"kind": "entity", "class": "Agency", "label": "X", "aliases": "Y"}', "list of strings"),
        ('{"kind": "entity", "class": "Myndighet", "label": "X"}', "unknown class 'Myndighet'"),
        (
            '{"kind": "entity", "class": "Office", "label": "X", "signature": {"partOf": "Y"}}',
            "missing field 'locatedIn' for kind 'signature'",
        ),
        ('{"kind": "relation", "subject": "A", "predicate": "workFor", "object": "B"}', "workFor"),
        ('{"kind": "attribute", "subject": "A", "predicate": "jobTitle"}', "missing field 'value'"),
        ('{"kind": "decision", "actor": "A", "headcount": "300"}', "must be a number"),
        ('{"kind": "decision", "actor": "A", "requestedFrom": null}', "is null"),
    ],
)
def test_load_gold_names_the_bad_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"kind": "entity", "class": "Agency", "label": "A"}\n' + line + "\n")
    with pytest.raises(EvalError, match=message) as caught:
        load_gold(path)
    assert str(caught.value).startswith(str(path))
    assert "\n" not in str(caught.value)


def test_load_gold_reports_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match="cannot read gold file"):
        load_gold(tmp_path / "nowhere.jsonl")


# --- reports -----------------------------------------------------------------


def test_report_has_a_table_and_gold_lines_to_paste(gold: list[GoldItem]) -> None:
    graph = fixture_graph("wrong_relation.ttl", "spurious.ttl")
    graph.remove((ID["olof-ek"], None, None))
    text = report(score(graph, gold))
    assert text.splitlines()[:3] == [
        "           precision  recall     F1",
        "entities       0.857   0.857  0.857",
        "facts          0.800   0.875  0.836",
    ]
    pasted = [line.strip() for line in text.splitlines() if line.startswith("  {")]
    records = parse_gold(pasted)
    assert [
        (r.source["kind"], r.source.get("label", r.source.get("subject"))) for r in records
    ] == [
        ("entity", "Olof Ek"),
        ("relation", "Olof Ek"),
        ("entity", "Annons"),
        ("relation", "Maria Lind"),
    ]
    assert records[1].source == gold[6].source  # the missed fact as its gold line, doc and all
    assert records[3].source == {
        "kind": "relation",
        "subject": "Maria Lind",
        "predicate": "worksFor",
        "object": "Tullverket",
    }


def test_as_json_has_the_reference_keys(gold: list[GoldItem]) -> None:
    result = as_json(score(fixture_graph("wrong_relation.ttl"), gold))
    assert list(result) == [
        "entity_precision",
        "entity_recall",
        "entity_f1",
        "entity_typed_recall",
        "fact_precision",
        "fact_recall",
        "fact_f1",
        "gold_entities",
        "pred_nodes",
        "duplicates",
        "missed_entities",
        "spurious_nodes",
        "missed_facts",
        "wrong_relations",
    ]
    assert result["wrong_relations"] == [[["lind"], "worksFor", ["tullverket"]]]
    assert json.loads(json.dumps(result)) == result


def test_local_name_takes_the_last_part_of_an_iri() -> None:
    assert local_name(KG.worksFor) == "worksFor"
    assert local_name("urn:x:Agency") == "Agency"
    assert local_name("https://schema.org/name") == "name"
    assert local_name("https://myndighetsgraf.se/verb/anställa") == "anställa"
    assert local_name("http://www.w3.org/2004/02/skos/core#") == "core"


# --- agreement with the reference scorer ------------------------------------


@pytest.fixture(scope="module")
def reference(reference_scorer: ModuleType) -> ModuleType:
    return reference_scorer  # tests/conftest.py imports ../shared/eval/score.py by path


def comparable(result: dict[str, Any]) -> dict[str, Any]:
    """The result as JSON, wrong relations in a fixed order.

    The reference lists them in set order, which changes with the hash seed.
    """
    result = json.loads(json.dumps(result, ensure_ascii=False))
    result["wrong_relations"] = sorted(result["wrong_relations"])
    return result


def assert_agrees(
    reference: ModuleType, graph_path: Path, gold_path: Path, docs: set[str] | None
) -> None:
    ours = as_json(score(Graph().parse(graph_path), load_gold(gold_path), docs))
    with gold_path.open(encoding="utf-8") as lines:
        raw_gold = [json.loads(line) for line in lines if line.strip()]
    theirs = reference.score(str(graph_path), raw_gold, docs)
    assert len(theirs["wrong_relations"]) < 30, "more than the reference lists: not comparable"
    assert comparable(ours) == comparable(theirs)


def fixture_cases(tmp_path: Path) -> dict[str, Path]:
    """Every hand-written graph of this file, saved as Turtle for the reference to read."""
    cases = {
        "perfect": fixture_graph(),
        "duplicate": fixture_graph("duplicate.ttl"),
        "spurious": fixture_graph("spurious.ttl"),
        "wrong": fixture_graph("wrong_relation.ttl", "duplicate.ttl"),
    }
    missing = fixture_graph("wrong_relation.ttl")
    missing.remove((ID["olof-ek"], None, None))
    missing.remove((ID.kirunakontoret, KG.partOf, None))
    cases["missing"] = missing
    paths = {}
    for name, graph in cases.items():
        paths[name] = tmp_path / f"{name}.ttl"
        graph.serialize(paths[name], format="turtle")
    return paths


@pytest.mark.parametrize("docs", [None, {"nyhet-2"}, {"000_8adb13b578de104f"}])
def test_agrees_with_the_reference_on_the_fixtures(
    reference: ModuleType, tmp_path: Path, docs: set[str] | None
) -> None:
    golds = [GOLD, DEV_GOLD] if DEV_GOLD.exists() else [GOLD]
    for graph_path in fixture_cases(tmp_path).values():
        for gold_path in golds:
            assert_agrees(reference, graph_path, gold_path, docs)


def random_graph(rng: random.Random, gold: list[GoldItem]) -> Graph:
    """A small messy graph over the gold's names: wrong classes, duplicates, stray edges,
    relations between the gold's own pairs under any predicate, near-miss numbers."""
    graph = Graph()
    names = sorted(
        {name for item in gold if isinstance(item, Entity) for name in (item.label, *item.aliases)}
    )
    pairs = [(item.subject, item.object) for item in gold if isinstance(item, Relation)]
    label_predicates = [RDFS.label, SKOS.altLabel, FOAF.name, SCHEMA.name]
    classes = [*ENTITY_CLASSES, "Decision", "Quote"]
    nodes: list[Node] = []
    named: dict[str, list[Node]] = {}
    for number in range(rng.randint(4, 18)):
        node = ID[f"n{number}"]
        nodes.append(node)
        for cls in rng.sample(classes, rng.choice([0, 1, 1, 1, 2])):
            graph.add((node, RDF.type, KG[cls]))
        for _ in range(rng.choice([0, 1, 1, 2])):
            name = rng.choice(names)
            named.setdefault(name, []).append(node)
            spelling = rng.choice([name, name.upper(), f" »{name}«  ", f"{name}s", "Annons"])
            graph.add((node, rng.choice(label_predicates), Literal(spelling)))
    if rng.random() < 0.5:
        graph.add((KG.Agency, RDFS.subClassOf, KG.Organization))
    if rng.random() < 0.3:
        graph.add((KG.Decision, RDFS.subClassOf, KG.Office))
    relations = [*SATISFIED_BY, "decided"]
    for _ in range(rng.randint(0, 14)):
        subject, obj = rng.choice(nodes), rng.choice(nodes)
        pair = rng.choice(pairs)
        if rng.random() < 0.5 and pair[0] in named and pair[1] in named:
            subject, obj = rng.choice(named[pair[0]]), rng.choice(named[pair[1]])
        graph.add((subject, KG[rng.choice(relations)], obj))
    for _ in range(rng.randint(0, 4)):
        decision = rng.choice(nodes)
        graph.add((rng.choice(nodes), KG.decided, decision))
        amount = rng.choice(["45000000", "45000000.4", "45000001", "1.2E8", "250000000.0", "många"])
        graph.add((decision, KG.amountSEK, Literal(amount)))
        graph.add((decision, KG.headcount, Literal(rng.choice([80, 300, 8]))))
        graph.add((decision, KG.requestedFrom, rng.choice(nodes)))
    for _ in range(rng.randint(0, 4)):
        title = rng.choice(["generaldirektör", "tf generaldirektör", "pressansvarig", "forskare"])
        graph.add((rng.choice(nodes), KG.jobTitle, Literal(title)))
        count = rng.choice([14000, "14000", "10500.0", "cirka 10500"])
        graph.add((rng.choice(nodes), KG.numberOfEmployees, Literal(count)))
    return graph


def test_agrees_with_the_reference_on_random_graphs(reference: ModuleType, tmp_path: Path) -> None:
    golds = [GOLD, DEV_GOLD] if DEV_GOLD.exists() else [GOLD]
    for gold_path in golds:
        gold = load_gold(gold_path)
        documents = sorted(gold_documents(gold))
        for seed in range(20):
            rng = random.Random(seed)
            graph_path = tmp_path / f"random-{seed}.ttl"
            random_graph(rng, gold).serialize(graph_path, format="turtle")
            docs = set(rng.sample(documents, 1)) if seed % 3 == 0 else None
            assert_agrees(reference, graph_path, gold_path, docs)


def test_a_gold_member_of_is_met_by_works_for_in_both_scorers(
    reference: ModuleType, tmp_path: Path
) -> None:
    member = {"doc": "nyhet-1", "kind": "relation", "subject": "Maria Lind"}
    member |= {"predicate": "memberOf", "object": "regeringen"}
    gold_path = tmp_path / "gold.jsonl"
    gold_path.write_text(
        GOLD.read_text(encoding="utf-8") + json.dumps(member, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    graph = fixture_graph()
    without = tmp_path / "without.ttl"
    graph.serialize(without, format="turtle")
    graph.add((ID["maria-lind"], KG.worksFor, ID.regeringen))
    with_works_for = tmp_path / "works-for.ttl"
    graph.serialize(with_works_for, format="turtle")
    for path, missed in ((without, [member]), (with_works_for, [])):
        ours = score(Graph().parse(path), load_gold(gold_path))
        assert [json.loads(f.as_jsonl()) for f in ours.missed_facts] == missed
        assert_agrees(reference, path, gold_path, None)
