"""Successions (graph.extract.successions): both people get the post, the predecessor's
role is former (or ends at a time to come), the successor's current."""

from __future__ import annotations

from extract_docs import build, triples
from parses import TRANSPORT_AGENCY_BUILDS

from graph.extract import run_stages
from graph.extract.context import DocContext
from graph.records import Role

# "Eva Ek efterträder Per Holm som generaldirektör för Tullverket."
SUCCEEDS_AS = """
0 Eva             PROPN _          2 nsubj     B-PER
1 Ek              PROPN _          0 flat:name I-PER
2 efterträder     VERB  efterträda 2 ROOT
3 Per             PROPN _          2 obj       B-PER
4 Holm            PROPN _          3 flat:name I-PER
5 som             SCONJ _          6 mark
6 generaldirektör NOUN  _          2 obl
7 för             ADP   _          8 case
8 Tullverket      PROPN _          6 nmod      B-Agency=agency/tullverket
9 .               PUNCT _          2 punct
"""
# "Anna Berg utsågs till generaldirektör för Tullverket."
APPOINTED = """
0 Anna            PROPN _    2 nsubj:pass B-PER
1 Berg            PROPN _    0 flat:name  I-PER
2 utsågs          VERB  utse 2 ROOT
3 till            ADP   _    4 case
4 generaldirektör NOUN  _    2 obl
5 för             ADP   _    6 case
6 Tullverket      PROPN _    4 nmod       B-Agency=agency/tullverket
7 .               PUNCT _    2 punct
"""
# "Hon efterträder Per Holm, som går i pension vid årsskiftet."
SHE_SUCCEEDS_A_RETIREE = """
0  Hon         PRON  hon        1 nsubj
1  efterträder VERB  efterträda 1 ROOT
2  Per         PROPN _          1 obj       B-PER
3  Holm        PROPN _          2 flat:name I-PER
4  ,           PUNCT _          6 punct
5  som         PRON  som        6 nsubj
6  går         VERB  gå         2 acl:relcl
7  i           ADP   _          8 case
8  pension     NOUN  _          6 obl
9  vid         ADP   _          10 case
10 årsskiftet  NOUN  årsskifte  6 obl
11 .           PUNCT _          1 punct
"""
# "Eva Ek tar över som generaldirektör för Tullverket efter Per Holm."
TAKES_OVER_AFTER = """
0  Eva             PROPN _    2  nsubj        B-PER
1  Ek              PROPN _    0  flat:name    I-PER
2  tar             VERB  ta   2  ROOT
3  över            ADP   _    2  compound:prt
4  som             SCONJ _    5  mark
5  generaldirektör NOUN  _    2  obl
6  för             ADP   _    7  case
7  Tullverket      PROPN _    5  nmod         B-Agency=agency/tullverket
8  efter           ADP   _    9  case
9  Per             PROPN _    2  obl          B-PER
10 Holm            PROPN _    9  flat:name    I-PER
11 .               PUNCT _    2  punct
"""
# "Per Holm ersätts av Eva Ek som chef för Tullverket."
REPLACED_BY = """
0 Per        PROPN _       2 nsubj:pass B-PER
1 Holm       PROPN _       0 flat:name  I-PER
2 ersätts    VERB  ersätta 2 ROOT
3 av         ADP   _       4 case
4 Eva        PROPN _       2 obl        B-PER
5 Ek         PROPN _       4 flat:name  I-PER
6 som        SCONJ _       7 mark
7 chef       NOUN  _       2 obl
8 för        ADP   _       9 case
9 Tullverket PROPN _       7 nmod       B-Agency=agency/tullverket
10 .         PUNCT _       2 punct
"""
# "Eva Ek, generaldirektör för Tullverket, talade efter Per Holm."
SPOKE_AFTER = """
0 Eva             PROPN _     6 nsubj     B-PER
1 Ek              PROPN _     0 flat:name I-PER
2 ,               PUNCT _     3 punct
3 generaldirektör NOUN  _     0 appos
4 för             ADP   _     5 case
5 Tullverket      PROPN _     3 nmod      B-Agency=agency/tullverket
6 talade          VERB  tala  6 ROOT
7 efter           ADP   _     8 case
8 Per             PROPN _     6 obl       B-PER
9 Holm            PROPN _     8 flat:name I-PER
10 .              PUNCT _     6 punct
"""
# "Eva Ek ersätter datorerna på Tullverket." (no person after the verb)
REPLACES_COMPUTERS = """
0 Eva        PROPN _       2 nsubj     B-PER
1 Ek         PROPN _       0 flat:name I-PER
2 ersätter   VERB  ersätta 2 ROOT
3 datorerna  NOUN  dator   2 obj
4 på         ADP   _       5 case
5 Tullverket PROPN _       2 obl       B-Agency=agency/tullverket
6 .          PUNCT _       2 punct
"""


def run(*tables: str, date: str | None = None) -> tuple[set[tuple[str, str, object]], list[Role]]:
    ctx = DocContext(build(*tables), "doc-1", date=date)
    found = run_stages(ctx)
    return triples(found.facts), found.roles


def statuses(roles: list[Role]) -> set[tuple[str, str, str | None, str, str | None]]:
    return {(r.holder.text, r.relation, r.title, r.status, r.end) for r in roles}


def test_both_people_get_the_post_the_succession_names() -> None:
    facts, roles = run(SUCCEEDS_AS)
    assert {
        ("Eva Ek", "headOf", "Tullverket"),
        ("Per Holm", "headOf", "Tullverket"),
        ("Eva Ek", "jobTitle", "generaldirektör"),
        ("Per Holm", "jobTitle", "generaldirektör"),
    } <= facts
    assert statuses(roles) == {
        ("Eva Ek", "headOf", "generaldirektör", "current", None),
        ("Per Holm", "headOf", "generaldirektör", "former", None),
    }
    assert {r.evidence.rule for r in roles} == {"succession:efterträda"}


def test_a_pronoun_successor_brings_the_post_of_an_earlier_sentence() -> None:
    facts, roles = run(APPOINTED, SHE_SUCCEEDS_A_RETIREE, date="2026-03-05")
    assert ("Per Holm", "headOf", "Tullverket") in facts
    # the title came from another sentence: the predecessor's role has it, no jobTitle fact
    assert ("Per Holm", "jobTitle", "generaldirektör") not in facts
    per_holm = [r for r in roles if r.holder.text == "Per Holm"]
    # retiring at the turn of the year, still to come: current until then
    assert [(r.status, r.end, r.title) for r in per_holm] == [
        ("current", "2026-12-31", "generaldirektör")
    ]


def test_taking_over_after_someone_gives_them_the_post() -> None:
    facts, roles = run(TAKES_OVER_AFTER)
    assert ("Per Holm", "headOf", "Tullverket") in facts
    assert ("Per Holm", "former") in {(r.holder.text, r.status) for r in roles}


def test_in_the_passive_the_subject_is_the_predecessor() -> None:
    facts, roles = run(REPLACED_BY)
    assert {("Eva Ek", "headOf", "Tullverket"), ("Per Holm", "headOf", "Tullverket")} <= facts
    assert {(r.holder.text, r.status) for r in roles} == {
        ("Eva Ek", "current"),
        ("Per Holm", "former"),
    }


def test_speaking_after_someone_or_replacing_things_is_no_succession() -> None:
    facts, roles = run(SPOKE_AFTER)
    assert not any(subject == "Per Holm" for subject, _, _ in facts)
    assert all(not r.evidence.rule.startswith("succession") for r in roles)
    facts, roles = run(REPLACES_COMPUTERS)
    assert all(not r.evidence.rule.startswith("succession") for r in roles)
    assert not any(p == "headOf" for _, p, _ in facts)


# "Per Holm har varit generaldirektör för Tullverket sedan 2017."
HEAD_SINCE_2017 = """
0 Per             PROPN _    4 nsubj     B-PER
1 Holm            PROPN _    0 flat:name I-PER
2 har             AUX   ha   4 aux
3 varit           AUX   vara 4 cop
4 generaldirektör NOUN  _    4 ROOT
5 för             ADP   _    6 case
6 Tullverket      PROPN _    4 nmod      B-Agency=agency/tullverket
7 sedan           ADP   _    8 case
8 2017            NUM   _    4 obl
9 .               PUNCT _    4 punct
"""


def test_a_succession_makes_the_predecessors_other_roles_of_the_post_former() -> None:
    _, roles = run(HEAD_SINCE_2017, SUCCEEDS_AS)
    per_holm = {(r.status, r.start, r.evidence.rule) for r in roles if r.holder.text == "Per Holm"}
    assert per_holm == {
        ("former", "2017", "role-clause:vara"),
        ("former", None, "succession:efterträda"),
    }


# "Per Holm lämnar posten som generaldirektör för Tullverket." + "Eva Ek tar över."
LEAVES_THE_POST = """
0 Per             PROPN _     2 nsubj     B-PER
1 Holm            PROPN _     0 flat:name I-PER
2 lämnar          VERB  lämna 2 ROOT
3 posten          NOUN  post  2 obj
4 som             SCONJ _     5 mark
5 generaldirektör NOUN  _     3 acl
6 för             ADP   _     7 case
7 Tullverket      PROPN _     5 nmod      B-Agency=agency/tullverket
8 .               PUNCT _     2 punct
"""
SHE_TAKES_OVER = """
0 Eva  PROPN _  2 nsubj        B-PER
1 Ek   PROPN _  0 flat:name    I-PER
2 tar  VERB  ta 2 ROOT
3 över ADP   _  2 compound:prt
4 .    PUNCT _  2 punct
"""


def test_taking_over_the_post_left_just_before() -> None:
    facts, roles = run(LEAVES_THE_POST, SHE_TAKES_OVER)
    assert {
        ("Per Holm", "headOf", "Tullverket"),
        ("Eva Ek", "headOf", "Tullverket"),
        ("Eva Ek", "jobTitle", "generaldirektör"),
    } <= facts
    assert ("Eva Ek", "current") in {(r.holder.text, r.status) for r in roles}
    assert ("Per Holm", "former") in {(r.holder.text, r.status) for r in roles}


def test_taking_over_with_no_post_left_before_is_nothing() -> None:
    facts, roles = run(TRANSPORT_AGENCY_BUILDS, SHE_TAKES_OVER)
    assert not any(s == "Eva Ek" for s, _, _ in facts)
    assert roles == []


# "Eva Ek, som varit överdirektör på Tullverket, tar över som generaldirektör efter Per Holm."
DEPUTY_TAKES_OVER = """
0  Eva             PROPN _    9  nsubj        B-PER
1  Ek              PROPN _    0  flat:name    I-PER
2  ,               PUNCT _    5  punct
3  som             PRON  som  5  nsubj
4  varit           AUX   vara 5  cop
5  överdirektör    NOUN  _    0  acl:relcl
6  på              ADP   _    7  case
7  Tullverket      PROPN _    5  nmod         B-Agency=agency/tullverket
8  ,               PUNCT _    5  punct
9  tar             VERB  ta   9  ROOT
10 över            ADP   _    9  compound:prt
11 som             SCONJ _    12 mark
12 generaldirektör NOUN  _    9  obl
13 efter           ADP   _    14 case
14 Per             PROPN _    9  obl          B-PER
15 Holm            PROPN _    14 flat:name    I-PER
16 .               PUNCT _    9  punct
"""


def test_the_title_nearest_efter_is_the_post_taken_over() -> None:
    facts, roles = run(DEPUTY_TAKES_OVER)
    assert ("Per Holm", "jobTitle", "generaldirektör") in facts
    assert ("Per Holm", "jobTitle", "överdirektör") not in facts
    assert {r.title for r in roles if r.holder.text == "Per Holm"} == {"generaldirektör"}
