"""Quotes and their speakers (graph.extract.quotes)."""

from __future__ import annotations

from extract_docs import PARAGRAPH, build, read_back
from parses import ANNA_BERG_HAS_WORKED, WE_HIRE_SAYS_PRESS_OFFICER

from graph.extract import extract
from graph.records import Quote

WE_MUST_SHORTEN = """
0 –            PUNCT _        3 punct
1 Vi           PRON  vi       3 nsubj
2 måste        AUX   _        3 aux
3 korta        VERB  _        3 ROOT
4 väntetiderna NOUN  väntetid 3 obj
5 .            PUNCT _        3 punct
"""
THAT_SAYS_HEAD_OF_DEPARTMENT = """
0 Det            PRON  den  1 obj
1 säger          VERB  säga 1 ROOT
2 Lars           PROPN _    1 nsubj     B-PER
3 Ek             PROPN _    2 flat:name I-PER
4 ,              PUNCT _    5 punct
5 avdelningschef NOUN  _    2 appos
6 på             ADP   _    7 case
7 Skatteverket   PROPN _    5 nmod      B-Agency=agency/skatteverket
8 .              PUNCT _    1 punct
"""
WE_HAVE_HIRED = """
0 –        PUNCT _        4 punct
1 Vi       PRON  vi       4 nsubj
2 har      AUX   ha       4 aux
3 redan    ADV   _        4 advmod
4 anställt VERB  anställa 4 ROOT
5 fler     ADJ   många    4 obj
6 .        PUNCT _        4 punct
"""
ANNA_BERG_NOTES = """
0 Anna        PROPN _          2 nsubj     B-PER
1 Berg        PROPN _          0 flat:name I-PER
2 konstaterar VERB  konstatera 2 ROOT
3 att         SCONJ _          6 mark
4 köerna      NOUN  kö         6 nsubj
5 har         AUX   ha         6 aux
6 blivit      VERB  bli        2 ccomp
7 kortare     ADJ   kort       6 xcomp
8 .           PUNCT _          2 punct
"""
IT_GOES_WELL_SAYS_SHE = """
0 –     PUNCT _    2 punct
1 Det   PRON  den  2 nsubj
2 går   VERB  gå   5 ccomp
3 bra   ADV   _    2 advmod
4 ,     PUNCT _    5 punct
5 säger VERB  säga 5 ROOT
6 hon   PRON  _    5 nsubj
7 .     PUNCT _    5 punct
"""
THE_REPORT_SAYS = """
0 Rapporten NOUN  rapport 1 nsubj
1 säger     VERB  säga    1 ROOT
2 att       SCONJ _       4 mark
3 köerna    NOUN  kö      4 nsubj
4 växer     VERB  växa    1 ccomp
5 .         PUNCT _       1 punct
"""
A_FUN_JOB = """
0 –      PUNCT _     5 punct
1 Det    PRON  den   5 nsubj
2 är     AUX   vara  5 cop
3 ett    DET   en    5 det
4 roligt ADJ   rolig 5 amod
5 jobb   NOUN  _     5 ROOT
6 .      PUNCT _     5 punct
"""


def said(*sentences: str) -> list[tuple[str, str, str]]:
    """(speaker, text, rule) of every quote the extraction finds."""
    found = extract(build(*sentences), "doc-1").quotes
    return [(q.speaker.text, q.text, q.evidence.rule) for q in found]


def test_direct_quote_with_the_speaker_after_it() -> None:
    doc = build(WE_HIRE_SAYS_PRESS_OFFICER)
    [quote] = extract(doc, "doc-1").quotes
    assert isinstance(quote, Quote)
    assert (quote.speaker.text, quote.speaker.cls) == ("Anna Berg", "Person")
    assert quote.text == "Vi anställer 50 personer i Malmö"
    assert quote.evidence.rule == "quote:direct"
    assert quote.evidence.sentence == doc.text
    assert read_back(doc, quote.evidence)


def test_dash_paragraph_said_by_the_speaker_of_the_next_det_saeger() -> None:
    doc = build(WE_MUST_SHORTEN, PARAGRAPH, THAT_SAYS_HEAD_OF_DEPARTMENT)
    [quote] = extract(doc, "doc-1").quotes
    assert (quote.speaker.text, quote.text, quote.evidence.rule) == (
        "Lars Ek",
        "Vi måste korta väntetiderna.",
        "quote:det-säger",
    )
    assert quote.evidence.sentence == "Det säger Lars Ek, avdelningschef på Skatteverket."
    assert read_back(doc, quote.evidence)


def test_dash_paragraph_without_a_speech_verb_continues_the_last_speaker() -> None:
    assert said(WE_HIRE_SAYS_PRESS_OFFICER, PARAGRAPH, WE_HAVE_HIRED) == [
        ("Anna Berg", "Vi anställer 50 personer i Malmö", "quote:direct"),
        ("Anna Berg", "Vi har redan anställt fler.", "quote:continued"),
    ]


def test_dash_paragraph_after_a_paragraph_about_someone_is_theirs() -> None:
    assert said(ANNA_BERG_HAS_WORKED, PARAGRAPH, A_FUN_JOB) == [
        ("Anna Berg", "Det är ett roligt jobb.", "quote:continued"),
    ]


def test_dash_paragraph_with_nobody_before_it_is_nobodys() -> None:
    assert said(WE_MUST_SHORTEN, PARAGRAPH, WE_HAVE_HIRED) == []


def test_indirect_speech_after_att() -> None:
    assert said(ANNA_BERG_NOTES) == [
        ("Anna Berg", "köerna har blivit kortare", "quote:indirect"),
    ]


def test_pronoun_speaker_is_the_person_named_before() -> None:
    assert said(ANNA_BERG_NOTES, PARAGRAPH, IT_GOES_WELL_SAYS_SHE) == [
        ("Anna Berg", "köerna har blivit kortare", "quote:indirect"),
        ("Anna Berg", "Det går bra", "quote:direct"),
    ]


def test_a_report_saying_something_is_no_quote() -> None:
    assert said(THE_REPORT_SAYS) == []


# "säger presschefen på Trafikverket, Ola Holm": the name closes the clause, after the title
WE_SEE_LIGHT_SAYS_TITLE_THEN_NAME = """
0  –            PUNCT _         2  punct
1  Vi           PRON  vi        2  nsubj
2  ser          VERB  se        7  ccomp
3  ljust        ADV   _         2  advmod
4  på           ADP   _         5  case
5  framtiden    NOUN  framtid   2  obl
6  ,            PUNCT _         7  punct
7  säger        VERB  säga      7  ROOT
8  presschefen  NOUN  presschef 7  nsubj
9  på           ADP   _         10 case
10 Trafikverket PROPN _         8  nmod      B-Agency=agency/trafikverket
11 ,            PUNCT _         12 punct
12 Ola          PROPN _         8  appos     B-PER
13 Holm         PROPN _         12 flat:name I-PER
14 .            PUNCT _         7  punct
"""


def test_speaker_named_after_the_title_that_is_the_subject() -> None:
    assert said(WE_SEE_LIGHT_SAYS_TITLE_THEN_NAME) == [
        ("Ola Holm", "Vi ser ljust på framtiden", "quote:direct"),
    ]
