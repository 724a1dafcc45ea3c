"""What the extractors ask of a document (graph.extract.context): identity, affiliation,
the agency a text is about, evidence."""

from __future__ import annotations

from extract_docs import PARAGRAPH, build, named, triples
from parses import (
    GOVERNMENT_APPOINTS,
    QUEUES_GROW,
    SHE_JOINED_THE_TAX_AGENCY,
    TAX_AGENCY_AND_POLICE,
)

from graph.extract import extract, run_stages
from graph.extract.context import DocContext, Subject
from graph.records import Evidence, Fact

PERSON_AT_AGENCY = """
0  Anna               PROPN _      2 nsubj     B-PER
1  Lindqvist          PROPN _      0 flat:name I-PER
2  arbetar            VERB  arbeta 2 ROOT
3  .                  PUNCT _      2 punct
"""
LINDQVISTS_PLAN = """
0 Lindqvists PROPN Lindqvist 1 nmod:poss
1 plan       NOUN  _         2 nsubj
2 håller     VERB  hålla     2 ROOT
3 .          PUNCT _         2 punct
"""
THE_TAX_AGENCY_GROWS = """
0 Skatteverket PROPN _    1 nsubj B-Agency=agency/skatteverket
1 växer        VERB  växa 1 ROOT
2 .            PUNCT _    1 punct
"""
# Two people with one surname: Anna Berg works at Arbetsförmedlingen, Lars Berg does not.
PRESS_OFFICER_AT_AGENCY = """
0 Anna               PROPN _    3 nsubj     B-PER
1 Berg               PROPN _    0 flat:name I-PER
2 är                 AUX   vara 3 cop
3 presschef          NOUN  _    3 ROOT
4 på                 ADP   _    5 case
5 Arbetsförmedlingen PROPN _    3 nmod      B-Agency=agency/arbetsformedlingen
6 .                  PUNCT _    3 punct
"""
OTHER_BERG_COLLABORATES = """
0 Lars         PROPN _         3 nsubj     B-PER
1 Berg         PROPN _         0 flat:name I-PER
2 har          AUX   ha        3 aux
3 samarbetat   VERB  samarbeta 3 ROOT
4 med          ADP   _         5 case
5 Skatteverket PROPN _         3 obl       B-Agency=agency/skatteverket
6 .            PUNCT _         3 punct
"""


def context(*sentences: str) -> DocContext:
    ctx = DocContext(build(*sentences), "doc-1")
    run_stages(ctx, until="entities")
    return ctx


def test_surname_and_its_genitive_are_the_person_named_in_full() -> None:
    ctx = context(PERSON_AT_AGENCY, LINDQVISTS_PLAN)
    full = named(ctx.mentions, "Anna Lindqvist")
    genitive = named(ctx.mentions, "Lindqvists")
    assert ctx.identity(full) == ctx.identity(genitive)


def test_keyed_mentions_are_identified_by_their_key() -> None:
    ctx = context(TAX_AGENCY_AND_POLICE)
    assert [ctx.identity(m) for m in ctx.mentions] == [
        "agency/skatteverket",
        "agency/polismyndigheten",
    ]


def test_the_agency_a_text_is_about_is_the_most_named() -> None:
    ctx = context(TAX_AGENCY_AND_POLICE, THE_TAX_AGENCY_GROWS)
    about = ctx.dominant("Agency")
    assert about is not None and (about.text, about.start) == ("Skatteverket", 0)
    assert ctx.dominant("Organization") is None


def test_affiliations_come_from_the_facts_of_the_same_person() -> None:
    ctx = context(PERSON_AT_AGENCY, LINDQVISTS_PLAN)
    anna, genitive = named(ctx.mentions, "Anna Lindqvist"), named(ctx.mentions, "Lindqvists")
    agency = ctx.mention(ctx.doc[0:1], "Agency", "agency/skatteverket")
    evidence = ctx.evidence(ctx.doc[0], "test")
    facts = [
        Fact(anna, "worksFor", agency, evidence),
        Fact(anna, "jobTitle", "presschef", evidence),
    ]
    assert ctx.affiliations(genitive, facts) == [agency]


def test_evidence_is_the_whole_sentence_with_its_offsets() -> None:
    ctx = context(PERSON_AT_AGENCY, LINDQVISTS_PLAN)
    second = ctx.doc[5]
    assert second.text == "plan"
    evidence = ctx.evidence(second, "rule:x")
    assert evidence == Evidence("doc-1", "Lindqvists plan håller.", 24, 47, "rule:x")
    assert ctx.doc.text[evidence.start : evidence.end] == evidence.sentence


def test_two_people_with_one_surname_are_two_people() -> None:
    ctx = context(PRESS_OFFICER_AT_AGENCY, OTHER_BERG_COLLABORATES)
    anna, lars = named(ctx.mentions, "Anna Berg"), named(ctx.mentions, "Lars Berg")
    assert ctx.identity(anna) != ctx.identity(lars)


def test_namesake_does_not_collaborate_for_the_others_employer() -> None:
    facts = extract(build(PRESS_OFFICER_AT_AGENCY, OTHER_BERG_COLLABORATES), "doc-1").facts
    assert ("Anna Berg", "worksFor", "Arbetsförmedlingen") in triples(facts)
    assert not [f for f in facts if f.predicate == "collaboratesWith"]


def subject(*sentences: str) -> Subject | None:
    ctx = DocContext(build(*sentences), "doc-1")
    run_stages(ctx, until="subject")
    return ctx.subject


def test_the_subject_is_the_organisation_named_most_and_in_the_opening() -> None:
    found = subject(TAX_AGENCY_AND_POLICE, THE_TAX_AGENCY_GROWS)
    assert found is not None
    assert (found.mention.text, found.mention.start, found.times, found.reason) == (
        "Skatteverket",
        0,
        2,
        "opening",
    )


def test_two_organisations_named_as_often_give_no_subject() -> None:
    assert subject(TAX_AGENCY_AND_POLICE) is None


def test_one_organisation_is_the_subject_if_named_early() -> None:
    only = subject(SHE_JOINED_THE_TAX_AGENCY)
    assert only is not None and (only.mention.text, only.reason) == ("Skatteverket", "only")
    # named once, past the headline and the lead, it is a passing mention
    late = (QUEUES_GROW, PARAGRAPH, QUEUES_GROW, PARAGRAPH, SHE_JOINED_THE_TAX_AGENCY)
    assert subject(*late) is None


def test_named_far_more_often_it_is_the_subject_without_the_opening() -> None:
    opening = (QUEUES_GROW, PARAGRAPH, QUEUES_GROW, PARAGRAPH)
    three = subject(*opening, TAX_AGENCY_AND_POLICE, THE_TAX_AGENCY_GROWS, THE_TAX_AGENCY_GROWS)
    assert three is not None and (three.mention.text, three.reason) == ("Skatteverket", "majority")
    assert subject(*opening, TAX_AGENCY_AND_POLICE, THE_TAX_AGENCY_GROWS) is None


def test_the_government_is_never_the_subject() -> None:
    # regeringen does not count: Skatteverket is the only organisation left
    found = subject(GOVERNMENT_APPOINTS, THE_TAX_AGENCY_GROWS)
    assert found is not None and found.mention.text == "Skatteverket"
    assert subject(GOVERNMENT_APPOINTS) is None
