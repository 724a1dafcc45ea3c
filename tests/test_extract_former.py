"""Posts in a list, posts come from and posts left (graph.extract.former), with the status
graph.extract.tenure gives their roles."""

from __future__ import annotations

from extract_docs import build, triples

from graph.extract import run_stages
from graph.extract.context import DocContext
from graph.records import Fact, Role

PRESENT = "Mood=Ind|Tense=Pres|VerbForm=Fin"

# "Karin Berg har tidigare arbetat som chef på Tullverket, Skolverket och Kronofogden."
CHIEF_AT_THREE = """
0  Karin       PROPN _      4  nsubj     B-PER
1  Berg        PROPN _      0  flat:name I-PER
2  har         AUX   ha     4  aux
3  tidigare    ADV   _      4  advmod
4  arbetat     VERB  arbeta 4  ROOT
5  som         SCONJ _      6  mark
6  chef        NOUN  _      4  xcomp
7  på          ADP   _      8  case
8  Tullverket  PROPN _      6  nmod      B-Agency=agency/tullverket
9  ,           PUNCT _      10 punct
10 Skolverket  PROPN _      8  conj      B-Agency=agency/skolverket
11 och         CCONJ _      12 cc
12 Kronofogden PROPN _      8  conj      B-Agency=agency/kronofogdemyndigheten
13 .           PUNCT _      4  punct
"""
# "Karin Berg på Tullverket och Per Holm på Skolverket håller med."
TWO_PEOPLE_TWO_AGENCIES = """
0  Karin      PROPN _     9 nsubj     B-PER
1  Berg       PROPN _     0 flat:name I-PER
2  på         ADP   _     3 case
3  Tullverket PROPN _     0 nmod      B-Agency=agency/tullverket
4  och        CCONJ _     5 cc
5  Per        PROPN _     0 conj      B-PER
6  Holm       PROPN _     5 flat:name I-PER
7  på         ADP   _     8 case
8  Skolverket PROPN _     5 nmod      B-Agency=agency/skolverket
9  håller     VERB  hålla 9 ROOT
10 med        ADP   _     9 compound:prt
11 .          PUNCT _     9 punct
"""
# "Karin Berg kommer närmast från en tjänst som rättschef på Migrationsverket."
COMES_FROM_A_POST = """
0  Karin            PROPN _      2  nsubj     B-PER
1  Berg             PROPN _      0  flat:name I-PER
2  kommer           VERB  komma  2  ROOT
3  närmast          ADV   _      2  advmod
4  från             ADP   _      6  case
5  en               DET   _      6  det
6  tjänst           NOUN  tjänst 2  obl
7  som             SCONJ _      8  mark
8  rättschef        NOUN  _      6  acl
9  på               ADP   _      10 case
10 Migrationsverket PROPN _      8  nmod      B-Agency=agency/migrationsverket
11 .                PUNCT _      2  punct
"""
# "Karin Berg kommer från Lunds universitet." (where she works, not a post before)
COMES_FROM_A_UNIVERSITY = """
0 Karin       PROPN _     2 nsubj     B-PER
1 Berg        PROPN _     0 flat:name I-PER
2 kommer      VERB  komma 2 ROOT
3 från        ADP   _     4 case
4 Lunds       PROPN _     2 obl       B-Organization=org/lunds-universitet
5 universitet NOUN  _     4 flat:name I-Organization=org/lunds-universitet
6 .           PUNCT _     2 punct
"""
# "Per Holm lämnar posten som generaldirektör för Lantmäteriet vid årsskiftet."
LEAVES_THE_POST = """
0 Per             PROPN _     2 nsubj     B-PER
1 Holm            PROPN _     0 flat:name I-PER
2 lämnar          VERB  lämna 2 ROOT
3 posten          NOUN  post  2 obj
4 som             SCONJ _     5 mark
5 generaldirektör NOUN  _     3 acl
6 för             ADP   _     7 case
7 Lantmäteriet    PROPN _     5 nmod      B-Agency=agency/lantmateriet
8 vid             ADP   _     9 case
9 årsskiftet      NOUN  årsskifte 2 obl
10 .              PUNCT _     2 punct
"""
# "Per Holm lämnar ett förslag som Lantmäteriet ska pröva." (nothing left but a proposal)
LEAVES_A_PROPOSAL = """
0 Per          PROPN _      2 nsubj     B-PER
1 Holm         PROPN _      0 flat:name I-PER
2 lämnar       VERB  lämna  2 ROOT
3 ett          DET   _      4 det
4 förslag      NOUN  _      2 obj
5 som          PRON  _      8 obj
6 Lantmäteriet PROPN _      8 nsubj     B-Agency=agency/lantmateriet
7 ska          AUX   skola  8 aux
8 pröva        VERB  pröva  4 acl:relcl
9 .            PUNCT _      2 punct
"""


def run(
    table: str, *morph: tuple[int, str], date: str | None = None
) -> tuple[list[Fact], list[Role]]:
    doc = build(table)
    for i, features in morph:
        doc[i].set_morph(features)
    found = run_stages(DocContext(doc, "doc-1", date=date))
    return found.facts, found.roles


def test_each_organisation_of_a_list_gets_the_relation() -> None:
    facts, roles = run(CHIEF_AT_THREE, (2, PRESENT), (4, "VerbForm=Sup"))
    works = {o for s, p, o in triples(facts) if p == "worksFor"}
    assert works == {"Tullverket", "Skolverket", "Kronofogden"}
    assert {(r.organisation.text, r.status) for r in roles} == {
        ("Tullverket", "former"),
        ("Skolverket", "former"),
        ("Kronofogden", "former"),
    }


def test_a_list_is_only_organisations_side_by_side() -> None:
    facts, _ = run(TWO_PEOPLE_TWO_AGENCIES, (9, PRESENT))
    assert ("Karin Berg", "worksFor", "Skolverket") not in triples(facts)
    assert ("Per Holm", "worksFor", "Tullverket") not in triples(facts)


def test_a_post_come_from_is_held_before() -> None:
    facts, roles = run(COMES_FROM_A_POST, (2, PRESENT))
    assert {
        ("Karin Berg", "jobTitle", "rättschef"),
        ("Karin Berg", "worksFor", "Migrationsverket"),
    } <= triples(facts)
    assert {(r.organisation.text, r.title, r.status) for r in roles} == {
        ("Migrationsverket", "rättschef", "former")
    }


def test_coming_from_a_university_is_where_one_works() -> None:
    facts, roles = run(COMES_FROM_A_UNIVERSITY, (2, PRESENT))
    assert ("Karin Berg", "worksFor", "Lunds universitet") in triples(facts)
    assert [r.status for r in roles] == ["current"]


def test_a_post_left_at_a_time_to_come_is_current_until_then() -> None:
    facts, roles = run(LEAVES_THE_POST, (2, PRESENT), date="2026-03-05")
    assert {
        ("Per Holm", "jobTitle", "generaldirektör"),
        ("Per Holm", "headOf", "Lantmäteriet"),
    } <= triples(facts)
    assert [(r.status, r.end) for r in roles] == [("current", "2026-12-31")]


def test_leaving_a_proposal_is_no_post() -> None:
    facts, roles = run(LEAVES_A_PROPOSAL, (2, PRESENT), (7, PRESENT))
    assert not any(p in ("headOf", "worksFor", "jobTitle") for _, p, _ in triples(facts))
    assert roles == []


# "Per Holm, tidigare generaldirektör för Sjöfartsverket, blir rektor."
FORMER_IN_APPOSITION = """
0  Per             PROPN _   8 nsubj     B-PER
1  Holm            PROPN _   0 flat:name I-PER
2  ,               PUNCT _   4 punct
3  tidigare        ADJ   _   4 amod
4  generaldirektör NOUN  _   0 appos
5  för             ADP   _   6 case
6  Sjöfartsverket  PROPN _   4 nmod      B-Agency=agency/sjofartsverket
7  ,               PUNCT _   4 punct
8  blir            VERB  bli 8 ROOT
9  rektor          NOUN  _   8 xcomp
10 .               PUNCT _   8 punct
"""


def test_a_former_title_in_apposition_gives_the_plain_title_and_a_former_head() -> None:
    facts, roles = run(FORMER_IN_APPOSITION, (8, PRESENT))
    assert {
        ("Per Holm", "jobTitle", "generaldirektör"),
        ("Per Holm", "headOf", "Sjöfartsverket"),
    } <= triples(facts)
    assert ("Per Holm", "jobTitle", "tidigare generaldirektör") not in triples(facts)
    assert {(r.organisation.text, r.status) for r in roles} == {("Sjöfartsverket", "former")}


# "Regeringen petade Per Holm från jobbet som generaldirektör för Lantmäteriet."
DISMISSED = """
0 Regeringen      PROPN _    1 nsubj     B-Organization=org/regeringen
1 petade          ADJ   peta 1 ROOT
2 Per             PROPN _    1 obj       B-PER
3 Holm            PROPN _    2 flat:name I-PER
4 från            ADP   _    5 case
5 jobbet          NOUN  jobb 1 obl
6 som             SCONJ _    7 mark
7 generaldirektör NOUN  _    5 acl
8 för             ADP   _    9 case
9 Lantmäteriet    PROPN _    7 nmod      B-Agency=agency/lantmateriet
10 .              PUNCT _    1 punct
"""
# "Den petade generaldirektören Per Holm talade." (a participle before a title)
THE_DISMISSED_SPOKE = """
0 Den               DET   _               3 det
1 petade            ADJ   peta            2 amod
2 generaldirektören NOUN  generaldirektör 5 nsubj
3 Per               PROPN _               2 appos     B-PER
4 Holm              PROPN _               3 flat:name I-PER
5 talade            VERB  tala            5 ROOT
6 .                 PUNCT _               5 punct
"""


def test_a_dismissal_from_a_post_with_the_dismisser_as_subject() -> None:
    facts, roles = run(DISMISSED)
    assert {
        ("Per Holm", "jobTitle", "generaldirektör"),
        ("Per Holm", "headOf", "Lantmäteriet"),
    } <= triples(facts)
    assert {(r.organisation.text, r.status) for r in roles} == {("Lantmäteriet", "former")}


def test_a_participle_of_dismissing_before_a_title_is_no_post_left() -> None:
    facts, _ = run(THE_DISMISSED_SPOKE, (5, "Mood=Ind|Tense=Past|VerbForm=Fin"))
    assert not any(f.evidence.rule.startswith("left:") for f in facts)
