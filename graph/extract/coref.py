"""Pronouns and role nouns that stand for an entity named earlier in the document.

Only where it is safe: "han"/"hon" for the last person named within the two
sentences before (or earlier in the same sentence), and "myndigheten" for the
last agency named. The resolved tokens are not new mentions (no node gets
"han" as a name); rules read them through `DocContext.resolved`.
"""

from __future__ import annotations

from graph.extract.context import DocContext
from graph.extract.records import Mention

PERSON_PRONOUNS = {"han", "hon", "honom", "henne", "hans", "hennes"}
AGENCY_NOUNS = {"myndigheten", "myndighetens"}
#: How many sentences back a pronoun may reach for its person.
PERSON_REACH = 2


def resolve_references(ctx: DocContext) -> None:
    last_person: tuple[Mention, int] | None = None
    last_agency: Mention | None = None
    for n, sent in enumerate(ctx.doc.sents):
        for token in sent:
            mention = ctx.at(token)
            if mention and mention.cls == "Person":
                last_person = (mention, n)
            elif mention and mention.cls == "Agency":
                last_agency = mention
            elif (
                mention is None
                and token.lower_ in PERSON_PRONOUNS
                and last_person
                and n - last_person[1] <= PERSON_REACH
            ):
                ctx.refers_to[token.i] = last_person[0]
            elif mention is None and token.lower_ in AGENCY_NOUNS and last_agency:
                ctx.refers_to[token.i] = last_agency
