"""graph.rdf: hand-made records of two short articles → the dataset, checked against a golden file.

The records are what the extractors would hand over for two news items about
Försäkringskassan; tests/fixtures/golden/two_documents.trig is the dataset
written out by hand from the vocabulary contract in DESIGN.md (one named graph
per document, one evidence node per fact). Offsets are computed from the texts
so that each record points where its text stands.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

import pytest
from rdflib import OWL, RDF, RDFS, SKOS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import PROV
from rdflib.query import ResultRow
from rdflib.term import Identifier

from graph.rdf import WD, DocumentFacts, to_dataset
from graph.read import Document
from graph.records import Decision, Evidence, Fact, Mention, Quote, Role
from graph.resolve import resolve
from graph.shapes import validate
from graph.store import merged
from graph.vocab import DOC, ID, KG

GOLDEN = Path(__file__).parent / "fixtures" / "golden" / "two_documents.trig"

FK = "agency/forsakringskassan"
TORSBY = "place/torsby"
TORSBY_OFFICE = f"office/{FK}@{TORSBY}"
GOVERNMENT = "org/regeringen"

HIRING = Document(
    id="fk-torsby",
    text=(
        "Lars-Åke Brattlund är personaldirektör på Försäkringskassan.\n\n"
        "Försäkringskassans kontor i Torsby ska anställa 300 personer "
        "för 120 miljoner kronor till hösten."
    ),
    title="Försäkringskassan anställer i Torsby",
    url="https://nyheter.example/fk-torsby",
    date="2024-05-02",
    source="Exempelposten",
)
BUDGET = Document(
    id="fk-budget",
    text=(
        "Generaldirektören Dan Eliasson leder FK, som har 14000 anställda.\n\n"
        "FK begär 250 miljoner kronor från regeringen.\n\n"
        "– Vi måste bli fler, säger Eliasson."
    ),
)


def mention(
    document: Document, text: str, cls: str, key: str | None = None, nth: int = 0
) -> Mention:
    """The `nth` occurrence of `text` in the document as a mention."""
    start = -1
    for _ in range(nth + 1):
        start = document.text.index(text, start + 1)
    return Mention(document.id, start, start + len(text), text, cls, key)


def evidence(document: Document, sentence: str, rule: str) -> Evidence:
    start = document.text.index(sentence)
    return Evidence(document.id, sentence, start, start + len(sentence), rule)


def hiring_facts() -> DocumentFacts:
    d = HIRING
    brattlund = mention(d, "Lars-Åke Brattlund", "Person")
    fk = mention(d, "Försäkringskassan", "Agency", FK)
    fk_genitive = mention(d, "Försäkringskassans", "Agency", FK)
    office = mention(d, "kontor i Torsby", "Office", TORSBY_OFFICE)
    torsby = mention(d, "Torsby", "Place", TORSBY)
    first = evidence(d, "Lars-Åke Brattlund är personaldirektör på Försäkringskassan.", "role")
    second = evidence(d, d.text.split("\n\n")[1], "office")
    facts = [
        Fact(brattlund, "worksFor", fk, first),
        Fact(brattlund, "jobTitle", "personaldirektör", first),
        Fact(office, "partOf", fk_genitive, second),
        Fact(office, "locatedIn", torsby, second),
    ]
    hiring = Decision(
        actor=fk_genitive,
        kind="hiring",
        summary="anställa 300 personer",
        evidence=evidence(d, second.sentence, "decision"),
        amount_sek=Decimal(120_000_000),
        headcount=300,
        time="till hösten",
    )
    return DocumentFacts(
        document=d,
        mentions=[brattlund, fk, fk_genitive, office, torsby],
        facts=facts,
        decisions=[hiring],
        quotes=[],
    )


def budget_facts() -> DocumentFacts:
    d = BUDGET
    eliasson = mention(d, "Dan Eliasson", "Person")
    fk = mention(d, "FK", "Agency", FK)
    fk_again = mention(d, "FK", "Agency", FK, nth=1)
    government = mention(d, "regeringen", "Organization", GOVERNMENT)
    surname = mention(d, "Eliasson", "Person", nth=1)
    first = evidence(d, "Generaldirektören Dan Eliasson leder FK, som har 14000 anställda.", "role")
    facts = [
        Fact(eliasson, "headOf", fk, first),
        Fact(eliasson, "jobTitle", "generaldirektör", first),
        Fact(eliasson, "verb:leda", fk, evidence(d, first.sentence, "svo")),
        Fact(fk, "numberOfEmployees", 14000, evidence(d, first.sentence, "employees")),
    ]
    request = Decision(
        actor=fk_again,
        kind="budget request",
        summary="begär 250 miljoner kronor",
        evidence=evidence(d, "FK begär 250 miljoner kronor från regeringen.", "decision"),
        amount_sek=Decimal(250_000_000),
        requested_from=government,
    )
    quote = Quote(
        surname, "Vi måste bli fler", evidence(d, "– Vi måste bli fler, säger Eliasson.", "quote")
    )
    mentions = [eliasson, fk, fk_again, government, surname]
    return DocumentFacts(
        document=d, mentions=mentions, facts=facts, decisions=[request], quotes=[quote]
    )


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    extracted = [hiring_facts(), budget_facts()]
    resolution = resolve(m for item in extracted for m in item.mentions)
    return to_dataset(extracted, resolution)


@pytest.fixture(scope="module")
def golden() -> Dataset:
    return Dataset().parse(GOLDEN, format="trig")


def assert_same_graph(got: Graph, want: Graph) -> None:
    """Isomorphic, or a message listing the triples only one side has."""
    got_iso, want_iso = to_isomorphic(got), to_isomorphic(want)
    if isomorphic(got_iso, want_iso):
        return
    _, only_got, only_want = graph_diff(got_iso, want_iso)
    lines = [f"+ {t}" for t in sorted(only_got)] + [f"- {t}" for t in sorted(only_want)]
    pytest.fail("graphs differ (+ built, - golden):\n" + "\n".join(lines))


def named_graphs(d: Dataset) -> dict[URIRef, Graph]:
    """The non-empty named graphs, by name."""
    return {
        URIRef(g.identifier): g
        for g in d.graphs()
        if g.identifier != DATASET_DEFAULT_GRAPH_ID and len(g)
    }


# --- the golden dataset ------------------------------------------------------------


def test_one_named_graph_per_document_and_nothing_in_the_default_graph(dataset: Dataset) -> None:
    assert set(named_graphs(dataset)) == {DOC["fk-torsby"], DOC["fk-budget"]}
    assert len(dataset.graph(DATASET_DEFAULT_GRAPH_ID)) == 0


@pytest.mark.parametrize("doc_id", ["fk-torsby", "fk-budget"])
def test_each_document_graph_matches_the_golden_file(
    dataset: Dataset, golden: Dataset, doc_id: str
) -> None:
    assert_same_graph(dataset.graph(DOC[doc_id]), golden.graph(DOC[doc_id]))


def test_the_merged_graph_matches_the_union_of_the_golden_graphs(
    dataset: Dataset, golden: Dataset
) -> None:
    union = Graph()
    for g in named_graphs(golden).values():
        union += g
    assert_same_graph(merged(dataset), union)


def test_the_golden_file_holds_the_two_documents_only(golden: Dataset) -> None:
    # Guards the comparison above: a golden file that lost a graph would compare empty.
    graphs = named_graphs(golden)
    assert set(graphs) == {DOC["fk-torsby"], DOC["fk-budget"]}
    assert all(len(g) > 30 for g in graphs.values())


# --- evidence through SPARQL -------------------------------------------------------

EVIDENCE = """
SELECT ?doc ?sentence ?start ?end ?rule WHERE {
  ?e a kg:Evidence ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
     prov:wasDerivedFrom ?doc ; kg:sentence ?sentence ;
     kg:charStart ?start ; kg:charEnd ?end ; kg:rule ?rule .
}"""

DOCUMENTS = {d.id: d for d in (HIRING, BUDGET)}


class EvidenceRow(NamedTuple):
    doc_id: str
    sentence: str
    start: int
    end: int
    rule: str


def evidence_rows(g: Graph, **bindings: Identifier) -> list[EvidenceRow]:
    """The evidence of the facts that match `bindings` (s, p, o), as SPARQL finds it."""
    result = g.query(EVIDENCE, initNs={"kg": KG, "prov": PROV}, initBindings=bindings)
    return [
        EvidenceRow(
            str(row.doc).removeprefix(str(DOC)),
            str(row.sentence),
            int(str(row.start)),
            int(str(row.end)),
            str(row.rule),
        )
        for row in result
        if isinstance(row, ResultRow)
    ]


@pytest.mark.parametrize(
    ("s", "p", "o", "doc_id", "rule"),
    [
        (ID["person/lars-ake-brattlund"], KG.worksFor, ID[FK], "fk-torsby", "role"),
        (
            ID["person/lars-ake-brattlund"],
            KG.jobTitle,
            Literal("personaldirektör"),
            "fk-torsby",
            "role",
        ),
        (ID[TORSBY_OFFICE], KG.locatedIn, ID[TORSBY], "fk-torsby", "office"),
        (ID[FK], KG.decided, ID["decision/fk-torsby-1"], "fk-torsby", "decision"),
        (ID[FK], KG.numberOfEmployees, Literal(14000), "fk-budget", "employees"),
        (ID["decision/fk-budget-1"], KG.requestedFrom, ID[GOVERNMENT], "fk-budget", "decision"),
        (ID["person/dan-eliasson"], KG.said, ID["quote/fk-budget-1"], "fk-budget", "quote"),
    ],
)
def test_a_fact_leads_to_its_document_sentence_offsets_and_rule(
    dataset: Dataset, s: URIRef, p: URIRef, o: URIRef | Literal, doc_id: str, rule: str
) -> None:
    [row] = evidence_rows(merged(dataset), s=s, p=p, o=o)
    assert (row.doc_id, row.rule) == (doc_id, rule)
    assert DOCUMENTS[doc_id].text[row.start : row.end] == row.sentence
    assert (s, p, o) in dataset.graph(DOC[doc_id])


def test_every_evidence_slices_its_document_back_to_its_sentence(dataset: Dataset) -> None:
    rows = evidence_rows(merged(dataset))
    for row in rows:
        assert DOCUMENTS[row.doc_id].text[row.start : row.end] == row.sentence
    assert len(rows) == 12  # 4 + 4 facts, 2 decisions, 1 request, 1 quote


# --- literals, labels and links -----------------------------------------------------


def test_numbers_carry_the_datatypes_of_the_ontology(dataset: Dataset) -> None:
    g = merged(dataset)
    amount = g.value(ID["decision/fk-torsby-1"], KG.amountSEK)
    headcount = g.value(ID["decision/fk-torsby-1"], KG.headcount)
    employees = g.value(ID[FK], KG.numberOfEmployees)
    assert isinstance(amount, Literal) and amount.datatype == XSD.decimal
    assert amount.toPython() == Decimal(120_000_000)
    assert isinstance(headcount, Literal) and headcount.datatype == XSD.integer
    assert headcount.toPython() == 300
    assert isinstance(employees, Literal) and employees.datatype == XSD.integer
    assert employees.toPython() == 14000
    offsets = [*g.objects(None, KG.charStart), *g.objects(None, KG.charEnd)]
    assert offsets and {o.datatype for o in offsets if isinstance(o, Literal)} == {XSD.integer}


def test_an_amount_survives_a_turtle_round_trip(dataset: Dataset) -> None:
    g = merged(dataset)
    again = Graph().parse(data=g.serialize(format="turtle"), format="turtle")
    assert isomorphic(g, again)


def test_every_entity_has_exactly_one_label(dataset: Dataset) -> None:
    g = merged(dataset)
    entities = {
        s
        for cls in ("Agency", "Organization", "Office", "Place", "Person")
        for s in g.subjects(RDF.type, KG[cls])
    }
    assert len(entities) == 6
    for entity in entities:
        assert len(list(g.objects(entity, RDFS.label))) == 1, entity


@pytest.mark.parametrize(
    ("key", "label", "alt_labels"),
    [
        (FK, "Försäkringskassan", {"Försäkringskassans", "FK"}),
        (TORSBY_OFFICE, "Försäkringskassan i Torsby", {"kontor i Torsby"}),
        ("person/dan-eliasson", "Dan Eliasson", {"Eliasson"}),
        ("person/lars-ake-brattlund", "Lars-Åke Brattlund", set()),
    ],
)
def test_alt_labels_are_the_other_forms_seen(
    dataset: Dataset, key: str, label: str, alt_labels: set[str]
) -> None:
    g = merged(dataset)
    assert g.value(ID[key], RDFS.label) == Literal(label)
    assert {str(o) for o in g.objects(ID[key], SKOS.altLabel)} == alt_labels


def test_a_gazetteer_entity_links_to_wikidata_and_others_do_not(dataset: Dataset) -> None:
    g = merged(dataset)
    assert set(g.objects(ID[FK], OWL.sameAs)) == {WD.Q3372219}
    assert set(g.subjects(OWL.sameAs, None)) == {ID[FK]}


def test_the_dataset_conforms_to_the_shapes(dataset: Dataset) -> None:
    report = validate(merged(dataset))
    assert report.conforms, "\n".join(report.messages)


def test_a_broken_dataset_does_not_conform(dataset: Dataset) -> None:
    # The shapes check above can fail: a second label breaks "exactly one rdfs:label".
    g = merged(dataset)
    g.add((ID[FK], RDFS.label, Literal("Kassan")))
    assert not validate(g).conforms


# --- role nodes ----------------------------------------------------------------------


def roles_dataset() -> Dataset:
    """The budget article with the role its first sentence gives Dan Eliasson, twice (two
    rules), and a former one with a day the text gave without a year."""
    item = budget_facts()
    eliasson, fk = item.mentions[0], item.mentions[1]
    first = item.facts[0].evidence
    roles = [
        Role(eliasson, fk, "headOf", "generaldirektör", "current", "2012", None, first),
        Role(eliasson, fk, "headOf", "generaldirektör", "current", None, "2026-12-31", first),
        Role(eliasson, fk, "worksFor", "överdirektör", "former", None, "--05-01", first),
    ]
    extracted = [item._replace(roles=roles)]
    return to_dataset(extracted, resolve(m for x in extracted for m in x.mentions))


def test_a_role_is_one_node_per_holder_organisation_relation_title_and_status() -> None:
    g = merged(roles_dataset())
    nodes = sorted(g.subjects(RDF.type, KG.Role))
    assert len(nodes) == 2
    head = next(n for n in nodes if (n, KG.roleProperty, KG.headOf) in g)
    assert g.value(head, KG.holder) == ID["person/dan-eliasson"]
    assert g.value(head, KG.roleIn) == ID[FK]
    assert g.value(head, KG.roleTitle) == Literal("generaldirektör")
    assert g.value(head, KG.status) == Literal("current")
    assert g.value(head, KG.startDate) == Literal("2012", datatype=XSD.gYear)
    assert g.value(head, KG.endDate) == Literal("2026-12-31", datatype=XSD.date)
    former = next(n for n in nodes if n != head)
    assert g.value(former, KG.status) == Literal("former")
    assert g.value(former, KG.endDate) is None  # "--05-01": no year to type it with


def test_a_roles_holder_carries_the_sentence_as_evidence_and_the_graph_conforms() -> None:
    g = merged(roles_dataset())
    sentences = {
        str(g.value(e, KG.sentence))
        for e in g.subjects(RDF.predicate, KG.holder)
        if (e, RDF.type, KG.Evidence) in g
    }
    assert sentences == {"Generaldirektören Dan Eliasson leder FK, som har 14000 anställda."}
    report = validate(g)
    assert report.conforms, report
