"""Who gives and who receives money, from the frame of an allocating verb.

    Regeringen ger Försäkringskassan 300 miljoner      subject gives, indirect object receives
    300 miljoner tillförs till Skatteverket            passive: "till" receives, "av" would give
    Tullverket tilldelas 50 miljoner                   passive subject receives
    Polisen får 200 miljoner kronor extra              receiving verb: subject receives
    Regeringen har beslutat att verket får 30 miljoner the deciding clause's subject gives
    regeringen höjde anslaget till polisen med …       a sum changed: subject gives, "till" gets

The giver is the decision's actor; the receiver is an actor too (`also_actor`), or the
actor when no giver is written ("Polisen får 200 miljoner": a reader says the police got
it, whoever gave it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import NamedTuple

from spacy.tokens import Token

from graph.extract.lexicon import CASE, CLAUSE_LINKS, SUBJECTS
from graph.lang.sv.decisions import ARRIVING, FROM_GIVER, FUNDS, RECEIVING, TO_RECEIVER
from graph.records import Mention

#: Resolves a token to the organisation it names (for a giver, also a person's employer:
#: "generaldirektören har beslutat"; money given to a person goes to no organisation).
Resolve = Callable[[Token], Mention | None]


class Parties(NamedTuple):
    giver: Mention | None
    receiver: Mention | None


def predicate(trigger: Token) -> Token:
    """The clause's predicate: a weak parse may hang the clause on the sum and make the verb
    its auxiliary ("får myndigheten 820 miljoner" with "miljoner" as root)."""
    return trigger.head if trigger.dep_ in ("aux", "aux:pass") else trigger


def is_passive(verb: Token) -> bool:
    """The s-passive: "tillförs", "tilldelas" (the lemma has no -s)."""
    return verb.lower_.endswith("s") and not verb.lemma_.lower().endswith("s")


def parties(trigger: Token, lemma: str, giving: Resolve, receiving: Resolve) -> Parties:
    """Giver and receiver of the money an allocating verb (or a changed sum) moves."""
    pred = predicate(trigger)
    subjects = [c for c in _children(pred, trigger) if c.dep_ in SUBJECTS]
    to = _first(_after_preposition(pred, TO_RECEIVER, receiving))
    frm = _first(_after_preposition(pred, FROM_GIVER, giving))
    deciding = _deciding_subject(pred, giving)
    owner = _owner_of_funds(pred, receiving)
    if lemma in ARRIVING:
        return Parties(deciding, to or owner)
    if lemma in RECEIVING:
        return Parties(frm or deciding, _first(map(receiving, subjects)) or to)
    if is_passive(trigger):
        return Parties(frm or deciding, to or _first(map(receiving, subjects)) or owner)
    giver = _first(map(giving, subjects)) or deciding
    return Parties(giver, to or owner or _indirect_object(pred, receiving, giver))


def _children(pred: Token, trigger: Token) -> Iterator[Token]:
    yield from pred.children
    if trigger is not pred:
        yield from trigger.children


def _first(mentions: Iterator[Mention | None]) -> Mention | None:
    return next((m for m in mentions if m is not None), None)


def _deciding_subject(pred: Token, resolve: Resolve) -> Mention | None:
    """The subject of the clause this one depends on: "Regeringen har beslutat att …"."""
    token = pred
    while token.dep_ in CLAUSE_LINKS and token.head is not token:
        token = token.head
        found = _first(resolve(c) for c in token.children if c.dep_ in SUBJECTS)
        if found:
            return found
    return None


def _after_preposition(
    pred: Token, words: frozenset[str], resolve: Resolve
) -> Iterator[Mention | None]:
    """Organisations in the clause right after one of some prepositions ("till polisen")."""
    for token in pred.subtree:
        before = token.doc[token.i - 1] if token.i > token.sent.start else None
        case = {c.lower_ for c in token.children if c.dep_ == CASE}
        if (before is not None and before.lower_ in words) or case & words:
            yield resolve(token)


def _owner_of_funds(pred: Token, resolve: Resolve) -> Mention | None:
    """ "Polisens anslag höjs": the organisation whose sum it is."""
    return _first(
        resolve(t) for t in pred.subtree if t.dep_ == "nmod:poss" and t.head.lower_.endswith(FUNDS)
    )


def _indirect_object(pred: Token, resolve: Resolve, giver: Mention | None) -> Mention | None:
    """ "ger Försäkringskassan 300 miljoner": an organisation in the clause with no
    preposition, other than the giver (a weak parse may call it anything)."""
    for token in pred.subtree:
        if token.dep_ in SUBJECTS or any(c.dep_ == CASE for c in token.children):
            continue
        if token.dep_ == "nmod:poss":  # "Försäkringskassans köer": whose, not to whom
            continue
        m = resolve(token)
        if m is not None and m != giver and token.i > pred.i:
            return m
    return None
