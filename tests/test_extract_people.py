"""People's names that only their context shows (graph.extract.people, graph.extract.entities)."""

from __future__ import annotations

from extract_docs import PARAGRAPH, build, triples
from parses import QUEUES_GROW

from graph.extract import run_stages
from graph.extract.context import DocContext

#: A name alone on its line, the NER's or no one's; the next line opens with a comma.
KARIN_STURESSON = """
0 Karin     PROPN _ 0 ROOT
1 Sturesson PROPN _ 0 flat:name
"""
KARIN_STURESSON_PER = """
0 Karin     PROPN _ 0 ROOT      B-PER
1 Sturesson PROPN _ 0 flat:name I-PER
"""
#: ", professor vid Umeå universitet."
COMMA_PROFESSOR_AT_UMEA = """
0 ,           PUNCT _         1 punct
1 professor   NOUN  _         1 ROOT
2 vid         ADP   _         3 case
3 Umeå        PROPN _         1 nmod      B-Organization=org/umea-universitet
4 universitet NOUN  _         3 flat:name I-Organization=org/umea-universitet
5 .           PUNCT _         1 punct
"""
#: ", doktor i statistik." (no title of the lists: only the comma introduces her)
COMMA_DOCTOR = """
0 ,         PUNCT _ 1 punct
1 doktor    NOUN  _ 1 ROOT
2 i         ADP   _ 3 case
3 statistik NOUN  _ 1 nmod
4 .         PUNCT _ 1 punct
"""


def people(*sentences: str) -> list[str]:
    ctx = DocContext(build(*sentences), "doc-1")
    run_stages(ctx, until="entities")
    return [m.text for m in ctx.mentions if m.cls == "Person"]


def test_name_on_its_own_line_before_a_comma_and_title_is_a_person_with_the_title() -> None:
    ctx = DocContext(build(KARIN_STURESSON, PARAGRAPH, COMMA_PROFESSOR_AT_UMEA), "doc-1")
    facts = run_stages(ctx).facts
    assert [m.text for m in ctx.mentions if m.cls == "Person"] == ["Karin Sturesson"]
    assert ("Karin Sturesson", "jobTitle", "professor") in triples(facts)
    assert ("Karin Sturesson", "worksFor", "Umeå universitet") in triples(facts)


def test_name_the_ner_found_alone_on_its_line_before_a_comma_is_no_kicker() -> None:
    assert people(KARIN_STURESSON_PER, PARAGRAPH, COMMA_DOCTOR) == ["Karin Sturesson"]


def test_name_alone_on_its_line_before_a_sentence_is_a_kicker() -> None:
    assert people(KARIN_STURESSON_PER, PARAGRAPH, QUEUES_GROW) == []
