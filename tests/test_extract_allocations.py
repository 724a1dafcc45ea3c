"""Money given and received (graph.extract.allocations through graph.extract.decisions):
who gives, who receives, the sum with or without "kronor", and what is no allocation."""

from __future__ import annotations

from decimal import Decimal

import pytest
from extract_docs import build
from parses import TRANSPORT_AGENCY_BUILDS

from graph.extract import extract
from graph.records import Decision

# "Tullverket" receives as the subject of "får"; "miljoner" with no "kronor" is money here.
CUSTOMS_GETS = """
0 I               ADP   _         1 case
1 budgeten        NOUN  budget    2 obl
2 får             VERB  få        2 ROOT
3 Tullverket      PROPN _         2 nsubj B-Agency=agency/tullverket
4 totalt          ADV   _         5 advmod
5 300             NUM   _         6 nummod
6 miljoner        NOUN  miljon    2 obj
7 till            ADP   _         8 case
8 gränskontroller NOUN  _         6 nmod
9 .               PUNCT _         2 punct
"""
# An s-passive: the receiver after "till", no giver written.
ADDED_TO_SCHOOLS_AGENCY = """
0 Därmed      ADV   _        1 advmod
1 tillförs    VERB  tillföra 1 ROOT
2 120         NUM   _        3 nummod
3 miljoner    NOUN  miljon   4 nmod
4 kronor      NOUN  krona    1 nsubj:pass
5 till        ADP   _        6 case
6 Skolverket  PROPN _        1 obl   B-Agency=agency/skolverket
7 .           PUNCT _        1 punct
"""
# The government gives, the agency (a weak parse's modifier of the sum) receives.
GOVERNMENT_GIVES = """
0 Regeringen        NOUN  regering 1 nsubj B-Organization=org/regeringen
1 ger               VERB  ge       1 ROOT
2 Kustbevakningen   PROPN _        5 amod  B-Agency=agency/kustbevakningen
3 80                NUM   _        4 nummod
4 miljoner          NOUN  miljon   5 nmod
5 kronor            NOUN  krona    1 obj
6 för               ADP   _        8 mark
7 att               PART  _        8 mark
8 anställa          VERB  _        5 acl
9 40                NUM   _        10 nummod
10 inspektörer      NOUN  inspektör 8 obj
11 .                PUNCT _        1 punct
"""
# The subject of the deciding clause gives; less money is a cut.
DECIDED_LESS = """
0 Regeringen  NOUN  regering 2 nsubj B-Organization=org/regeringen
1 har         AUX   ha       2 aux
2 beslutat    VERB  besluta  2 ROOT
3 att         PART  _        5 mark
4 Tullverket  PROPN _        5 nsubj B-Agency=agency/tullverket
5 får         VERB  få       2 ccomp
6 40          NUM   _        7 nummod
7 miljoner    NOUN  miljon   8 nmod
8 kronor      NOUN  krona    5 obj
9 mindre      ADV   _        5 advmod
10 .          PUNCT _        2 punct
"""
# A sum raised, one sum a year: three decisions.
RAISED_PER_YEAR = """
0  Regeringen  NOUN  regering 1 nsubj B-Organization=org/regeringen
1  höjer       VERB  höja     1 ROOT
2  anslaget    NOUN  anslag   1 obj
3  till        ADP   _        4 case
4  Tullverket  PROPN _        2 nmod  B-Agency=agency/tullverket
5  med         ADP   _        8 case
6  1           NUM   _        7 nummod
7  miljard     NOUN  miljard  8 nmod
8  kronor      NOUN  krona    1 obl
9  2027        NUM   _        1 obl
10 ,           PUNCT _        13 punct
11 1,5         NUM   _        12 nummod
12 miljarder   NOUN  miljard  13 nmod
13 kronor      NOUN  krona    8 conj
14 2028        NUM   _        13 nmod
15 och         CCONJ _        17 cc
16 2           NUM   _        17 nummod
17 miljarder   NOUN  miljard  8 conj
18 2029        NUM   _        17 nmod
19 .           PUNCT _        1 punct
"""
# Money given out, its sum in a later sentence that goes on about it.
HANDS_OUT = """
0 Skolverket PROPN _     1 nsubj        B-Agency=agency/skolverket
1 delar      VERB  dela  1 ROOT
2 ut         ADP   _     1 compound:prt
3 medel      NOUN  _     1 obj
4 till       ADP   _     5 case
5 forskning  NOUN  _     1 obl
6 .          PUNCT _     1 punct
"""
THE_SUM_WAS = """
0 Summan  NOUN  summa  4 nsubj
1 var     AUX   vara   4 cop
2 12      NUM   _      3 nummod
3 miljoner NOUN miljon 4 nmod
4 kronor  NOUN  krona  4 ROOT
5 .       PUNCT _      4 punct
"""
# A wage and a fine are paid, not allocated; households are no organisation.
MORE_IN_WAGES = """
0 Tullverkets PROPN Tullverket 1 nmod:poss B-Agency=agency/tullverket
1 inspektörer NOUN  inspektör  2 nsubj
2 får         VERB  få         2 ROOT
3 800         NUM   _          4 nummod
4 kronor      NOUN  krona      2 obj
5 mer         ADV   _          2 advmod
6 i           ADP   _          7 case
7 lön         NOUN  _          2 obl
8 .           PUNCT _          2 punct
"""
FINED = """
0 Skolverket PROPN _     1 nsubj B-Agency=agency/skolverket
1 får        VERB  få    1 ROOT
2 ett        DET   en    3 det
3 vite       NOUN  _     1 obj
4 på         ADP   _     7 case
5 500        NUM   _     7 nummod
6 000        NUM   _     5 flat
7 kronor     NOUN  krona 3 nmod
8 .          PUNCT _     1 punct
"""
HOUSEHOLDS_GET = """
0 Hushållen NOUN  hushåll 1 nsubj
1 får       VERB  få      1 ROOT
2 2         NUM   _       4 nummod
3 000       NUM   _       2 flat
4 kronor    NOUN  krona   1 obj
5 .         PUNCT _       1 punct
"""
# "får" before a verb is "may": paying is no allocation.
MAY_PAY = """
0 Kustbevakningen PROPN _      2 nsubj B-Agency=agency/kustbevakningen
1 får             AUX   få     2 aux
2 betala          VERB  _      2 ROOT
3 3               NUM   _      4 nummod
4 miljoner        NOUN  miljon 5 nmod
5 kronor          NOUN  krona  2 obj
6 .               PUNCT _      2 punct
"""
# Millions of something counted are no money.
MILLION_VISITS = """
0 Skolverket PROPN _      1 nsubj B-Agency=agency/skolverket
1 fick       VERB  få     1 ROOT
2 2          NUM   _      3 nummod
3 miljoner   NOUN  miljon 4 nummod
4 besök      NOUN  _      1 obj
5 .          PUNCT _      1 punct
"""


def decisions_of(*sentences: str) -> list[Decision]:
    return extract(build(*sentences), "doc-1").decisions


def parties(d: Decision) -> tuple[str, str | None]:
    return d.actor.text, d.also_actor.text if d.also_actor else None


def test_receiver_as_subject_and_a_sum_without_kronor() -> None:
    [d] = decisions_of(CUSTOMS_GETS)
    assert (d.kind, d.amount_sek, parties(d)) == (
        "allocation",
        Decimal(300_000_000),
        ("Tullverket", None),
    )


def test_passive_without_giver_the_receiver_is_the_actor() -> None:
    [d] = decisions_of(ADDED_TO_SCHOOLS_AGENCY)
    assert (d.kind, d.amount_sek, parties(d)) == (
        "allocation",
        Decimal(120_000_000),
        ("Skolverket", None),
    )


def test_the_giver_decides_and_the_receiver_is_also_an_actor() -> None:
    [d] = decisions_of(GOVERNMENT_GIVES)
    # the purpose ("för att anställa") does not make the allocation a hiring
    assert (d.kind, d.amount_sek, d.headcount) == ("allocation", Decimal(80_000_000), 40)
    assert parties(d) == ("Regeringen", "Kustbevakningen")


def test_the_deciding_clause_gives_and_less_money_is_a_cut() -> None:
    [d] = decisions_of(DECIDED_LESS)
    assert (d.kind, d.amount_sek, parties(d)) == (
        "cut",
        Decimal(40_000_000),
        ("Regeringen", "Tullverket"),
    )


def test_a_sum_raised_by_a_sum_a_year_is_one_decision_a_year() -> None:
    found = decisions_of(RAISED_PER_YEAR)
    assert sorted((d.amount_sek, d.time) for d in found) == [
        (Decimal(1_000_000_000), "2027"),
        (Decimal(1_500_000_000), "2028"),
        (Decimal(2_000_000_000), "2029"),
    ]
    assert {parties(d) for d in found} == {("Regeringen", "Tullverket")}


def test_the_sum_from_a_sentence_that_goes_on_about_it() -> None:
    doc = build(HANDS_OUT, THE_SUM_WAS)
    [d] = extract(doc, "doc-1").decisions
    assert (d.actor.text, d.kind, d.amount_sek) == ("Skolverket", "allocation", Decimal(12_000_000))
    assert [e.sentence for e in d.more_evidence] == [list(doc.sents)[1].text]


def test_no_sum_no_allocation() -> None:
    assert decisions_of(HANDS_OUT) == []


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param(MORE_IN_WAGES, id="a wage"),
        pytest.param(FINED, id="a fine"),
        pytest.param(HOUSEHOLDS_GET, id="no organisation receives"),
        pytest.param(MAY_PAY, id="may pay"),
        pytest.param(MILLION_VISITS, id="millions counted"),
    ],
)
def test_no_allocation(sentence: str) -> None:
    # an agency named before: a sum with no actor of its own would fall to it
    assert decisions_of(TRANSPORT_AGENCY_BUILDS, sentence) == []


# Tax collected is no allocation ("fick in"); a non-organisation subject gives nothing.
COLLECTED_IN_TAX = """
0 Skolverket PROPN _      1 nsubj        B-Agency=agency/skolverket
1 fick       VERB  få     1 ROOT
2 in         ADP   _      1 compound:prt
3 4          NUM   _      4 nummod
4 miljoner   NOUN  miljon 5 nmod
5 kronor     NOUN  krona  1 obj
6 .          PUNCT _      1 punct
"""
THE_REFORM_GIVES = """
0 Reformen   NOUN  reform 1 nsubj
1 ger        VERB  ge     1 ROOT
2 200        NUM   _      3 nummod
3 miljoner   NOUN  miljon 4 nmod
4 kronor     NOUN  krona  1 obj
5 i          ADP   _      6 case
6 intäkter   NOUN  intäkt 1 obl
7 .          PUNCT _      1 punct
"""
# A grant to a person in the passive: given by the agency the text is about.
GRANTED_TO_A_RESEARCHER = """
0 Anna        PROPN _        2 nsubj:pass B-PER
1 Berg        PROPN _        0 flat:name  I-PER
2 tilldelas   VERB  tilldela 2 ROOT
3 2           NUM   _        4 nummod
4 miljoner    NOUN  miljon   5 nmod
5 kronor      NOUN  krona    2 obj
6 .           PUNCT _        2 punct
"""


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param(COLLECTED_IN_TAX, id="collected"),
        pytest.param(THE_REFORM_GIVES, id="a reform gives"),
    ],
)
def test_money_moving_outside_the_graph_is_no_allocation(sentence: str) -> None:
    assert decisions_of(TRANSPORT_AGENCY_BUILDS, sentence) == []


def test_a_grant_to_a_person_is_the_agency_s() -> None:
    [d] = decisions_of(TRANSPORT_AGENCY_BUILDS, GRANTED_TO_A_RESEARCHER)
    assert (d.actor.text, d.kind, d.amount_sek) == (
        "Trafikverket",
        "allocation",
        Decimal(2_000_000),
    )


# A sum in a quote about something else goes with no decision.
THE_BUILDING_COST = """
0 –        PUNCT _      3 punct
1 Bygget   NOUN  bygge  3 nsubj
2 har      AUX   ha     3 aux
3 kostat   VERB  kosta  3 ROOT
4 40       NUM   _      5 nummod
5 miljoner NOUN  miljon 6 nmod
6 kronor   NOUN  krona  3 obj
7 ,        PUNCT _      8 punct
8 säger    VERB  säga   3 parataxis
9 Anna     PROPN _      8 nsubj     B-PER
10 Berg    PROPN _      9 flat:name I-PER
11 .       PUNCT _      3 punct
"""


def test_a_sum_in_a_quote_about_something_else_is_not_the_allocation_s() -> None:
    assert decisions_of(HANDS_OUT, THE_BUILDING_COST) == []


# The sum is the bribe's, "få jobb" moves no money.
BRIBE_TO_GET_A_JOB = """
0 Mannen   NOUN  man    2 nsubj
1 har      AUX   ha     2 aux
2 tagit    VERB  ta     2 ROOT
3 emot     ADP   _      5 case
4 5000     NUM   _      5 nummod
5 kronor   NOUN  krona  2 obl
6 för      ADP   _      8 mark
7 att      PART  _      8 mark
8 hjälpa   VERB  _      2 advcl
9 en       DET   en     10 det
10 kvinna  NOUN  _      8 obj
11 att     PART  _      12 mark
12 få      VERB  få     8 xcomp
13 jobb    NOUN  _      12 obj
14 .       PUNCT _      2 punct
"""
# The agency wants its appropriation raised: a request (the weak parse hangs "vill" on it).
WANTS_IT_RAISED = """
0 Tullverket PROPN _      0 ROOT  B-Agency=agency/tullverket
1 vill       AUX   vilja  0 aux
2 att        SCONJ _      5 mark
3 anslaget   NOUN  anslag 5 nsubj:pass
4 ska        AUX   skola  5 aux
5 höjas      VERB  höja   0 acl
6 med        ADP   _      8 case
7 60         NUM   _      8 nummod
8 miljoner   NOUN  miljon 9 nmod
9 kronor     NOUN  krona  5 obl
10 .         PUNCT _      0 punct
"""
# The government wanting to raise it gives.
GOVERNMENT_WANTS_TO_RAISE = """
0 Regeringen NOUN  regering 2 nsubj B-Organization=org/regeringen
1 vill       AUX   vilja    2 aux
2 höja       VERB  _        2 ROOT
3 anslaget   NOUN  anslag   2 obj
4 till       ADP   _        5 case
5 Tullverket PROPN _        3 nmod  B-Agency=agency/tullverket
6 med        ADP   _        8 case
7 60         NUM   _        8 nummod
8 kronor     NOUN  krona    2 obl
9 .          PUNCT _        2 punct
"""


def test_money_elsewhere_in_the_sentence_is_not_moved_by_get() -> None:
    assert decisions_of(TRANSPORT_AGENCY_BUILDS, BRIBE_TO_GET_A_JOB) == []


def test_a_raise_the_receiver_wants_is_a_request_and_one_the_giver_wants_an_allocation() -> None:
    [asked] = decisions_of(WANTS_IT_RAISED)
    assert (asked.actor.text, asked.kind, asked.amount_sek) == (
        "Tullverket",
        "budget request",
        Decimal(60_000_000),
    )
    [given] = decisions_of(GOVERNMENT_WANTS_TO_RAISE)
    assert (given.kind, parties(given)) == ("allocation", ("Regeringen", "Tullverket"))


# The sum is in the clause of "ville ha" (asked for), not of "fick".
GOT_MORE_THAN_ASKED = """
0  Tullverket PROPN _     1  nsubj     B-Agency=agency/tullverket
1  fick       VERB  få    1  ROOT
2  mer        PRON  _     1  obj
3  än         SCONJ _     6  mark
4  de         PRON  _     6  nsubj
5  hade       AUX   ha    6  aux
6  äskat      ADJ   äska  1  ccomp
7  ,          PUNCT _     1  punct
8  de         PRON  _     10 nsubj
9  ville      AUX   vilja 10 aux
10 ha         VERB  ha    1  parataxis
11 90         NUM   _     12 nummod
12 miljoner   NOUN  miljon 10 obj
13 .          PUNCT _     1  punct
"""


def test_a_sum_in_another_clause_is_not_the_one_received() -> None:
    [d] = decisions_of(GOT_MORE_THAN_ASKED)
    assert (d.actor.text, d.kind, d.amount_sek) == (
        "Tullverket",
        "budget request",
        Decimal(90_000_000),
    )
