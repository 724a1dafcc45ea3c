"""Organisations beyond the gazetteers (graph.extract.organisations), and branches of them."""

from __future__ import annotations

from extract_docs import build, triples

from graph.extract import run_stages
from graph.extract.context import DocContext

SHE_LEADS_THE_COMMITTEE = """
0 Hon                   PRON  hon  1 nsubj
1 leder                 VERB  leda 1 ROOT
2 Genomförandekommittén PROPN _    1 obj
3 .                     PUNCT _    1 punct
"""
THE_INQUIRY_SHOWS = """
0 Utredningen NOUN  utredning 1 nsubj
1 visar       VERB  visa      1 ROOT
2 brister     NOUN  brist     1 obj
3 .           PUNCT _         1 punct
"""
SHE_STUDIES_AT_MID_UNIVERSITY = """
0 Hon             PRON  hon     1 nsubj
1 studerar        VERB  studera 1 ROOT
2 vid             ADP   _       3 case
3 Mittuniversitet NOUN  _       1 obl
4 .               PUNCT _       1 punct
"""
THE_PROPERTY_COMPANY_BUILDS = """
0 Fastighetsbolaget  NOUN  fastighetsbolag 2 nsubj
1 Byggbolagen        PROPN _               0 appos
2 bygger             VERB  bygga           2 ROOT
3 .                  PUNCT _               2 punct
"""
CHAIR_OF_THE_UNION_BRANCH = """
0 Hon           PRON  hon        2 nsubj
1 är            AUX   vara       2 cop
2 ordförande    NOUN  _          2 ROOT
3 för           ADP   _          4 case
4 Seko          PROPN _          2 nmod  B-Organization=org/seko
5 Tullverk      NOUN  _          4 flat
6 .             PUNCT _          2 punct
"""
RENTED_FROM_A_COMPANY = """
0 Lokalerna NOUN  lokal  1 nsubj:pass
1 hyrs      VERB  hyra   1 ROOT
2 av        ADP   _      3 case
3 Diös      PROPN _      1 obl   B-Place=place/dio
4 Bostäder  NOUN  bostad 3 flat
5 .         PUNCT _      1 punct
"""
TWO_TOWNS_IN_A_ROW = """
0 Hon      PRON  hon 1 nsubj
1 pendlar  VERB  pendla 1 ROOT
2 mellan   ADP   _   3 case
3 Diös     PROPN _   1 obl   B-Place=place/dio
4 Falun    PROPN _   3 flat  B-Place=place/falun
5 .        PUNCT _   1 punct
"""
CHIEF_OF_THE_RED_CROSS = """
0 Hon     PRON  hon  2 nsubj
1 är      AUX   vara 2 cop
2 chef    NOUN  _    2 ROOT
3 för     ADP   _    6 case
4 Svenska ADJ   svensk 6 amod  B-ORG
5 Gröna   ADJ   grön 6 amod    I-ORG
6 Korset  NOUN  kors 2 nmod    I-ORG
7 .       PUNCT _    2 punct
"""


def organisations(*sentences: str) -> dict[str, str | None]:
    """The organisations found: {text: gazetteer key or None}."""
    ctx = DocContext(build(*sentences), "doc-1")
    run_stages(ctx, until="entities")
    return {m.text: m.key for m in ctx.mentions if m.cls in ("Organization", "Agency")}


def test_a_capitalised_compound_on_a_head_noun_is_an_organisation() -> None:
    assert organisations(SHE_LEADS_THE_COMMITTEE) == {"Genomförandekommittén": None}


def test_a_head_noun_opening_a_sentence_is_a_common_noun() -> None:
    assert organisations(THE_INQUIRY_SHOWS) == {}


def test_a_listed_name_without_its_definite_ending_is_the_listed_one() -> None:
    assert organisations(SHE_STUDIES_AT_MID_UNIVERSITY) == {
        "Mittuniversitet": "org/mittuniversitetet"
    }


def test_a_name_after_a_kind_noun_is_an_organisation() -> None:
    assert organisations(THE_PROPERTY_COMPANY_BUILDS) == {"Byggbolagen": None}


def test_capitalised_words_beyond_a_name_are_a_branch_of_it() -> None:
    ctx = DocContext(build(CHAIR_OF_THE_UNION_BRANCH), "doc-1")
    found = run_stages(ctx, until="units")
    assert {m.text for m in ctx.mentions} >= {"Seko Tullverk", "Seko"}
    assert ("Seko Tullverk", "partOf", "Seko") in triples(found.facts)


def test_a_place_that_opens_a_company_name_is_no_place() -> None:
    ctx = DocContext(build(RENTED_FROM_A_COMPANY), "doc-1")
    run_stages(ctx, until="entities")
    assert [(m.text, m.cls) for m in ctx.mentions] == [("Diös Bostäder", "Organization")]


def test_two_places_in_a_row_are_two_places() -> None:
    assert organisations(TWO_TOWNS_IN_A_ROW) == {}


def test_a_multi_word_ner_organisation_written_as_a_name_is_kept() -> None:
    assert organisations(CHIEF_OF_THE_RED_CROSS) == {"Svenska Gröna Korset": None}
