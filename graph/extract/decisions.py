"""Decisions: what an organisation decided or asked for, with money, people and time.

A decision is found at a trigger word (a verb or noun of hiring, asking for
money, cutting, closing, opening, reorganising, or deciding as such) and
collects from its sentence:

- the amount in kronor and the number of people (graph.extract.numbers),
- who it was asked from ("från regeringen", "budgetunderlag till regeringen"),
- when, as written ("till hösten", "nästa år", "inför 2014"),
- the actor: the organisation that is the trigger's subject ("myndigheten"
  resolved), else the organisation of a person in the sentence (a director
  who "har beslutat"), else the agency the article is about; for money moved
  ("tillförs", "får", "delar ut", "höjde anslaget"), the giver from the verb's
  frame with the receiver as a second actor (graph.extract.allocations),
- the offices or places a closure, opening or move concerns.

Words and verb frames are data in graph/lang/sv/decisions.py.

Reports of one decision in several sentences ("300 personer ska anställas";
"Beslutet att nyanställa 300 personer … kommer att kosta 120 miljoner kronor")
are merged when actor and kind agree and no number contradicts, and so is a
sentence that goes on about the decision just reported ("Flytten beräknas
kosta 45 mkr").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from functools import cache
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from graph.extract.allocations import is_passive, parties, predicate
from graph.extract.context import DocContext
from graph.extract.lexicon import CASE, CLAUSE_LINKS, PARTICLE, SUBJECTS
from graph.extract.numbers import PERSON, POSITION_NOUNS, SEK, Quantity, is_bare_sum
from graph.extract.staff import is_staff_count
from graph.lang.sv.decisions import (
    ABOUT,
    ALLOCATION,
    AMOUNTING,
    AND,
    APPOINTMENT,
    BACK_REFERENCES,
    BY,
    CHANGING,
    CLOSURE,
    CUT,
    DECIDING,
    DECISION,
    FUNDS,
    HIRING,
    IT,
    LAYOFFS,
    LESS,
    NEEDS_MONEY,
    NEEDS_POSTS,
    NO_PARTICLE,
    NOUN_SUFFIX_TRIGGERS,
    NOUN_TRIGGERS,
    OPENING,
    PARTICLE_VERBS,
    PAYING,
    PAYMENTS,
    PURPOSE,
    RECEIVING,
    REORGANISATION,
    REQUEST,
    REQUEST_NOUNS,
    SOURCE_WORDS,
    STAFF_SUBJECTS,
    VERB_TRIGGERS,
    WANTING,
)
from graph.records import Decision, Evidence, Fact, Mention

#: Kinds that are decisions by their nature, or when an office is what they act on
#: ("kontoren i Boden och Kalmar ska läggas ner").
DECISIONS_AS_SUCH = {APPOINTMENT}
OFFICE_DECISIONS = {CLOSURE, OPENING, REORGANISATION}
#: Kinds about money: a sum written without "kronor" is money in their sentence
#: ("får 500 miljoner till asylmottagningen", "200 miljoner i anslag").
MONEY_KINDS = {ALLOCATION, REQUEST, CUT}
#: Kinds that are decisions only with the number they are about.
NEEDS_AMOUNT = {ALLOCATION, REQUEST}
NEEDS_PEOPLE = {HIRING, LAYOFFS}
#: Where the sums of a sentence end (their unit's token): a verb that moves money only with
#: money moves one in its own clause ("få jobb" in a sentence about 10 000 kronor does not).
Money = frozenset[int]
#: Any sum, for asking whether a word is one of money at all.
ANY_MONEY: Money = frozenset({-1})
#: Who may receive money: organisations and their offices, never a person's employer
#: ("tilldelas Anna Berg vid Lunds universitet": the researcher, not the university).
RECEIVERS = ("Agency", "Organization", "Office")
#: How many sentences after a decision may go on to give its number.
FOLLOW_UP_SENTENCES = 2
MAX_SUMMARY_TOKENS = 12

TIME_PATTERNS: list[list[dict[str, Any]]] = [
    [
        {"LOWER": {"IN": ["till", "i", "under", "inför", "från", "efter", "före", "senast"]}},
        {
            "LOWER": {
                "IN": [
                    "hösten",
                    "höst",
                    "våren",
                    "vår",
                    "sommaren",
                    "sommar",
                    "vintern",
                    "vinter",
                    "år",
                    "årsskiftet",
                    "nyår",
                    "januari",
                    "februari",
                    "mars",
                    "april",
                    "maj",
                    "juni",
                    "juli",
                    "augusti",
                    "september",
                    "oktober",
                    "november",
                    "december",
                ]
            }
        },
    ],
    [
        {"LOWER": {"IN": ["nästa", "förra", "kommande", "i"]}},
        {"LOWER": {"IN": ["år", "vecka", "veckan", "månad", "höst", "vår", "år."]}},
    ],
    [{"LOWER": {"IN": ["inför", "till", "under", "från", "i", "år"]}}, {"SHAPE": "dddd"}],
]


@cache
def _time_matcher(vocab: Vocab) -> Matcher:
    matcher = Matcher(vocab)
    matcher.add("time", TIME_PATTERNS, greedy="LONGEST")
    return matcher


def find_decisions(ctx: DocContext, facts: Sequence[Fact]) -> list[Decision]:
    """The decisions of a document, one per decision even when reported twice.

    Talk of hiring or moving is a decision only with a number (kronor, people)
    or a word of deciding in the sentence ("har beslutat att återupprätta …");
    money moved ("tillförs", "får", "delar ut") only with its sum, in the sentence or
    in one that goes on about it ("Summan var 8,9 miljoner kronor"). Without an actor
    in the sentence, a decision with numbers is the agency's the article is about.
    """
    found: list[Decision] = []
    sentences = ctx.sentences
    for n, sent in enumerate(sentences):
        in_sent = [q for q in ctx.quantities if sent.start <= q.start < sent.end]
        money_at = frozenset(q.end - 1 for q in in_sent if _is_money(ctx, q, True))
        trigger = _trigger(sent, money_at)
        if trigger is None:
            continue
        token, kind = trigger
        amounts = [q for q in in_sent if _is_money(ctx, q, _about_money(sent, kind))]
        if kind in (ALLOCATION, CUT) and _asked_for(token):
            kind = REQUEST  # "vill att anslaget ska höjas med 800 miljoner"
        if kind == ALLOCATION:
            amounts = [q for q in amounts if not _payment(ctx, q)]
            if amounts and _less(ctx.doc, amounts[0]):
                kind = CUT  # "får 30 miljoner kronor mindre nästa år"
        people = _people(ctx, in_sent, kind)
        more: tuple[Evidence, ...] = ()
        if (kind in NEEDS_AMOUNT and not amounts) or (kind in NEEDS_PEOPLE and people is None):
            follow = _follow_up(ctx, sentences[n + 1 : n + 1 + FOLLOW_UP_SENTENCES], kind)
            if follow is not None:
                q, where = follow
                amounts, people = (amounts or [q], people) if q.unit == SEK else (amounts, q)
                more = (ctx.evidence(where, f"decision:{kind}"),)
        if kind == LAYOFFS and people is None:
            kind = DECISION  # "säga upp kollektivavtalen" ends an agreement, not jobs
        decided = any(
            t.lower_ in DECIDING or (_is_verb(t) and t.lemma_.lower() in DECIDING) for t in sent
        )
        on_office = kind in OFFICE_DECISIONS and bool(ctx.in_span(sent, "Office"))
        certain = decided or on_office or kind in DECISIONS_AS_SUCH
        if (kind in NEEDS_AMOUNT and not amounts) or not (amounts or people or certain):
            continue
        source = _requested_from(ctx, sent) if kind == REQUEST else None
        actors = _actors(ctx, token, kind, facts, source)
        if actors is None:
            continue
        actor, also = actors
        if actor is None and (amounts or people):
            actor = ctx.dominant("Agency")
        if actor is None:
            continue
        decision = Decision(
            actor=actor,
            kind=kind,
            summary=_summary(token, sent),
            evidence=ctx.evidence(sent, f"decision:{kind}"),
            headcount=int(people.value) if people else None,
            requested_from=source,
            time=_time(ctx, sent),
            more_evidence=more,
            also_actor=also,
            concerns=_concerns(ctx, token, sent) if kind in OFFICE_DECISIONS else (),
        )
        found += _per_amount(ctx, decision, amounts)
    return merge(found)


def _per_amount(ctx: DocContext, decision: Decision, amounts: Sequence[Quantity]) -> list[Decision]:
    """One decision per sum when each sum has its own year ("med 2 miljarder kronor 2018,
    2,3 miljarder kronor 2019 och 2,8 miljarder 2020"), else one with the first sum."""
    doc = ctx.doc
    years = [_year_after(doc, q) for q in amounts]
    if len(amounts) > 1 and all(years):
        return [
            decision._replace(amount_sek=q.value, time=year)
            for q, year in zip(amounts, years, strict=True)
        ]
    return [decision._replace(amount_sek=amounts[0].value if amounts else None)]


def _less(doc: Doc, q: Quantity) -> bool:
    """ "30 miljoner kronor mindre": a sum taken away."""
    return any(t.lower_ == LESS for t in doc[q.end : q.end + 2])


def _year_after(doc: Doc, q: Quantity) -> str | None:
    after = doc[q.end] if q.end < len(doc) else None
    return after.text if after is not None and after.shape_ == "dddd" else None


def _about_money(sent: Span, kind: str) -> bool:
    """A decision of money, or a sentence that names a sum or a saving ("ett sparkrav på 300
    miljoner innebär att personalen ska minska med 200 personer")."""
    return kind in MONEY_KINDS or any(
        t.lower_.endswith(FUNDS) or _kind(t, ANY_MONEY) in MONEY_KINDS for t in sent
    )


def _is_money(ctx: DocContext, q: Quantity, about_money: bool) -> bool:
    """Kronor, or a sum of millions with nothing counted where the sentence is about money."""
    return q.unit == SEK or (about_money and is_bare_sum(ctx.doc, q))


def _payment(ctx: DocContext, q: Quantity) -> bool:
    """A price, wage or fine, not money allocated: "500 kronor mer i lön", "ett vite på
    200 000 kronor", "får betala 2 000 kronor"."""
    doc = ctx.doc
    sent = doc[q.start].sent
    near = doc[max(sent.start, q.start - 3) : min(sent.end, q.end + 3)]
    last = doc[q.end - 1]
    return any(t.lower_.endswith(PAYMENTS) for t in near) or any(
        a.lemma_.lower() in PAYING for a in (last, *last.ancestors)
    )


def _people(ctx: DocContext, in_sent: Sequence[Quantity], kind: str) -> Quantity | None:
    """The number of people a decision is about; a workforce ("har 800 anställda") is never
    a hiring."""
    people = (q for q in in_sent if q.unit == PERSON)
    if kind == HIRING:
        people = (q for q in people if not is_staff_count(ctx, q))
    return next(people, None)


def _follow_up(ctx: DocContext, after: Sequence[Span], kind: str) -> tuple[Quantity, Span] | None:
    """The number a decision lacks, from a sentence that goes on about it ("Summan i år var
    8,9 miljoner kronor"; "Totalt handlar det om 200 arbetstillfällen"); none past a
    sentence with a decision word of its own."""
    unit = SEK if kind in NEEDS_AMOUNT else PERSON
    for sent in after:
        if _trigger(sent, frozenset()) is not None:
            return None
        if not _goes_on(sent):
            continue
        for q in ctx.quantities:
            if sent.start <= q.start < sent.end and (
                q.unit == unit or (unit == SEK and is_bare_sum(ctx.doc, q))
            ):
                return q, sent
    return None


def _goes_on(sent: Span) -> bool:
    """A sentence whose subject is the decision ("Summan", "Stödet") or "det handlar om"."""
    for token in sent:
        if token.dep_ not in SUBJECTS:
            continue
        verb = token.head.lemma_.lower()
        if token.lower_ in BACK_REFERENCES:
            return True
        if token.lower_ == IT and verb in ABOUT:
            return True
    return any(t.lower_ in BACK_REFERENCES and t.i == sent.start for t in sent) and any(
        t.lemma_.lower() in AMOUNTING for t in sent
    )


def _is_verb(token: Token) -> bool:
    """A verb, or a verb the tagger took for an adjective: a supine ("har begärt", "har
    beslutat"), or one with a subject or at the root ("Skatteverket lägger ned …")."""
    if token.pos_ in ("VERB", "AUX"):
        return True
    return token.pos_ == "ADJ" and (
        token.lower_.endswith("t")
        or token.dep_ == "ROOT"
        or any(c.dep_ in SUBJECTS for c in token.children)
    )


def _trigger(sent: Span, money: Money) -> tuple[Token, str] | None:
    """The decision word of a sentence and its kind: a main clause's over a purpose's ("begär
    200 miljoner för att anställa …"), a specific kind over "decision", a verb over a noun."""
    best: tuple[Token, str] | None = None
    for token in sent:
        kind = _kind(token, money)
        if kind and (best is None or _rank(token, kind) > _rank(*best)):
            best = (token, kind)
    return best


def _kind(token: Token, money: Money) -> str | None:
    """What kind of decision a word names, if any."""
    key = token.lemma_.lower()
    children = {c.lower_: c.dep_ for c in token.children}
    if "sig" in children:  # "säga upp sig" is to resign, not a decision
        return None
    particle = next(
        (word for word, dep in children.items() if dep in (PARTICLE, "advmod")
         and (key, word) in PARTICLE_VERBS),
        None,
    )  # fmt: skip
    if particle:
        key = f"{key} {particle}"
    if _is_verb(token):
        return _verb_kind(token, key, money)
    if token.lower_ in ("beslut", "beslutet") and not _has_content(token):
        return None  # "försvarar beslutet" refers back to a decision already reported
    return (
        NOUN_TRIGGERS.get(key)
        or NOUN_TRIGGERS.get(token.lower_)
        or next((k for end, k in NOUN_SUFFIX_TRIGGERS.items() if token.lower_.endswith(end)), None)
    )


def _verb_kind(verb: Token, key: str, money: Money) -> str | None:
    """A verb's kind: some only with money ("får 30 miljoner", not "får betala"); a verb of
    changing only on a sum ("höjde anslaget") or on the staff ("personalen minskar med …")."""
    if key in CHANGING:
        changed = [c for c in verb.children if c.dep_ in ("obj", *SUBJECTS)]
        if any(c.lower_.endswith(FUNDS) for c in changed):
            return CHANGING[key]
        by = any(t.lower_ == BY for t in verb.doc[verb.i + 1 : verb.sent.end])
        staff = any(
            c.dep_ in SUBJECTS and (c.lower_.endswith(STAFF_SUBJECTS) or c.lemma_ in STAFF_SUBJECTS)
            for c in changed
        )
        return LAYOFFS if staff and by else None
    kind = VERB_TRIGGERS.get(key) or VERB_TRIGGERS.get(verb.lower_)
    if key in NEEDS_POSTS:
        return kind if _creates_posts(verb) else None
    if kind is None or key not in NEEDS_MONEY:
        return kind
    modal = verb.dep_ in ("aux", "aux:pass") and verb.head.pos_ in ("VERB", "AUX")
    modal |= any(c.dep_ == "xcomp" and c.pos_ == "VERB" for c in verb.children)
    particle = key in NO_PARTICLE and any(c.dep_ == PARTICLE for c in verb.children)
    pred = predicate(verb)
    moved = money is ANY_MONEY or any(_clause_of(verb.doc[i]) == pred for i in money)
    return kind if moved and not (modal or particle) else None


def _clause_of(token: Token) -> Token:
    """The verb whose clause a word is in (or the root): "fick mer än de äskat, de ville ha
    1,6 miljarder" has the sum in the clause of "ha", not of "fick"."""
    while not _is_verb(token) and token.head is not token:
        token = token.head
    return token


def _creates_posts(verb: Token) -> bool:
    """ "400 nya jobb ska skapas": a verb of creating hires only when posts are created."""
    return any(t.lower_ in POSITION_NOUNS for t in verb.doc[verb.sent.start : verb.sent.end])


def _rank(token: Token, kind: str) -> tuple[bool, bool, bool]:
    """Which trigger names a sentence's decision: one outside a purpose clause, a specific
    kind over "decision", a verb over a noun ("I sitt budgetunderlag … begär myndigheten")."""
    return not _in_purpose(token), kind != DECISION, _is_verb(token)


def _in_purpose(token: Token) -> bool:
    """ "för att anställa 300 handläggare": what the money is for, not the decision."""
    before = tuple(t.lower_ for t in token.doc[max(token.sent.start, token.i - 2) : token.i])
    marks = tuple(c.lower_ for c in token.children if c.dep_ == "mark")
    return before == PURPOSE or marks == PURPOSE


def _actors(
    ctx: DocContext, trigger: Token, kind: str, facts: Sequence[Fact], source: Mention | None
) -> tuple[Mention | None, Mention | None] | None:
    """The decision's actor and, for money given, its receiver as a second actor; None when
    money is received by someone who is no organisation ("hushållen får 2 000 kronor")."""
    key = trigger.lemma_.lower()
    moves_money = kind in (ALLOCATION, CUT) and _is_verb(trigger)
    if not moves_money:
        return _actor(ctx, trigger, facts, not_this=source), None
    giver, receiver = parties(
        trigger,
        key,
        giving=lambda t: _organisation_of(ctx, t, facts),
        receiving=lambda t: ctx.resolved(t, *RECEIVERS),
    )
    # a passive's giver is unwritten ("tilldelas Anna Berg 2 miljoner": by the agency at hand)
    nobody = receiver is None and giver is None
    if nobody and not is_passive(trigger) and _someone_else(ctx, trigger):
        return None
    if giver is None:
        return receiver, None
    same = receiver is not None and ctx.identity(receiver) == ctx.identity(giver)
    return giver, None if same else receiver


def _asked_for(trigger: Token) -> bool:
    """Money received in a clause that someone wants ("vill att anslaget ska höjas", "vill
    få 300 miljoner"): asked for, not given ("regeringen vill höja anslaget" gives)."""
    receives = trigger.lemma_.lower() in RECEIVING or is_passive(trigger)
    return receives and _wanted(trigger)


def _wanted(trigger: Token) -> bool:
    """The clause, or one it depends on, is wanted: a verb of wanting or its auxiliary (which
    a weak parse may hang on the subject: "vill myndigheten att …")."""
    token = predicate(trigger)
    while True:
        auxiliaries = (c for c in token.children if c.dep_ == "aux")
        if token.lemma_.lower() in WANTING or any(a.lemma_.lower() in WANTING for a in auxiliaries):
            return True
        if token.dep_ not in CLAUSE_LINKS or token.head is token:
            return False
        token = token.head


def _someone_else(ctx: DocContext, trigger: Token) -> bool:
    """A subject that is neither an organisation nor the money ("hushållen får 2 000 kronor",
    "satsningen ger 200 miljoner kronor i intäkter"): the money moves outside the graph."""
    pred = predicate(trigger)
    money = {i for q in ctx.quantities for i in range(q.start, q.end)}
    return any(c.dep_ in SUBJECTS and c.i not in money for c in (*pred.children, *trigger.children))


def _concerns(ctx: DocContext, trigger: Token, sent: Span) -> tuple[Mention, ...]:
    """The offices a closure, opening or move acts on, else the places it names."""
    offices = ctx.in_span(sent, "Office")
    if offices:
        return tuple(offices)
    verb = predicate(trigger)
    places = {m for t in verb.subtree if (m := ctx.resolved(t, "Place")) is not None}
    return tuple(sorted(places, key=lambda m: m.start))


def _has_content(noun: Token) -> bool:
    """ "beslutet att stänga …", "beslut om nedläggning": the decision says what it decides."""
    following = noun.doc[noun.i + 1 : noun.i + 3]
    return any(t.lower_ in ("att", "om") for t in following)


def _actor(
    ctx: DocContext, trigger: Token, facts: Sequence[Fact], not_this: Mention | None = None
) -> Mention | None:
    """The organisation that decided: the trigger's subject, one named in the sentence, or
    the employer of a person named in it (never the one the money was asked from)."""

    def candidate(token: Token) -> Mention | None:
        m = _organisation_of(ctx, _first_conjunct(ctx, token), facts)
        return m if m is not None and m != not_this else None

    verb = trigger if _is_verb(trigger) else trigger.head
    for token in (verb, *verb.ancestors):
        for child in token.children:
            if child.dep_ in SUBJECTS and (m := candidate(child)):
                return m
    named = (token for token in trigger.sent if not _in_prepositional_phrase(token))
    return next((m for token in named if (m := candidate(token))), None)


def _first_conjunct(ctx: DocContext, token: Token) -> Token:
    """ "regeringen och Sverigedemokraterna har beslutat": the first named leads, whichever
    of the two a weak parse made the subject."""
    if token.i - token.sent.start >= 2 and token.nbor(-1).lower_ in AND:
        first = token.nbor(-2)
        return first if ctx.resolved(first, *RECEIVERS) else token
    return token


def _in_prepositional_phrase(token: Token) -> bool:
    """ "i arbetsförmedlingens hus", "från regeringen": a place or source, not a decider."""
    phrase = token.head if token.dep_ == "nmod:poss" else token
    return any(child.dep_ == CASE for child in phrase.children)


def _organisation_of(ctx: DocContext, token: Token, facts: Sequence[Fact]) -> Mention | None:
    """An organisation a token names, or the organisation of the person it names."""
    if m := ctx.resolved(token, "Agency", "Organization"):
        return m
    person = ctx.resolved(token, "Person")
    if person is None:
        return None
    employers = [o for o in ctx.affiliations(person, facts) if o.cls in ("Agency", "Organization")]
    return employers[0] if employers else None


def _requested_from(ctx: DocContext, sent: Span) -> Mention | None:
    for token in sent:
        m = ctx.resolved(token, "Agency", "Organization")
        if m is None or token.i == sent.start:
            continue
        before = ctx.doc[token.i - 1]
        if before.lower_ in SOURCE_WORDS or (
            before.lower_ == "till" and ctx.doc[token.i - 2].lower_.endswith(REQUEST_NOUNS)
        ):
            return m
    return None


def _time(ctx: DocContext, sent: Span) -> str | None:
    """The first time expression of the sentence, as written."""
    matches = _time_matcher(ctx.doc.vocab)(sent)
    starts = sorted((start, end) for _, start, end in matches)
    return sent[starts[0][0] : starts[0][1]].text if starts else None


def _summary(trigger: Token, sent: Span) -> str:
    """A short label: the clause from the trigger to the next comma ("begärt 250 miljoner kronor
    från regeringen"), cut at a dozen words."""
    end = next(
        (t.i for t in sent.doc[trigger.i + 1 : sent.end] if t.is_punct or t.is_space), sent.end
    )
    cut = min(end, trigger.i + MAX_SUMMARY_TOKENS)
    return sent.doc[trigger.i : cut].text + (" …" if cut < end else "")


def merge(decisions: Iterable[Decision]) -> list[Decision]:
    """One decision per actor and kind when the numbers agree (missing fields are filled in)."""
    merged: list[Decision] = []
    for d in decisions:
        for i, m in enumerate(merged):
            if _same(m, d):
                merged[i] = m._replace(
                    amount_sek=m.amount_sek if m.amount_sek is not None else d.amount_sek,
                    headcount=m.headcount if m.headcount is not None else d.headcount,
                    requested_from=m.requested_from or d.requested_from,
                    time=m.time or d.time,
                    more_evidence=(*m.more_evidence, d.evidence, *d.more_evidence),
                    also_actor=m.also_actor or d.also_actor,
                    concerns=tuple(dict.fromkeys((*m.concerns, *d.concerns))),
                )
                break
        else:
            merged.append(d)
    return merged


def _same(a: Decision, b: Decision) -> bool:
    def agree(x: Decimal | int | None, y: Decimal | int | None) -> bool:
        return x is None or y is None or x == y

    shared = (a.amount_sek is not None and a.amount_sek == b.amount_sek) or (
        a.headcount is not None and a.headcount == b.headcount
    )
    # "… beslutat att flytta 150 tjänster. Flytten beräknas kosta 45 mkr." goes on about it
    follows = any(0 <= b.evidence.start - e.end <= 3 for e in (a.evidence, *a.more_evidence))
    return (
        (a.actor.key or a.actor.text) == (b.actor.key or b.actor.text)
        and a.kind == b.kind
        and (shared or follows)
        and agree(a.amount_sek, b.amount_sek)
        and agree(a.headcount, b.headcount)
    )
