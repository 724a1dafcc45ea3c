"""Role clauses through the parse (graph.extract.role_clauses), and the precision rules of
roles: union branch chairs, pronoun holders, speakers who speak for an agency."""

from __future__ import annotations

from extract_docs import PARAGRAPH, build, stage_facts, triples
from parses import QUEUES_GROW, TRANSPORT_AGENCY_BUILDS

from graph.extract import extract
from graph.records import Fact, Mention

# copula with an adverbial between: "Per Lind är i dag överdirektör på Tullverket."
DEPUTY_TODAY = """
0 Per          PROPN _     5 nsubj     B-PER
1 Lind         PROPN _     0 flat:name I-PER
2 är           AUX   vara  5 cop
3 i            ADP   _     4 case
4 dag          NOUN  _     5 obl
5 överdirektör NOUN  _     5 ROOT
6 på           ADP   _     7 case
7 Tullverket   PROPN _     5 nmod      B-Agency=agency/tullverket
8 .            PUNCT _     5 punct
"""
# active appointing verb, adverbial between verb and appointee
GOVERNMENT_APPOINTED = """
0  Regeringen      NOUN  regering 1  nsubj     B-Organization=org/regeringen
1  utsåg           VERB  utse     1  ROOT
2  på              ADP   _        3  case
3  torsdagen       NOUN  torsdag  1  obl
4  Anna            PROPN _        1  obj       B-PER
5  Ek              PROPN _        4  flat:name I-PER
6  till            ADP   _        8  case
7  ny              ADJ   _        8  amod
8  generaldirektör NOUN  _        1  obl
9  för             ADP   _        10 case
10 Tullverket      PROPN _        8  nmod      B-Agency=agency/tullverket
11 .               PUNCT _        1  punct
"""
# passive, an adverb between: "Eva Berg utsågs nyligen till chef för Tullverket."
APPOINTED_RECENTLY = """
0 Eva        PROPN _    2 nsubj:pass B-PER
1 Berg       PROPN _    0 flat:name  I-PER
2 utsågs     VERB  utse 2 ROOT
3 nyligen    ADV   _    2 advmod
4 till       ADP   _    5 case
5 chef       NOUN  _    2 obl
6 för        ADP   _    7 case
7 Tullverket PROPN _    5 nmod       B-Agency=agency/tullverket
8 .          PUNCT _    2 punct
"""
# a relative clause on the speaker: "Det går bra, säger Ola Ström, som sedan 2019 är
# HR-direktör vid Polismyndigheten."
SPEAKER_WHO_IS_HR_DIRECTOR = """
0  Det              PRON  den  1  expl
1  går              VERB  gå   1  ROOT
2  bra              ADV   _    1  advmod
3  ,                PUNCT _    4  punct
4  säger            VERB  säga 1  parataxis
5  Ola              PROPN _    4  nsubj     B-PER
6  Ström            PROPN _    5  flat:name I-PER
7  ,                PUNCT _    8  punct
8  som              PRON  _    12 nsubj
9  sedan            ADP   _    10 case
10 2019             NUM   _    12 obl
11 är               AUX   vara 12 cop
12 HR-direktör      NOUN  _    5  acl:relcl
13 vid              ADP   _    14 case
14 Polismyndigheten PROPN _    12 nmod      B-Agency=agency/polismyndigheten
15 .                PUNCT _    1  punct
"""
# a past job, no title: "Anna Ek har arbetat på Skatteverket sedan 2010."
HAS_WORKED_AT = """
0 Anna         PROPN _      3 nsubj     B-PER
1 Ek           PROPN _      0 flat:name I-PER
2 har          AUX   ha     3 aux
3 arbetat      VERB  arbeta 3 ROOT
4 på           ADP   _      5 case
5 Skatteverket PROPN _      3 obl       B-Agency=agency/skatteverket
6 sedan        ADP   _      7 case
7 2010         NUM   _      3 obl
8 .            PUNCT _      3 punct
"""
# a plain "chef på": a manager at the agency, not its head
MANAGER_AT = """
0 Anna         PROPN _      2 nsubj     B-PER
1 Ek           PROPN _      0 flat:name I-PER
2 arbetade     VERB  arbeta 2 ROOT
3 som          SCONJ _      4 mark
4 chef         NOUN  _      2 xcomp
5 på           ADP   _      6 case
6 Skatteverket PROPN _      4 nmod      B-Agency=agency/skatteverket
7 .            PUNCT _      2 punct
"""
# two people, then "Hon är jurist.": which of them is not knowable
TWO_PEOPLE_MET = """
0 Anna    PROPN _    2 nsubj     B-PER
1 Ek      PROPN _    0 flat:name I-PER
2 träffade VERB träffa 2 ROOT
3 Eva     PROPN _    2 obj       B-PER
4 Berg    PROPN _    3 flat:name I-PER
5 .       PUNCT _    2 punct
"""
ONE_PERSON_SPOKE = """
0 Eva    PROPN _     2 nsubj     B-PER
1 Berg   PROPN _     0 flat:name I-PER
2 talade VERB  tala  2 ROOT
3 .      PUNCT _     2 punct
"""
SHE_IS_A_LAWYER = """
0 Hon    PRON  hon  2 nsubj
1 är     AUX   vara 2 cop
2 jurist NOUN  _    2 ROOT
3 .      PUNCT _    2 punct
"""
# a complement clause's subject is its own: "Eva Berg berättade att det blir överdirektören
# som tar över." gives Eva Berg no title
CLEFT_AFTER_SPEAKER = """
0 Eva              PROPN _        2 nsubj     B-PER
1 Berg             PROPN _        0 flat:name I-PER
2 berättade        VERB  berätta  2 ROOT
3 att              SCONJ _        5 mark
4 det              PRON  den      5 nsubj
5 blir             VERB  bli      2 ccomp
6 överdirektören   NOUN  _        5 obj
7 som              PRON  _        8 nsubj
8 tar              VERB  ta       6 acl:relcl
9 över             ADP   _        8 compound:prt
10 .               PUNCT _        2 punct
"""
# a union's branch chair: "Per Holm, ordförande för ST inom Trafikverket, kritiserar beslutet."
BRANCH_CHAIR_CRITICISES = """
0 Per         PROPN _         8 nsubj     B-PER
1 Holm        PROPN _         0 flat:name I-PER
2 ,           PUNCT _         3 punct
3 ordförande  NOUN  _         0 appos
4 för         ADP   _         5 case
5 ST          PROPN _         3 nmod      B-Organization=org/fackforbundet-st
6 inom        ADP   _         7 case
7 Trafikverket PROPN _        5 nmod      B-Agency=agency/trafikverket
8 kritiserar  VERB  kritisera 8 ROOT
9 beslutet    NOUN  beslut    8 obj
10 .          PUNCT _         8 punct
"""
# a minister quoted saying "vi" speaks for no agency
WE_DECIDE_SAYS_MINISTER = """
0 –          PUNCT _     2 punct
1 Vi         PRON  vi    2 nsubj
2 beslutar   VERB  besluta 5 ccomp
3 nu         ADV   _     2 advmod
4 ,          PUNCT _     5 punct
5 säger      VERB  säga  5 ROOT
6 finansminister NOUN _  5 nsubj
7 Eva        PROPN _     6 appos     B-PER
8 Lund       PROPN _     7 flat:name I-PER
9 .          PUNCT _     5 punct
"""
# a speaker who names the agency in the quote is someone else: "– Vi erbjuder Trafikverket
# nya lokaler, säger Anna Berg."
WE_OFFER_THE_AGENCY_SAYS = """
0 –            PUNCT _       2 punct
1 Vi           PRON  vi      2 nsubj
2 erbjuder     VERB  erbjuda 7 ccomp
3 Trafikverket PROPN _       2 iobj      B-Agency=agency/trafikverket
4 nya          ADJ   ny      5 amod
5 lokaler      NOUN  lokal   2 obj
6 ,            PUNCT _       7 punct
7 säger        VERB  säga    7 ROOT
8 Anna         PROPN _       7 nsubj     B-PER
9 Berg         PROPN _       8 flat:name I-PER
10 .           PUNCT _       7 punct
"""


def clause_facts(*sentences: str) -> list[Fact]:
    return stage_facts("role-clauses", *sentences)


def test_copula_with_an_adverbial_between() -> None:
    facts = clause_facts(DEPUTY_TODAY)
    assert triples(facts) == {
        ("Per Lind", "jobTitle", "överdirektör"),
        ("Per Lind", "worksFor", "Tullverket"),
    }
    assert {f.evidence.rule for f in facts} == {"role-clause:vara"}


def test_active_appointment_gives_the_object_the_title() -> None:
    facts = clause_facts(GOVERNMENT_APPOINTED)
    assert triples(facts) == {
        ("Anna Ek", "jobTitle", "generaldirektör"),
        ("Anna Ek", "headOf", "Tullverket"),
    }
    assert {f.evidence.rule for f in facts} == {"role-clause:utse"}


def test_passive_appointment_with_an_adverb_between() -> None:
    assert triples(clause_facts(APPOINTED_RECENTLY)) == {
        ("Eva Berg", "jobTitle", "chef"),
        ("Eva Berg", "headOf", "Tullverket"),
    }


def test_relative_clause_on_a_speaker() -> None:
    assert triples(clause_facts(SPEAKER_WHO_IS_HR_DIRECTOR)) == {
        ("Ola Ström", "jobTitle", "hr-direktör"),
        ("Ola Ström", "worksFor", "Polismyndigheten"),
    }


def test_working_at_an_agency_in_the_perfect() -> None:
    facts = clause_facts(HAS_WORKED_AT)
    assert triples(facts) == {("Anna Ek", "worksFor", "Skatteverket")}
    assert facts[0].evidence.rule == "role-clause:arbeta"


def test_a_plain_chef_at_an_agency_works_there_without_heading_it() -> None:
    assert triples(clause_facts(MANAGER_AT)) == {
        ("Anna Ek", "jobTitle", "chef"),
        ("Anna Ek", "worksFor", "Skatteverket"),
    }


def test_a_pronoun_after_two_people_goes_to_nobody() -> None:
    assert clause_facts(TWO_PEOPLE_MET, SHE_IS_A_LAWYER) == []


def test_a_pronoun_after_one_subject_goes_to_that_person() -> None:
    assert triples(clause_facts(ONE_PERSON_SPOKE, SHE_IS_A_LAWYER)) == {
        ("Eva Berg", "jobTitle", "jurist")
    }


def test_a_complement_clause_does_not_give_the_speaker_its_title() -> None:
    assert clause_facts(CLEFT_AFTER_SPEAKER) == []


def test_a_union_branch_chair_is_a_member_and_works_where_the_branch_is() -> None:
    facts = [f for f in extract(build(BRANCH_CHAIR_CRITICISES), "doc-1").facts]
    assert {t for t in triples(facts) if t[0] == "Per Holm"} == {
        ("Per Holm", "jobTitle", "ordförande"),
        ("Per Holm", "memberOf", "ST"),
        ("Per Holm", "worksFor", "Trafikverket"),
    }


def test_a_minister_saying_vi_speaks_for_no_agency() -> None:
    doc = build(TRANSPORT_AGENCY_BUILDS, PARAGRAPH, WE_DECIDE_SAYS_MINISTER)
    assert [f for f in extract(doc, "doc-1").facts if f.predicate == "worksFor"] == []


def test_a_speaker_naming_the_agency_in_the_quote_speaks_for_someone_else() -> None:
    doc = build(TRANSPORT_AGENCY_BUILDS, QUEUES_GROW, PARAGRAPH, WE_OFFER_THE_AGENCY_SAYS)
    assert [f for f in extract(doc, "doc-1").facts if f.predicate == "worksFor"] == []


# the parse hangs the copula on the modifier: "Eva Berg har varit tillförordnad
# generaldirektör på Tullverket."
ACTING_SINCE = """
0 Eva             PROPN _     4 nsubj     B-PER
1 Berg            PROPN _     0 flat:name I-PER
2 har             AUX   ha    4 aux
3 varit           AUX   vara  4 cop
4 tillförordnad   ADJ   _     4 ROOT
5 generaldirektör NOUN  _     4 obj
6 på              ADP   _     7 case
7 Tullverket      PROPN _     5 nmod      B-Agency=agency/tullverket
8 .               PUNCT _     4 punct
"""
# a title as the subject with the name on it: "Ministern Per Holm förordnades som utredare."
MINISTER_MADE_INQUIRER = """
0 Ministern   NOUN  minister 3 nsubj:pass
1 Per         PROPN _        0 appos      B-PER
2 Holm        PROPN _        1 flat:name  I-PER
3 förordnades VERB  förordna 3 ROOT
4 som         SCONJ _        5 mark
5 utredare    NOUN  _        3 xcomp
6 .           PUNCT _        3 punct
"""
# the head of a department works for its agency: "Anna Berg är chef för Skatteverkets
# avdelning för analys."
HEAD_OF_DEPARTMENT = """
0 Anna          PROPN _    3 nsubj     B-PER
1 Berg          PROPN _    0 flat:name I-PER
2 är            AUX   vara 3 cop
3 chef          NOUN  _    3 ROOT
4 för           ADP   _    6 case
5 Skatteverkets PROPN _    6 nmod:poss B-Agency=agency/skatteverket
6 avdelning     NOUN  _    3 nmod
7 för           ADP   _    8 case
8 analys        NOUN  _    6 nmod
9 .             PUNCT _    3 punct
"""
# a compound title naming its agency: "Det säger kriminalvårdschefen Per Holm."
PRISON_CHIEF_SAYS = """
0 Det                 PRON  den  1 obj
1 säger               VERB  säga 1 ROOT
2 kriminalvårdschefen NOUN  _    1 nsubj
3 Per                 PROPN _    2 appos     B-PER
4 Holm                PROPN _    3 flat:name I-PER
5 .                   PUNCT _    1 punct
"""
# a party letter between the name and the title: "Per Holm (C), ordförande i utskottet, svarar."
CHAIR_WITH_PARTY_ANSWERS = """
0 Per        PROPN _     8 nsubj     B-PER
1 Holm       PROPN _     0 flat:name I-PER
2 (          PUNCT _     3 punct
3 C          PROPN _     0 appos
4 )          PUNCT _     3 punct
5 ,          PUNCT _     6 punct
6 ordförande NOUN  _     0 appos
7 i          ADP   _     8 case
8 svarar     VERB  svara 8 ROOT
9 .          PUNCT _     8 punct
"""


def test_a_copula_on_the_title_modifier_still_gives_the_title() -> None:
    assert triples(clause_facts(ACTING_SINCE)) == {
        ("Eva Berg", "jobTitle", "tillförordnad generaldirektör"),
        ("Eva Berg", "headOf", "Tullverket"),
    }


def test_a_title_subject_gives_its_name_the_role() -> None:
    assert triples(clause_facts(MINISTER_MADE_INQUIRER)) == {("Per Holm", "jobTitle", "utredare")}


def test_the_head_of_a_department_also_works_for_its_agency() -> None:
    facts = extract(build(HEAD_OF_DEPARTMENT), "doc-1").facts
    assert {(s, p, o) for s, p, o in triples(facts) if s == "Anna Berg"} == {
        ("Anna Berg", "jobTitle", "chef"),
        ("Anna Berg", "headOf", "Skatteverkets avdelning för analys"),
        ("Anna Berg", "worksFor", "Skatteverkets"),
    }


def test_a_compound_title_naming_an_agency_works_for_it() -> None:
    facts = [
        f for f in extract(build(PRISON_CHIEF_SAYS), "doc-1").facts if f.predicate == "worksFor"
    ]
    assert len(facts) == 1 and facts[0].subject.text == "Per Holm"
    agency = facts[0].object
    assert isinstance(agency, Mention) and agency.key == "agency/kriminalvarden"
    assert agency.text == ""  # the title is no name of the agency


def test_a_party_letter_between_name_and_title() -> None:
    facts = extract(build(CHAIR_WITH_PARTY_ANSWERS), "doc-1").facts
    assert ("Per Holm", "jobTitle", "ordförande") in triples(facts)


# the relative clause attached to the wrong word: "Det säger Per Holm, som är regionchef."
SPEAKER_WHO_IS_REGIONAL_CHIEF = """
0 Det        PRON  den  1 obj
1 säger      VERB  säga 1 ROOT
2 Per        PROPN _    1 nsubj     B-PER
3 Holm       PROPN _    2 flat:name I-PER
4 ,          PUNCT _    7 punct
5 som        PRON  _    7 nsubj
6 är         AUX   vara 7 cop
7 regionchef NOUN  _    1 obl
8 .          PUNCT _    1 punct
"""


def test_som_right_after_a_name_stands_for_it_when_the_parse_loses_the_clause() -> None:
    assert triples(clause_facts(SPEAKER_WHO_IS_REGIONAL_CHIEF)) == {
        ("Per Holm", "jobTitle", "regionchef")
    }
