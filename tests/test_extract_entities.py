"""Entity mentions (graph.extract.entities) on hand-built parses."""

from __future__ import annotations

from extract_docs import build, named
from parses import ANNA_LINDQVIST_LEADS, LEADS_PROJECT, OFFICES_CLOSE

from graph.extract import extract, run_stages
from graph.extract.context import DocContext
from graph.records import Mention

DIRECTOR_SAYS = """
0  Skatteverkets    PROPN  Skatteverket     1  nmod:poss  B-Agency=agency/skatteverket
1  generaldirektör  NOUN   generaldirektör  5  nsubj
2  Katrin           PROPN  _                1  appos      B-PER
3  Westling         PROPN  _                2  flat:name  I-PER
4  Palm             PROPN  _                2  flat:name  I-PER
5  säger            VERB   säga             5  ROOT
6  att              SCONJ  _                8  mark
7  myndigheten      NOUN   myndighet        8  nsubj
8  anställer        VERB   anställa         5  ccomp
9  200              NUM    _                10 nummod
10 personer         NOUN   person           8  obj
11 .                PUNCT  _                5  punct
"""
# "Försäkringskassans" tagged ORG by the statistical NER, without a gazetteer id.
OFFICE_CLOSES = """
0 Försäkringskassans PROPN Försäkringskassan 1 nmod:poss B-ORG
1 kontor             NOUN  kontor            2 nsubj
2 stänger            VERB  stänga            2 ROOT
3 .                  PUNCT _                 2 punct
"""
REPORT_SAYS = """
0 Enligt    ADP   enligt   1 case
1 Rapporten NOUN  rapport  3 obl   B-ORG
2 har       AUX   ha       3 aux
3 ökat      VERB  öka      3 ROOT
4 .         PUNCT _        3 punct
"""
# The NER span took in the title in front of the name.
PRESS_OFFICER_SAYS = """
0 Det         PRON  den       1 nsubj
1 säger       VERB  säga      1 ROOT
2 presschefen NOUN  presschef 1 obj       B-PER
3 Anna        PROPN _         2 appos     I-PER
4 Lindqvist   PROPN _         3 flat:name I-PER
5 .           PUNCT _         1 punct
"""
LINDQVIST_TELLS = """
0 Lindqvist PROPN _        1 nsubj
1 berättar  VERB  berätta  1 ROOT
2 om        ADP   _        4 case
3 sina      PRON  sin      4 nmod:poss
4 planer    NOUN  plan     1 obl
5 .         PUNCT _        1 punct
"""
# "Berg" is a municipality in the gazetteer, and a common surname.
MARIA_BERG_ANSWERS = """
0 Maria  PROPN _     2 nsubj     B-PER
1 Berg   PROPN _     0 flat:name I-PER
2 svarar VERB  svara 2 ROOT
3 .      PUNCT _     2 punct
"""
BERG_DISAGREES = """
0 Berg       PROPN _     1 nsubj  B-PER
1 tycker     VERB  tycka 1 ROOT
2 annorlunda ADV   _     1 advmod
3 .          PUNCT _     1 punct
"""
EMPLOYMENT_SERVICE_GROWS = """
0 Arbetsförmedlingen PROPN _    1 nsubj B-Agency=agency/arbetsformedlingen
1 växer              VERB  växa 1 ROOT
2 .                  PUNCT _    1 punct
"""
THE_SERVICE_HIRES = """
0 Förmedlingen NOUN  förmedling 1 nsubj
1 anställer    VERB  anställa   1 ROOT
2 fler         ADJ   många      1 obj
3 .            PUNCT _          1 punct
"""
THE_BOARD_GROWS = """
0 Verket NOUN  verk 1 nsubj
1 växer  VERB  växa 1 ROOT
2 .      PUNCT _    1 punct
"""
PROJECT_IS_CALLED = """
0 Projektet NOUN  projekt 1 nsubj
1 heter     VERB  heta    1 ROOT
2 digitala  ADJ   digital 1 xcomp
3 vägar     NOUN  väg     2 flat
4 .         PUNCT _       1 punct
"""

# The tagger took the name's words for an adjective and a noun (lemmas garbled as unknown
# words' are); the NER still says PER.
MISTAGGED_NAME_IS_LAWYER = """
0 Karin     ADJ   karinma     1 amod  B-PER
1 Sturesson NOUN  sturessonma 3 nsubj I-PER
2 är        AUX   vara        3 cop
3 jurist    NOUN  jurist      3 ROOT
4 .         PUNCT _           3 punct
"""


def mentions_of(*sentences: str) -> list[tuple[str, str, str | None]]:
    """(text, class, key) of the mentions the entity stage finds, in text order."""
    ctx = DocContext(build(*sentences), "doc-1")
    run_stages(ctx, until="entities")
    return [(m.text, m.cls, m.key) for m in sorted(ctx.mentions, key=lambda m: m.start)]


def test_gazetteer_and_ner_names_become_typed_mentions() -> None:
    doc = build(DIRECTOR_SAYS)
    mentions = sorted(extract(doc, "doc-1").mentions, key=lambda m: m.start)
    assert mentions == [
        Mention("doc-1", 0, 13, "Skatteverkets", "Agency", "agency/skatteverket"),
        Mention("doc-1", 30, 50, "Katrin Westling Palm", "Person", None),
    ]
    assert [doc.text[m.start : m.end] for m in mentions] == [m.text for m in mentions]


def test_ner_organisation_in_the_gazetteer_gets_its_class_and_key() -> None:
    assert mentions_of(OFFICE_CLOSES) == [
        ("Försäkringskassans", "Agency", "agency/forsakringskassan")
    ]


def test_capitalised_sentence_start_is_not_an_entity() -> None:
    # The NER took the capitalised common noun that opens the sentence for an organisation.
    mistaken = OFFICES_CLOSE.replace("nsubj:pass", "nsubj:pass B-ORG", 1)
    assert mentions_of(mistaken) == [
        ("Kiruna", "Place", "place/kiruna"),
        ("Gällivare", "Place", "place/gallivare"),
    ]


def test_unknown_name_must_be_a_proper_noun() -> None:
    assert mentions_of(REPORT_SAYS) == []


def test_title_is_trimmed_from_a_name() -> None:
    ctx = DocContext(build(PRESS_OFFICER_SAYS), "doc-1")
    run_stages(ctx, until="entities")
    assert ctx.mentions == [Mention("doc-1", 22, 36, "Anna Lindqvist", "Person")]


def test_surname_alone_after_the_full_name_is_the_person() -> None:
    ctx = DocContext(build(ANNA_LINDQVIST_LEADS, LINDQVIST_TELLS), "doc-1")
    run_stages(ctx, until="entities")
    assert ctx.mentions == [
        Mention("doc-1", 0, 14, "Anna Lindqvist", "Person"),
        Mention("doc-1", 30, 39, "Lindqvist", "Person"),
    ]


def test_surname_alone_before_any_full_name_is_not_guessed() -> None:
    assert mentions_of(LINDQVIST_TELLS) == []


def test_person_named_like_a_place_stays_a_person() -> None:
    assert mentions_of(MARIA_BERG_ANSWERS, BERG_DISAGREES) == [
        ("Maria Berg", "Person", None),
        ("Berg", "Person", None),
    ]


def test_ner_organisation_that_is_a_persons_name_is_the_person() -> None:
    mistaken = LINDQVIST_TELLS.replace("1 nsubj", "1 nsubj B-ORG", 1)
    assert mentions_of(ANNA_LINDQVIST_LEADS, mistaken) == [
        ("Anna Lindqvist", "Person", None),
        ("Lindqvist", "Person", None),
    ]


def test_short_form_of_an_agency_is_the_agency() -> None:
    ctx = DocContext(build(EMPLOYMENT_SERVICE_GROWS, THE_SERVICE_HIRES), "doc-1")
    run_stages(ctx, until="entities")
    short = named(ctx.mentions, "Förmedlingen")
    assert (short.cls, short.key) == ("Agency", "agency/arbetsformedlingen")


def test_institution_noun_without_its_agency_is_nothing() -> None:
    # "verket" stands for Skatteverket only in a text that names Skatteverket
    assert mentions_of(THE_BOARD_GROWS) == []


def test_project_named_after_a_project_noun_and_again_in_lower_case() -> None:
    assert mentions_of(LEADS_PROJECT, PROJECT_IS_CALLED) == [
        ("Anna Lindqvist", "Person", None),
        ("Digitala vägar", "Project", None),
        ("digitala vägar", "Project", None),
    ]


AREA_COMPOUND = """
0 Bostadsbristen  NOUN  bostadsbrist       1 nsubj
1 växer           VERB  växa               1 ROOT
2 i               ADP   _                  3 case
3 Göteborgsregionen NOUN göteborgsregion   1 obl
4 .               PUNCT _                  1 punct
"""


def test_known_place_glued_to_an_area_noun_is_a_place() -> None:
    assert mentions_of(AREA_COMPOUND) == [("Göteborgsregionen", "Place", None)]


def test_full_name_the_tagger_took_for_common_words_is_still_a_person() -> None:
    assert mentions_of(MISTAGGED_NAME_IS_LAWYER) == [("Karin Sturesson", "Person", None)]


def test_capitalised_word_before_a_common_noun_is_no_full_name() -> None:
    # only the NER's span says PER, and its second word is written in lower case
    lower = MISTAGGED_NAME_IS_LAWYER.replace("Sturesson NOUN  sturessonma", "sturesson NOUN  x")
    assert mentions_of(lower) == []
