"""The SHACL shapes (ontology/shapes.ttl) through graph.shapes.validate.

A small conforming graph (tests/fixtures/shapes/conforming.ttl) validates;
each broken variant adds or removes a few triples and must fail with a
message that names the problem.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal, Node, URIRef
from rdflib.namespace import SH

from graph.shapes import validate
from graph.vocab import KG, ontology_dir

FIXTURE = Path(__file__).parent / "fixtures" / "shapes" / "conforming.ttl"
ID = "https://myndighetsgraf.se/id/"

Mutation = Callable[[Graph], None]


@pytest.fixture
def graph() -> Graph:
    return Graph().parse(FIXTURE)


def add(turtle: str) -> Mutation:
    """Add triples written in Turtle with the fixture's prefixes."""

    def mutate(g: Graph) -> None:
        prefixes = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in g.namespaces())
        g.parse(data=prefixes + turtle, format="turtle")

    return mutate


def remove(subject: str | None, predicate: URIRef, obj: Node | None = None) -> Mutation:
    """Remove triples; `subject` is an id: local name, or None for any subject."""

    def mutate(g: Graph) -> None:
        g.remove((URIRef(ID + subject) if subject else None, predicate, obj))

    return mutate


def each(*mutations: Mutation) -> Mutation:
    """Several mutations, in order."""

    def mutate(g: Graph) -> None:
        for mutation in mutations:
            mutation(g)

    return mutate


def set_on_evidence(rule: str, predicate: URIRef, value: Node | None) -> Mutation:
    """Replace (or, with None, drop) a property of the evidence node made by `rule`."""

    def mutate(g: Graph) -> None:
        node = g.value(predicate=KG.rule, object=Literal(rule))
        assert node is not None, f"the fixture has no evidence by {rule}"
        g.remove((node, predicate, None))
        if value is not None:
            g.add((node, predicate, value))

    return mutate


def test_the_conforming_fixture_conforms(graph: Graph) -> None:
    report = validate(graph)
    assert report.messages == ()
    assert report.conforms


def test_validation_leaves_the_graph_as_it_was(graph: Graph) -> None:
    before = set(graph)
    add("id:torsby rdfs:label 'Torsby kommun' .")(graph)
    validate(graph)
    assert set(graph) - before == {(URIRef(ID + "torsby"), RDFS.label, Literal("Torsby kommun"))}


BROKEN = [
    pytest.param(
        add("id:torsby rdfs:label 'Torsby kommun' ."),
        "id:torsby rdfs:label: an entity has exactly one rdfs:label",
        id="two labels",
    ),
    pytest.param(
        remove("torsby", RDFS.label),
        "id:torsby rdfs:label: an entity has exactly one rdfs:label",
        id="no label",
    ),
    pytest.param(
        each(remove("torsby", RDFS.label), add("id:torsby rdfs:label ' ' .")),
        "id:torsby rdfs:label: an entity has exactly one rdfs:label, a non-empty string",
        id="blank label",
    ),
    pytest.param(
        add("id:torsby skos:altLabel 42 ."),
        "id:torsby skos:altLabel: skos:altLabel is a non-empty string",
        id="alt label not a string",
    ),
    pytest.param(
        remove("torsby", KG.mentionedIn),
        "id:torsby kg:mentionedIn: an entity is kg:mentionedIn at least one kg:Document",
        id="never mentioned",
    ),
    pytest.param(
        add("id:tillitslabbet kg:mentionedIn 'Publikt' ."),
        "id:tillitslabbet kg:mentionedIn: an entity is kg:mentionedIn at least one kg:Document",
        id="mentioned in a literal",
    ),
    pytest.param(
        add("id:brattlund kg:worksFor id:torsby ."),
        "id:brattlund kg:worksFor: kg:worksFor / kg:headOf points at a kg:Organization, "
        "kg:Agency or kg:Office (value: id:torsby)",
        id="worksFor a place",
    ),
    pytest.param(
        add("id:eliasson kg:headOf id:tillitslabbet ."),
        "kg:worksFor / kg:headOf points at a kg:Organization, kg:Agency or kg:Office "
        "(value: id:tillitslabbet)",
        id="headOf a project",
    ),
    pytest.param(
        add("id:skatteverket kg:worksFor id:forsakringskassan ."),
        "id:skatteverket rdf:type: a kg:Person has no other class",
        id="an agency worksFor",
    ),
    pytest.param(
        add("id:skatteverket kg:said id:quote-1 ."),
        "id:skatteverket rdf:type: a kg:Person has no other class",
        id="an agency said",
    ),
    pytest.param(
        add("id:forsakringskassan kg:participatesIn id:torsby ."),
        "id:torsby rdf:type: a kg:Place has no other class",
        id="participates in a place",
    ),
    pytest.param(
        add("id:torsbykontoret kg:locatedIn id:skatteverket ."),
        "id:skatteverket rdf:type: a kg:Place has no other class",
        id="locatedIn an agency",
    ),
    pytest.param(
        add("id:torsbykontoret kg:locatedIn 'Torsby' ."),
        "id:torsbykontoret kg:locatedIn: kg:locatedIn points at a kg:Place node",
        id="locatedIn a literal",
    ),
    pytest.param(
        add("id:brattlund kg:locatedIn id:torsby ."),
        "id:brattlund: only a kg:Agency, kg:Organization or kg:Office is kg:locatedIn a place",
        id="a person locatedIn",
    ),
    pytest.param(
        add("id:ctf kg:partOf id:torsby ."),
        "id:ctf kg:partOf: kg:partOf points at a kg:Organization or kg:Agency",
        id="partOf a place",
    ),
    pytest.param(
        add("id:quist kg:partOf id:ctf ."),
        "id:quist: only a kg:Office or kg:Organization is kg:partOf something",
        id="a person partOf",
    ),
    pytest.param(
        add("id:quist kg:jobTitle 'Professor' ."),
        "id:quist kg:jobTitle: kg:jobTitle is written in lower case, as in running text "
        '(value: "Professor")',
        id="title with a capital",
    ),
    pytest.param(
        add("id:quist kg:jobTitle 'ÖVERDIREKTÖR' ."),
        "kg:jobTitle is written in lower case",
        id="title in capitals",
    ),
    pytest.param(
        add("id:skatteverket kg:numberOfEmployees 'många' ."),
        "id:skatteverket kg:numberOfEmployees: kg:numberOfEmployees is an xsd:integer >= 0",
        id="employees not a number",
    ),
    pytest.param(
        add("id:tillitslabbet kg:numberOfEmployees 12 ."),
        "id:tillitslabbet: only a kg:Agency, kg:Organization or kg:Office has kg:numberOfEmployees",
        id="a project with employees",
    ),
    pytest.param(
        add("id:decision-000-1 kg:headcount -300 ."),
        "id:decision-000-1 kg:headcount: kg:headcount is an xsd:integer >= 0 "
        '(value: "-300"^^xsd:integer)',
        id="negative headcount",
    ),
    pytest.param(
        add("id:decision-000-1 kg:headcount 2.5 ."),
        "id:decision-000-1 kg:headcount: kg:headcount is an xsd:integer >= 0",
        id="fractional headcount",
    ),
    pytest.param(
        add("id:decision-000-1 kg:amountSEK -5.0 ."),
        "id:decision-000-1 kg:amountSEK: kg:amountSEK is an xsd:decimal >= 0",
        id="negative amount",
    ),
    pytest.param(
        add("id:decision-000-1 kg:amountSEK '120 miljoner kronor' ."),
        "id:decision-000-1 kg:amountSEK: kg:amountSEK is an xsd:decimal >= 0",
        id="amount as written",
    ),
    pytest.param(
        remove("decision-000-1", KG.decisionType),
        "id:decision-000-1 kg:decisionType: a kg:Decision has a kg:decisionType",
        id="decision without a type",
    ),
    pytest.param(
        add("id:decision-000-1 rdfs:label 'Anställningar' ."),
        "id:decision-000-1 rdfs:label: a kg:Decision has exactly one rdfs:label",
        id="decision with two labels",
    ),
    pytest.param(
        remove("forsakringskassan", KG.decided),
        "id:decision-000-1 ^kg:decided: a kg:Decision has an actor",
        id="decision without an actor",
    ),
    pytest.param(
        add("id:torsby kg:decided id:decision-000-1 ."),
        "id:decision-000-1 ^kg:decided: a kg:Decision has an actor: an organisation or office "
        "that kg:decided it (value: id:torsby)",
        id="decided by a place",
    ),
    pytest.param(
        add("id:decision-000-1 kg:requestedFrom id:brattlund ."),
        "id:decision-000-1 kg:requestedFrom: kg:requestedFrom points at a kg:Organization",
        id="requested from a person",
    ),
    pytest.param(
        remove("brattlund", KG.said),
        "id:quote-1 ^kg:said: a kg:Quote has a speaker",
        id="quote without a speaker",
    ),
    pytest.param(
        add("id:quote-1 kg:text 'Och en till.' ."),
        "id:quote-1 kg:text: a kg:Quote has exactly one kg:text",
        id="quote with two texts",
    ),
    pytest.param(
        set_on_evidence("svo", KG.sentence, None),
        "kg:sentence: a kg:Evidence node has exactly one kg:sentence",
        id="evidence without a sentence",
    ),
    pytest.param(
        set_on_evidence("svo", KG.charStart, Literal(30)),
        "kg:charStart: kg:charStart is not after kg:charEnd",
        id="evidence ends before it starts",
    ),
    pytest.param(
        set_on_evidence("svo", KG.charEnd, Literal("27")),
        "kg:charEnd: a kg:Evidence node has exactly one kg:charEnd, an xsd:integer",
        id="offset as a string",
    ),
    pytest.param(
        set_on_evidence("svo", KG.rule, None),
        # A blank evidence node shows as its sentence.
        '[kg:sentence "300 personer ska anställas."] kg:rule: '
        "a kg:Evidence node has exactly one kg:rule",
        id="evidence without a rule",
    ),
    pytest.param(
        set_on_evidence("appos-title-org", RDF.object, None),
        "rdf:object: a kg:Evidence node has exactly one rdf:object",
        id="evidence without an object",
    ),
    pytest.param(
        set_on_evidence("svo", URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), None),
        "prov:wasDerivedFrom: a kg:Evidence node is prov:wasDerivedFrom a kg:Document",
        id="evidence without a document",
    ),
    pytest.param(
        add("doc:000 kg:headcount 3 ."),
        "doc:000 rdf:type: a kg:Decision has no other class",
        id="a document with a headcount",
    ),
]


@pytest.mark.parametrize(("mutate", "expected"), BROKEN)
def test_a_broken_graph_fails_with_a_message_naming_the_problem(
    graph: Graph, mutate: Mutation, expected: str
) -> None:
    mutate(graph)
    report = validate(graph)
    assert not report.conforms
    assert any(expected in message for message in report.messages), report.messages


def test_a_broken_graph_reports_only_its_own_problem(graph: Graph) -> None:
    add("id:brattlund kg:headOf id:torsby . id:decision-000-1 kg:headcount -1 .")(graph)
    assert validate(graph).messages == (
        "id:brattlund kg:worksFor: kg:worksFor / kg:headOf points at a kg:Organization, "
        "kg:Agency or kg:Office (value: id:torsby)",
        "id:decision-000-1 kg:headcount: kg:headcount is an xsd:integer >= 0 "
        '(value: "-1"^^xsd:integer)',
    )


def test_every_kg_term_in_the_shapes_is_declared_in_the_vocabulary() -> None:
    # A misspelt term (kg:workFor) would make its shape target nothing, silently.
    shapes = Graph().parse(ontology_dir() / "shapes.ttl")
    used = {
        term
        for triple in shapes
        for term in triple
        if isinstance(term, URIRef) and term.startswith(str(KG._NS))
    }
    declared = set(Graph().parse(ontology_dir() / "kg.ttl").subjects())
    assert used, "the shapes use no kg: terms"
    assert used <= declared, sorted(used - declared)


def test_every_shape_says_what_is_wrong() -> None:
    shapes = Graph().parse(ontology_dir() / "shapes.ttl")
    constrained = {
        node for node in set(shapes.subjects(SH.path, None)) | set(shapes.subjects(SH["not"], None))
    }
    assert constrained
    assert [node for node in constrained if shapes.value(node, SH.message) is None] == []
