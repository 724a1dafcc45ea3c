"""Job titles by list and by shape (graph.extract.titles), and the relation a title's role gives."""

from __future__ import annotations

from extract_docs import build, stage_facts, triples

from graph.extract.titles import HEAD, POLITICIAN, STAFF, UNIT_HEAD, find_titles, title_word
from graph.records import Fact

# A deputy's title with its modifier: "Tullverkets ställföreträdande generaldirektör Eva Lund
# varnar."
DEPUTY_DIRECTOR_GENERAL_WARNS = """
0 Tullverkets        PROPN _     2 nmod:poss B-Agency=agency/tullverket
1 ställföreträdande  ADJ   _     2 amod
2 generaldirektör    NOUN  _     5 nsubj
3 Eva                PROPN _     2 appos     B-PER
4 Lund               PROPN _     3 flat:name I-PER
5 varnar             VERB  varna 5 ROOT
6 .                  PUNCT _     5 punct
"""
# An acting head: "Den tillförordnade generaldirektören Eva Lund på Tullverket svarar."
ACTING_DIRECTOR_GENERAL_ANSWERS = """
0 Den                  DET   _     2 det
1 tillförordnade       ADJ   _     2 amod
2 generaldirektören    NOUN  _     7 nsubj
3 Eva                  PROPN _     2 appos     B-PER
4 Lund                 PROPN _     3 flat:name I-PER
5 på                   ADP   _     6 case
6 Tullverket           PROPN _     2 nmod      B-Agency=agency/tullverket
7 svarar               VERB  svara 7 ROOT
8 .                    PUNCT _     7 punct
"""
# A compound title no list has, after the name: "Per Holm, utvecklingschef på Kriminalvården,
# svarar."
DEVELOPMENT_CHIEF_ANSWERS = """
0 Per              PROPN _     6 nsubj     B-PER
1 Holm             PROPN _     0 flat:name I-PER
2 ,                PUNCT _     3 punct
3 utvecklingschef  NOUN  _     0 appos
4 på               ADP   _     5 case
5 Kriminalvården   PROPN _     3 nmod      B-Agency=agency/kriminalvarden
6 svarar           VERB  svara 6 ROOT
7 .                PUNCT _     6 punct
"""
# A coordinated minister's title: "Det säger arbetsmarknads- och integrationsministern Ola Lund."
COORDINATED_MINISTER_SAYS = """
0 Det                         PRON  den  1 obj
1 säger                       VERB  säga 1 ROOT
2 arbetsmarknads-             NOUN  _    4 compound
3 och                         CCONJ _    4 cc
4 integrationsministern       NOUN  _    1 nsubj
5 Ola                         PROPN _    4 appos     B-PER
6 Lund                        PROPN _    5 flat:name I-PER
7 .                           PUNCT _    1 punct
"""


def role_facts(*sentences: str) -> list[Fact]:
    return stage_facts("roles", *sentences)


def test_a_compound_of_dictionary_words_and_a_title_head_is_a_title() -> None:
    found = title_word("kriminalvårdschefen")
    assert found is not None and (found.base, found.role, found.curated) == (
        "kriminalvårdschef",
        UNIT_HEAD,
        False,
    )
    assert title_word("Arbetsmiljöinspektörerna") == title_word("arbetsmiljöinspektör")
    assert title_word("kommunikationsansvarig") is not None


def test_an_abbreviation_before_a_hyphen_makes_a_compound_title() -> None:
    found = title_word("HR-direktören")
    assert found is not None and found.base == "hr-direktör"


def test_words_that_only_end_like_a_title_are_not_titles() -> None:
    # "förråd" ends in a head's letters; "xqvzchef" has no dictionary word before "chef";
    # "ansvarig" alone is an adjective; "kocken" ends in none of the heads
    for word in ("förrådet", "xqvzchef", "ansvarig", "kocken", "Stefan"):
        assert title_word(word) is None, word


def test_curated_titles_keep_their_listed_role() -> None:
    found = title_word("generaldirektören")
    assert found is not None and (found.base, found.role, found.curated) == (
        "generaldirektör",
        HEAD,
        True,
    )


def test_a_deputy_modifier_is_kept_and_makes_the_holder_staff() -> None:
    [title] = find_titles(build(DEPUTY_DIRECTOR_GENERAL_WARNS))
    assert (title.start, title.end, title.title, title.head, title.role) == (
        1,
        3,
        "ställföreträdande generaldirektör",
        "generaldirektör",
        STAFF,
    )
    facts = role_facts(DEPUTY_DIRECTOR_GENERAL_WARNS)
    assert triples(facts) == {
        ("Eva Lund", "jobTitle", "ställföreträdande generaldirektör"),
        ("Eva Lund", "worksFor", "Tullverkets"),
    }


def test_an_acting_head_heads_and_keeps_the_modifier_in_base_form() -> None:
    facts = role_facts(ACTING_DIRECTOR_GENERAL_ANSWERS)
    assert triples(facts) == {
        ("Eva Lund", "jobTitle", "tillförordnad generaldirektör"),
        ("Eva Lund", "headOf", "Tullverket"),
    }


def test_an_unlisted_unit_head_works_for_the_agency() -> None:
    assert triples(role_facts(DEVELOPMENT_CHIEF_ANSWERS)) == {
        ("Per Holm", "jobTitle", "utvecklingschef"),
        ("Per Holm", "worksFor", "Kriminalvården"),
    }


def test_a_coordinated_title_is_one_title() -> None:
    [title] = find_titles(build(COORDINATED_MINISTER_SAYS))
    assert (title.start, title.title, title.role) == (
        2,
        "arbetsmarknads- och integrationsminister",
        POLITICIAN,
    )
    assert ("Ola Lund", "jobTitle", "arbetsmarknads- och integrationsminister") in triples(
        role_facts(COORDINATED_MINISTER_SAYS)
    )
