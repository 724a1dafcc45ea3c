"""Token tags (graph.extract.tags) that let the role patterns see names and titles."""

from __future__ import annotations

from extract_docs import build
from parses import ANNA_LINDQVIST_LEADS, SHE_JOINED_THE_TAX_AGENCY, THE_AGENCY_GROWS

from graph.extract import run_stages
from graph.extract.context import DocContext
from graph.extract.tags import EXTENSION

RESEARCHERS_WORK_WITH_OFFICE = """
0  Forskarna          NOUN  forskare   10 nsubj
1  Anna               PROPN _          0  appos     B-PER
2  Lindqvist          PROPN _          1  flat:name I-PER
3  och                CCONJ _          4  cc
4  Per                PROPN _          1  conj      B-PER
5  Holm               PROPN _          4  flat:name I-PER
6  vid                ADP   _          7  case
7  Uppsala            PROPN _          0  nmod      B-Organization=org/uppsala-universitet
8  universitet        NOUN  _          7  flat:name I-Organization=org/uppsala-universitet
9  har                AUX   ha         10 aux
10 samarbetat         VERB  samarbeta  10 ROOT
11 med                ADP   _          12 case
12 Arbetsförmedlingen PROPN _          10 obl       B-Agency=agency/arbetsformedlingen
13 i                  ADP   _          14 case
14 Malmö              PROPN _          12 nmod      B-Place=place/malmo
15 och                CCONJ _          16 cc
16 Skatteverket       PROPN _          12 conj      B-Agency=agency/skatteverket
17 .                  PUNCT _          10 punct
"""


def tags(*sentences: str) -> list[tuple[str, str | None]]:
    """(word, tag) for every token, after the stages that run before tagging."""
    ctx = DocContext(build(*sentences), "doc-1")
    run_stages(ctx, until="tags")
    return [(t.text, t._.get(EXTENSION)) for t in ctx.doc]


def test_names_titles_and_the_larger_unit_are_tagged() -> None:
    assert tags(RESEARCHERS_WORK_WITH_OFFICE) == [
        ("Forskarna", "TITLE"),
        ("Anna", "PER"),
        ("Lindqvist", "PER"),
        ("och", "PER"),  # joins two names into one list
        ("Per", "PER"),
        ("Holm", "PER"),
        ("vid", None),
        ("Uppsala", "ORG"),
        ("universitet", "ORG"),
        ("har", None),
        ("samarbetat", None),
        ("med", None),
        ("Arbetsförmedlingen", "OFFICE"),  # the office covers its agency and place
        ("i", "OFFICE"),
        ("Malmö", "OFFICE"),
        ("och", None),  # joins an office and an agency, not two people
        ("Skatteverket", "ORG"),
        (".", None),
    ]


def test_resolved_words_are_tagged_as_what_they_stand_for() -> None:
    tagged = tags(ANNA_LINDQVIST_LEADS, SHE_JOINED_THE_TAX_AGENCY, THE_AGENCY_GROWS)
    assert [tagged[i] for i in (5, 8, 10)] == [
        ("Hon", "PER"),
        ("Skatteverket", "ORG"),
        ("Myndigheten", "ORG"),
    ]


def test_myndigheten_before_any_agency_is_untagged() -> None:
    assert tags(THE_AGENCY_GROWS) == [("Myndigheten", None), ("växer", None), (".", None)]
