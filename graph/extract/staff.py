"""numberOfEmployees: the size of a workforce, in the forms news writes it.

    Tullverket har drygt 2 000 medarbetare             having verb, organisation before it
    Tullverkets 2 100 anställda …                      genitive owner
    De har 3 000 personer anställda, varav 200 i Ystad the office in Ystad gets the 200
    700 av 2 100 anställda varslas                     the whole (2 100) is the workforce
    Där arbetar i dag 40 personer                      the office at the place named before
    Antalet anställda har minskat från 1 800 till 1 500 the current figure (1 500)

An office's figure belongs to the office, never to its agency: a count of
people working "där"/"här" goes to the office in the place the text is at,
and is dropped when the document names no such office. `is_staff_count`
tells the decision rules which numbers are a workforce and not a hiring.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import pairwise

from spacy.tokens import Doc, Span

from graph.extract.context import DocContext
from graph.extract.links import ORGANISATIONS
from graph.extract.numbers import PERSON, Quantity
from graph.lang.sv.staff import (
    EMPLOYED,
    FROM,
    HAVING,
    LOCAL_ADVERBS,
    NOW_WORDS,
    NUMBER_OF,
    OF_WHICH,
    PEOPLE,
    STAFF_NOUNS,
    WITH,
    WORKING,
)
from graph.records import Fact, Mention

RULE = "link:employees"
#: How close before the number its having verb stands ("har i dag drygt 2 000 anställda").
_NEAR_HAVING = 3
#: How close before the number "antalet anställda" stands ("… har minskat från 900 till 800").
_NEAR_NUMBER_OF = 12


def find_staff(ctx: DocContext, facts: Sequence[Fact]) -> list[Fact]:
    out: list[Fact] = []
    for q in ctx.quantities:
        out += _staff_facts(ctx, q, facts)
    return out


def is_staff_count(ctx: DocContext, q: Quantity) -> bool:
    """Whether a number counts a workforce ("har 800 anställda", "där arbetar 40 personer")."""
    return _form(ctx, q) is not None


def _form(ctx: DocContext, q: Quantity) -> str | None:
    """Which form of staff count a quantity is in, if any."""
    doc = ctx.doc
    sent = doc[q.start].sent
    before = doc[sent.start : q.start]
    if q.unit == PERSON and q.noun in STAFF_NOUNS:
        if q.total is not None:
            return "part"
        if _owner_before(ctx, q) is not None:
            return "genitive"
        if _having(ctx, before):
            return "having"
    if q.unit == PERSON and q.noun in PEOPLE:
        if q.end < len(doc) and doc[q.end].lower_ in EMPLOYED:
            return "having"
        if _working(doc, q):
            return "working"
    counts_staff = q.noun is None or q.noun in STAFF_NOUNS or q.noun in PEOPLE
    if counts_staff and _number_of_staff(before[-_NEAR_NUMBER_OF:]) and _current(doc, q):
        return "number-of"
    return None


def _staff_facts(ctx: DocContext, q: Quantity, facts: Sequence[Fact]) -> Iterator[Fact]:
    form = _form(ctx, q)
    if form is None:
        return
    doc = ctx.doc
    sent = doc[q.start].sent
    phrase = doc[q.start : q.end]
    evidence = ctx.evidence(phrase, RULE)
    if form == "working":
        owner = _workplace(ctx, q, facts)
    else:
        owner = _owner_before(ctx, q) or _nearest_organisation(ctx, doc[sent.start : q.start])
        if owner is None and form in ("part", "number-of") and ctx.subject is not None:
            owner = ctx.subject.mention  # "Antalet anställda har minskat …": the text's subject
    if owner is None:
        return
    value = q.total if q.total is not None else q.value
    yield Fact(owner, "numberOfEmployees", int(value), evidence)
    local = _of_which(ctx, q, sent)
    if local is not None:
        count, place = local
        office = office_in(ctx, facts, owner, place)
        if office is not None:
            yield Fact(office, "numberOfEmployees", int(count.value), evidence)


def _owner_before(ctx: DocContext, q: Quantity) -> Mention | None:
    """ "Tullverkets 2 100 anställda": an organisation in the genitive right before the number."""
    if q.start == 0:
        return None
    token = ctx.doc[q.start - 1]
    m = ctx.resolved(token, *ORGANISATIONS)
    return m if m is not None and token.lower_.endswith("s") else None


def _working(doc: Doc, q: Quantity) -> bool:
    """ "där arbetar 40 personer", "där 40 personer arbetar": people as a working verb's
    subject or object."""
    noun = doc[q.end - 1]
    after = doc[q.end] if q.end < len(doc) else None
    return noun.head.lemma_.lower() in WORKING or (after is not None and after.lower_ in WORKING)


def _having(ctx: DocContext, before: Span) -> bool:
    """A having verb just before the number, or "med" right after the owner's name: "Tullverket
    med 2 000 anställda" (but not "nio kontor med 510 medarbetare": the offices' staff)."""
    for t in reversed(before[-_NEAR_HAVING:]):
        if t.pos_ in ("VERB", "AUX") and not (t.lower_ in HAVING or t.lemma_ in HAVING):
            return False
        if t.lower_ == WITH:
            return t.i > 0 and ctx.resolved(t.nbor(-1), *ORGANISATIONS) is not None
        if t.lower_ in HAVING or t.lemma_ in HAVING:
            return True
    return False


def _number_of_staff(before: Span) -> bool:
    """ "Antalet anställda …", "antalet medarbetare …" before the number."""
    words = [t.lower_ for t in before]
    return any(a in NUMBER_OF and b in STAFF_NOUNS for a, b in pairwise(words))


def _current(doc: Doc, q: Quantity) -> bool:
    """The figure now: after "till", "är (uppe) i"; not the earlier one after "från"."""
    sent = doc[q.start].sent
    words = [t.lower_ for t in doc[max(sent.start, q.start - 2) : q.start]]
    return FROM not in words and any(w in NOW_WORDS for w in words)


def _of_which(ctx: DocContext, q: Quantity, sent: Span) -> tuple[Quantity, Mention] | None:
    """ "…, varav 120 i Borlänge": the part of the workforce in one place."""
    doc = ctx.doc
    for i in range(q.end, sent.end - 2):
        for words in OF_WHICH:
            if tuple(t.lower_ for t in doc[i : i + len(words)]) != words:
                continue
            at = i + len(words)
            part = next((p for p in ctx.quantities if p.start == at), None)
            if part is None or part.end >= sent.end or doc[part.end].lower_ != "i":
                return None
            place = ctx.at(doc[part.end + 1], "Place")
            return (part, place) if place is not None else None
    return None


def _workplace(ctx: DocContext, q: Quantity, facts: Sequence[Fact]) -> Mention | None:
    """Where the people counted work: the organisation or office the clause names; for "där" /
    "här" the name "där" follows, else an office named since the sentence before, the office
    of the clause's organisation at a place named since then, or its only office."""
    doc = ctx.doc
    sent = doc[q.start].sent
    clause = doc[sent.start : q.start]
    org = _nearest_organisation(ctx, clause)
    local = next((t for t in reversed(clause) if t.lower_ in LOCAL_ADVERBS), None)
    if local is None:
        return org
    after_name = local.i - 2 >= sent.start and doc[local.i - 1].is_punct
    if after_name and (named := ctx.resolved(doc[local.i - 2], *ORGANISATIONS)):
        return named  # "Tullverket, där 2 000 personer arbetar"
    since = ctx.sentences[max(0, ctx.sentences.index(sent) - 1)].start_char
    offices = [o for o in ctx.before(local.idx, "Office") if o.start >= since]
    if offices:
        return offices[0]
    if org is None:
        return None
    for place in ctx.before(local.idx, "Place"):
        if place.start >= since and (office := office_in(ctx, facts, org, place)):
            return office
    only = offices_of(ctx, facts, org)
    return only[0] if len(only) == 1 else None


def offices_of(ctx: DocContext, facts: Sequence[Fact], org: Mention) -> list[Mention]:
    """The offices the facts make part of an organisation, one per office."""
    parent = ctx.identity(org)
    found = {
        ctx.identity(f.subject): f.subject
        for f in facts
        if f.predicate == "partOf"
        and f.subject.cls == "Office"
        and isinstance(f.object, Mention)
        and ctx.identity(f.object) == parent
    }
    return list(found.values())


def office_in(
    ctx: DocContext, facts: Sequence[Fact], org: Mention, place: Mention
) -> Mention | None:
    """The office the facts put in a place and in an organisation (the organisation itself
    when it is an office)."""
    if org.cls == "Office":
        return org
    where = ctx.identity(place)
    offices = {ctx.identity(o): o for o in offices_of(ctx, facts, org)}
    return next(
        (
            offices[ctx.identity(f.subject)]
            for f in facts
            if f.predicate == "locatedIn"
            and isinstance(f.object, Mention)
            and ctx.identity(f.object) == where
            and ctx.identity(f.subject) in offices
        ),
        None,
    )


def _nearest_organisation(ctx: DocContext, span: Span) -> Mention | None:
    for token in reversed(span):
        if m := ctx.resolved(token, *ORGANISATIONS):
            return m
    return None
