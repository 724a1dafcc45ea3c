"""Pronouns and role nouns that stand for an entity named earlier in the document.

Only where it is safe: "han"/"hon" for a person named within the two sentences
before, or as a subject earlier in the same sentence ("Maria Lindqvist säger
att hon …"; but in "Tillsammans med kollegan Per Holm har hon lett …" the
colleague is not who "hon" is), and "myndigheten" for the last agency named.
The resolved tokens are not new mentions (no node gets "han" as a name); rules
read them through `DocContext.resolved`.
"""

from __future__ import annotations

from graph.extract.context import DocContext
from graph.extract.lexicon import SUBJECTS
from graph.extract.records import Mention

PERSON_PRONOUNS = {"han", "hon", "honom", "henne", "hans", "hennes"}
AGENCY_NOUNS = {"myndigheten", "myndighetens"}
#: How many sentences back a pronoun may reach for its person.
PERSON_REACH = 2


def resolve_references(ctx: DocContext) -> None:
    previous: tuple[Mention, int] | None = None  # the last person of an earlier sentence
    last_agency: Mention | None = None
    for n, sent in enumerate(ctx.doc.sents):
        subject: Mention | None = None  # a person who is a subject earlier in this sentence
        named: Mention | None = None
        for token in sent:
            mention = ctx.at(token)
            if mention and mention.cls == "Person":
                named = mention
                if token.dep_ in SUBJECTS:
                    subject = mention
            elif mention and mention.cls == "Agency":
                last_agency = mention
            elif mention is None and token.lower_ in PERSON_PRONOUNS:
                if subject:
                    ctx.refers_to[token.i] = subject
                elif previous and n - previous[1] <= PERSON_REACH:
                    ctx.refers_to[token.i] = previous[0]
            elif mention is None and token.lower_ in AGENCY_NOUNS and last_agency:
                ctx.refers_to[token.i] = last_agency
        if named:
            previous = (named, n)
