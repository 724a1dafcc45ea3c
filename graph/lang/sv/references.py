"""Words that stand for an organisation named elsewhere: role nouns and pronouns.

Source: Swedish grammar (SAG's definite noun phrases and pronouns) and the way
agency news refers back to its subject ("myndigheten", "verket", "kassan").
"""

from __future__ import annotations

#: Role noun (definite singular) → the gazetteer kinds it can stand for ("myndighetens"
#: is its genitive). Agencies in the gazetteer have kind "agency".
ROLE_NOUNS: dict[str, frozenset[str]] = {
    "myndigheten": frozenset({"agency"}),
    "förbundet": frozenset({"union", "confederation"}),
    "facket": frozenset({"union", "confederation"}),
    "universitetet": frozenset({"university"}),
    "högskolan": frozenset({"university"}),
    "partiet": frozenset({"party"}),
    "bolaget": frozenset({"company"}),
    "företaget": frozenset({"company"}),
    "koncernen": frozenset({"company"}),
}

#: Pronouns for people (they never stand for an organisation here).
PERSON_PRONOUNS = frozenset({"han", "hon", "honom", "henne", "hans", "hennes"})

#: "dess" ("its"): the organisation just named, or the one the text is about.
ITS = frozenset({"dess"})

#: "de"/"dem" ("they") as the subject of a sentence that follows one about an organisation
#: ("Försäkringskassan växer. De har 14 000 anställda.").
THEY = frozenset({"de", "dem"})

#: "vi"/"vår" ("we", "our") in a press release's own voice (outside quotes): the publisher.
WE = frozenset({"vi", "oss", "vår", "vårt", "våra"})

#: Marks that open a quotation or a line of speech in Swedish news.
QUOTE_OPENERS = frozenset({"–", "-", "—", "»", "”", '"', "“"})
