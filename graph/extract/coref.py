"""Pronouns and role nouns that stand for an entity named earlier in the document.

Only where it is safe: "han"/"hon" for a person named within the two sentences
before, or as a subject earlier in the same sentence ("Maria Lindqvist säger
att hon …"; but in "Tillsammans med kollegan Per Holm har hon lett …" the
colleague is not who "hon" is); a role noun for the last organisation of its
kind: "myndigheten" the last agency, "förbundet" the last union, "universitetet"
the last university, "partiet" the last party, or, with none named before it,
the organisation the document is about (`ctx.subject`, when of that kind).
Words for an organisation with no name of their own go to the document's
subject only in the plainest cases:

- "dess" the organisation named before it in its sentence, else in the sentence
  before, else the subject when the sentence before names no other;
- "de" as a subject right after a sentence whose subject is the document's
  subject and which names no person and no plural noun "de" could be;
- "vi"/"vår" in the text's own voice (a press release whose first organisation
  as a subject is its subject), never in speech.

The resolved tokens are not new mentions (no node gets "han" as a name); rules
read them through `DocContext.resolved`.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from graph import gazetteers
from graph.extract.context import DocContext
from graph.extract.lexicon import OBJECTS, OBLIQUE, SUBJECTS, accompanies, is_speech_verb
from graph.lang.sv.references import (
    ITS,
    PERSON_PRONOUNS,
    QUOTE_OPENERS,
    ROLE_NOUNS,
    THEY,
    WE,
)
from graph.records import Mention

#: How many sentences back a pronoun may reach for its person.
PERSON_REACH = 2
ORGANISATIONS = ("Agency", "Organization")
#: Where a plural noun phrase "de" could stand for hangs in its sentence.
_NOUN_SLOTS = (*SUBJECTS, *OBJECTS, OBLIQUE, "nmod", "conj")


def resolve_references(ctx: DocContext) -> None:
    previous: tuple[Mention, int] | None = None  # the last person of an earlier sentence
    last_of_kind: dict[str, Mention] = {}  # the last organisation named, by gazetteer kind
    sentences = ctx.sentences
    for n, sent in enumerate(sentences):
        subject: Mention | None = None  # a person who is a subject earlier in this sentence
        named: Mention | None = None
        for token in sent:
            mention = ctx.at(token)
            if mention and mention.cls == "Person":
                named = mention
                if token.dep_ in SUBJECTS and not accompanies(token):
                    subject = mention
            elif mention and mention.key and mention.cls in ORGANISATIONS:
                last_of_kind[gazetteers.by_id(mention.key).kind] = mention
            elif mention is None and token.lower_ in PERSON_PRONOUNS:
                if subject:
                    ctx.refers_to[token.i] = subject
                elif previous and n - previous[1] <= PERSON_REACH:
                    ctx.refers_to[token.i] = previous[0]
            elif mention is None and (kinds := _role_noun(token.lower_)):
                antecedent = _latest(last_of_kind, kinds) or _subject_of_kind(ctx, kinds)
                if antecedent:
                    ctx.refers_to[token.i] = antecedent
            elif mention is None and (found := _organisation_word(ctx, token, sentences, n)):
                ctx.refers_to[token.i] = found
        if named:
            previous = (named, n)


def _role_noun(word: str) -> frozenset[str]:
    """The kinds a role noun stands for ("förbundets" is "förbundet"'s genitive)."""
    if word in ROLE_NOUNS:
        return ROLE_NOUNS[word]
    return ROLE_NOUNS.get(word[:-1], frozenset()) if word.endswith("s") else frozenset()


def _latest(last_of_kind: dict[str, Mention], kinds: Iterable[str]) -> Mention | None:
    candidates = [last_of_kind[k] for k in kinds if k in last_of_kind]
    return max(candidates, key=lambda m: m.start) if candidates else None


def _subject_of_kind(ctx: DocContext, kinds: frozenset[str]) -> Mention | None:
    subject = ctx.subject
    if subject and subject.mention.key and gazetteers.by_id(subject.mention.key).kind in kinds:
        return subject.mention
    return None


def _organisation_word(
    ctx: DocContext, token: Token, sentences: list[Span], n: int
) -> Mention | None:
    """What "dess", "de" or "vi" stands for, if it plainly is an organisation."""
    word = token.lower_
    if word in ITS:
        return _its(ctx, token, sentences, n)
    if ctx.subject is None:
        return None
    if word in THEY and token.dep_ in SUBJECTS and n > 0:
        return ctx.subject.mention if _about_the_subject(ctx, sentences[n - 1]) else None
    if word in WE and not _in_speech(ctx, token) and _speaks_for_itself(ctx):
        return ctx.subject.mention
    return None


def _its(ctx: DocContext, token: Token, sentences: list[Span], n: int) -> Mention | None:
    before = ctx.doc[token.sent.start : token.i]
    named = [m for m in ctx.in_span(before, *ORGANISATIONS) if m.text]
    if named:
        return named[-1]
    if n > 0:
        previous = [m for m in ctx.in_span(sentences[n - 1], *ORGANISATIONS) if m.text]
        if len({ctx.identity(m) for m in previous}) == 1:
            return previous[-1]
        if previous:
            return None
    return ctx.subject.mention if ctx.subject else None


def _about_the_subject(ctx: DocContext, sent: Span) -> bool:
    """A sentence whose subject is the document's subject, with nothing else "de" could be:
    no person, no plural noun."""
    assert ctx.subject is not None
    who = ctx.identity(ctx.subject.mention)
    subjects = [
        m for t in sent if t.dep_ in SUBJECTS and (m := ctx.resolved(t, *ORGANISATIONS)) is not None
    ]
    if not subjects or any(ctx.identity(m) != who for m in subjects):
        return False
    if ctx.in_span(sent, "Person"):
        return False
    return not any(
        t.pos_ in ("NOUN", "PROPN")
        and t.dep_ in _NOUN_SLOTS
        and "Plur" in t.morph.get("Number", [])
        for t in sent
    )


def _speaks_for_itself(ctx: DocContext) -> bool:
    """The text is in its subject's own voice: the first organisation that is a sentence's
    subject, before any "vi", is the document's subject ("Kriminalvården befinner sig …";
    not "Statskontoret har analyserat Pensionsmyndighetens …", where "vi" is the publisher)."""
    assert ctx.subject is not None
    for token in ctx.doc:
        if token.lower_ in WE:
            return False  # "Vi bedömer att Pensionsmyndigheten …": "vi" before any subject
        if token.dep_ in SUBJECTS and (m := ctx.at(token, *ORGANISATIONS)):
            return ctx.identity(m) == ctx.identity(ctx.subject.mention)
    return False


def _in_speech(ctx: DocContext, token: Token) -> bool:
    """Inside a quotation or a line of speech: a paragraph opening with a dash or a quote
    mark, a quote mark before the word in its sentence, or a verb of saying in it."""
    sent = token.sent
    paragraph_start = ctx.text.rfind("\n", 0, token.idx) + 1
    opening = ctx.text[paragraph_start : paragraph_start + 2].strip()
    if opening[:1] in QUOTE_OPENERS:
        return True
    if any(t.text in QUOTE_OPENERS for t in ctx.doc[sent.start : token.i]):
        return True
    return any(is_speech_verb(t) for t in sent)
