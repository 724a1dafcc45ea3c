"""Token tags that let spaCy's Matcher see entities and titles.

Each token gets `token._.kg`: the kind of thing it is part of, so relation
patterns read like the phrases they match ("TITLE på ORG , PER"):

    PER     a person's name, a pronoun resolved to a person, or the "och"/","
            joining two names ("Martin Fransson och Johan Quist")
    ORG     an agency or another organisation
    OFFICE  an office or unit ("nationella försäkringscentret i Östersund")
    PLACE   a place
    PROJECT a project
    TITLE   a job title ("personaldirektören", "forskarna", "HR-direktören") with its
            modifiers and coordinated parts ("ställföreträdande", "justitie- och");
            `token._.kg_title` is the whole title (graph.extract.titles)

A title that is also an agency's one-word name ("justitiekanslern") is tagged
TITLE. A token inside an office and a place ("Östersunds lokala försäkringscenter")
is tagged by the larger unit: OFFICE before ORG before PER before the rest.
"""

from __future__ import annotations

from spacy.tokens import Token

from graph.extract.context import DocContext
from graph.extract.titles import TITLE_EXTENSION, find_titles

EXTENSION = "kg"
CLASS_TAGS = {
    "Office": "OFFICE",
    "Agency": "ORG",
    "Organization": "ORG",
    "Person": "PER",
    "Project": "PROJECT",
    "Place": "PLACE",
}
PRIORITY = ("OFFICE", "ORG", "PER", "PROJECT", "PLACE")
TITLE = "TITLE"
#: Joins names into one list: "X och Y", "X, Y och Z".
LIST_JOINERS = {",", "och", "samt"}

if not Token.has_extension(EXTENSION):
    Token.set_extension(EXTENSION, default=None)


def tag_tokens(ctx: DocContext) -> None:
    """Set `token._.kg` on every token of the document."""
    for token in ctx.doc:
        classes = {CLASS_TAGS[m.cls] for m in ctx.mentions_at(token)}
        if not classes and (m := ctx.refers_to.get(token.i)):
            classes = {CLASS_TAGS[m.cls]}
        token._.set(EXTENSION, next((t for t in PRIORITY if t in classes), None))
    for title in find_titles(ctx.doc):
        tokens = ctx.doc[title.start : title.end]
        if all(t._.get(EXTENSION) is None or _names_an_office_holder(ctx, t) for t in tokens):
            for token in tokens:
                token._.set(EXTENSION, TITLE)
                token._.set(TITLE_EXTENSION, title)
    for token in ctx.doc[1:-1]:
        if token.lower_ in LIST_JOINERS and _joins_people(ctx, token):
            token._.set(EXTENSION, "PER")


def _names_an_office_holder(ctx: DocContext, token: Token) -> bool:
    """ "justitiekanslern": a title that is also the one-word name of the agency it heads;
    before a name it is the title (roles link the person to the agency)."""
    return any(m.end - m.start == len(token.text) for m in ctx.mentions_at(token))


def _joins_people(ctx: DocContext, token: Token) -> bool:
    before, after = ctx.doc[token.i - 1], ctx.doc[token.i + 1]
    return before._.get(EXTENSION) == "PER" and after._.get(EXTENSION) == "PER"
