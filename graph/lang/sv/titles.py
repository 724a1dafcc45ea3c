"""Job titles by shape: the heads compound titles end in, and the words that modify a title.

Source: written for this project from Svenska Akademiens ordlista and the titles
Swedish agencies, universities and unions give their staff ("HR-direktör",
"utvecklingschef", "arbetsmiljöinspektör"). The curated titles of
ontology/gazetteers/curated/titles.tsv stay the precise core; these heads let a
compound the list lacks still be a title ("kriminalvårdschef", "affärschef").
"""

from __future__ import annotations

#: Head word of a compound title → (role of its holder, inflection paradigm of
#: graph.lang.sv.inflection). "unit-head" heads a unit: head of an office named with
#: it, else staff of the organisation ("utvecklingschef på Polisen"). "-råd" is left
#: out: "förråd", "husråd" are words, and the råd titles are in the curated list.
COMPOUND_HEADS: dict[str, tuple[str, str]] = {
    "chef": ("unit-head", "er"),
    "direktör": ("unit-head", "er"),
    "minister": ("politician", "minister"),
    "ordförande": ("head", "ande"),
    "sekreterare": ("staff", "are"),
    "talesperson": ("staff", "er"),
    "handläggare": ("staff", "are"),
    "inspektör": ("staff", "er"),
    "ansvarig": ("staff", "=ansvariga|ansvarige"),
    "officer": ("staff", "=officeren|officerare|officerarna"),
    "ledamot": ("member", "ot"),
    "ledare": ("staff", "are"),
    "vetare": ("staff", "are"),
    "forskare": ("staff", "are"),
    "professor": ("staff", "or"),
    "lektor": ("staff", "or"),
    "rådgivare": ("staff", "are"),
    "strateg": ("staff", "er"),
    "samordnare": ("staff", "are"),
    "specialist": ("staff", "er"),
    "expert": ("staff", "er"),
    "utredare": ("staff", "are"),
    "analytiker": ("staff", "iker"),
    "assistent": ("staff", "er"),
    "jurist": ("staff", "er"),
    "ekonom": ("staff", "er"),
    "åklagare": ("staff", "are"),
    "domare": ("staff", "are"),
    "förvaltare": ("staff", "are"),
    "revisor": ("staff", "or"),
    "läkare": ("staff", "are"),
    "ingenjör": ("staff", "er"),
}

#: Heads that are no title on their own: "ansvarig" is an adjective, "ledare" an editorial.
ONLY_IN_COMPOUNDS = frozenset({"ansvarig", "ledare", "vetare"})

#: Words before a title that belong to it, as written → (base form, effect on the
#: holder's role). An acting head ("tillförordnad", "t.f.", "vikarierande") heads;
#: a deputy ("ställföreträdande", "biträdande", "vice") is staff.
ACTING = "acting"
DEPUTY = "deputy"
MODIFIERS: dict[str, tuple[str, str]] = {
    "tillförordnad": ("tillförordnad", ACTING),
    "tillförordnade": ("tillförordnad", ACTING),
    "t.f.": ("t.f.", ACTING),
    "tf": ("tf", ACTING),
    "tf.": ("tf", ACTING),
    "vikarierande": ("vikarierande", ACTING),
    "ställföreträdande": ("ställföreträdande", DEPUTY),
    "biträdande": ("biträdande", DEPUTY),
    "vice": ("vice", DEPUTY),
}

#: Head titles of a unit in the curated list: "regionchef på Skatteverket" works for
#: Skatteverket and heads a part of it; "platschef på nationella försäkringscentret"
#: heads that office.
UNIT_HEADS = frozenset(
    {
        "platschef",
        "kontorschef",
        "enhetschef",
        "avdelningschef",
        "sektionschef",
        "verksamhetschef",
        "regionchef",
        "områdeschef",
    }
)

#: Titles only an agency's head has: "generaldirektören Irene Wennemo" with no agency
#: named is the director-general of the agency just mentioned.
AGENCY_HEADS = frozenset({"generaldirektör", "överdirektör", "myndighetschef"})

#: Joins the parts of a coordinated title: "justitie- och migrationsminister".
TITLE_JOINERS = frozenset({"och", "samt", ","})

#: Prepositions that tie a title to its organisation: "chef för", "lektor vid", "ordförande i".
TITLE_PREPOSITIONS = ["på", "vid", "för", "hos", "inom", "i"]
#: Prepositions that tie a person to an employer: "Löfvenholm på försäkringskassan".
PERSON_PREPOSITIONS = ["på", "vid", "hos", "inom"]

#: Head titles that after "på", "vid", "hos", "inom" name a manager at the organisation, not
#: its head: "chef på Skatteverket" (but "chef för Skatteverket" heads it).
PLAIN_CHIEFS = frozenset({"chef"})
#: A union's chair by these titles, with the union after a preposition, chairs a local branch.
LOCAL_CHAIRS = frozenset({"ordförande", "avdelningsordförande", "klubbordförande"})
#: Prepositions before the workplace of a union branch: "ordförande för ST inom Trafikverket".
BRANCH_PREPOSITIONS = frozenset({"inom", "på", "vid", "i"})
