"""Pronouns and "myndigheten" (graph.extract.coref) pointed at the entity they stand for."""

from __future__ import annotations

from extract_docs import build
from parses import (
    ANNA_LINDQVIST_LEADS,
    QUEUES_GROW,
    SHE_JOINED_THE_TAX_AGENCY,
    THE_AGENCY_GROWS,
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


def references(*sentences: str) -> dict[str, list[str]]:
    """The words that stand for an entity: {word: [the entity's text, one per occurrence]}."""
    ctx = DocContext(build(*sentences), "doc-1")
    run_stages(ctx, only={"entities", "coref"})
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
