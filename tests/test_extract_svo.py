"""The subject–verb–object fallback (graph.extract.svo) for what no pattern covers."""

from __future__ import annotations

from extract_docs import build, read_back, triples
from parses import ANNA_BERG_HAS_WORKED, TAX_AGENCY_AND_POLICE

from graph.extract import extract
from graph.records import Fact

CRITICISES = """
0 Eva                PROPN _         2 nsubj     B-PER
1 Nordmark           PROPN _         0 flat:name I-PER
2 kritiserar         VERB  kritisera 2 ROOT
3 Arbetsförmedlingen PROPN _         2 obj       B-Agency=agency/arbetsformedlingen
4 .                  PUNCT _         2 punct
"""
ANSWERS_THE_AGENCY = """
0 Lars         PROPN _     2 nsubj     B-PER
1 Ek           PROPN _     0 flat:name I-PER
2 svarar       VERB  svara 2 ROOT
3 Skatteverket PROPN _     2 iobj      B-Agency=agency/skatteverket
4 .            PUNCT _     2 punct
"""
HIRES_LAWYERS = """
0 Skatteverket PROPN _        1 nsubj B-Agency=agency/skatteverket
1 anställer    VERB  anställa 1 ROOT
2 jurister     NOUN  jurist   1 obj
3 .            PUNCT _        1 punct
"""


def verb_facts(*sentences: str) -> list[Fact]:
    facts = extract(build(*sentences), "doc-1").facts
    return [f for f in facts if f.predicate.startswith("verb:")]


def test_subject_verb_object_between_two_entities() -> None:
    doc = build(CRITICISES)
    facts = [f for f in extract(doc, "doc-1").facts if f.predicate.startswith("verb:")]
    assert triples(facts) == {("Eva Nordmark", "verb:kritisera", "Arbetsförmedlingen")}
    assert facts[0].evidence.rule == "svo:obj"
    assert read_back(doc, facts[0].evidence)


#: "Anna Berg har klagat på Skatteverket i tio år." ("har arbetat på" is a role: worksFor)
ANNA_BERG_HAS_COMPLAINED = ANNA_BERG_HAS_WORKED.replace(
    "arbetat      VERB  arbeta", "klagat VERB klaga"
)


def test_oblique_object_keeps_its_preposition() -> None:
    facts = verb_facts(ANNA_BERG_HAS_COMPLAINED)
    assert triples(facts) == {("Anna Berg", "verb:klaga_på", "Skatteverket")}
    assert facts[0].evidence.rule == "svo:obl"


def test_pair_a_curated_fact_covers_gets_no_verb_fact() -> None:
    result = extract(build(TAX_AGENCY_AND_POLICE), "doc-1")
    assert triples(result.facts) == {
        ("Skatteverket", "collaboratesWith", "Polismyndigheten"),
    }


def test_speech_is_a_quote_not_a_fact() -> None:
    assert verb_facts(ANSWERS_THE_AGENCY) == []


def test_object_that_is_no_entity_gives_no_fact() -> None:
    assert verb_facts(HIRES_LAWYERS) == []
