"""numberOfEmployees in the forms news writes it (graph.extract.staff), negatives included."""

from __future__ import annotations

from extract_docs import build, triples

from graph.extract import extract
from graph.records import Fact

HAS_OFFICE_IN_YSTAD = """
0 Tullverket PROPN _  1 nsubj B-Agency=agency/tullverket
1 har        VERB  ha 1 ROOT
2 kontor     NOUN  _  1 obj
3 i          ADP   _  4 case
4 Ystad      PROPN _  2 nmod  B-Place=place/ystad
5 .          PUNCT _  1 punct
"""
# "där" is the office just named: the figure is the office's, not the agency's.
THERE_WORK_PEOPLE = """
0 Där      ADV   där    1 advmod
1 arbetar  VERB  arbeta 1 ROOT
2 i        ADP   _      3 case
3 dag      NOUN  _      1 obl
4 cirka    ADV   _      5 advmod
5 40       NUM   _      6 nummod
6 personer NOUN  person 1 obl
7 .        PUNCT _      1 punct
"""
# "där" right after the agency's own name: the agency's figure.
AGENCY_WHERE_PEOPLE_WORK = """
0 Tullverket PROPN _      7 nsubj     B-Agency=agency/tullverket
1 ,          PUNCT _      0 punct
2 där        ADV   _      5 advmod
3 900        NUM   _      4 nummod
4 personer   NOUN  person 5 nsubj
5 arbetar    VERB  arbeta 0 acl:relcl
6 ,          PUNCT _      7 punct
7 växer      VERB  växa   7 ROOT
8 .          PUNCT _      7 punct
"""
NUMBER_OF_STAFF_CHANGED = """
0  Antalet    NOUN  antal    1 nsubj
1  anställda  ADJ   anställd 1 ROOT
2  på         ADP   _        3 case
3  Tullverket PROPN _        5 obl       B-Agency=agency/tullverket
4  har        AUX   ha       5 aux
5  ökat       VERB  öka      1 parataxis
6  från       ADP   _        7 case
7  800        NUM   _        5 obl
8  till       ADP   _        10 case
9  drygt      ADJ   dryg     10 advmod
10 950        NUM   _        5 obl
11 .          PUNCT _        1 punct
"""
GENITIVE_OWNER = """
0 Tullverkets PROPN Tullverket 1 nmod:poss B-Agency=agency/tullverket
1 2           NUM   _          3 nsubj
2 100         NUM   _          1 flat
3 anställda   ADJ   anställd   4 nmod
4 får         VERB  få         4 ROOT
5 nya         ADJ   ny         6 amod
6 lokaler     NOUN  lokal      4 obj
7 .           PUNCT _          4 punct
"""
PEOPLE_EMPLOYED_OF_WHICH = """
0  Tullverket PROPN _        1 nsubj  B-Agency=agency/tullverket
1  har        VERB  ha       1 ROOT
2  3          NUM   _        4 nummod
3  000        NUM   _        2 flat
4  personer   NOUN  person   5 nsubj
5  anställda  ADJ   anställd 1 xcomp
6  ,          PUNCT _        1 punct
7  varav      ADV   _        8 advmod
8  200        NUM   _        1 advcl
9  i          ADP   _        10 case
10 Ystad      PROPN _        8 obl    B-Place=place/ystad
11 .          PUNCT _        1 punct
"""
PART_OF_THE_STAFF_LAID_OFF = """
0 Tullverket PROPN _        1 nsubj        B-Agency=agency/tullverket
1 varslar    VERB  varsla   1 ROOT
2 700        NUM   _        5 nummod
3 av         ADP   _        4 case
4 2          NUM   _        5 nummod
5 100        NUM   _        1 obj
6 anställda  NOUN  anställd 5 flat
7 .          PUNCT _        1 punct
"""
# The offices' staff, not the agency's.
OFFICES_WITH_STAFF_CLOSE = """
0 Tullverket  PROPN _     1 nsubj        B-Agency=agency/tullverket
1 lägger      VERB  lägga 1 ROOT
2 ned         ADV   _     1 compound:prt
3 tre         NUM   _     4 nummod
4 kontor      NOUN  _     1 obj
5 med         ADP   _     7 case
6 90          NUM   _     7 nummod
7 medarbetare NOUN  _     4 nmod
8 .           PUNCT _     1 punct
"""
HIRING = """
0 Tullverket PROPN _        2 nsubj B-Agency=agency/tullverket
1 ska        AUX   skola    2 aux
2 anställa   VERB  _        2 ROOT
3 300        NUM   _        4 nummod
4 personer   NOUN  person   2 obj
5 .          PUNCT _        2 punct
"""
# A place and no office named: the figure is dropped rather than given to anyone.
PEOPLE_WORK_IN_A_TOWN = """
0 I        ADP   i      1 case
1 Ystad    PROPN _      2 obl   B-Place=place/ystad
2 arbetar  VERB  arbeta 2 ROOT
3 40       NUM   _      4 nummod
4 personer NOUN  person 2 nsubj
5 .        PUNCT _      2 punct
"""


def staff(*sentences: str) -> list[Fact]:
    facts = extract(build(*sentences), "doc-1").facts
    return [f for f in facts if f.predicate == "numberOfEmployees"]


def test_people_working_there_belong_to_the_office_named_before() -> None:
    facts = staff(HAS_OFFICE_IN_YSTAD, THERE_WORK_PEOPLE)
    assert [(f.subject.cls, f.subject.key, f.object) for f in facts] == [
        ("Office", "office/agency/tullverket@place/ystad", 40)
    ]


def test_people_working_where_the_agency_is_named() -> None:
    assert triples(staff(AGENCY_WHERE_PEOPLE_WORK)) == {("Tullverket", "numberOfEmployees", 900)}


def test_a_changed_number_of_staff_gives_the_current_figure() -> None:
    assert triples(staff(NUMBER_OF_STAFF_CHANGED)) == {("Tullverket", "numberOfEmployees", 950)}


def test_staff_count_after_a_genitive_owner() -> None:
    assert triples(staff(GENITIVE_OWNER)) == {("Tullverkets", "numberOfEmployees", 2100)}


def test_people_employed_and_the_part_in_one_office() -> None:
    facts = staff(HAS_OFFICE_IN_YSTAD, PEOPLE_EMPLOYED_OF_WHICH)
    assert {(f.subject.key, f.object) for f in facts} == {
        ("agency/tullverket", 3000),
        ("office/agency/tullverket@place/ystad", 200),
    }


def test_the_whole_of_a_part_is_the_workforce() -> None:
    assert triples(staff(PART_OF_THE_STAFF_LAID_OFF)) == {("Tullverket", "numberOfEmployees", 2100)}


def test_offices_staff_hiring_and_a_bare_town_are_no_agency_figure() -> None:
    assert staff(OFFICES_WITH_STAFF_CLOSE) == []
    assert staff(HIRING) == []
    assert staff(PEOPLE_WORK_IN_A_TOWN) == []


def test_the_part_of_a_workforce_in_a_town_works_at_the_office_there() -> None:
    # no office named before: the part in Ystad makes one
    facts = extract(build(PEOPLE_EMPLOYED_OF_WHICH), "doc-1").facts
    ystad = "office/agency/tullverket@place/ystad"
    office = {
        (f.predicate, getattr(f.object, "key", f.object)) for f in facts if f.subject.key == ystad
    }
    assert office == {
        ("partOf", "agency/tullverket"),
        ("locatedIn", "place/ystad"),
        ("numberOfEmployees", 200),
    }
