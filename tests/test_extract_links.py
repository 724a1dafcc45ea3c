"""Facts between organisations and about them (graph.extract.links)."""

from __future__ import annotations

from extract_docs import build, read_back, triples, written
from parses import LEADS_PROJECT, LOCAL_OFFICE_STAFF, RESEARCHERS_AT_UNIVERSITY

from graph.extract import extract
from graph.records import Fact

INSTITUTE_AT_UNIVERSITY = """
0 Stressforskningsinstitutet PROPN _       5 nsubj     B-Organization=org/stressforskningsinstitutet
1 vid                        ADP   _       2 case
2 Stockholms                 PROPN _       0 nmod      B-Organization=org/stockholms-universitet
3 universitet                NOUN  _       2 flat:name I-Organization=org/stockholms-universitet
4 har                        AUX   ha      5 aux
5 studerat                   VERB  studera 5 ROOT
6 sjukskrivningar            NOUN  sjukskrivning 5 obj
7 .                          PUNCT _       5 punct
"""
# An unknown centre, tagged ORG by the statistical NER.
CENTRE_AT_UNIVERSITY = """
0 Centrum         PROPN _      6 nsubj     B-ORG
1 för             ADP   _      2 case      I-ORG
2 välfärdsstudier NOUN  _      0 nmod      I-ORG
3 vid             ADP   _      4 case
4 Lunds           PROPN _      0 nmod      B-Organization=org/lunds-universitet
5 universitet     NOUN  _      4 flat:name I-Organization=org/lunds-universitet
6 växer           VERB  växa   6 ROOT
7 .               PUNCT _      6 punct
"""
# A union "på" an agency is not a unit of it.
UNION_AT_AGENCY = """
0 Unionen      PROPN _          3 nsubj B-Organization=org/unionen
1 på           ADP   _          2 case
2 Skatteverket PROPN _          0 nmod  B-Agency=agency/skatteverket
3 kritiserar   VERB  kritisera  3 ROOT
4 ledningen    NOUN  ledning    3 obj
5 .            PUNCT _          3 punct
"""
AGENCIES_COLLABORATE = """
0 Migrationsverket PROPN _         1 nsubj B-Agency=agency/migrationsverket
1 samarbetar       VERB  samarbeta 1 ROOT
2 med              ADP   _         3 case
3 Polismyndigheten PROPN _         1 obl   B-Agency=agency/polismyndigheten
4 och              CCONJ _         5 cc
5 Kriminalvården   PROPN _         3 conj  B-Agency=agency/kriminalvarden
6 .                PUNCT _         1 punct
"""
AGENCY_STARTS_COLLABORATION = """
0 Skatteverket PROPN _         1 nsubj B-Agency=agency/skatteverket
1 inleder      VERB  inleda    1 ROOT
2 ett          DET   en        3 det
3 samarbete    NOUN  _         1 obj
4 med          ADP   _         5 case
5 Trafikverket PROPN _         3 nmod  B-Agency=agency/trafikverket
6 .            PUNCT _         1 punct
"""
THEY_WORKED_WITH_AGENCY = """
0 De                 PRON  de     2 nsubj
1 har                AUX   ha     2 aux
2 arbetat            VERB  arbeta 2 ROOT
3 med                ADP   _      4 case
4 Arbetsförmedlingen PROPN _      2 obl   B-Agency=agency/arbetsformedlingen
5 .                  PUNCT _      2 punct
"""
POLICE_STAFF = """
0 Polismyndigheten PROPN _        1 nsubj B-Agency=agency/polismyndigheten
1 har              VERB  ha       1 ROOT
2 drygt            ADV   _        3 advmod
3 34               NUM   _        5 nummod
4 000              NUM   _        3 flat
5 anställda        NOUN  anställd 1 obj
6 .                PUNCT _        1 punct
"""
AGENCY_HELPED_PEOPLE = """
0 Försäkringskassan PROPN _      2 nsubj B-Agency=agency/forsakringskassan
1 har               AUX   ha     2 aux
2 hjälpt            VERB  hjälpa 2 ROOT
3 300               NUM   _      4 nummod
4 personer          NOUN  person 2 obj
5 .                 PUNCT _      2 punct
"""
# "de anställda" counts nobody: no number.
THE_EMPLOYEES_PROTEST = """
0 Skatteverkets PROPN Skatteverket 1 nmod:poss B-Agency=agency/skatteverket
1 anställda     NOUN  anställd     2 nsubj
2 protesterar   VERB  protestera   2 ROOT
3 .             PUNCT _            2 punct
"""
CO_LEADER = """
0 Tillsammans ADV   tillsammans 7 advmod
1 med         ADP   _           2 case
2 kollegan    NOUN  kollega     7 obl
3 Per         PROPN _           2 appos     B-PER
4 Holm        PROPN _           3 flat:name I-PER
5 har         AUX   ha          7 aux
6 hon         PRON  _           7 nsubj
7 lett        VERB  leda        7 ROOT
8 projektet   NOUN  projekt     7 obj
9 .           PUNCT _           7 punct
"""
AGENCY_TAKES_PART = """
0 Skatteverket PROPN _        1 nsubj B-Agency=agency/skatteverket
1 medverkar    VERB  medverka 1 ROOT
2 i            ADP   _        3 case
3 projektet    NOUN  projekt  1 obl
4 .            PUNCT _        1 punct
"""


def link_facts(*sentences: str, predicate: str) -> list[Fact]:
    """The facts of one predicate that the whole extraction finds."""
    return [f for f in extract(build(*sentences), "doc-1").facts if f.predicate == predicate]


def test_institute_at_its_university_is_part_of_it() -> None:
    doc = build(INSTITUTE_AT_UNIVERSITY)
    facts = [f for f in extract(doc, "doc-1").facts if f.predicate == "partOf"]
    assert triples(facts) == {("Stressforskningsinstitutet", "partOf", "Stockholms universitet")}
    assert facts[0].evidence.rule == "link:unit-vid-org"
    assert read_back(doc, facts[0].evidence)


def test_unknown_centre_at_a_university_is_part_of_it() -> None:
    facts = link_facts(CENTRE_AT_UNIVERSITY, predicate="partOf")
    assert triples(facts) == {("Centrum för välfärdsstudier", "partOf", "Lunds universitet")}


def test_union_at_an_agency_is_not_part_of_it() -> None:
    assert link_facts(UNION_AT_AGENCY, predicate="partOf") == []


def test_collaboration_verb_links_the_subject_with_every_partner() -> None:
    facts = link_facts(AGENCIES_COLLABORATE, predicate="collaboratesWith")
    assert triples(facts) == {
        ("Migrationsverket", "collaboratesWith", "Polismyndigheten"),
        ("Migrationsverket", "collaboratesWith", "Kriminalvården"),
    }
    assert {f.evidence.rule for f in facts} == {"link:collaboration"}


def test_collaboration_noun_takes_the_subject_of_its_verb() -> None:
    facts = link_facts(AGENCY_STARTS_COLLABORATION, predicate="collaboratesWith")
    assert triples(facts) == {("Skatteverket", "collaboratesWith", "Trafikverket")}


def test_people_collaborating_stand_for_their_organisation() -> None:
    facts = link_facts(
        RESEARCHERS_AT_UNIVERSITY, THEY_WORKED_WITH_AGENCY, predicate="collaboratesWith"
    )
    assert triples(facts) == {("Uppsala universitet", "collaboratesWith", "Arbetsförmedlingen")}


def test_staff_count_after_having() -> None:
    doc = build(POLICE_STAFF)
    facts = [f for f in extract(doc, "doc-1").facts if f.predicate == "numberOfEmployees"]
    assert triples(facts) == {("Polismyndigheten", "numberOfEmployees", 34000)}
    assert facts[0].evidence.rule == "link:employees"
    assert facts[0].evidence.sentence == "Polismyndigheten har drygt 34 000 anställda."


def test_staff_count_of_an_office() -> None:
    facts = link_facts(POLICE_STAFF, LOCAL_OFFICE_STAFF, predicate="numberOfEmployees")
    assert triples(facts) == {
        ("Polismyndigheten", "numberOfEmployees", 34000),
        ("Luleås lokala kontor", "numberOfEmployees", 45),
    }


def test_people_helped_or_employees_without_a_number_are_no_staff_count() -> None:
    assert (
        link_facts(AGENCY_HELPED_PEOPLE, THE_EMPLOYEES_PROTEST, predicate="numberOfEmployees") == []
    )


def test_person_leading_a_named_project() -> None:
    facts = link_facts(LEADS_PROJECT, predicate="leads")
    assert triples(facts) == {("Anna Lindqvist", "leads", "Digitala vägar")}
    assert facts[0].evidence.rule == "link:project"


def test_co_leader_and_a_pronoun_lead_the_project_too() -> None:
    doc = build(LEADS_PROJECT, CO_LEADER)
    facts = [f for f in extract(doc, "doc-1").facts if f.predicate == "leads"]
    first, second = (s.start_char for s in doc.sents)
    assert {(f.subject.text, written(f.object), f.evidence.start) for f in facts} == {
        ("Anna Lindqvist", "Digitala vägar", first),
        ("Anna Lindqvist", "Digitala vägar", second),  # "hon"
        ("Per Holm", "Digitala vägar", second),
    }


def test_agency_taking_part_in_the_documents_project() -> None:
    facts = link_facts(LEADS_PROJECT, AGENCY_TAKES_PART, predicate="participatesIn")
    assert triples(facts) == {("Skatteverket", "participatesIn", "Digitala vägar")}


STAFF_COUNT_OF_AN_OFFICE_LATER = """
0  Skatteverket PROPN _       3  nsubj B-Agency=agency/skatteverket
1  i            ADP   _       2  case
2  Umeå         PROPN _       0  nmod  B-Place=place/umea
3  växer        VERB  växa    3  ROOT
4  och          CCONJ _       11 cc
5  antalet      NOUN  antal   11 nsubj
6  anställda    NOUN  anställd 5 nmod
7  är           AUX   vara    11 cop
8  nu           ADV   _       11 advmod
9  uppe         ADV   _       11 advmod
10 i            ADP   _       11 case
11 120          NUM   _       3  conj
12 personer     NOUN  person  11 nmod
13 .            PUNCT _       3  punct
"""


def test_number_of_employees_reaching_a_count_of_people() -> None:
    facts = link_facts(STAFF_COUNT_OF_AN_OFFICE_LATER, predicate="numberOfEmployees")
    assert triples(facts) == {("Skatteverket i Umeå", "numberOfEmployees", 120)}
    assert facts[0].subject.key == "office/agency/skatteverket@place/umea"
