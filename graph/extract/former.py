"""Posts held before, and posts in a list: what the role stages' one-organisation reading
leaves out.

    listed    har tidigare arbetat som chef på Skatteverket, Skolverket och Kronofogden
              (the relation the sentence gives one of them holds for each)
    from      kommer närmast från en tjänst som rättschef på Migrationsverket
              kommer närmast från Skatteverket
    leaving   Per Holm lämnar posten som generaldirektör för Lantmäteriet
              Per Holm avgår som chef för Tullverket vid årsskiftet

A post left or come from is a role like any other: graph.extract.tenure reads it from the
same words as former (or, left at a time still to come, current with its end).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Span, Token

from graph.extract.context import AFFILIATIONS, DocContext
from graph.extract.successions import person_before, title_and_org
from graph.extract.tenure import LEFT, ORGANISATION_CLASSES, leaving_verb
from graph.extract.titles import relation
from graph.lang.sv.tenure import COMING_FROM, POST_NOUNS, RECENTLY
from graph.records import Evidence, Fact, Mention

#: Words that join the organisations of a list: "Skatteverket, Skolverket och Kronofogden".
LIST_JOINERS = frozenset({",", "och", "samt"})
RELATIVE = "som"
#: How many words a post noun may have before it ("från jobbet", "en tjänst", "sitt uppdrag").
BEFORE_POST = 2
#: "petades från jobbet som …".
FROM = "från"
#: How many words after a verb of dismissing its object may stand ("petade regeringen Y").
DISMISSED_REACH = 3


def find_former(ctx: DocContext, facts: Sequence[Fact]) -> list[Fact]:
    """Facts for each organisation of a list another fact names one of, for a post come from
    and for a post left."""
    return [*_listed(ctx, facts), *_come_from(ctx), *_left(ctx)]


def _listed(ctx: DocContext, facts: Sequence[Fact]) -> Iterator[Fact]:
    """The same relation to each organisation listed with the one a fact names."""
    for fact in facts:
        if fact.predicate not in AFFILIATIONS or not isinstance(fact.object, Mention):
            continue
        span = ctx.span(fact.object)
        if span is None or not fact.evidence.start <= fact.object.start < fact.evidence.end:
            continue
        for other in _list_of(ctx, span):
            yield Fact(fact.subject, fact.predicate, other, fact.evidence)


def _list_of(ctx: DocContext, span: Span) -> list[Mention]:
    """The other organisations of the list a mention is in, either side of it."""
    doc = ctx.doc
    found: list[Mention] = []
    for step in (1, -1):
        i = span.end if step == 1 else span.start - 1
        while 0 <= i < len(doc) and doc[i].lower_ in LIST_JOINERS and doc[i].sent == span.sent:
            j = i + step
            other = ctx.resolved(doc[j], *ORGANISATION_CLASSES) if 0 <= j < len(doc) else None
            if other is None:
                break
            found.append(other)
            other_span = ctx.span(other)
            if other_span is None:
                break
            i = other_span.end if step == 1 else other_span.start - 1
    return found


def _come_from(ctx: DocContext) -> Iterator[Fact]:
    """ "X kommer (närmast) från (en tjänst som) T på O" / "från O": X's post before."""
    doc = ctx.doc
    for token in doc:
        if token.lemma_.lower() != COMING_FROM[0] or token.pos_ not in ("VERB", "AUX"):
            continue
        i = token.i + 1
        while i < len(doc) and doc[i].lower_ in RECENTLY:
            i += 1
        if i >= len(doc) or doc[i].lower_ != COMING_FROM[1]:
            continue
        person = person_before(ctx, token.sent, token.i)
        if person is None:
            continue
        evidence = ctx.evidence(token, "former:komma-från")
        direct = ctx.resolved(doc[i + 1], *ORGANISATION_CLASSES) if i + 1 < len(doc) else None
        if direct is not None:
            yield Fact(person, "worksFor", direct, evidence)
            continue
        yield from _post_as(ctx, person, _after_post_noun(doc, i + 1), evidence)


def _left(ctx: DocContext) -> Iterator[Fact]:
    """ "Y lämnar posten som T för O", "Y avgår som T för O", "Y petades från jobbet som T
    på O", and with the one who dismisses as subject "regeringen petade Y från jobbet som
    T på O": the post Y leaves."""
    doc = ctx.doc
    for token in doc:
        # the tagger may take a past form for a participle ("petade" ADJ): so may a dismissal
        if token.pos_ not in ("VERB", "AUX", "ADJ") or leaving_verb([token]) is None:
            continue
        evidence = ctx.evidence(token, f"{LEFT}{token.lemma_.lower()}")
        dismissed = _dismissed(ctx, token)
        if dismissed is None and token.pos_ == "ADJ":
            continue
        leaver: Mention | None = dismissed[0] if dismissed else None
        after = dismissed[1] if dismissed else token.i + 1
        if leaver is None:
            leaver = person_before(ctx, token.sent, token.i)
        if leaver is not None:
            yield from _post_as(ctx, leaver, _after_post_noun(doc, after), evidence)


def _dismissed(ctx: DocContext, verb: Token) -> tuple[Mention, int] | None:
    """The person an active verb of dismissing has as object, right after it or after its
    subject ("petade regeringen Y", "regeringen petade Y"), and where their name ends."""
    if verb.lower_.endswith("s"):  # the passive: the subject left
        return None
    for token in verb.doc[verb.i + 1 : min(verb.sent.end, verb.i + 1 + DISMISSED_REACH)]:
        person = ctx.at(token, "Person")
        if person is not None:
            span = ctx.span(person)
            return (person, span.end) if span is not None else None
        if ctx.resolved(token, *ORGANISATION_CLASSES) is None and token.pos_ not in ("DET", "ADV"):
            return None
    return None


def _after_post_noun(doc: Doc, i: int) -> int | None:
    """Where "som T" begins after a post noun ("posten som", "en tjänst som", "som")."""
    for n, token in enumerate(doc[i : i + BEFORE_POST + 2]):
        if token.lower_ == RELATIVE:
            return i + n
        skipped = token.lemma_.lower() in POST_NOUNS or token.lower_ == FROM
        if not (skipped or token.pos_ in ("DET", "PRON")):
            return None
    return None


def _post_as(
    ctx: DocContext, person: Mention, at: int | None, evidence: Evidence
) -> Iterator[Fact]:
    """The title and organisation after "som" at word `at`, as the person's facts."""
    if at is None:
        return
    title, org, preposition = title_and_org(ctx, ctx.doc[at + 1 : at + 4])
    if title is None or title.start > at + 2:  # "som (ny) generaldirektör"
        return
    yield Fact(person, "jobTitle", title.title, evidence)
    if org is not None:
        yield Fact(person, relation(title, org, preposition), org, evidence)
