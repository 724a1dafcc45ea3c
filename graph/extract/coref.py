"""Pronouns and role nouns that stand for an entity named earlier in the document.

Only where it is safe: "han"/"hon" for a person named within the two sentences
before, or as a subject earlier in the same sentence ("Maria Lindqvist säger
att hon …"; but in "Tillsammans med kollegan Per Holm har hon lett …" the
colleague is not who "hon" is); a role noun for the last organisation of its
kind: "myndigheten" the last agency, "förbundet" the last union, "universitetet"
the last university, "partiet" the last party. The resolved tokens are not new
mentions (no node gets "han" as a name); rules read them through
`DocContext.resolved`.
"""

from __future__ import annotations

from graph import gazetteers
from graph.extract.context import DocContext
from graph.extract.lexicon import SUBJECTS, accompanies
from graph.records import Mention

PERSON_PRONOUNS = {"han", "hon", "honom", "henne", "hans", "hennes"}
#: Role noun (definite, and its genitive) → the gazetteer kinds it can stand for.
ROLE_NOUNS: dict[str, set[str]] = {
    "myndigheten": {"agency"},
    "förbundet": {"union", "confederation"},
    "facket": {"union", "confederation"},
    "universitetet": {"university"},
    "högskolan": {"university"},
    "partiet": {"party"},
}
#: How many sentences back a pronoun may reach for its person.
PERSON_REACH = 2


def resolve_references(ctx: DocContext) -> None:
    previous: tuple[Mention, int] | None = None  # the last person of an earlier sentence
    last_of_kind: dict[str, Mention] = {}  # the last organisation named, by gazetteer kind
    for n, sent in enumerate(ctx.doc.sents):
        subject: Mention | None = None  # a person who is a subject earlier in this sentence
        named: Mention | None = None
        for token in sent:
            mention = ctx.at(token)
            if mention and mention.cls == "Person":
                named = mention
                if token.dep_ in SUBJECTS and not accompanies(token):
                    subject = mention
            elif mention and mention.key and mention.cls in ("Agency", "Organization"):
                last_of_kind[gazetteers.by_id(mention.key).kind] = mention
            elif mention is None and token.lower_ in PERSON_PRONOUNS:
                if subject:
                    ctx.refers_to[token.i] = subject
                elif previous and n - previous[1] <= PERSON_REACH:
                    ctx.refers_to[token.i] = previous[0]
            elif mention is None and (kinds := _role_noun(token.lower_)):
                antecedent = _latest(last_of_kind, kinds)
                if antecedent:
                    ctx.refers_to[token.i] = antecedent
        if named:
            previous = (named, n)


def _role_noun(word: str) -> set[str]:
    """The kinds a role noun stands for ("förbundets" is "förbundet"'s genitive)."""
    if word in ROLE_NOUNS:
        return ROLE_NOUNS[word]
    return ROLE_NOUNS.get(word[:-1], set()) if word.endswith("s") else set()


def _latest(last_of_kind: dict[str, Mention], kinds: set[str]) -> Mention | None:
    candidates = [last_of_kind[k] for k in kinds if k in last_of_kind]
    return max(candidates, key=lambda m: m.start) if candidates else None
