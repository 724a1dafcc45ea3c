"""Role records (graph.extract.tenure): status, start and end from a role's own words, and
dates read against the article's date (graph.extract.when)."""

from __future__ import annotations

from extract_docs import build

from graph.extract import run_stages
from graph.extract.context import DocContext
from graph.records import Role

PRESENT = "Mood=Ind|Tense=Pres|VerbForm=Fin"
PAST = "Mood=Ind|Tense=Past|VerbForm=Fin"
SUPINE = "VerbForm=Sup"

# "Anna Berg är sedan 2012 generaldirektör för Tullverket."
SINCE_2012 = """
0 Anna            PROPN _    5 nsubj     B-PER
1 Berg            PROPN _    0 flat:name I-PER
2 är              AUX   vara 5 cop
3 sedan           ADP   _    4 case
4 2012            NUM   _    5 obl
5 generaldirektör NOUN  _    5 ROOT
6 för             ADP   _    7 case
7 Tullverket      PROPN _    5 nmod      B-Agency=agency/tullverket
8 .               PUNCT _    5 punct
"""
# "Per Holm var tidigare chef för Sjöfartsverket."
WAS_FORMERLY = """
0 Per            PROPN _    4 nsubj     B-PER
1 Holm           PROPN _    0 flat:name I-PER
2 var            AUX   vara 4 cop
3 tidigare       ADV   _    4 advmod
4 chef           NOUN  _    4 ROOT
5 för            ADP   _    6 case
6 Sjöfartsverket PROPN _    4 nmod      B-Agency=agency/sjofartsverket
7 .              PUNCT _    4 punct
"""
# "Eva Lund har varit överdirektör på Skatteverket."
HAS_BEEN = """
0 Eva          PROPN _    4 nsubj     B-PER
1 Lund         PROPN _    0 flat:name I-PER
2 har          AUX   ha   4 aux
3 varit        AUX   vara 4 cop
4 överdirektör NOUN  _    4 ROOT
5 på           ADP   _    6 case
6 Skatteverket PROPN _    4 nmod      B-Agency=agency/skatteverket
7 .            PUNCT _    4 punct
"""
# "Eva Lund har varit överdirektör på Skatteverket sedan april 2019."
HAS_BEEN_SINCE = """
0 Eva          PROPN _    4 nsubj     B-PER
1 Lund         PROPN _    0 flat:name I-PER
2 har          AUX   ha   4 aux
3 varit        AUX   vara 4 cop
4 överdirektör NOUN  _    4 ROOT
5 på           ADP   _    6 case
6 Skatteverket PROPN _    4 nmod      B-Agency=agency/skatteverket
7 sedan        ADP   _    8 case
8 april        NOUN  _    4 obl
9 2019         NUM   _    8 nummod
10 .           PUNCT _    4 punct
"""
# "Tidigare i år sa Eva Sund, generaldirektör för Trafikverket, att vägarna är dåliga."
EARLIER_THIS_YEAR = """
0  Tidigare        ADV   _    3  advmod
1  i               ADP   _    2  case
2  år              NOUN  _    0  obl
3  sa              VERB  säga 3  ROOT
4  Eva             PROPN _    3  nsubj     B-PER
5  Sund            PROPN _    4  flat:name I-PER
6  ,               PUNCT _    7  punct
7  generaldirektör NOUN  _    4  appos
8  för             ADP   _    9  case
9  Trafikverket    PROPN _    7  nmod      B-Agency=agency/trafikverket
10 ,               PUNCT _    7  punct
11 att             SCONJ _    14 mark
12 vägarna         NOUN  väg  14 nsubj
13 är              AUX   vara 14 cop
14 dåliga          ADJ   dålig 3 ccomp
15 .               PUNCT _    3  punct
"""
# "Eva Sund, generaldirektör för Trafikverket, presenterade i april 2018 en rapport."
PRESENTED_IN_APRIL = """
0  Eva             PROPN _    7  nsubj     B-PER
1  Sund            PROPN _    0  flat:name I-PER
2  ,               PUNCT _    3  punct
3  generaldirektör NOUN  _    0  appos
4  för             ADP   _    5  case
5  Trafikverket    PROPN _    3  nmod      B-Agency=agency/trafikverket
6  ,               PUNCT _    3  punct
7  presenterade    VERB  presentera 7 ROOT
8  i               ADP   _    9  case
9  april           NOUN  _    7  obl
10 2018            NUM   _    9  nummod
11 en              DET   _    12 det
12 rapport         NOUN  _    7  obj
13 .               PUNCT _    7  punct
"""
# "Generaldirektören Anders Berg på Lantmäteriet avgår vid årsskiftet."
LEAVES_AT_NEW_YEAR = """
0 Generaldirektören NOUN  generaldirektör 5 nsubj
1 Anders            PROPN _      0 appos     B-PER
2 Berg              PROPN _      1 flat:name I-PER
3 på                ADP   _      4 case
4 Lantmäteriet      PROPN _      0 nmod      B-Agency=agency/lantmateriet
5 avgår             VERB  avgå   5 ROOT
6 vid               ADP   _      7 case
7 årsskiftet        NOUN  årsskifte 5 obl
8 .                 PUNCT _      5 punct
"""
# "Regeringen utsåg Lisa Ek till generaldirektör för Kustbevakningen från den 1 maj."
APPOINTED_FROM_MAY = """
0  Regeringen      NOUN  regering 1  nsubj     B-Organization=org/regeringen
1  utsåg           VERB  utse     1  ROOT
2  Lisa            PROPN _        1  obj       B-PER
3  Ek              PROPN _        2  flat:name I-PER
4  till            ADP   _        5  case
5  generaldirektör NOUN  _        1  obl
6  för             ADP   _        7  case
7  Kustbevakningen PROPN _        5  nmod      B-Agency=agency/kustbevakningen
8  från            ADP   _        11 case
9  den             DET   _        11 det
10 1               NUM   _        11 nummod
11 maj             NOUN  _        1  obl
12 .               PUNCT _        1  punct
"""


def roles(table: str, *morph: tuple[int, str], date: str | None = None) -> list[Role]:
    """The role records of one sentence, with the verbs' tense set as the tagger gives it."""
    doc = build(table)
    for i, features in morph:
        doc[i].set_morph(features)
    ctx = DocContext(doc, "doc-1", date=date)
    return run_stages(ctx).roles


def one(found: list[Role]) -> tuple[str, str, str | None, str, str | None, str | None]:
    assert len(found) == 1, found
    (r,) = found
    return r.holder.text, r.organisation.text, r.title, r.status, r.start, r.end


def test_since_a_year_is_a_current_post_from_that_year() -> None:
    found = roles(SINCE_2012, (2, PRESENT))
    assert one(found) == ("Anna Berg", "Tullverket", "generaldirektör", "current", "2012", None)
    assert found[0].relation == "headOf"
    assert found[0].evidence.sentence.startswith("Anna Berg är sedan 2012")


def test_formerly_with_a_past_copula_is_a_former_post() -> None:
    found = roles(WAS_FORMERLY, (2, PAST))
    assert one(found)[3] == "former"


def test_a_perfect_without_since_is_former_and_with_since_current() -> None:
    assert one(roles(HAS_BEEN, (2, PRESENT), (3, SUPINE)))[3] == "former"
    found = roles(HAS_BEEN_SINCE, (2, PRESENT), (3, SUPINE), date="2021-02-10")
    assert one(found)[3:] == ("current", "2019-04", None)


def test_earlier_this_year_is_no_former_post() -> None:
    found = roles(EARLIER_THIS_YEAR, (3, PAST), (13, PRESENT))
    assert one(found) == ("Eva Sund", "Trafikverket", "generaldirektör", "current", None, None)


def test_a_date_of_another_clause_is_not_the_posts() -> None:
    found = roles(PRESENTED_IN_APRIL, (7, PAST))
    assert one(found)[3:] == ("current", None, None)


def test_leaving_at_the_turn_of_the_year_ends_in_the_articles_year() -> None:
    found = roles(LEAVES_AT_NEW_YEAR, (5, PRESENT), date="2026-03-05")
    assert one(found) == (
        "Anders Berg",
        "Lantmäteriet",
        "generaldirektör",
        "current",
        None,
        "2026-12-31",
    )


def test_without_an_article_date_the_day_stays_without_a_year() -> None:
    assert one(roles(LEAVES_AT_NEW_YEAR, (5, PRESENT)))[3:] == ("current", None, "--12-31")
    assert one(roles(APPOINTED_FROM_MAY, (1, PAST)))[4] == "--05-01"


def test_a_month_without_a_year_is_the_nearest_the_tense_allows() -> None:
    # appointed (past) in June: from the first of May just gone, not next year's
    found = roles(APPOINTED_FROM_MAY, (1, PAST), date="2026-06-10")
    assert one(found)[4] == "2026-05-01"
    found = roles(APPOINTED_FROM_MAY, (1, PRESENT), date="2026-06-10")
    assert one(found)[4] == "2026-05-01"  # "från" reads as a start already under way


# "Tidigare har Per Holm varit chef för Sjöfartsverket."
FORMERLY_FRONTED = """
0 Tidigare       ADV   _    5 advmod
1 har            AUX   ha   5 aux
2 Per            PROPN _    5 nsubj     B-PER
3 Holm           PROPN _    2 flat:name I-PER
4 varit          AUX   vara 5 cop
5 chef           NOUN  _    5 ROOT
6 för            ADP   _    7 case
7 Sjöfartsverket PROPN _    5 nmod      B-Agency=agency/sjofartsverket
8 .              PUNCT _    5 punct
"""
# "Det visar att Per Holm var chef för Sjöfartsverket 2010–2015."
WAS_CHIEF_IN_A_RANGE = """
0  Det            PRON  den  1  nsubj
1  visar          VERB  visa 1  ROOT
2  att            SCONJ _    6  mark
3  Per            PROPN _    6  nsubj     B-PER
4  Holm           PROPN _    3  flat:name I-PER
5  var            AUX   vara 6  cop
6  chef           NOUN  _    1  ccomp
7  för            ADP   _    8  case
8  Sjöfartsverket PROPN _    6  nmod      B-Agency=agency/sjofartsverket
9  2010           NUM   _    6  obl
10 –              PUNCT _    11 punct
11 2015           NUM   _    9  nmod
12 .              PUNCT _    1  punct
"""


def test_a_fronted_former_adverb_makes_the_post_former() -> None:
    assert one(roles(FORMERLY_FRONTED, (1, PRESENT), (4, SUPINE)))[3] == "former"


def test_a_range_of_years_is_start_and_end_and_the_opening_clause_is_not_the_roles() -> None:
    # "visar" opens the sentence: not an adverbial, nothing of it is the role's
    found = roles(WAS_CHIEF_IN_A_RANGE, (1, PRESENT), (5, PAST))
    assert one(found)[3:] == ("former", "2010", "2015")


# "Eva Lund är i dag överdirektör på Skatteverket."
TODAY = """
0 Eva          PROPN _    5 nsubj     B-PER
1 Lund         PROPN _    0 flat:name I-PER
2 är           AUX   vara 5 cop
3 i            ADP   _    4 case
4 dag          NOUN  _    5 obl
5 överdirektör NOUN  _    5 ROOT
6 på           ADP   _    7 case
7 Skatteverket PROPN _    5 nmod      B-Agency=agency/skatteverket
8 .            PUNCT _    5 punct
"""


def test_today_says_the_post_is_held_not_that_it_starts() -> None:
    assert one(roles(TODAY, (2, PRESENT), date="2026-03-05"))[3:] == ("current", None, None)


# "Då tilldelas Eva Lund vid Tullverket 120,5 tkr 2018." (the year is the grant's)
GRANTED_IN_2018 = """
0 Då         ADV   _        1 advmod
1 tilldelas  VERB  tilldela 1 ROOT
2 Eva        PROPN _        1 nsubj:pass B-PER
3 Lund       PROPN _        2 flat:name  I-PER
4 vid        ADP   _        5 case
5 Tullverket PROPN _        2 nmod       B-Agency=agency/tullverket
6 120,5      NUM   _        7 nummod
7 tkr        NOUN  _        1 obj
8 2018       NUM   _        1 obl
9 .          PUNCT _        1 punct
"""


def test_a_year_after_an_amount_is_not_the_posts() -> None:
    found = roles(GRANTED_IN_2018, (1, PRESENT))
    assert one(found) == ("Eva Lund", "Tullverket", None, "current", None, None)
