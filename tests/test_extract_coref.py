"""Pronouns and "myndigheten" (graph.extract.coref) pointed at the entity they stand for."""

from __future__ import annotations

from extract_docs import PARAGRAPH, build
from parses import (
    ANNA_LINDQVIST_LEADS,
    QUEUES_GROW,
    SHE_JOINED_THE_TAX_AGENCY,
    TAX_AGENCY_AND_POLICE,
    THE_AGENCY_GROWS,
    TRANSPORT_AGENCY_BUILDS,
)

from graph.extract import run_stages
from graph.extract.context import DocContext

SHE_WANTS_MORE_STAFF = """
0 Hon         PRON  hon 1 nsubj
1 vill        VERB  vilja 1 ROOT
2 ha          VERB  _   1 xcomp
3 fler        ADJ   många 4 amod
4 handläggare NOUN  _   2 obj
5 .           PUNCT _   1 punct
"""

THE_TAX_AGENCY_GROWS = """
0 Skatteverket PROPN _    1 nsubj B-Agency=agency/skatteverket
1 växer        VERB  växa 1 ROOT
2 .            PUNCT _    1 punct
"""
THEY_HAVE_STAFF = """
0 De        PRON  de       1 nsubj
1 har       VERB  ha       1 ROOT
2 900       NUM   _        3 nummod
3 anställda NOUN  anställd 1 obj
4 .         PUNCT _        1 punct
"""
TAX_AGENCY_HIRES_CLERKS = """
0 Skatteverket PROPN _        1 nsubj B-Agency=agency/skatteverket
1 anställer    VERB  anställa 1 ROOT
2 handläggare  NOUN  _        1 obj
3 .            PUNCT _        1 punct
"""
WE_OPEN_IN_MAY = """
0 Vi     PRON  vi    1 nsubj
1 öppnar VERB  öppna 1 ROOT
2 i      ADP   _     3 case
3 maj    NOUN  _     1 obl
4 .      PUNCT _     1 punct
"""
WE_BUILD_SHE_SAYS = """
0 –      PUNCT _     2 punct
1 Vi     PRON  vi    2 nsubj
2 bygger VERB  bygga 5 ccomp
3 mer    ADV   _     2 advmod
4 ,      PUNCT _     5 punct
5 säger  VERB  säga  5 ROOT
6 hon    PRON  hon   5 nsubj
7 .      PUNCT _     5 punct
"""
ITS_CHIEF_LEAVES = """
0 Dess  PRON  dess  1 nmod:poss
1 chef  NOUN  _     2 nsubj
2 slutar VERB sluta 2 ROOT
3 .     PUNCT _     2 punct
"""


def references(*sentences: str) -> dict[str, list[str]]:
    """The words that stand for an entity: {word: [the entity's text, one per occurrence]}."""
    ctx = DocContext(build(*sentences), "doc-1")
    run_stages(ctx, only={"entities", "subject", "coref"})
    found: dict[str, list[str]] = {}
    for i, mention in sorted(ctx.refers_to.items()):
        found.setdefault(ctx.doc[i].text, []).append(mention.text)
    return found


def test_pronoun_stands_for_the_person_named_just_before() -> None:
    assert references(ANNA_LINDQVIST_LEADS, SHE_JOINED_THE_TAX_AGENCY) == {
        "Hon": ["Anna Lindqvist"]
    }


def test_myndigheten_stands_for_the_last_agency_named() -> None:
    assert references(SHE_JOINED_THE_TAX_AGENCY, THE_AGENCY_GROWS) == {
        "Myndigheten": ["Skatteverket"]
    }


def test_pronoun_reaches_back_two_sentences_and_no_further() -> None:
    near = references(ANNA_LINDQVIST_LEADS, QUEUES_GROW, SHE_WANTS_MORE_STAFF)
    far = references(ANNA_LINDQVIST_LEADS, QUEUES_GROW, QUEUES_GROW, SHE_WANTS_MORE_STAFF)
    assert near == {"Hon": ["Anna Lindqvist"]}
    assert far == {}


def test_nothing_to_stand_for_resolves_nothing() -> None:
    assert references(THE_AGENCY_GROWS, SHE_WANTS_MORE_STAFF) == {}


def test_resolved_words_are_not_new_mentions() -> None:
    ctx = DocContext(build(ANNA_LINDQVIST_LEADS, SHE_JOINED_THE_TAX_AGENCY), "doc-1")
    run_stages(ctx, only={"entities", "coref"})
    assert [m.text for m in ctx.mentions] == ["Anna Lindqvist", "Skatteverket"]
    she = ctx.doc[5]
    assert she.text == "Hon"
    resolved = ctx.resolved(she, "Person")
    assert resolved is not None and resolved.text == "Anna Lindqvist"
    assert ctx.resolved(she, "Agency") is None


def test_myndigheten_before_any_agency_stands_for_the_documents_subject() -> None:
    assert references(THE_AGENCY_GROWS, THE_TAX_AGENCY_GROWS) == {
        "Myndigheten": ["Skatteverket"]
    }


def test_de_after_a_sentence_about_the_subject_is_the_subject() -> None:
    assert references(THE_TAX_AGENCY_GROWS, THEY_HAVE_STAFF) == {"De": ["Skatteverket"]}


def test_de_is_left_alone_without_a_subject_or_after_a_plural_noun() -> None:
    # two agencies named as often: no subject to fall back on
    assert references(TAX_AGENCY_AND_POLICE, THEY_HAVE_STAFF) == {}
    # "Skatteverket anställer handläggare. De …": "de" may be the clerks
    ctx = DocContext(build(TAX_AGENCY_HIRES_CLERKS, THEY_HAVE_STAFF), "doc-1")
    ctx.doc[2].set_morph("Number=Plur")
    run_stages(ctx, only={"entities", "subject", "coref"})
    assert ctx.subject is not None and ctx.refers_to == {}


def test_vi_in_the_texts_own_voice_is_its_subject() -> None:
    assert references(TRANSPORT_AGENCY_BUILDS, WE_OPEN_IN_MAY) == {"Vi": ["Trafikverket"]}


def test_vi_in_speech_or_before_the_subject_is_left_alone() -> None:
    assert references(TRANSPORT_AGENCY_BUILDS, PARAGRAPH, WE_BUILD_SHE_SAYS) == {}
    # "Vi …" opening the text is a publisher not yet named
    assert references(WE_OPEN_IN_MAY, TRANSPORT_AGENCY_BUILDS) == {}


def test_dess_is_the_one_organisation_named_just_before() -> None:
    assert references(THE_TAX_AGENCY_GROWS, ITS_CHIEF_LEAVES) == {"Dess": ["Skatteverket"]}
    assert references(TAX_AGENCY_AND_POLICE, ITS_CHIEF_LEAVES) == {}
