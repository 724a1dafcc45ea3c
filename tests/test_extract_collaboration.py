"""collaboratesWith as news writes it (graph.extract.collaboration), negatives included."""

from __future__ import annotations

from extract_docs import build, triples, written

from graph.extract import extract
from graph.records import Fact

BETWEEN_TWO = """
0 Samarbetet      NOUN  samarbete     6 nsubj:pass
1 mellan          ADP   _             2 case
2 Tullverket      PROPN _             0 nmod  B-Agency=agency/tullverket
3 och             CCONJ _             4 cc
4 Kustbevakningen NOUN  kustbevakning 2 conj  B-Agency=agency/kustbevakningen
5 ska             AUX   skola         6 aux
6 stärkas         VERB  stärka        6 ROOT
7 .               PUNCT _             6 punct
"""
# A common noun in the list ("kommunen") is passed over; the agencies on both sides are kept.
BETWEEN_A_LIST = """
0  Det             PRON  den           1 nsubj
1  krävs           VERB  kräva         1 ROOT
2  samverkan       NOUN  _             1 obj
3  mellan          ADP   _             4 case
4  Tullverket      PROPN _             2 nmod  B-Agency=agency/tullverket
5  ,               PUNCT _             6 punct
6  kommunen        NOUN  kommun        4 conj
7  och             CCONJ _             8 cc
8  Kustbevakningen NOUN  kustbevakning 4 conj  B-Agency=agency/kustbevakningen
9  .               PUNCT _             1 punct
"""
TOGETHER_WITH = """
0 Tillsammans     ADV   tillsammans   2 advmod
1 med             ADP   _             2 case
2 Tullverket      PROPN _             3 obl    B-Agency=agency/tullverket
3 öppnar          VERB  öppna         3 ROOT
4 Kustbevakningen NOUN  kustbevakning 3 nsubj  B-Agency=agency/kustbevakningen
5 ett             DET   en            6 det
6 kontor          NOUN  _             3 obj
7 .               PUNCT _             3 punct
"""
# A colleague "tillsammans med" an agency's report is no partner organisation.
TOGETHER_WITH_A_PERSON = """
0  Tillsammans ADV   tillsammans 2 advmod
1  med         ADP   _           2 case
2  kollegan    NOUN  kollega     7 obl
3  Per         PROPN _           2 appos     B-PER
4  Holm        PROPN _           3 flat:name I-PER
5  har         AUX   ha          7 aux
6  Tullverket  PROPN _           7 nsubj     B-Agency=agency/tullverket
7  skrivit     VERB  skriva      7 ROOT
8  en          DET   _           9 det
9  rapport     NOUN  _           7 obj
10 .           PUNCT _           7 punct
"""
JOINT_OFFICE = """
0 Tullverkets      PROPN Tullverket    5 nmod:poss B-Agency=agency/tullverket
1 och              CCONJ _             2 cc
2 Kustbevakningens NOUN  kustbevakning 4 nmod:poss B-Agency=agency/kustbevakningen
3 gemensamma       ADJ   gemensam      4 amod
4 servicekontor    NOUN  _             5 nsubj
5 stänger          VERB  stänga        5 ROOT
6 .                PUNCT _             5 punct
"""
COORDINATED_SUBJECTS = """
0 Tullverket      PROPN _             3 nsubj B-Agency=agency/tullverket
1 och             CCONJ _             2 cc
2 Kustbevakningen NOUN  kustbevakning 0 conj  B-Agency=agency/kustbevakningen
3 samverkar       VERB  samverka      3 ROOT
4 .               PUNCT _             3 punct
"""
WITH_A_PLACE = """
0 Tullverket PROPN _         1 nsubj B-Agency=agency/tullverket
1 samarbetar VERB  samarbeta 1 ROOT
2 med        ADP   _         3 case
3 Malmö      PROPN _         1 obl   B-Place=place/malmo
4 .          PUNCT _         1 punct
"""
# One organisation's own joint work: "gemensamma" with a single owner links nothing.
ONE_OWNER_JOINT = """
0 Tullverkets PROPN Tullverket 3 nmod:poss B-Agency=agency/tullverket
1 gemensamma  ADJ   gemensam   2 amod
2 system      NOUN  _          3 nsubj
3 fungerar    VERB  fungera    3 ROOT
4 .           PUNCT _          3 punct
"""

PAIR = {("Tullverket", "collaboratesWith", "Kustbevakningen")}


def collaborations(*sentences: str) -> list[Fact]:
    facts = extract(build(*sentences), "doc-1").facts
    return [f for f in facts if f.predicate == "collaboratesWith"]


def test_collaboration_between_two_organisations() -> None:
    facts = collaborations(BETWEEN_TWO)
    assert triples(facts) == PAIR
    assert facts[0].evidence.rule == "link:collaboration"


def test_collaboration_between_a_list_passes_over_common_nouns() -> None:
    assert triples(collaborations(BETWEEN_A_LIST)) == PAIR


def test_together_with_an_organisation() -> None:
    facts = collaborations(TOGETHER_WITH)
    assert triples(facts) == {("Kustbevakningen", "collaboratesWith", "Tullverket")}
    assert facts[0].evidence.rule == "link:together"


def test_together_with_a_person_is_no_collaboration() -> None:
    assert collaborations(TOGETHER_WITH_A_PERSON) == []


def test_owners_of_a_joint_office_collaborate() -> None:
    facts = collaborations(JOINT_OFFICE)
    assert {frozenset((f.subject.text, written(f.object))) for f in facts} == {
        frozenset(("Tullverkets", "Kustbevakningens"))
    }
    assert facts[0].evidence.rule == "link:joint"


def test_coordinated_subjects_of_a_collaboration_verb() -> None:
    assert triples(collaborations(COORDINATED_SUBJECTS)) == PAIR


def test_a_place_or_a_single_owner_is_no_partner() -> None:
    assert collaborations(WITH_A_PLACE) == []
    assert collaborations(ONE_OWNER_JOINT) == []


# A quote whose subject is "vi": the speaker's organisation (the title's genitive) collaborates.
WE_COLLABORATE_SAYS_DIRECTOR = """
0  –               PUNCT _           3  punct
1  Vi              PRON  vi          3  nsubj
2  har             AUX   ha          3  aux
3  samarbetat      VERB  samarbeta   3  ROOT
4  med             ADP   _           5  case
5  Kustbevakningen PROPN _           3  obl       B-Agency=agency/kustbevakningen
6  ,               PUNCT _           7  punct
7  säger           VERB  säga        3  parataxis
8  Tullverkets     PROPN Tullverket  9  nmod:poss B-Agency=agency/tullverket
9  generaldirektör NOUN  _           7  nsubj
10 Anna            PROPN _           9  appos     B-PER
11 Berg            PROPN _           10 flat:name I-PER
12 .               PUNCT _           3  punct
"""
# The same with a subject of its own, which is no organisation: no collaboration is read.
MUNICIPALITIES_COLLABORATE_SAYS_DIRECTOR = WE_COLLABORATE_SAYS_DIRECTOR.replace(
    "Vi              PRON  vi   ", "Kommunerna      NOUN  kommun"
)


def test_we_in_a_quote_is_the_speakers_organisation() -> None:
    assert triples(collaborations(WE_COLLABORATE_SAYS_DIRECTOR)) == {
        ("Tullverkets", "collaboratesWith", "Kustbevakningen")
    }


def test_a_quote_whose_subject_is_no_organisation_names_no_collaboration() -> None:
    assert "Kommunerna" in MUNICIPALITIES_COLLABORATE_SAYS_DIRECTOR
    assert collaborations(MUNICIPALITIES_COLLABORATE_SAYS_DIRECTOR) == []
