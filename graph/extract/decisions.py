"""Decisions: what an organisation decided or asked for, with money, people and time.

A decision is found at a trigger word (a verb or noun of hiring, asking for
money, cutting, closing, opening, reorganising, or deciding as such) and
collects from its sentence:

- the amount in kronor and the number of people (graph.extract.numbers),
- who it was asked from ("från regeringen", "budgetunderlag till regeringen"),
- when, as written ("till hösten", "nästa år", "inför 2014"),
- the actor: the organisation that is the trigger's subject ("myndigheten"
  resolved), else the organisation of a person in the sentence (a director
  who "har beslutat"), else the agency the article is about.

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
from spacy.tokens import Span, Token
from spacy.vocab import Vocab

from graph.extract.context import DocContext
from graph.extract.lexicon import CASE, PARTICLE, SUBJECTS
from graph.extract.numbers import PERSON, SEK
from graph.records import Decision, Fact, Mention

#: Verbs of deciding, by lemma (with the forms a lemmatizer may miss) → kind of decision.
#: A verb counts only as a verb: "de anställda" (the employees) decides nothing.
VERB_TRIGGERS: dict[str, str] = {
    **dict.fromkeys(["anställa", "nyanställa", "rekrytera", "anställs", "anställas"], "hiring"),
    **dict.fromkeys(["begära", "begär", "begärt", "begärde", "äska", "äskar"], "budget request"),
    **dict.fromkeys(["varsla", "avskeda", "säga upp"], "layoffs"),
    **dict.fromkeys(["lägga ner", "lägga ned", "avveckla", "stänga", "dra in"], "closure"),
    **dict.fromkeys(["öppna", "inviga", "återupprätta", "återöppna"], "opening"),
    **dict.fromkeys(["omorganisera", "omlokalisera", "flytta"], "reorganisation"),
    **dict.fromkeys(["besluta", "beslutat"], "decision"),
    **dict.fromkeys(["utse", "utsett", "utnämna", "utnämnt"], "appointment"),
}
#: Kinds that are decisions by their nature, or when an office is what they act on
#: ("kontoren i Boden och Kalmar ska läggas ner").
DECISIONS_AS_SUCH = {"appointment"}
OFFICE_DECISIONS = {"closure", "opening", "reorganisation"}
#: Nouns that name a decision.
NOUN_TRIGGERS: dict[str, str] = {
    **dict.fromkeys(["nyanställning", "rekrytering"], "hiring"),
    **dict.fromkeys(["begäran", "anslagsbegäran"], "budget request"),
    **dict.fromkeys(["varsel", "uppsägning"], "layoffs"),
    **dict.fromkeys(["nedläggning", "avveckling"], "closure"),
    **dict.fromkeys(["invigning"], "opening"),
    **dict.fromkeys(["omorganisation", "omlokalisering", "flytt", "flytten"], "reorganisation"),
    **dict.fromkeys(["beslut", "beslutet"], "decision"),
}
#: Compound nouns of asking for money: "budgetunderlaget", "förvaltningsanslaget".
NOUN_SUFFIX_TRIGGERS = {
    "budgetunderlag": "budget request",
    "anslag": "budget request",
    "anslaget": "budget request",
}
#: Words of deciding: with one in the sentence, a trigger without numbers is still a decision.
#: (Verbs, and "beslutet": the decision at hand; "snabbare beslut" decides nothing.)
DECIDING = {"besluta", "beslutat", "beslutade", "beslutet"}
#: Particle verbs: lemma + particle → the trigger key above.
PARTICLE_VERBS = {("lägga", "ner"), ("lägga", "ned"), ("säga", "upp"), ("dra", "in")}
#: Words before an organisation that say the money was asked from it.
SOURCE_WORDS = {"från", "av", "hos"}
#: "budgetunderlag till regeringen", "begäran till regeringen".
REQUEST_NOUNS = ("underlag", "begäran", "ansökan")
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
    without an actor in the sentence, a decision with numbers is the agency's
    the article is about.
    """
    quantities = ctx.quantities
    found: list[Decision] = []
    for sent in ctx.doc.sents:
        trigger = _trigger(sent)
        if trigger is None:
            continue
        token, kind = trigger
        in_sent = [q for q in quantities if sent.start <= q.start < sent.end]
        money = next((q for q in in_sent if q.unit == SEK), None)
        people = next((q for q in in_sent if q.unit == PERSON), None)
        if kind == "layoffs" and people is None:
            kind = "decision"  # "säga upp kollektivavtalen" ends an agreement, not jobs
        decided = any(
            t.lower_ in DECIDING or (_is_verb(t) and t.lemma_.lower() in DECIDING) for t in sent
        )
        on_office = kind in OFFICE_DECISIONS and bool(ctx.in_span(sent, "Office"))
        certain = decided or on_office or kind in DECISIONS_AS_SUCH
        if (kind == "budget request" and money is None) or not (money or people or certain):
            continue
        source = _requested_from(ctx, sent) if kind == "budget request" else None
        actor = _actor(ctx, token, facts, not_this=source)
        if actor is None and (money or people):
            actor = ctx.dominant("Agency")
        if actor is None:
            continue
        found.append(
            Decision(
                actor=actor,
                kind=kind,
                summary=_summary(token, sent),
                evidence=ctx.evidence(sent, f"decision:{kind}"),
                amount_sek=money.value if money else None,
                headcount=int(people.value) if people else None,
                requested_from=source,
                time=_time(ctx, sent),
            )
        )
    return merge(found)


def _is_verb(token: Token) -> bool:
    """A verb, or a supine the tagger took for an adjective ("har begärt", "har beslutat")."""
    return token.pos_ in ("VERB", "AUX") or (token.pos_ == "ADJ" and token.lower_.endswith("t"))


def _trigger(sent: Span) -> tuple[Token, str] | None:
    """The first decision word of a sentence and its kind; specific kinds beat "decision"."""
    best: tuple[Token, str] | None = None
    for token in sent:
        key = token.lemma_.lower()
        children = {c.lower_: c.dep_ for c in token.children}
        if "sig" in children:  # "säga upp sig" is to resign, not a decision
            continue
        particle = next((word for word, dep in children.items() if dep == PARTICLE), None)
        if particle and (key, particle) in PARTICLE_VERBS:
            key = f"{key} {particle}"
        if _is_verb(token):
            kind = VERB_TRIGGERS.get(key) or VERB_TRIGGERS.get(token.lower_)
        elif token.lower_ in ("beslut", "beslutet") and not _has_content(token):
            kind = None  # "försvarar beslutet" refers back to a decision already reported
        else:
            kind = (
                NOUN_TRIGGERS.get(key)
                or NOUN_TRIGGERS.get(token.lower_)
                or next(
                    (
                        k
                        for suffix, k in NOUN_SUFFIX_TRIGGERS.items()
                        if token.lower_.endswith(suffix)
                    ),
                    None,
                )
            )
        if kind and (best is None or _rank(token, kind) > _rank(*best)):
            best = (token, kind)
    return best


def _has_content(noun: Token) -> bool:
    """ "beslutet att stänga …", "beslut om nedläggning": the decision says what it decides."""
    following = noun.doc[noun.i + 1 : noun.i + 3]
    return any(t.lower_ in ("att", "om") for t in following)


def _rank(token: Token, kind: str) -> tuple[bool, bool]:
    """Which trigger names a sentence's decision: a specific kind over "decision", a verb over
    a noun ("I sitt budgetunderlag … begär myndigheten")."""
    return kind != "decision", _is_verb(token)


def _actor(
    ctx: DocContext, trigger: Token, facts: Sequence[Fact], not_this: Mention | None = None
) -> Mention | None:
    """The organisation that decided: the trigger's subject, one named in the sentence, or
    the employer of a person named in it (never the one the money was asked from)."""

    def candidate(token: Token) -> Mention | None:
        m = _organisation_of(ctx, token, facts)
        return m if m is not None and m != not_this else None

    verb = trigger if _is_verb(trigger) else trigger.head
    for token in (verb, *verb.ancestors):
        for child in token.children:
            if child.dep_ in SUBJECTS and (m := candidate(child)):
                return m
    named = (token for token in trigger.sent if not _in_prepositional_phrase(token))
    return next((m for token in named if (m := candidate(token))), None)


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
                    more_evidence=(*m.more_evidence, d.evidence),
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
