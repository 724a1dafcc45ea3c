"""Verbs by what they do in a sentence: auxiliaries and verbs of saying.

Source: written for this project from Svenska Akademiens ordlista forms and the
verbs that introduce quotes in Swedish news (the speech forms are the present and
past of the commonest ones, for when the lemmatizer misses a lemma).
"""

from __future__ import annotations

#: Auxiliaries a weak parse may take for the main verb ("har" in "har arbetat").
AUXILIARY_LEMMAS = frozenset(
    {"ha", "vara", "bli", "skola", "komma", "kunna", "vilja", "måste", "få", "böra"}
)

#: Lemmas of verbs that report speech or opinion.
SPEECH_LEMMAS = frozenset(
    {
        "säga",
        "berätta",
        "konstatera",
        "mena",
        "anse",
        "framhålla",
        "förklara",
        "avsluta",
        "påpeka",
        "understryka",
        "betona",
        "tycka",
        "försäkra",
        "svara",
        "skriva",
        "hävda",
        "poängtera",
        "tillägga",
        "fortsätta",
    }
)
#: Their common forms, for when the lemmatizer misses one.
SPEECH_FORMS = frozenset(
    {
        "säger",
        "sa",
        "sade",
        "berättar",
        "berättade",
        "konstaterar",
        "konstaterade",
        "menar",
        "anser",
        "framhåller",
        "förklarar",
        "avslutar",
        "avslutade",
        "påpekar",
        "understryker",
        "betonar",
        "tycker",
        "försäkrade",
        "svarar",
        "skriver",
        "hävdar",
    }
)
