"""Parse tables that more than one extractor test reads (the format is in extract_docs).

A sentence that only one test file needs stays in that file, beside the tests
that read it; a sentence two files need lives here once, so that a fix to its
parse reaches every test that builds it.
"""

from __future__ import annotations

#: Direct quote, speaker after it with a person-title-org attribution: "– Vi anställer …,
#: säger Anna Berg, presschef på Arbetsförmedlingen."
WE_HIRE_SAYS_PRESS_OFFICER = """
0  –                  PUNCT _        2  punct
1  Vi                 PRON  vi       2  nsubj
2  anställer          VERB  anställa 8  ccomp
3  50                 NUM   _        4  nummod
4  personer           NOUN  person   2  obj
5  i                  ADP   _        6  case
6  Malmö              PROPN _        2  obl       B-Place=place/malmo
7  ,                  PUNCT _        8  punct
8  säger              VERB  säga     8  ROOT
9  Anna               PROPN _        8  nsubj     B-PER
10 Berg               PROPN _        9  flat:name I-PER
11 ,                  PUNCT _        12 punct
12 presschef          NOUN  _        9  appos
13 på                 ADP   _        14 case
14 Arbetsförmedlingen PROPN _        12 nmod      B-Agency=agency/arbetsformedlingen
15 .                  PUNCT _        8  punct
"""

#: A title before two people joined by "och", then their organisation: "Forskarna Anna
#: Lindqvist och Per Holm vid Uppsala universitet varnar."
RESEARCHERS_AT_UNIVERSITY = """
0  Forskarna   NOUN  forskare 9 nsubj
1  Anna        PROPN _        0 appos     B-PER
2  Lindqvist   PROPN _        1 flat:name I-PER
3  och         CCONJ _        4 cc
4  Per         PROPN _        1 conj      B-PER
5  Holm        PROPN _        4 flat:name I-PER
6  vid         ADP   _        7 case
7  Uppsala     PROPN _        0 nmod      B-Organization=org/uppsala-universitet
8  universitet NOUN  _        7 flat:name I-Organization=org/uppsala-universitet
9  varnar      VERB  varna    9 ROOT
10 .           PUNCT _        9 punct
"""

#: An agency as the subject of a plain transitive verb: "Trafikverket bygger en ny väg."
TRANSPORT_AGENCY_BUILDS = """
0 Trafikverket PROPN _     1 nsubj B-Agency=agency/trafikverket
1 bygger       VERB  bygga 1 ROOT
2 en           DET   _     4 det
3 ny           ADJ   _     4 amod
4 väg          NOUN  _     1 obj
5 .            PUNCT _     1 punct
"""

#: A sentence naming nobody, to put distance between two others: "Köerna växer också."
QUEUES_GROW = """
0 Köerna NOUN  kö   1 nsubj
1 växer  VERB  växa 1 ROOT
2 också  ADV   _    1 advmod
3 .      PUNCT _    1 punct
"""

#: A full name as the subject: "Anna Lindqvist leder arbetet."
ANNA_LINDQVIST_LEADS = """
0 Anna      PROPN _       2 nsubj     B-PER
1 Lindqvist PROPN _       0 flat:name I-PER
2 leder     VERB  leda    2 ROOT
3 arbetet   NOUN  arbete  2 obj
4 .         PUNCT _       2 punct
"""

#: A pronoun subject and an agency after "på": "Hon började på Skatteverket."
SHE_JOINED_THE_TAX_AGENCY = """
0 Hon          PRON  hon   1 nsubj
1 började      VERB  börja 1 ROOT
2 på           ADP   _     3 case
3 Skatteverket PROPN _     1 obl    B-Agency=agency/skatteverket
4 .            PUNCT _     1 punct
"""

#: "myndigheten" standing for an agency named before it: "Myndigheten växer."
THE_AGENCY_GROWS = """
0 Myndigheten NOUN  myndighet 1 nsubj
1 växer       VERB  växa      1 ROOT
2 .           PUNCT _         1 punct
"""

#: An office noun with two places and no agency, in the passive: "Kontoren i Kiruna och
#: Gällivare ska läggas ner."
OFFICES_CLOSE = """
0 Kontoren  NOUN  kontor  6 nsubj:pass
1 i         ADP   _       2 case
2 Kiruna    PROPN _       0 nmod       B-Place=place/kiruna
3 och       CCONJ _       4 cc
4 Gällivare PROPN _       2 conj       B-Place=place/gallivare
5 ska       AUX   skola   6 aux
6 läggas    VERB  lägga   6 ROOT
7 ner       ADP   _       6 compound:prt
8 .         PUNCT _       6 punct
"""

#: A person who has worked at an agency, oblique with "på": "Anna Berg har arbetat på
#: Skatteverket i tio år."
ANNA_BERG_HAS_WORKED = """
0 Anna         PROPN _      3 nsubj     B-PER
1 Berg         PROPN _      0 flat:name I-PER
2 har          AUX   ha     3 aux
3 arbetat      VERB  arbeta 3 ROOT
4 på           ADP   _      5 case
5 Skatteverket PROPN _      3 obl       B-Agency=agency/skatteverket
6 i            ADP   _      8 case
7 tio          NUM   _      8 nummod
8 år           NOUN  _      3 obl
9 .            PUNCT _      3 punct
"""

#: A place in the genitive before an office noun, with a staff count: "Luleås lokala kontor
#: har 45 anställda."
LOCAL_OFFICE_STAFF = """
0 Luleås    PROPN Luleå    2 nmod:poss B-Place=place/lulea
1 lokala    ADJ   lokal    2 amod
2 kontor    NOUN  _        3 nsubj
3 har       VERB  ha       3 ROOT
4 45        NUM   _        5 nummod
5 anställda NOUN  anställd 3 obj
6 .         PUNCT _        3 punct
"""

#: Two agencies joined by a collaboration verb: "Skatteverket samarbetar med Polismyndigheten."
TAX_AGENCY_AND_POLICE = """
0 Skatteverket     PROPN _         1 nsubj B-Agency=agency/skatteverket
1 samarbetar       VERB  samarbeta 1 ROOT
2 med              ADP   _         3 case
3 Polismyndigheten PROPN _         1 obl   B-Agency=agency/polismyndigheten
4 .                PUNCT _         1 punct
"""

#: A person leading a project named in »guillemets« after a project noun: "Anna Lindqvist
#: leder forskningsprojektet »Digitala vägar«."
LEADS_PROJECT = """
0 Anna                PROPN _                 2 nsubj     B-PER
1 Lindqvist           PROPN _                 0 flat:name I-PER
2 leder               VERB  leda              2 ROOT
3 forskningsprojektet NOUN  forskningsprojekt 2 obj
4 »                   PUNCT _                 5 punct
5 Digitala            ADJ   digital           3 appos
6 vägar               NOUN  väg               5 flat
7 «                   PUNCT _                 5 punct
8 .                   PUNCT _                 2 punct
"""

#: The government as a subject: "Regeringen utser en ny chef."
GOVERNMENT_APPOINTS = """
0 Regeringen PROPN _    1 nsubj B-Organization=org/regeringen
1 utser      VERB  utse 1 ROOT
2 en         DET   _    4 det
3 ny         ADJ   _    4 amod
4 chef       NOUN  _    1 obj
5 .          PUNCT _    1 punct
"""
