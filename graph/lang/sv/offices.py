"""Words for the local and national units of an organisation, and for lists of places.

Source: written for this project from Svenska Akademiens ordlista forms of the nouns
Swedish agencies and their news use for a unit in a place (kontor, enhet, center,
anstalt, station …) and from SAG's coordination (list words between conjuncts).
"""

from __future__ import annotations

#: Office nouns in all their forms; a compound ending in one is one too
#: ("lokalkontoret", "servicekontor", "asylprövningsenheterna", "telefonkundtjänstcenter").
OFFICE_NOUN_ENDINGS = (
    "kontor",
    "kontoret",
    "kontoren",
    "kontors",
    "enhet",
    "enheten",
    "enheter",
    "enheterna",
    "center",
    "centret",
    "centrum",
    "centra",
    "filial",
    "filialen",
    "filialer",
    "filialerna",
    "anstalt",
    "anstalten",
    "anstalter",
    "anstalterna",
    "häkte",
    "häktet",
    "häkten",
    "station",
    "stationen",
    "stationer",
    "stationerna",
)
#: Office nouns only as whole words: an agency's short name for its local units
#: ("kassorna i Malmö och Växjö"; "a-kassorna" are unemployment funds).
OFFICE_NOUNS_WHOLE = frozenset({"kassan", "kassorna"})
#: Staff nouns that, with "i"/"på" and places right after them, speak of the units there
#: ("medarbetarna i Karlskrona och Kiruna").
STAFF_NOUNS = frozenset({"medarbetarna", "medarbetare", "personalen", "anställda", "tjänstemännen"})
#: Words that open a list of places ("i A och B", "på fem orter: A, B", "(A, B)").
LIST_OPENERS = frozenset({"i", "på", "vid", "(", ":"})
#: Words that may stand between the places of one list, or between an office noun and
#: the list ("två enheter, en i Göteborg och en i Torsby").
LIST_WORDS = frozenset(
    {
        ",",
        ";",
        "/",
        "och",
        "eller",
        "samt",
        "respektive",
        "en",
        "ett",
        "båda",
        "både",
        "inom",
        "av",
        "två",
        "tre",
        "fyra",
        "fem",
        "sex",
        "sju",
        "åtta",
        "nio",
        "tio",
    }
)
#: Words that end a parenthesis.
LIST_CLOSERS = frozenset({")"})
#: Gazetteer kinds of places wider than a town: in a list with towns they give the scope
#: ("tre lokalkontor i Värmland; i Filipstad, Hagfors och Säffle"), not an office.
WIDE_PLACE_KINDS = frozenset({"country", "union", "continent", "region", "landscape", "county"})
#: Verbs of being somewhere: "Skatteverket finns i Härnösand", "… ligger i Umeå": where the
#: organisation is, not an office of it.
BEING_IN = frozenset({"finns", "fanns", "ligger", "låg"})
#: Where an organisation itself sits: its head office or seat ("huvudkontoret har sitt säte
#: i Norrköping"); compounds on them too.
SEAT_ENDINGS = ("huvudkontor", "huvudkontoret", "säte", "sätet")
#: Gazetteer kinds of organisations located where "X i P" says ("SLU i Uppsala"); for
#: parties and unions "i P" names a local branch, for agencies an office.
LOCATED_KINDS = frozenset({"university", "research", "company"})
