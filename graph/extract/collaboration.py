"""collaboratesWith: organisations that work together, as news writes it.

    Skatteverket samarbetar med Polisen och Tullverket      subject ↔ each partner
    Kronofogden inleder ett samarbete med Tullverket         (the noun takes its verb's subject)
    … i samverkan med Länsstyrelsen                          the clause's subject ↔ partner
    Samarbetet mellan Skatteverket och Polisen stärks        every pair of the list
    Polisen och Tullverket samarbetar                        every pair of the subjects
    Tillsammans med Tullverket öppnar Polisen ett kontor     subject ↔ partner
    Skatteverkets och Polisens gemensamma servicekontor      every pair of the owners

Partners are organisation-like (agency, organisation, office), never a place:
"samarbete med Malmö" names no partner. A person who collaborates stands for
their organisation only with a verb of collaborating ("De har arbetat med
Skatteverket" after "forskarna vid Centrum för tjänsteforskning").
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import combinations

from spacy.tokens import Token

from graph.extract.context import DocContext
from graph.extract.lexicon import is_speech_verb, subjects_of
from graph.extract.links import ORGANISATIONS, first, organisation_of
from graph.lang.sv.collaboration import (
    BETWEEN,
    COLLABORATION,
    COLLABORATION_NOUNS,
    JOINT,
    LIST_WORDS,
    TOGETHER,
    WE,
    WITH,
)
from graph.records import Evidence, Fact, Mention

#: How far after a collaboration word its "med" may come ("samarbetar sedan länge med").
_MAX_GAP = 4


def find_collaborations(ctx: DocContext, facts: Sequence[Fact]) -> list[Fact]:
    out: list[Fact] = []
    for token in ctx.doc:
        lower, lemma = token.lower_, token.lemma_.lower()
        if lemma in COLLABORATION or lower in COLLABORATION:
            out += _collaborating(ctx, token, facts)
        elif lower == TOGETHER:
            out += _together(ctx, token)
        elif lower in JOINT or lemma in JOINT:
            out += _joint(ctx, token)
    return out


def _collaborating(ctx: DocContext, token: Token, facts: Sequence[Fact]) -> Iterator[Fact]:
    evidence = ctx.evidence(token, "link:collaboration")
    noun = token.pos_ not in ("VERB", "AUX")
    is_noun = token.lemma_.lower() in COLLABORATION_NOUNS
    between = _after_word(ctx, token, BETWEEN) if is_noun else []
    if len(between) > 1:
        yield from _every_pair(ctx, between, evidence)
        return
    verb = token.head if noun else token
    subjects = first(organisation_of(ctx, s, facts) for s in subjects_of(verb))
    if noun and not subjects:
        subjects = [m for c in token.children if c.dep_ == "nmod:poss" if (m := _org(ctx, c))]
    if not subjects and all(t.lower_ in WE for t in subjects_of(verb)):
        subjects = _speakers_organisation(ctx, token, facts)
    partners = _after_word(ctx, token, WITH)
    if not partners and not noun:
        # "Polisen och Tullverket samarbetar": the coordinated subjects with each other.
        yield from _every_pair(ctx, _coordinated(ctx, subjects_of(verb)), evidence)
        return
    for s in subjects:
        for partner in partners:
            if ctx.identity(partner) != ctx.identity(s):
                yield Fact(s, "collaboratesWith", partner, evidence)


def _speakers_organisation(ctx: DocContext, token: Token, facts: Sequence[Fact]) -> list[Mention]:
    """ "– Vi … genom samarbete med Statens servicecenter, säger Arbetsförmedlingens
    generaldirektör Anna Berg": in a quote whose subject is "vi" or none, the speaker's organisation
    works with the partner (the title's genitive, else what the facts say the speaker is in)."""
    sent = token.sent
    speech = next((t for t in sent if t.i > token.i and is_speech_verb(t)), None)
    if speech is None:
        return []
    after = ctx.doc[speech.i + 1 : sent.end]
    for t in after:
        if t.dep_ == "nmod:poss" and (m := _org(ctx, t)):
            return [m]
    return first(organisation_of(ctx, t, facts) for t in after if ctx.resolved(t, "Person"))


def _together(ctx: DocContext, token: Token) -> Iterator[Fact]:
    """ "Tillsammans med Tullverket öppnar Polisen …": organisations only on both sides."""
    partners = _after_word(ctx, token, WITH)
    if not partners:
        return
    verb = token.head if token.head.pos_ in ("VERB", "AUX") else token.head.head
    subjects = [m for s in subjects_of(verb) if (m := _org(ctx, s))]
    evidence = ctx.evidence(token, "link:together")
    for s in subjects:
        for partner in partners:
            if ctx.identity(partner) != ctx.identity(s):
                yield Fact(s, "collaboratesWith", partner, evidence)


def _joint(ctx: DocContext, token: Token) -> Iterator[Fact]:
    """ "Skatteverkets, Försäkringskassans och Pensionsmyndighetens gemensamma kontor", or
    "Polisen och Tullverket har ett gemensamt kontor": the owners or subjects, pairwise."""
    owners = _listed(ctx, range(token.i - 1, token.sent.start - 1, -1))
    if len(owners) < 2 and token.head.pos_ == "NOUN":
        owners = _coordinated(ctx, subjects_of(token.head.head))
    yield from _every_pair(ctx, owners, ctx.evidence(token, "link:joint"))


def _every_pair(ctx: DocContext, orgs: list[Mention], evidence: Evidence) -> Iterator[Fact]:
    for a, b in combinations(orgs, 2):
        if ctx.identity(a) != ctx.identity(b):
            yield Fact(a, "collaboratesWith", b, evidence)


def _org(ctx: DocContext, token: Token) -> Mention | None:
    return ctx.resolved(token, *ORGANISATIONS)


def _coordinated(ctx: DocContext, subjects: list[Token]) -> list[Mention]:
    """The organisations of subjects and the subjects coordinated with them ("A och B")."""
    found: list[Mention] = []
    for s in subjects:
        for t in (s, *(c for c in s.children if c.dep_ == "conj")):
            if (m := _org(ctx, t)) and m not in found:
                found.append(m)
    return found


def _after_word(ctx: DocContext, token: Token, word: str) -> list[Mention]:
    """The organisations listed after the `word` ("med", "mellan") that follows a token closely:
    "samarbetar med Polisen och Tullverket", "samverkan mellan A, B och C"."""
    doc, end = ctx.doc, token.sent.end
    for i in range(token.i + 1, min(end, token.i + 1 + _MAX_GAP)):
        if doc[i].lower_ == word:
            return _listed(ctx, range(i + 1, end))
        if doc[i].pos_ in ("VERB", "AUX"):
            break
    return []


def _listed(ctx: DocContext, indices: range) -> list[Mention]:
    """The organisations of a list read in the order of `indices` (forwards or backwards), up to
    the first word that is neither a name nor a list word; a common noun in the list
    ("kommunen") is passed over when a list word follows it."""
    doc = ctx.doc
    found: list[Mention] = []
    for i in indices:
        t = doc[i]
        if m := _org(ctx, t):
            if m not in found:
                found.append(m)
        elif ctx.at(t):  # a place or person in the list ends it
            break
        elif t.lower_ in LIST_WORDS:
            continue
        elif t.pos_ == "NOUN" and i + indices.step in indices:
            if doc[i + indices.step].lower_ not in LIST_WORDS:
                break
        else:
            break
    return found
