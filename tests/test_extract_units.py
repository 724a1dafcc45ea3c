"""Named units (graph.extract.units): departments, staffs, regions inside an organisation."""

from __future__ import annotations

from extract_docs import build, named, triples

from graph.extract import extract, run_stages
from graph.extract.context import DocContext
from graph.records import Fact

HEAD_OF_ANALYSIS_DEPARTMENT = """
0  Anna         PROPN _       3  nsubj     B-PER
1  Berg         PROPN _       0  flat:name I-PER
2  är           AUX   vara    3  cop
3  chef         NOUN  _       3  ROOT
4  på           ADP   _       6  case
5  Skatteverkets PROPN _      6  nmod:poss B-Agency=agency/skatteverket
6  avdelning    NOUN  _       3  nmod
7  för          ADP   _       8  case
8  analys       NOUN  _       6  nmod
9  och          CCONJ _       10 cc
10 prognos      NOUN  _       8  conj
11 .            PUNCT _       3  punct
"""
HR_DEPARTMENT_GROWS = """
0 Skatteverkets PROPN _    1 nmod:poss B-Agency=agency/skatteverket
1 HR-avdelning  NOUN  _    2 nsubj
2 växer         VERB  växa 2 ROOT
3 .             PUNCT _    2 punct
"""
REGION_NORTH_HIRES = """
0 Migrationsverket PROPN _        3 nsubj B-Agency=agency/migrationsverket
1 region           NOUN  _        0 flat
2 Nord             PROPN _        1 flat
3 anställer        VERB  anställa 3 ROOT
4 .                PUNCT _        3 punct
"""
INSTITUTION_AT_UNIVERSITY = """
0  Hon          PRON  hon         1  nsubj
1  forskar      VERB  forska      1  ROOT
2  vid          ADP   _           3  case
3  institutionen NOUN institution 1  obl
4  för          ADP   _           5  case
5  medicin      NOUN  _           3  nmod
6  och          CCONJ _           7  cc
7  hälsa        NOUN  _           5  conj
8  vid          ADP   _           9  case
9  Linköpings   PROPN _           3  nmod  B-Organization=org/linkopings-universitet
10 universitet  NOUN  _           9  flat  I-Organization=org/linkopings-universitet
11 .            PUNCT _           1  punct
"""
PLAIN_DEPARTMENT_GROWS = """
0 Skatteverkets PROPN _    1 nmod:poss B-Agency=agency/skatteverket
1 avdelning     NOUN  _    2 nsubj
2 växer         VERB  växa 2 ROOT
3 .             PUNCT _    2 punct
"""
REGION_SKANE_HIRES = """
0 Polisen   PROPN _        4 nsubj B-Agency=agency/polismyndigheten
1 och       CCONJ _        2 cc
2 Region    NOUN  _        0 conj
3 Skåne     PROPN _        2 flat
4 anställer VERB  anställa 4 ROOT
5 .         PUNCT _        4 punct
"""
UNIT_IN_A_TOWN = """
0 Skatteverkets PROPN _    1 nmod:poss B-Agency=agency/skatteverket
1 enhet         NOUN  _    4 nsubj
2 i             ADP   _    3 case
3 Falun         PROPN _    1 nmod      B-Place=place/falun
4 växer         VERB  växa 4 ROOT
5 .             PUNCT _    4 punct
"""


def unit_facts(*sentences: str) -> list[Fact]:
    ctx = DocContext(build(*sentences), "doc-1")
    found = run_stages(ctx, until="units")
    return [f for f in found.facts if f.evidence.rule.startswith("unit:")]


def test_a_department_named_after_its_agencys_genitive_is_an_office_of_it() -> None:
    facts = unit_facts(HEAD_OF_ANALYSIS_DEPARTMENT)
    assert triples(facts) == {
        ("Skatteverkets avdelning för analys och prognos", "partOf", "Skatteverkets")
    }
    unit = facts[0].subject
    assert (unit.cls, unit.key) == (
        "Office",
        "unit/agency/skatteverket/avdelning-for-analys-och-prognos",
    )


def test_the_head_of_a_department_heads_the_department_not_the_agency() -> None:
    facts = extract(build(HEAD_OF_ANALYSIS_DEPARTMENT), "doc-1").facts
    heads = {(s, o) for s, p, o in triples(facts) if p == "headOf"}
    assert heads == {("Anna Berg", "Skatteverkets avdelning för analys och prognos")}


def test_a_compound_on_a_unit_head_is_a_unit() -> None:
    assert triples(unit_facts(HR_DEPARTMENT_GROWS)) == {
        ("Skatteverkets HR-avdelning", "partOf", "Skatteverkets")
    }


def test_a_region_with_a_name_after_its_agency_is_a_unit() -> None:
    facts = unit_facts(REGION_NORTH_HIRES)
    assert triples(facts) == {("Migrationsverket region Nord", "partOf", "Migrationsverket")}


def test_an_institution_at_a_university_is_an_organisation_inside_it() -> None:
    facts = unit_facts(INSTITUTION_AT_UNIVERSITY)
    assert triples(facts) == {
        ("institutionen för medicin och hälsa", "partOf", "Linköpings universitet")
    }
    assert facts[0].subject.cls == "Organization"


def test_a_unit_noun_without_a_name_an_own_name_or_a_place_is_no_unit() -> None:
    assert unit_facts(PLAIN_DEPARTMENT_GROWS) == []  # "Skatteverkets avdelning": which one?
    assert unit_facts(REGION_SKANE_HIRES) == []  # "Region Skåne" names itself
    # "Skatteverkets enhet i Falun" is an office, left to the office rules
    ctx = DocContext(build(UNIT_IN_A_TOWN), "doc-1")
    found = run_stages(ctx, until="units")
    assert {f.evidence.rule for f in found.facts} == {"office:noun-i-place"}
    assert named(ctx.mentions, "enhet i Falun").cls == "Office"
