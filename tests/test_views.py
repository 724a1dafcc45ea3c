"""graph.views on a small hand-built graph: what is drawn, focus and filters, reduction,
and a page that is offline and escapes every label."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef

from graph.views import ViewData, ViewError, to_html, view_data, write_view
from graph.views.records import Source
from graph.views.text import marked, wrapped
from graph.vocab import DOC, ID, KG

FIXTURE = Path(__file__).parent / "fixtures" / "views" / "small.ttl"
SCRIPT = "<script>alert(1)</script>"
#: A tag that would make the browser fetch something: <script src=http…>, <link href=https…>.
REMOTE_LOAD = re.compile(
    r"<(script|link|img|iframe|source)\b[^>]*\b(src|href)\s*=\s*[\"']?https?:", re.IGNORECASE
)


@pytest.fixture(scope="module")
def g() -> Graph:
    return Graph().parse(FIXTURE)


def labels(data: ViewData) -> set[str]:
    return {n.label for n in data.nodes}


def triples(data: ViewData) -> set[tuple[str, str, str]]:
    name = {n.id: n.label for n in data.nodes}
    return {(name[e.source], e.label, name[e.target]) for e in data.edges}


def test_entities_decisions_and_quotes_are_nodes_with_their_class(g: Graph) -> None:
    classes = {n.label: n.cls for n in view_data(g).nodes}
    assert classes == {
        "Försäkringskassan": "Agency",
        "Skatteverket": "Agency",
        "Försäkringskassan i Torsby": "Office",
        "Torsby": "Place",
        "Karlstads universitet": "Organization",
        "Centrum för tjänsteforskning": "Organization",
        "regeringen": "Organization",
        f"Föreningen {SCRIPT}": "Organization",
        "Lars-Åke Brattlund": "Person",
        "Johan Quist": "Person",
        "Tillitslabbet": "Project",
        "anställer 300 · 120 mkr": "Decision",
        "”Vi tidigarelägger investeringar och …”": "Quote",
    }


def test_quotes_wait_hidden_unless_asked_for(g: Graph) -> None:
    hidden = {n.label for n in view_data(g).nodes if not n.shown}
    assert hidden == {"”Vi tidigarelägger investeringar och …”"}
    asked = view_data(g, classes=["Quote", "Person"])
    assert {(n.cls, n.shown) for n in asked.nodes} == {("Quote", True), ("Person", True)}


def test_a_hidden_quote_neither_sizes_its_speaker_nor_takes_a_place(g: Graph) -> None:
    nodes = {n.id: n for n in view_data(g).nodes}
    assert nodes[str(ID["Lars-Ake_Brattlund"])].degree == 1  # worksFor; the quote waits
    shown = {n.id: n for n in view_data(g, classes=["Quote", "Person", "Agency"]).nodes}
    assert shown[str(ID["Lars-Ake_Brattlund"])].degree == 2
    assert shown[str(ID["Lars-Ake_Brattlund"])].size > nodes[str(ID["Lars-Ake_Brattlund"])].size
    kept = {n.cls for n in view_data(g, max_nodes=12).nodes}
    assert "Quote" not in kept and len(kept) > 1


def test_documents_and_evidence_are_not_drawn(g: Graph) -> None:
    ids = {n.id for n in view_data(g).nodes}
    assert not any("/doc/" in i for i in ids)
    assert all(i.startswith(str(ID)) for i in ids)


def test_edges_carry_swedish_property_labels(g: Graph) -> None:
    facts = triples(view_data(g))
    assert ("Lars-Åke Brattlund", "arbetar för", "Försäkringskassan") in facts
    assert ("Försäkringskassan i Torsby", "ligger i", "Torsby") in facts
    assert ("Johan Quist", "leder", "Tillitslabbet") in facts
    assert ("anställer 300 · 120 mkr", "begärt från", "regeringen") in facts
    assert len(facts) == 12


def test_a_symmetric_relation_written_both_ways_is_one_undirected_edge(g: Graph) -> None:
    collaborations = [e for e in view_data(g).edges if e.label == "samarbetar med"]
    pairs = [frozenset((e.source, e.target)) for e in collaborations]
    assert len(pairs) == len(set(pairs)) == 2
    assert all(e.symmetric for e in collaborations)
    scripted = next(e for e in collaborations if e.source == str(ID.Skriptforeningen))
    assert f"„Föreningen {SCRIPT} samarbetar med Skatteverket.”" in scripted.title


def test_fallback_verbs_are_drawn_only_on_request(g: Graph) -> None:
    assert not any(e.verb for e in view_data(g).edges)
    verbs = [e for e in view_data(g, include_verbs=True).edges if e.verb]
    assert [(e.label, e.target) for e in verbs] == [("kritisera", str(ID.Skriptforeningen))]


def test_an_edge_tooltip_quotes_each_evidence_sentence_with_its_document(g: Graph) -> None:
    edge = next(
        e
        for e in view_data(g).edges
        if e.label == "arbetar för" and e.source == str(ID["Lars-Ake_Brattlund"])
    )
    assert edge.title.splitlines()[0] == "Lars-Åke Brattlund arbetar för Försäkringskassan"
    assert "Det säger personaldirektören på Försäkringskassan, Lars-Åke Brattlund." in edge.title
    assert "lånar pengar från nästkommande budget" in edge.title
    assert edge.title.count("— 300 nyanställda ska rädda Försäkringskassan") == 2
    first = edge.evidence[0]
    assert [first.sentence[s:e] for s, e in first.marks] == [
        "Försäkringskassan",
        "Lars-Åke Brattlund",
    ]
    assert first.source == Source(
        "300 nyanställda ska rädda Försäkringskassan", "https://example.se/fk-300"
    )


def test_a_node_panel_has_class_alt_labels_titles_figures_and_documents(g: Graph) -> None:
    nodes = {n.id: n for n in view_data(g).nodes}
    agency = nodes[str(ID.Forsakringskassan)].title.splitlines()
    assert agency[:3] == [
        "Försäkringskassan",
        "Statlig myndighet",
        "Även: Försäkringskassans, kassan",
    ]
    assert "Antal anställda: 14\u00a0000" in agency
    assert nodes[str(ID.Forsakringskassan)].sources == (
        Source("300 nyanställda ska rädda Försäkringskassan", "https://example.se/fk-300"),
        Source("Forskare: tilliten <script>alert(1)</script> avgör"),
    )
    assert "Titel: personaldirektör" in nodes[str(ID["Lars-Ake_Brattlund"])].title
    assert "Titel: docent, forskare" in nodes[str(ID.Johan_Quist)].title
    decision = nodes[str(ID.beslut_nyanstallning)]
    assert "Belopp i kronor: 120\u00a0000\u00a0000" in decision.title
    assert "Antal personer: 300" in decision.title


def test_a_decision_reads_as_its_kind_and_figures_with_the_sentence_in_its_tooltip(
    g: Graph,
) -> None:
    decision = next(n for n in view_data(g).nodes if n.cls == "Decision")
    assert decision.label == "anställer 300 · 120 mkr"
    assert decision.title.splitlines()[:4] == [
        "anställer 300 · 120 mkr",
        "Nyanställning av Försäkringskassan",
        "„Beslutet att nyanställa 300 personer till hösten togs i förra veckan och kommer att "
        "kosta 120 miljoner kronor.”",
        "    — 300 nyanställda ska rädda Försäkringskassan",
    ]
    assert "Tidpunkt: till hösten" in decision.title
    assert "Begärt från: regeringen" in decision.title


@pytest.mark.parametrize(
    ("kind", "figures", "label"),
    [
        ("budget request", {KG.amountSEK: 250_000_000}, "begär 250 mkr av regeringen"),
        ("budget request", {KG.amountSEK: 1_200_000_000}, "begär 1,2 mdkr av regeringen"),
        ("layoffs", {KG.headcount: 1500}, "varslar 1\u00a0500"),
        ("reorganisation", {KG.headcount: 4}, "omorganisation · 4 personer"),
        ("closure", {}, "nedläggning: lägga ner kontoret i Boden …"),
        ("an unheard-of kind", {}, "beslut: lägga ner kontoret i Boden …"),
    ],
)
def test_decision_labels_by_kind(
    g: Graph, kind: str, figures: dict[URIRef, int], label: str
) -> None:
    extended = Graph()
    extended += g
    decision = ID.beslut_nytt
    extended.add((decision, RDF.type, KG.Decision))
    extended.add((decision, RDFS.label, Literal("lägga ner kontoret i Boden och flytta det")))
    extended.add((decision, KG.decisionType, Literal(kind)))
    extended.add((decision, KG.requestedFrom, ID.regeringen))
    for prop, value in figures.items():
        extended.add((decision, prop, Literal(value)))
    node = next(n for n in view_data(extended).nodes if n.id == str(decision))
    assert node.label == label


def test_a_person_panel_lists_everything_they_said_with_the_document(g: Graph) -> None:
    extended = Graph()
    extended += g
    for i in range(4):
        quote = ID[f"citat_extra_{i}"]
        extended.add((quote, RDF.type, KG.Quote))
        extended.add((quote, KG.text, Literal(f"Citat nummer {i} " + "och mycket mer " * 12)))
        extended.add((quote, KG.mentionedIn, DOC["001_kau"]))
        extended.add((ID.Johan_Quist, KG.said, quote))
    nodes = {n.id: n for n in view_data(extended).nodes}
    brattlund = nodes[str(ID["Lars-Ake_Brattlund"])].title.splitlines()
    assert brattlund[brattlund.index("Citat (1):") + 1 :][:2] == [
        "  ”Vi tidigarelägger investeringar och omfördelar resurser för att kunna hantera det "
        "pressade arbetsläget.”",
        "      — 300 nyanställda ska rädda Försäkringskassan",
    ]
    quist = nodes[str(ID.Johan_Quist)].title.splitlines()
    said = quist[quist.index("Citat (4):") + 1 :]
    assert said[0] == "  ”Citat nummer 0 " + "och mycket mer " * 11 + "och mycket mer”"
    assert said[1] == "      — Forskare: tilliten <script>alert(1)</script> avgör"
    assert len(said) == 8


def test_a_quote_shows_its_opening_and_its_speaker(g: Graph) -> None:
    quote = next(n for n in view_data(g).nodes if n.cls == "Quote")
    assert quote.label == "”Vi tidigarelägger investeringar och …”"
    assert quote.title.splitlines()[:2] == [
        "Citat av Lars-Åke Brattlund",
        "”Vi tidigarelägger investeringar och omfördelar resurser för att kunna hantera det "
        "pressade arbetsläget.”",
    ]


def test_hubs_are_drawn_larger(g: Graph) -> None:
    nodes = {n.id: n for n in view_data(g).nodes}
    assert nodes[str(ID.Forsakringskassan)].degree == 5
    assert nodes[str(ID.Forsakringskassan)].size > nodes[str(ID.Torsby)].size


@pytest.mark.parametrize("name", ["Försäkringskassan", "försäkringskassans", " KASSAN "])
def test_focus_by_label_or_alt_label_in_any_case(g: Graph, name: str) -> None:
    data = view_data(g, focus=name)
    assert {n.label for n in data.nodes} == {
        "Försäkringskassan",
        "Lars-Åke Brattlund",
        "Försäkringskassan i Torsby",
        "anställer 300 · 120 mkr",
        "Tillitslabbet",
        "Skatteverket",
    }
    assert [n.label for n in data.nodes if n.focus] == ["Försäkringskassan"]


def test_focus_depth_counts_hops(g: Graph) -> None:
    assert labels(view_data(g, focus="Torsby", depth=0)) == {"Torsby"}
    assert labels(view_data(g, focus="Torsby", depth=1)) == {"Torsby", "Försäkringskassan i Torsby"}
    two = labels(view_data(g, focus="Torsby", depth=2))
    assert "Försäkringskassan" in two and "Skatteverket" not in two
    assert len(labels(view_data(g, focus="Torsby", depth=3))) == 7


def test_an_unknown_focus_names_close_matches(g: Graph) -> None:
    with pytest.raises(ViewError, match=r"'Försäkringskasan'.*close matches: Försäkringskassan"):
        view_data(g, focus="Försäkringskasan")
    with pytest.raises(ViewError, match="no close matches"):
        view_data(g, focus="Kustbevakningen")


def test_a_class_filter_keeps_those_classes_and_the_focus(g: Graph) -> None:
    assert labels(view_data(g, classes=["Person"])) == {"Lars-Åke Brattlund", "Johan Quist"}
    assert labels(view_data(g, classes=["statlig myndighet", "place"])) == {
        "Försäkringskassan",
        "Skatteverket",
        "Torsby",
    }
    focused = view_data(g, focus="Försäkringskassan", classes=["Person"])
    assert triples(focused) == {("Lars-Åke Brattlund", "arbetar för", "Försäkringskassan")}
    with pytest.raises(ViewError, match="unknown class 'Myndighet'"):
        view_data(g, classes=["Myndighet"])


def test_a_large_view_keeps_the_best_connected_nodes(g: Graph) -> None:
    full = {n.id: n.degree for n in view_data(g).nodes}
    small = view_data(g, max_nodes=4)
    assert len(small.nodes) == 4
    assert small.dropped == len(full) - 4
    kept = {n.id for n in small.nodes}
    assert str(ID.Forsakringskassan) in kept
    assert min(full[i] for i in kept) >= max(d for i, d in full.items() if i not in kept)
    assert all(e.source in kept and e.target in kept for e in small.edges)


def test_reduction_never_drops_the_focus(g: Graph) -> None:
    data = view_data(g, focus="Torsby", depth=3, max_nodes=1)
    assert labels(data) == {"Torsby"}
    assert data.dropped == 6


def test_the_default_limit_reduces_a_big_graph() -> None:
    big = Graph()
    agencies = [ID[f"myndighet_{i}"] for i in range(5)]
    for i, agency in enumerate(agencies):
        big.add((agency, RDF.type, KG.Agency))
        big.add((agency, RDFS.label, Literal(f"Myndighet {i}")))
    for i in range(400):
        person = ID[f"person_{i}"]
        big.add((person, RDF.type, KG.Person))
        big.add((person, RDFS.label, Literal(f"Person {i}")))
        big.add((person, KG.worksFor, agencies[i % 5]))
    data = view_data(big)
    assert (len(data.nodes), data.dropped) == (300, 105)
    assert {n.label for n in data.nodes if n.cls == "Agency"} == {
        f"Myndighet {i}" for i in range(5)
    }


def test_an_untyped_endpoint_is_drawn_as_other(g: Graph) -> None:
    extended = Graph()
    extended += g
    extended.add((ID.Torsby, KG.partOf, ID["V%C3%A4rmland"]))
    node = next(n for n in view_data(extended).nodes if n.id == str(ID["V%C3%A4rmland"]))
    assert (node.label, node.cls) == ("Värmland", "Other")


def test_the_page_is_offline_and_escapes_every_label(g: Graph) -> None:
    html = to_html(view_data(g, include_verbs=True), title="Vy <i>kursiv</i>")
    assert SCRIPT not in html
    assert "<b>fet</b>" not in html
    assert "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e" in html  # present, but as data
    assert "<title>Vy &lt;i&gt;kursiv&lt;/i&gt;</title>" in html
    assert REMOTE_LOAD.search(html) is None
    assert "<script src" not in html and "<link" not in html
    assert "vis.Network" in html and "forceAtlas2Based" in html


def test_the_page_has_a_legend_and_reports_what_was_left_out(g: Graph) -> None:
    html = to_html(view_data(g, max_nodes=4))
    assert 'data-class="Agency"' in html and "Statlig myndighet" in html
    assert 'data-class="Quote"' not in html  # no quote among the four kept
    assert "9 mindre förbundna noder utelämnade" in html


def page_items(html: str, name: str) -> list[dict[str, Any]]:
    """The node or edge list the page hands to vis-network (`name` is NODES or EDGES)."""
    found = re.search(rf"var {name} = (\[.*?\]);\n", html)
    assert found is not None
    items: list[dict[str, Any]] = json.loads(found.group(1))
    return items


def test_the_page_opens_with_quotes_switched_off(g: Graph) -> None:
    html = to_html(view_data(g))
    assert 'data-class="Quote" aria-pressed="false"' in html
    assert 'data-class="Person" aria-pressed="true"' in html
    assert "12 noder · 11 relationer" in html and "1 dolda tills du slår på deras klass" in html
    quote = next(n for n in page_items(html, "NODES") if n["group"] == "Quote")
    assert quote["hidden"] is True
    asked = to_html(view_data(g, classes=["Quote", "Person"]))
    assert 'data-class="Quote" aria-pressed="true"' in asked


def test_the_page_names_each_relation_in_a_legend(g: Graph) -> None:
    html = to_html(view_data(g))
    legend = re.findall(
        r"<li><button[^>]*relation-toggle.*?<span>(.*?)</span><span class=\"count\">(\d+)</span>",
        html,
    )
    assert legend[:3] == [("arbetar för", "2"), ("leder", "1"), ("deltar i", "1")]
    assert ("sade", "1") in legend and ("beslutade", "1") in legend


def test_obvious_edge_labels_wait_for_hover_except_around_a_focus(g: Graph) -> None:
    def quiet(html: str) -> set[str]:
        return {e["label"] for e in page_items(html, "EDGES") if e.get("quiet")}

    assert quiet(to_html(view_data(g))) == {"del av", "ligger i", "beslutade", "sade"}
    around = quiet(to_html(view_data(g, focus="Försäkringskassan i Torsby", depth=2)))
    assert around == {"beslutade"}  # partOf and locatedIn touch the focus; the decision does not


def test_the_focus_is_highlighted_and_isolated_entities_kept_out_of_the_layout(g: Graph) -> None:
    extended = Graph()
    extended += g
    extended.add((ID.Kustbevakningen, RDF.type, KG.Agency))
    extended.add((ID.Kustbevakningen, RDFS.label, Literal("Kustbevakningen")))
    nodes = {n["name"]: n for n in page_items(to_html(view_data(extended)), "NODES")}
    assert nodes["Kustbevakningen"]["isolated"] is True
    assert nodes["Kustbevakningen"]["physics"] is False
    assert nodes["Försäkringskassan"]["isolated"] is False
    assert "focus" not in nodes["Försäkringskassan"]
    assert nodes["Kustbevakningen"]["size"] < nodes["Torsby"]["size"]

    html = to_html(view_data(extended, focus="Torsby", depth=2))
    focused = {n["name"]: n for n in page_items(html, "NODES")}
    assert focused["Torsby"]["focus"] is True
    assert focused["Torsby"]["borderWidth"] > focused["Försäkringskassan i Torsby"].get(
        "borderWidth", 1.5
    )
    assert focused["Torsby"]["font"]["size"] > focused["Försäkringskassan i Torsby"]["font"]["size"]
    assert "Runt <strong>Torsby</strong>" in html
    # Laid out from rings: the focus held in the middle, each hop one ring further out.
    assert (focused["Torsby"]["x"], focused["Torsby"]["y"], focused["Torsby"]["fixed"]) == (
        0,
        0,
        True,
    )
    office, agency = focused["Försäkringskassan i Torsby"], focused["Försäkringskassan"]
    assert math.hypot(office["x"], office["y"]) < math.hypot(agency["x"], agency["y"])


def test_a_hub_keeps_its_neighbours_further_out_than_a_leaf_does(g: Graph) -> None:
    edges = {(e["from"], e["to"]): e for e in page_items(to_html(view_data(g)), "EDGES")}
    hub = edges[str(ID.Forsakringskassan_i_Torsby), str(ID.Forsakringskassan)]["length"]
    leaf = edges[str(ID.Forsakringskassan_i_Torsby), str(ID.Torsby)]["length"]
    decided = edges[str(ID.Forsakringskassan), str(ID.beslut_nyanstallning)]["length"]
    assert hub > leaf and decided < hub


def test_write_view_writes_the_page_and_returns_its_data(g: Graph, tmp_path: Path) -> None:
    path = tmp_path / "ut" / "graph.html"
    data = write_view(g, path, focus="Torsby", title="Torsby")
    assert data == view_data(g, focus="Torsby")
    assert path.read_text(encoding="utf-8") == to_html(data, title="Torsby")


ROLES = Path(__file__).parent / "fixtures" / "views" / "roles.ttl"


def test_a_post_only_former_roles_back_is_marked_former_and_roles_are_not_nodes() -> None:
    data = view_data(Graph().parse(ROLES))
    former = {(e.source, e.target) for e in data.edges if e.former}
    assert former == {
        (str(ID.Anna_Berg), str(ID.Kustbevakningen)),
        (str(ID.Erik_Sand), str(ID.Tullverket)),  # a role naming no relation stands for all
    }
    assert {n.cls for n in data.nodes} == {"Agency", "Person"}
    html = to_html(data)
    assert "Bara nuvarande roller" in html
    edges = {(e["from"], e["to"]): e for e in page_items(html, "EDGES")}
    assert edges[str(ID.Anna_Berg), str(ID.Kustbevakningen)]["label"] == "chef för (tidigare)"
    assert edges[str(ID.Anna_Berg), str(ID.Tullverket)]["former"] is False


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("Kronofogdemyndigheten", ["Kronofogdemyndigheten"]),
        ("Arbetsförmedlingen i Storuman", ["Arbetsförmedlingen", "i Storuman"]),
        (
            "Myndigheten för samhällsskydd och beredskap",
            ["Myndigheten för", "samhällsskydd och", "beredskap"],
        ),
        (
            "Socialförsäkrings-och-arbetsmarknadsenheten",
            ["Socialförsäkrings-", "och-", "arbetsmarknadsenheten"],
        ),
    ],
)
def test_labels_wrap_at_spaces_and_hyphens_never_inside_a_word(text: str, lines: list[str]) -> None:
    assert wrapped(text, 18).split("\n") == lines


def test_the_facts_words_are_marked_in_its_sentence() -> None:
    sentence = "Det säger Försäkringskassans chef Anna Berg, som är ny."
    spans = marked(sentence, ["Försäkringskassan", "Anna Berg", "Berg", "kassan"])
    assert [sentence[s:e] for s, e in spans] == ["Försäkringskassan", "Anna Berg"]
    assert marked("Inget här.", ["Tullverket"]) == ()
