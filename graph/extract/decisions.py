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
are merged when actor and kind agree and no number contradicts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from functools import cache

from spacy.matcher import Matcher
from spacy.tokens import Span, Token
from spacy.vocab import Vocab

from graph.extract.context import DocContext
from graph.extract.numbers import PERSON, SEK, find_quantities
from graph.extract.records import Decision, Fact, Mention

#: Trigger lemma → kind of decision. Lemmas and forms both, for a lemmatizer's misses.
TRIGGERS: dict[str, str] = {
    **dict.fromkeys(["anställa", "nyanställa", "rekrytera", "nyanställning", "rekrytering",
                     "anställs", "anställas"], "hiring"),
    **dict.fromkeys(["begära", "begär", "begärt", "begärde", "äska", "äskar", "begäran",
                     "anslagsbegäran"], "budget request"),
    **dict.fromkeys(["varsla", "varsel", "avskeda", "säga upp", "uppsägning"], "layoffs"),
    **dict.fromkeys(["lägga ner", "lägga ned", "avveckla", "stänga", "nedläggning",
                     "avveckling", "dra in"], "closure"),
    **dict.fromkeys(["öppna", "inviga", "invigning", "återupprätta", "återöppna"], "opening"),
    **dict.fromkeys(["omorganisera", "omorganisation", "omlokalisera", "omlokalisering",
                     "flytta"], "reorganisation"),
    **dict.fromkeys(["besluta", "beslut", "beslutat", "beslutet"], "decision"),
}
#: Particle verbs: lemma + particle → the trigger key above.
PARTICLE_VERBS = {("lägga", "ner"), ("lägga", "ned"), ("säga", "upp"), ("dra", "in")}
#: Words before an organisation that say the money was asked from it.
SOURCE_WORDS = {"från", "av", "hos"}
#: "budgetunderlag till regeringen", "begäran till regeringen".
REQUEST_NOUNS = ("underlag", "begäran", "ansökan")
MAX_SUMMARY_TOKENS = 12

TIME_PATTERNS = [
    [{"LOWER": {"IN": ["till", "i", "under", "inför", "från", "efter", "före", "senast"]}},
     {"LOWER": {"IN": ["hösten", "höst", "våren", "vår", "sommaren", "sommar", "vintern",
                       "vinter", "år", "årsskiftet", "nyår", "januari", "februari", "mars",
                       "april", "maj", "juni", "juli", "augusti", "september", "oktober",
                       "november", "december"]}}],
    [{"LOWER": {"IN": ["nästa", "förra", "kommande", "i"]}},
     {"LOWER": {"IN": ["år", "vecka", "veckan", "månad", "höst", "vår", "år."]}}],
    [{"LOWER": {"IN": ["inför", "till", "under", "från", "i", "år"]}},
     {"SHAPE": "dddd"}],
]


@cache
def _time_matcher(vocab: Vocab) -> Matcher:
    matcher = Matcher(vocab)
    matcher.add("time", TIME_PATTERNS, greedy="LONGEST")
    return matcher


def decisions(ctx: DocContext, facts: Sequence[Fact]) -> list[Decision]:
    """The decisions of a document, one per decision even when reported twice."""
    quantities = find_quantities(ctx.doc)
    found: list[Decision] = []
    for sent in ctx.doc.sents:
        trigger = _trigger(sent)
        if trigger is None:
            continue
        token, kind = trigger
        in_sent = [q for q in quantities if sent.start <= q.start < sent.end]
        money = next((q for q in in_sent if q.unit == SEK), None)
        people = next((q for q in in_sent if q.unit == PERSON), None)
        if kind == "budget request" and money is None:
            continue
        actor = _actor(ctx, token, facts)
        if actor is None:
            continue
        found.append(Decision(
            actor=actor,
            kind=kind,
            summary=_summary(token, sent),
            evidence=ctx.evidence(sent, f"decision:{kind}"),
            amount_sek=money.value if money else None,
            headcount=int(people.value) if people else None,
            requested_from=_requested_from(ctx, sent) if kind == "budget request" else None,
            time=_time(ctx, sent),
        ))
    return merge(found)


def _trigger(sent: Span) -> tuple[Token, str] | None:
    """The first decision word of a sentence and its kind; specific kinds beat "decision"."""
    best: tuple[Token, str] | None = None
    for token in sent:
        key = token.lemma_.lower()
        particle = next((c.lower_ for c in token.children if c.dep_ == "compound:prt"), None)
        if particle and (key, particle) in PARTICLE_VERBS:
            key = f"{key} {particle}"
        kind = TRIGGERS.get(key) or TRIGGERS.get(token.lower_)
        if kind and (best is None or best[1] == "decision"):
            best = (token, kind)
    return best


def _actor(ctx: DocContext, trigger: Token, facts: Sequence[Fact]) -> Mention | None:
    organisations = ("Agency", "Organization", "Office")
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    for token in (verb, *verb.ancestors):
        for child in token.children:
            if child.dep_ in ("nsubj", "nsubj:pass") and (m := _organisation_of(ctx, child, facts)):
                return m
    sent = trigger.sent
    for token in sent:
        if (m := ctx.resolved(token, *organisations)) and m.cls != "Office":
            return m
    for token in sent:
        if m := _organisation_of(ctx, token, facts):
            return m
    return ctx.dominant("Agency")


def _organisation_of(ctx: DocContext, token: Token, facts: Sequence[Fact]) -> Mention | None:
    """An organisation a token names, or the organisation of the person it names."""
    if m := ctx.resolved(token, "Agency", "Organization"):
        return m
    person = ctx.resolved(token, "Person")
    if person is None:
        return None
    for fact in facts:
        if fact.subject == person and fact.predicate in ("headOf", "worksFor") and \
                isinstance(fact.object, Mention) and fact.object.cls in ("Agency", "Organization"):
            return fact.object
    return None


def _requested_from(ctx: DocContext, sent: Span) -> Mention | None:
    for token in sent:
        m = ctx.resolved(token, "Agency", "Organization")
        if m is None or token.i == sent.start:
            continue
        before = ctx.doc[token.i - 1]
        if before.lower_ in SOURCE_WORDS or (
                before.lower_ == "till" and ctx.doc[token.i - 2].lower_.endswith(REQUEST_NOUNS)):
            return m
    return None


def _time(ctx: DocContext, sent: Span) -> str | None:
    """The first time expression of the sentence, as written."""
    matches = _time_matcher(ctx.doc.vocab)(sent)
    starts = sorted((start, end) for _, start, end in matches)
    return sent[starts[0][0]:starts[0][1]].text if starts else None


def _summary(trigger: Token, sent: Span) -> str:
    """A short label: the trigger and what follows it in its clause."""
    tokens = [t for t in trigger.subtree if t.i >= trigger.i] or [trigger]
    end = min(tokens[-1].i + 1, trigger.i + MAX_SUMMARY_TOKENS, sent.end)
    words = sent.doc[trigger.i:end].text.rstrip(" ,.")
    return words + (" …" if tokens[-1].i + 1 > end else "")


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
                )
                break
        else:
            merged.append(d)
    return merged


def _same(a: Decision, b: Decision) -> bool:
    def agree(x: Decimal | int | None, y: Decimal | int | None) -> bool:
        return x is None or y is None or x == y

    shared = (a.amount_sek is not None and a.amount_sek == b.amount_sek) or (
        a.headcount is not None and a.headcount == b.headcount)
    return (a.actor.key or a.actor.text) == (b.actor.key or b.actor.text) and a.kind == b.kind \
        and shared and agree(a.amount_sek, b.amount_sek) and agree(a.headcount, b.headcount)

