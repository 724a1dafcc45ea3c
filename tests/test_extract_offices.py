"""Offices (graph.extract.offices): agency + place phrases become Office mentions."""

from __future__ import annotations

from extract_docs import build, named, read_back, triples
from parses import LOCAL_OFFICE_STAFF, OFFICES_CLOSE

from graph.extract import extract, run_stages
from graph.extract.context import DocContext
from graph.records import Fact

SERVICE_IN_TWO_TOWNS = """
0 Arbetsförmedlingen PROPN _        5 nsubj  B-Agency=agency/arbetsformedlingen
1 i                  ADP   _        2 case
2 Malmö              PROPN _        0 nmod   B-Place=place/malmo
3 och                CCONJ _        4 cc
4 Lund               PROPN _        2 conj   B-Place=place/lund
5 anställer          VERB  anställa 5 ROOT
6 40                 NUM   _        7 nummod
7 handläggare        NOUN  _        5 obj
8 .                  PUNCT _        5 punct
"""
AGENCY_CLOSES_OFFICES = """
0 Skatteverket PROPN _     1 nsubj        B-Agency=agency/skatteverket
1 lägger       VERB  lägga 1 ROOT
2 ner          ADP   _     1 compound:prt
3 kontoren     NOUN  kontor 1 obj
4 i            ADP   _     5 case
5 Kiruna       PROPN _     3 nmod         B-Place=place/kiruna
6 och          CCONJ _     7 cc
7 Gällivare    PROPN _     5 conj         B-Place=place/gallivare
8 .            PUNCT _     1 punct
"""
INSURANCE_AGENCY_GROWS = """
0 Försäkringskassan PROPN _    1 nsubj B-Agency=agency/forsakringskassan
1 växer             VERB  växa 1 ROOT
2 .                 PUNCT _    1 punct
"""
PLACE_COMPOUND_OFFICE = """
0 Umeåkontoret NOUN  umeåkontor 1 nsubj
1 får          VERB  få         1 ROOT
2 20           NUM   _          4 nummod
3 nya          ADJ   ny         4 amod
4 handläggare  NOUN  _          1 obj
5 .            PUNCT _          1 punct
"""
OPENING_IN_A_TOWN = """
0 Migrationsverket PROPN _          1 nsubj  B-Agency=agency/migrationsverket
1 invigde          VERB  inviga     1 ROOT
2 i                ADP   _          3 case
3 måndags          NOUN  måndag     1 obl
4 sin              PRON  _          6 nmod:poss
5 nya              ADJ   ny         6 amod
6 verksamhet       NOUN  _          1 obj
7 i                ADP   _          8 case
8 Visby            PROPN _          6 nmod   B-Place=place/visby
9 .                PUNCT _          1 punct
"""
OFFICES_IN_COUNTRIES = """
0 Försäkringskassan PROPN _       5 nsubj B-Agency=agency/forsakringskassan
1 i                 ADP   _       2 case
2 Sverige           PROPN _       0 nmod  B-Place=place/sverige
3 och               CCONJ _       4 cc
4 Finland           PROPN _       2 conj  B-Place=place/finland
5 samarbetar        VERB  samarbeta 5 ROOT
6 .                 PUNCT _       5 punct
"""
OFFICES_IN_A_COUNTRY = """
0 Kontoren  NOUN  kontor  3 nsubj
1 i         ADP   _       2 case
2 Sverige   PROPN _       0 nmod  B-Place=place/sverige
3 växer     VERB  växa    3 ROOT
4 .         PUNCT _       3 punct
"""


def office_facts(*sentences: str) -> list[Fact]:
    ctx = DocContext(build(*sentences), "doc-1")
    return run_stages(ctx, until="offices").facts


def test_agency_in_listed_places_is_one_office_per_place() -> None:
    doc = build(SERVICE_IN_TWO_TOWNS)
    result = extract(doc, "doc-1")
    malmo = named(result.mentions, "Arbetsförmedlingen i Malmö")
    assert (malmo.cls, malmo.key) == ("Office", "office/agency/arbetsformedlingen@place/malmo")
    assert doc.text[malmo.start : malmo.end] == "Arbetsförmedlingen i Malmö"
    # the second office has no name of its own: it stands where its place is written
    lund = next(
        m for m in result.mentions if m.key == "office/agency/arbetsformedlingen@place/lund"
    )
    assert (lund.text, doc.text[lund.start : lund.end]) == ("", "Lund")
    facts = [f for f in result.facts if f.subject.cls == "Office"]
    assert triples(facts) == {
        ("Arbetsförmedlingen i Malmö", "partOf", "Arbetsförmedlingen"),
        ("Arbetsförmedlingen i Malmö", "locatedIn", "Malmö"),
        ("", "partOf", "Arbetsförmedlingen"),
        ("", "locatedIn", "Lund"),
    }
    assert {f.evidence.rule for f in facts} == {"office:agency-i-place"}
    assert all(read_back(doc, f.evidence) for f in facts)


def test_office_noun_with_places_belongs_to_the_agency_of_its_sentence() -> None:
    facts = office_facts(AGENCY_CLOSES_OFFICES)
    assert triples(facts) == {
        ("kontoren i Kiruna", "partOf", "Skatteverket"),
        ("kontoren i Kiruna", "locatedIn", "Kiruna"),
        ("", "partOf", "Skatteverket"),
        ("", "locatedIn", "Gällivare"),
    }
    assert {f.subject.key for f in facts} == {
        "office/agency/skatteverket@place/kiruna",
        "office/agency/skatteverket@place/gallivare",
    }
    assert {f.evidence.rule for f in facts} == {"office:noun-i-place"}


def test_office_noun_without_an_agency_belongs_to_the_documents_agency() -> None:
    facts = office_facts(INSURANCE_AGENCY_GROWS, OFFICES_CLOSE)
    assert {f.subject.key for f in facts} == {
        "office/agency/forsakringskassan@place/kiruna",
        "office/agency/forsakringskassan@place/gallivare",
    }


def test_office_nouns_in_a_text_without_an_agency_are_no_offices() -> None:
    # No agency anywhere in the document: nobody's offices.
    assert office_facts(OFFICES_CLOSE) == []


def test_place_glued_to_the_office_noun() -> None:
    facts = office_facts(INSURANCE_AGENCY_GROWS, PLACE_COMPOUND_OFFICE)
    assert triples(facts) == {
        ("Umeåkontoret", "partOf", "Försäkringskassan"),
        ("Umeåkontoret", "locatedIn", "Umeå"),
    }
    assert facts[0].subject.key == "office/agency/forsakringskassan@place/umea"
    assert facts[0].evidence.rule == "office:place-compound"


def test_place_in_the_genitive_before_the_office_noun() -> None:
    facts = office_facts(INSURANCE_AGENCY_GROWS, LOCAL_OFFICE_STAFF)
    assert triples(facts) == {
        ("Luleås lokala kontor", "partOf", "Försäkringskassan"),
        ("Luleås lokala kontor", "locatedIn", "Luleås"),
    }
    assert facts[0].evidence.rule == "office:place-genitive"


def test_an_agency_opening_something_in_a_town_has_an_office_there() -> None:
    doc = build(OPENING_IN_A_TOWN)
    ctx = DocContext(doc, "doc-1")
    facts = run_stages(ctx, until="offices").facts
    assert triples(facts) == {("", "partOf", "Migrationsverket"), ("", "locatedIn", "Visby")}
    office = facts[0].subject
    assert office.key == "office/agency/migrationsverket@place/visby"
    assert doc.text[office.start : office.end] == "invigde i måndags sin nya verksamhet i Visby"
    assert facts[0].evidence.rule == "office:opening"


def test_a_country_is_not_an_office_place() -> None:
    assert office_facts(OFFICES_IN_COUNTRIES, OFFICES_IN_A_COUNTRY) == []


UNITS_LISTED_ONE_BY_ONE = """
0  Skatteverket PROPN _     1  nsubj  B-Agency=agency/skatteverket
1  har          VERB  ha    1  ROOT
2  tre          NUM   _     3  nummod
3  enheter      NOUN  enhet 1  obj
4  ,            PUNCT _     6  punct
5  en           PRON  _     6  nsubj
6  i            ADP   _     7  case
7  Umeå         PROPN _     3  nmod   B-Place=place/umea
8  ,            PUNCT _     10 punct
9  en           PRON  _     10 nsubj
10 i            ADP   _     11 case
11 Luleå        PROPN _     7  conj   B-Place=place/lulea
12 och          CCONJ _     15 cc
13 en           PRON  _     15 nsubj
14 i            ADP   _     15 case
15 Kiruna       PROPN _     7  conj   B-Place=place/kiruna
16 .            PUNCT _     1  punct
"""
NATIONAL_CENTRE = """
0 Försäkringskassan PROPN _         1 nsubj B-Agency=agency/forsakringskassan
1 samlar            VERB  samla     1 ROOT
2 ärendena          NOUN  ärende    1 obj
3 på                ADP   _         5 case
4 nationella        ADJ   nationell 5 amod
5 servicecentret    NOUN  _         1 obl
6 i                 ADP   _         7 case
7 Gävle             PROPN _         5 nmod  B-Place=place/gavle
8 .                 PUNCT _         1 punct
"""


def test_units_listed_one_by_one_are_one_office_per_place() -> None:
    facts = office_facts(UNITS_LISTED_ONE_BY_ONE)
    located = {f.subject.key for f in facts if f.predicate == "locatedIn"}
    assert located == {
        "office/agency/skatteverket@place/umea",
        "office/agency/skatteverket@place/lulea",
        "office/agency/skatteverket@place/kiruna",
    }


def test_adjectives_before_the_office_noun_belong_to_its_name() -> None:
    facts = office_facts(NATIONAL_CENTRE)
    assert triples(facts) == {
        ("nationella servicecentret i Gävle", "partOf", "Försäkringskassan"),
        ("nationella servicecentret i Gävle", "locatedIn", "Gävle"),
    }
