"""Verbs that give a person a role: appointing, becoming, being, working, leading.

Source: written for this project from the verbs Swedish news and agencies' press
releases use for appointments and posts (Svenska Akademiens ordlista lemmas).
"""

from __future__ import annotations

#: Someone appoints the person (the object) to a title: "Regeringen utsåg Eva Berg till …";
#: in the passive the person is the subject: "Eva Berg utsågs till …".
APPOINTING_LEMMAS = frozenset(
    {
        "utse",
        "utnämna",
        "tillsätta",
        "anställa",
        "rekrytera",
        "välja",
        "förordna",
        "nominera",
    }
)
#: The subject holds, takes or held the title the verb links it to ("som", "till", or a
#: predicative): "är överdirektör", "blir chef", "tillträdde som rektor", "tar över som …".
HOLDING_LEMMAS = frozenset(
    {
        "vara",
        "bli",
        "tillträda",
        "arbeta",
        "jobba",
        "tjänstgöra",
        "verka",
        "börja",
        "ta",
        "kvarstå",
        "stanna",
        "fortsätta",
        "efterträda",
        "ersätta",
        "sitta",
    }
)
#: The subject works at the organisation after a preposition: "har arbetat på Skatteverket".
WORKING_LEMMAS = frozenset({"arbeta", "jobba", "forska", "tjänstgöra", "verka"})
#: The subject heads the organisation that is the object: "ska leda Migrationsverket".
LEADING_LEMMAS = frozenset({"leda", "styra"})
#: Words that tie a title to the verb: "utses till chef", "arbetar som jurist".
TITLE_MARKERS = frozenset({"till", "som"})
#: The relative pronoun that stands for the name it follows: "Ola Ström, som är …".
RELATIVE = "som"
