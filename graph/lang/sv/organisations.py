"""Head nouns of organisation names and of the units inside an organisation.

Source: written for this project from the names in Statskontoret's register of
agencies, SCB's register of municipalities and regions, and the unit names agencies
use on their own pages (avdelning, enhet, stab, sekretariat, region …), with the
forms of Svenska Akademiens ordlista.
"""

from __future__ import annotations

#: Nouns that head a unit's name, in their indefinite and definite forms; a compound on
#: one is one too ("HR-avdelningen", "ledningsstaben", "rättssekretariatet").
UNIT_HEAD_ENDINGS = (
    "avdelning",
    "avdelningen",
    "enhet",
    "enheten",
    "stab",
    "staben",
    "sekretariat",
    "sekretariatet",
    "kansli",
    "kansliet",
    "sektion",
    "sektionen",
    "byrå",
    "byrån",
    "region",
    "regionen",
    "råd",
    "rådet",
    "direktion",
    "direktionen",
    "fakultet",
    "fakulteten",
    "institution",
    "institutionen",
    "institut",
    "institutet",
    "utskott",
    "utskottet",
)
#: Unit heads that are ordinary words on their own, a unit only with a name after them
#: ("region Mitt", "institutionen för medicin") or an adjective before them after their
#: organisation's genitive ("Migrationsverkets norra region", "… vetenskapliga råd").
NAMED_ONLY = frozenset(
    {"region", "regionen", "råd", "rådet", "byrå", "byrån", "institut", "institutet"}
)
#: Gazetteer kinds of organisations whose units are named "X, Organisation" in an
#: affiliation ("medicinska fakulteten, Lunds universitet").
AFFILIATION_KINDS = frozenset({"university", "research"})
#: Words that may join the words of a unit's name after "för": "avdelningen för analys och
#: prognos", "institutionen för humaniora, utbildning och samhällsvetenskap".
NAME_JOINERS = frozenset({",", "och", "samt", "om", "av"})
#: The preposition that opens a unit's name ("avdelningen för …", "institutet för …").
NAME_OPENER = "för"

#: Words an organisation's name ends in (compounds included: "Genomförandekommittén",
#: "Skatteutskottet", "Jubileumsfond"), and the kind of body each names.
ORGANISATION_HEADS: dict[str, str] = {
    "förbund": "union",
    "förbundet": "union",
    "förening": "association",
    "föreningen": "association",
    "stiftelse": "foundation",
    "stiftelsen": "foundation",
    "fond": "foundation",
    "fonden": "foundation",
    "institut": "research",
    "institutet": "research",
    "centrum": "research",
    "nämnd": "agency",
    "nämnden": "agency",
    "kommitté": "committee",
    "kommittén": "committee",
    "utskott": "committee",
    "utskottet": "committee",
    "utredning": "committee",
    "utredningen": "committee",
    "bolag": "company",
    "bolaget": "company",
    "kommun": "municipality",
    "landsting": "region",
    "styrelse": "agency",
    "styrelsen": "agency",
    "inspektion": "agency",
    "inspektionen": "agency",
    "universitet": "university",
    "universitetet": "university",
    "högskola": "university",
    "högskolan": "university",
}
#: Common nouns for a kind of organisation that a name follows ("fastighetsbolaget
#: Specialfastigheter", "fackförbundet Vision"); compounds on them too.
KIND_NOUN_ENDINGS = (
    "bolaget",
    "företaget",
    "förbundet",
    "föreningen",
    "stiftelsen",
    "organisationen",
    "koncernen",
    "kedjan",
    "konsultfirman",
    "byrån",
)
#: Definite endings a name is written with or without ("Mittuniversitet", "Mittuniversitetet").
DEFINITE_ENDINGS = ("et", "en", "n", "t")
#: Company-form words after a company's name ("Diös Fastigheter AB", "Heimstaden AB").
COMPANY_FORMS = frozenset({"AB", "HB", "KB", "ek. för.", "Aktiebolag"})
