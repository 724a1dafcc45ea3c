"""Successions: who took over whose post, and the post both of them held.

    verb     Eva Ek efterträder Per Holm (som generaldirektör för Tullverket)
             Hon ersätter Per Holm som chef …; Per Holm ersätts av Eva Ek
    after    Eva Ek tar över som generaldirektör efter Per Holm
             Regeringen utsåg Eva Ek till ny generaldirektör för Tullverket efter Per Holm
    leaving  Per Holm lämnar posten som generaldirektör för Tullverket … Eva Ek tar över

Both get the post's relation (the gold counts a former holder's headOf too): the
predecessor's role is former (or current with its end, when they leave at a time still
to come: "…, som går i pension vid årsskiftet"), the successor's current. The post is the
title and organisation the succession's own words name; else the post the same sentence
gives either of them; else the head post the document gave the successor, or the
predecessor, before. Words are found by their order (a weak parse of these sentences
often loses who is subject and who object); the parse's relative clause is not needed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import NamedTuple

from spacy.tokens import Span, Token

from graph.extract.context import AFFILIATIONS, DocContext
from graph.extract.lexicon import subjects_of
from graph.extract.tenure import (
    CURRENT,
    FORMER,
    LEFT,
    ORGANISATION_CLASSES,
    fronted,
    leaving_verb,
    reading,
)
from graph.extract.titles import TitleMention, relation, title_at
from graph.extract.when import AT, START, article_day, dates_in
from graph.lang.sv.tenure import (
    AFTER,
    BEFORE_PREDECESSOR,
    SUCCESSION_LEMMAS,
    SUCCESSION_STEMS,
    SUCCESSOR_MARKERS,
    TAKING_OVER,
)
from graph.lang.sv.titles import ACTING, AGENCY_HEADS, MODIFIERS, TITLE_PREPOSITIONS
from graph.records import Evidence, Fact, Mention, Role

#: How many words may stand between a verb of succeeding and the predecessor's name.
REACH = 3
#: How many words after the names a succession's title and organisation may follow.
CLAUSE = 8
#: How many words between a title and its organisation's preposition ("chef för").
TITLE_TO_ORG = 1
RELATIVE = "som"
PASSIVE_AGENT = "av"
COMMA = ","
#: Words that may stand between a person and the verb of succeeding ("har efterträtt",
#: "Eva Ek, som ska ersätta …").
BETWEEN = frozenset({"AUX", "ADV"})
#: What the word after "som" is when "som" opens a relative clause ("som går", "som nu är").
CLAUSE_OPENERS = frozenset({"VERB", "AUX", "ADV", "PART"})


class Succession(NamedTuple):
    successor: Mention
    predecessor: Mention
    sentence: Span
    #: The succession's own words, where its title and organisation are looked for.
    clause: Span
    #: The predecessor's relative clause, if any ("som lämnade X i september 2016").
    leaving: Span | None
    rule: str
    #: The successor's own words (for the date they start): from the verb of succeeding,
    #: or the successor, to the predecessor.
    own: Span


class Post(NamedTuple):
    organisation: Mention
    relation: str
    #: The title as written ("tillförordnad generaldirektör"), and without the modifiers of
    #: an acting head ("generaldirektör": the post both held, and what the gold counts).
    title: str | None
    plain: str | None
    #: Whose words name the title: "both" (the succession's own), "predecessor" (their
    #: relative clause) or "" (another sentence: no jobTitle fact from this one).
    named_by: str


BOTH = "both"
PREDECESSOR = "predecessor"
#: The base forms of the modifiers that make a title an acting one.
ACTING_MODIFIERS = frozenset(base for base, effect in MODIFIERS.values() if effect == ACTING)


def find_successions(ctx: DocContext, facts: Sequence[Fact]) -> tuple[list[Fact], list[Role]]:
    """The relation, titles and roles of both people of each succession."""
    found: list[Fact] = []
    roles: list[Role] = []
    for succession in _successions(ctx):
        post = _post(ctx, succession, facts)
        if post is None:
            continue
        evidence = ctx.evidence(succession.sentence, f"succession:{succession.rule}")
        for person in (succession.successor, succession.predecessor):
            found.append(Fact(person, post.relation, post.organisation, evidence))
            named = post.named_by == BOTH or (
                post.named_by == PREDECESSOR and person == succession.predecessor
            )
            if post.plain and named:
                found.append(Fact(person, "jobTitle", post.plain, evidence))
        roles.extend(_roles(ctx, succession, post, evidence))
    for fact, title in _taken_over(ctx, facts):
        found.append(fact)
        if title:
            found.append(Fact(fact.subject, "jobTitle", title, fact.evidence))
        assert isinstance(fact.object, Mention)
        roles.append(
            Role(
                fact.subject, fact.object, fact.predicate, title, CURRENT, None, None, fact.evidence
            )
        )
    return found, roles


def _taken_over(ctx: DocContext, facts: Sequence[Fact]) -> Iterator[tuple[Fact, str | None]]:
    """ "Per Holm lämnar posten som generaldirektör för X. Eva Ek tar över.": the successor
    gets the post left in the same or the sentence before (the post left is a fact of
    graph.extract.former, rule "left:…")."""
    left = [f for f in facts if f.evidence.rule.startswith(LEFT) and f.predicate in AFFILIATIONS]
    sentences = ctx.sentences
    for n, sentence in enumerate(sentences):
        taking = next((t for t in sentence if _takes_over(ctx.doc[t.i : t.i + 2])), None)
        if taking is None or any(t.lower_ == AFTER for t in sentence):
            continue
        successor = person_before(ctx, sentence, taking.i)
        if successor is None:
            continue
        here = ctx.evidence(sentence, "")
        before = ctx.evidence(sentences[n - 1], "").start if n > 0 else here.start
        post = max(
            (
                f
                for f in left
                if before <= f.evidence.start <= here.start
                and f.evidence.start < taking.idx
                and ctx.identity(f.subject) != ctx.identity(successor)
            ),
            key=lambda f: f.evidence.start,
            default=None,
        )
        if post is None:
            continue
        title = next(
            (
                f.object
                for f in facts
                if f.predicate == "jobTitle"
                and isinstance(f.object, str)
                and f.evidence.start == post.evidence.start
                and f.subject == post.subject
            ),
            None,
        )
        evidence = here._replace(rule="succession:ta-över")
        yield Fact(successor, post.predicate, post.object, evidence), title


def _roles(ctx: DocContext, succession: Succession, post: Post, evidence: Evidence) -> list[Role]:
    status, end = FORMER, None
    if succession.leaving is not None:
        read, _, end = reading(list(succession.leaving), ctx.date)
        if read == CURRENT and end is not None:
            status = CURRENT  # leaving at a time still to come
    sentence = succession.sentence
    opening = fronted(ctx.doc[sentence.start : succession.own.start])
    leaving = succession.leaving or ctx.doc[0:0]
    clause = [t for t in succession.clause if not leaving.start <= t.i < leaving.end]
    kept = {t.i: t for t in [*opening, *succession.own, *clause]}
    words = [kept[i] for i in sorted(kept)]
    past = any("Past" in t.morph.get("Tense", []) for t in words)
    when = dates_in(words, article_day(ctx.date), past=past)
    start = next((w.value for w in when if w.kind in (START, AT)), None)
    org, rel = post.organisation, post.relation
    theirs = post.title if post.named_by == PREDECESSOR else post.plain
    mine = post.plain if post.named_by == PREDECESSOR else post.title
    return [
        Role(succession.successor, org, rel, mine, CURRENT, start, None, evidence),
        Role(succession.predecessor, org, rel, theirs, status, None, end, evidence),
    ]


def plain_title(title: TitleMention) -> str:
    """A title without an acting head's modifiers ("tillförordnad generaldirektör" →
    "generaldirektör"); a deputy's stay ("ställföreträdande generaldirektör")."""
    return " ".join(w for w in title.title.split() if w not in ACTING_MODIFIERS)


# ------------------------------------------------------------ finding successions


def _successions(ctx: DocContext) -> Iterator[Succession]:
    for sentence in ctx.sentences:
        for token in sentence:
            if _succeeds(token):
                found = _by_verb(ctx, sentence, token)
            elif token.lower_ == AFTER:
                found = _by_after(ctx, sentence, token)
            else:
                continue
            if found is not None and ctx.identity(found.successor) != ctx.identity(
                found.predecessor
            ):
                yield found


def _succeeds(token: Token) -> bool:
    lemma = token.lemma_.lower()
    return token.pos_ in ("VERB", "AUX") and (
        lemma in SUCCESSION_LEMMAS or token.lower_.startswith(SUCCESSION_STEMS)
    )


def _by_verb(ctx: DocContext, sentence: Span, verb: Token) -> Succession | None:
    doc = ctx.doc
    before = person_before(ctx, sentence, verb.i)
    rule = verb.lemma_.lower() if verb.lemma_.lower() in SUCCESSION_LEMMAS else "succeed"
    if verb.lower_.endswith("s"):  # passive: "Per Holm ersätts av Eva Ek"
        window = doc[verb.i + 1 : min(sentence.end, verb.i + 1 + REACH)]
        agent = next((t.i for t in window if t.lower_ == PASSIVE_AGENT), None)
        by = _person_after(ctx, agent + 1, sentence.end) if agent is not None else None
        if before is None or by is None:
            return None
        own = doc[verb.i : by[1]]
        return _succession(ctx, sentence, by[0], before, by[1], f"{rule}:passive", own)
    after = _person_after(ctx, verb.i + 1, sentence.end)
    if after is None:
        return None
    if before is None:
        # "Per Lind har varit chef för X och efterträder Y": the subject of a clause it joins
        before = next(
            (m for t in subjects_of(verb) if t.i < verb.i and (m := ctx.resolved(t, "Person"))),
            None,
        )
    if before is None:
        # "I maj efterträder hon Per Holm": the subject after the verb
        second = _person_after(ctx, after[1], sentence.end, pronouns=False)
        if second is None or doc[verb.i + 1].pos_ != "PRON":
            return None
        own = doc[verb.i : second[1]]
        return _succession(ctx, sentence, after[0], second[0], second[1], rule, own)
    return _succession(ctx, sentence, before, after[0], after[1], rule, doc[verb.i : after[1]])


def _by_after(ctx: DocContext, sentence: Span, after: Token) -> Succession | None:
    """ "… efter Per Holm": a succession when a title or a verb of taking over stands between
    the successor and "efter"."""
    found = _person_after(ctx, after.i + 1, sentence.end, pronouns=False)
    if found is None:
        return None
    predecessor, end = found
    successor = person_before(ctx, sentence, after.i, far=True)
    if successor is None:
        return None
    span = ctx.span(successor)
    start = span.end if span is not None and span.start >= sentence.start else sentence.start
    between = ctx.doc[start : after.i]
    if not _new_title(between) and not _takes_over(between):
        return None
    succession = _succession(ctx, sentence, successor, predecessor, end, "efter", between)
    return succession._replace(clause=ctx.doc[sentence.start : after.i])


def _succession(
    ctx: DocContext,
    sentence: Span,
    successor: Mention,
    predecessor: Mention,
    end: int,
    rule: str,
    own: Span,
) -> Succession:
    doc = ctx.doc
    clause = doc[end : min(sentence.end, end + CLAUSE)]
    leaving = None
    words = [t.lower_ for t in doc[end : min(sentence.end, end + 2)]]
    opens = 1 if words[:1] == [RELATIVE] else 2 if words == [COMMA, RELATIVE] else 0
    # "som går i pension" is a relative clause; "som generaldirektör" says as what
    if opens and (end + opens >= sentence.end or doc[end + opens].pos_ not in CLAUSE_OPENERS):
        opens = 0
    if opens:
        stop = next((t.i for t in doc[end + opens : sentence.end] if _ends_clause(t)), sentence.end)
        leaving = doc[end + opens : stop]
        # the relative clause is the predecessor's: the post's title if it names one while
        # holding it ("som varit tillförordnad generaldirektör"), not the next post of one
        # who left ("som lämnade X för att bli chef för Y")
        holding = any(title_at(t) for t in leaving) and leaving_verb(leaving) is None
        clause = leaving if holding else doc[end:end]
    return Succession(successor, predecessor, sentence, clause, leaving, rule, own)


def _ends_clause(token: Token) -> bool:
    """Punctuation, a conjunction or a subordinate clause ("för att bli …", "efter att …")
    ends a relative clause."""
    following = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else ""
    return token.pos_ in ("PUNCT", "SCONJ", "CCONJ") or (token.pos_ == "ADP" and following == "att")


def person_before(ctx: DocContext, sentence: Span, i: int, *, far: bool = False) -> Mention | None:
    """The person just before word i (auxiliaries and adverbs between, or ", som"); `far`:
    the nearest person anywhere before it in the sentence."""
    j = i - 1
    while j >= sentence.start:
        token = ctx.doc[j]
        person = ctx.resolved(token, "Person")
        if person is not None:
            return person
        if not far and not (token.pos_ in BETWEEN or token.lower_ in (RELATIVE, COMMA)):
            return None
        j -= 1
    return None


def _person_after(
    ctx: DocContext, i: int, end: int, *, pronouns: bool = True
) -> tuple[Mention, int] | None:
    """The person named (or, with `pronouns`, referred to) within REACH words after i, and the
    index after their name."""
    for token in ctx.doc[i : min(end, i + REACH)]:
        person = ctx.at(token, "Person") or (ctx.resolved(token, "Person") if pronouns else None)
        if person is not None:
            span = ctx.span(person)
            inside = span is not None and span.start == token.i
            return person, (span.end if inside and span is not None else token.i + 1)
        if token.lower_ not in BEFORE_PREDECESSOR and token.pos_ not in ("ADV", "AUX"):
            return None
    return None


def _new_title(tokens: Span) -> bool:
    """A title given anew: "ny generaldirektör", "till generaldirektör", "som chef"."""
    return any(
        title_at(t) is not None and t.i > tokens.start and t.nbor(-1).lower_ in SUCCESSOR_MARKERS
        for t in tokens
    )


def _takes_over(tokens: Span) -> bool:
    lemmas = [t.lemma_.lower() for t in tokens]
    return any(
        tuple(lemmas[i : i + len(phrase)]) == phrase
        or tuple([lemmas[i], *(t.lower_ for t in tokens[i + 1 : i + len(phrase)])]) == phrase
        for phrase in TAKING_OVER
        for i in range(len(lemmas))
    )


# ------------------------------------------------------------ the post


def _post(ctx: DocContext, succession: Succession, facts: Sequence[Fact]) -> Post | None:
    # before "efter" the title nearest it is the post ("X, som varit överdirektör, tar över
    # som generaldirektör efter Y"); after the predecessor, the first
    title, org, preposition = title_and_org(ctx, succession.clause, last=succession.rule == AFTER)
    if title is not None and org is None and title.head in AGENCY_HEADS:
        # "ny generaldirektör efter Y" in an article about an agency: that agency's head
        subject = ctx.subject.mention if ctx.subject is not None else None
        org = subject if subject is not None and subject.cls == "Agency" else None
    named_by = PREDECESSOR if _within_span(title, succession.leaving) else BOTH
    if title is not None and org is not None:
        rel = relation(title, org, preposition)
        return Post(org, rel, title.title, plain_title(title), named_by)
    sentence_start = ctx.evidence(succession.sentence, "").start
    people = (succession.successor, succession.predecessor)
    aside = succession.leaving
    after = ctx.doc[succession.own.start : succession.sentence.end]
    for person in people:
        # a post named after the verb of succeeding, not in the predecessor's relative clause
        # ("som lämnade X för att bli chef för Y": Y is their next post) nor in a clause of
        # the successor's own before it ("Hon är överdirektör och efterträder Y")
        held = _held(
            ctx,
            person,
            facts,
            lambda f: (
                f.evidence.start == sentence_start
                and (succession.rule == AFTER or _within(f.object, after))
                and not _within(f.object, aside)
            ),
        )
        if held is not None:
            return _with_title(held, title, named_by, facts, ctx)
    for person in people:
        held = _held(
            ctx,
            person,
            facts,
            lambda f: f.evidence.start < sentence_start and f.predicate == "headOf",
        )
        if held is not None:
            return _with_title(held, title, named_by, facts, ctx)
    return None


def _within(value: object, span: Span | None) -> bool:
    return (
        span is not None
        and isinstance(value, Mention)
        and span.start_char <= value.start < span.end_char
    )


def _within_span(title: TitleMention | None, span: Span | None) -> bool:
    return title is not None and span is not None and span.start <= title.start < span.end


def _with_title(
    held: Fact, title: TitleMention | None, named_by: str, facts: Sequence[Fact], ctx: DocContext
) -> Post:
    assert isinstance(held.object, Mention)
    if title is not None:
        return Post(held.object, held.predicate, title.title, plain_title(title), named_by)
    who = ctx.identity(held.subject)
    named = next(
        (
            f.object
            for f in facts
            if f.predicate == "jobTitle"
            and isinstance(f.object, str)
            and f.evidence.start == held.evidence.start
            and ctx.identity(f.subject) == who
        ),
        None,
    )
    return Post(held.object, held.predicate, named, named, "")


def _held(
    ctx: DocContext, person: Mention, facts: Sequence[Fact], where: Callable[[Fact], bool]
) -> Fact | None:
    """The person's latest affiliation fact that `where` accepts (headOf before others)."""
    who = ctx.identity(person)
    accepted = [
        f
        for f in facts
        if f.predicate in AFFILIATIONS
        and isinstance(f.object, Mention)
        and ctx.identity(f.subject) == who
        and where(f)
    ]
    if not accepted:
        return None
    return max(accepted, key=lambda f: (f.predicate == "headOf", f.evidence.start))


def title_and_org(
    ctx: DocContext, tokens: Span, *, last: bool = False
) -> tuple[TitleMention | None, Mention | None, str | None]:
    """The first title in some words ("som generaldirektör", "posten som chef"), or with
    `last` the last, and the organisation named with it: a genitive before it
    ("Tullverkets") or after a preposition right after it ("för Tullverket")."""
    doc = ctx.doc
    for token in reversed(tokens) if last else tokens:
        title = title_at(token)
        if title is None or title.end - 1 != token.i:
            continue
        if title.start > 0:
            genitive = ctx.resolved(doc[title.start - 1], *ORGANISATION_CLASSES)
            if genitive is not None and doc[title.start - 1].text.endswith("s"):
                return title, genitive, None
        for k in range(title.end, min(len(doc), title.end + TITLE_TO_ORG + 1)):
            if doc[k].lower_ in TITLE_PREPOSITIONS and k + 1 < len(doc):
                org = ctx.resolved(doc[k + 1], *ORGANISATION_CLASSES)
                return title, org, doc[k].lower_ if org is not None else None
        return title, None, None
    return None, None, None
