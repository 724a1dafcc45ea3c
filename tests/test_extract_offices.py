"""Offices (graph.extract.offices): agency + place phrases become Office mentions."""

from __future__ import annotations

from extract_docs import build, named, read_back, triples
from parses import LOCAL_OFFICE_STAFF, OFFICES_CLOSE

from graph.extract import extract, run_stages
from graph.extract.context import DocContext
from graph.records import Fact, Mention

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


# ---------------------------------------------------------------- place lists in any punctuation
TAX_AGENCY_GROWS = """
0 Skatteverket PROPN _    1 nsubj B-Agency=agency/skatteverket
1 växer        VERB  växa 1 ROOT
2 .            PUNCT _    1 punct
"""
CLOSES_IN_A_LANDSCAPE_THEN_TOWNS = """
0  Skatteverket PROPN _      1  nsubj  B-Agency=agency/skatteverket
1  stänger      VERB  stänga 1  ROOT
2  två          NUM   _      3  nummod
3  kontor       NOUN  _      1  obj
4  i            ADP   _      5  case
5  Dalarna      PROPN _      3  nmod   B-Place=place/dalarna
6  ;            PUNCT _      8  punct
7  i            ADP   _      8  case
8  Falun        PROPN _      5  conj   B-Place=place/falun
9  och          CCONJ _      10 cc
10 Mora         PROPN _      8  conj   B-Place=place/mora
11 .            PUNCT _      1  punct
"""
STAFFED_OFFICES_IN_BRACKETS = """
0  Fyra      NUM   _        1  nummod
1  kontor    NOUN  _        2  nsubj
2  har       VERB  ha       2  ROOT
3  fast      ADJ   _        4  amod
4  bemanning NOUN  _        2  obj
5  (         PUNCT _        6  punct
6  Falun     PROPN _        4  appos  B-Place=place/falun
7  ,         PUNCT _        8  punct
8  Mora      PROPN _        6  conj   B-Place=place/mora
9  och       CCONJ _        10 cc
10 Borlänge  PROPN _        6  conj   B-Place=place/borlange
11 )         PUNCT _        6  punct
12 .         PUNCT _        2  punct
"""
OFFICES_IN_THREE_TOWNS_COLON = """
0 Skatteverket PROPN _   1 nsubj B-Agency=agency/skatteverket
1 har          VERB  ha  1 ROOT
2 kontor       NOUN  _   1 obj
3 på           ADP   _   5 case
4 tre          NUM   _   5 nummod
5 orter        NOUN  ort 2 nmod
6 :            PUNCT _   1 punct
"""
THREE_TOWNS = """
0 Falun    PROPN _ 0 ROOT  B-Place=place/falun
1 ,        PUNCT _ 2 punct
2 Mora     PROPN _ 0 conj  B-Place=place/mora
3 och      CCONJ _ 4 cc
4 Borlänge PROPN _ 0 conj  B-Place=place/borlange
5 .        PUNCT _ 0 punct
"""
STAFF_IN_TWO_TOWNS = """
0 Medarbetarna NOUN  medarbetare 5 nsubj
1 i            ADP   _           2 case
2 Falun        PROPN _           0 nmod  B-Place=place/falun
3 och          CCONJ _           4 cc
4 Mora         PROPN _           2 conj  B-Place=place/mora
5 får          VERB  få          5 ROOT
6 besked       NOUN  _           5 obj
7 .            PUNCT _           5 punct
"""
AGENCY_IS_IN_TWO_TOWNS = """
0 Skatteverket PROPN _      1 nsubj B-Agency=agency/skatteverket
1 finns        VERB  finnas 1 ROOT
2 i            ADP   _      3 case
3 Falun        PROPN _      1 obl   B-Place=place/falun
4 och          CCONJ _      5 cc
5 Mora         PROPN _      3 conj  B-Place=place/mora
6 .            PUNCT _      1 punct
"""
PROFESSOR_AT_SLU_IN_UPPSALA = """
0 Hon       PRON  hon       2 nsubj
1 är        AUX   vara      2 cop
2 professor NOUN  _         2 ROOT
3 vid       ADP   _         4 case
4 SLU       PROPN _         2 nmod  B-Organization=org/sveriges-lantbruksuniversitet
5 i         ADP   _         6 case
6 Uppsala   PROPN _         4 nmod  B-Place=place/uppsala
7 .         PUNCT _         2 punct
"""
HEAD_OFFICE_IN_MORA = """
0 Huvudkontoret NOUN  huvudkontor 1 nsubj
1 har           VERB  ha          1 ROOT
2 sitt          PRON  _           3 nmod:poss
3 säte          NOUN  _           1 obj
4 i             ADP   _           5 case
5 Mora          PROPN _           1 obl   B-Place=place/mora
6 .             PUNCT _           1 punct
"""
PARTY_IN_FALUN = """
0 Socialdemokraterna PROPN _    3 nsubj B-Organization=org/socialdemokraterna
1 i                  ADP   _    2 case
2 Falun              PROPN _    0 nmod  B-Place=place/falun
3 växer              VERB  växa 3 ROOT
4 .                  PUNCT _    3 punct
"""
SHE_LIVES_IN_FALUN = """
0 Hon    PRON  hon 1 nsubj
1 bor    VERB  bo  1 ROOT
2 i      ADP   _   3 case
3 Falun  PROPN _   1 obl B-Place=place/falun
4 .      PUNCT _   1 punct
"""
OFFICE_CLOSES_STAFF_MOVE = """
0 Kontoret   NOUN  kontor   1 nsubj
1 stänger    VERB  stänga   1 ROOT
2 och        CCONJ _        4 cc
3 personalen NOUN  personal 4 nsubj
4 flyttar    VERB  flytta   1 conj
5 till       ADP   _        6 case
6 Falun      PROPN _        4 obl   B-Place=place/falun
7 .          PUNCT _        1 punct
"""


def located(*sentences: str) -> set[str]:
    """The places of the offices found, by gazetteer id."""
    return {
        f.object.key or ""
        for f in office_facts(*sentences)
        if f.predicate == "locatedIn" and isinstance(f.object, Mention)
    }


def test_a_landscape_listed_before_its_towns_is_the_scope_not_an_office() -> None:
    facts = office_facts(CLOSES_IN_A_LANDSCAPE_THEN_TOWNS)
    assert located(CLOSES_IN_A_LANDSCAPE_THEN_TOWNS) == {"place/falun", "place/mora"}
    assert {f.object.text for f in facts if f.predicate == "partOf"} == {"Skatteverket"}


def test_places_in_brackets_after_an_office_noun_are_offices() -> None:
    facts = office_facts(TAX_AGENCY_GROWS, STAFFED_OFFICES_IN_BRACKETS)
    assert located(TAX_AGENCY_GROWS, STAFFED_OFFICES_IN_BRACKETS) == {
        "place/falun",
        "place/mora",
        "place/borlange",
    }
    assert {f.evidence.rule for f in facts} == {"office:noun-listed-places"}


def test_places_after_a_colon_are_offices_even_past_a_sentence_split() -> None:
    assert located(OFFICES_IN_THREE_TOWNS_COLON, THREE_TOWNS) == {
        "place/falun",
        "place/mora",
        "place/borlange",
    }


def test_the_staff_in_some_towns_speak_of_the_offices_there() -> None:
    assert located(TAX_AGENCY_GROWS, STAFF_IN_TWO_TOWNS) == {"place/falun", "place/mora"}


def test_an_agency_that_is_in_some_towns_is_located_there_with_no_office() -> None:
    facts = office_facts(AGENCY_IS_IN_TWO_TOWNS)
    assert triples(facts) == {
        ("Skatteverket", "locatedIn", "Falun"),
        ("Skatteverket", "locatedIn", "Mora"),
    }
    assert {f.evidence.rule for f in facts} == {"office:seat"}


def test_a_university_in_a_town_is_located_there() -> None:
    facts = office_facts(PROFESSOR_AT_SLU_IN_UPPSALA)
    assert triples(facts) == {("SLU", "locatedIn", "Uppsala")}


def test_the_head_office_is_where_the_agency_itself_is() -> None:
    facts = office_facts(TAX_AGENCY_GROWS, HEAD_OFFICE_IN_MORA)
    assert triples(facts) == {("Skatteverket", "locatedIn", "Mora")}


def test_a_party_in_a_town_is_a_local_branch_not_where_the_party_is() -> None:
    assert office_facts(PARTY_IN_FALUN) == []


def test_a_place_without_an_office_word_or_list_is_no_office() -> None:
    assert office_facts(TAX_AGENCY_GROWS, SHE_LIVES_IN_FALUN) == []
    # "till Falun" opens no list: the office that closes is not in Falun
    assert office_facts(TAX_AGENCY_GROWS, OFFICE_CLOSES_STAFF_MOVE) == []
    # a list of towns with no office noun before it in its sentence
    assert office_facts(TAX_AGENCY_GROWS, THREE_TOWNS) == []
