"""Offices: the local and national units of an agency, each its own node.

News names an office by its agency and place in several ways; each becomes an
Office mention keyed by (agency, place), with partOf → agency and
locatedIn → place:

- "Försäkringskassan i Torsby (och Göteborg)"       agency + i + places
- "kontoren i Pajala, Storuman och Jokkmokk",
  "två enheter på försäkringskassan, en i Göteborg och en i Torsby",
  "nationella försäkringscentret i Östersund"       office noun … i + places
- "Torsbykontoret", "Östersunds lokala försäkringscenter"   place + office noun
- "invigde … i Visby"                                an opening in a place

Without an agency in the phrase, the office belongs to the agency the sentence
or, failing that, the document is about.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from graph import gazetteers
from graph.extract.context import DocContext
from graph.records import Fact, Mention

#: Nouns for a unit of an organisation, in any form ("kontoret", "enheterna", "försäkringscentret").
OFFICE_NOUN = re.compile(r"(kontor|enhet|center|centret|centra|centrum)(et|en|er|erna|na|s)?$")
#: Opening an office somewhere: "invigde … i Visby", "öppnar ett nytt kontor i …".
OPENING_LEMMAS = {"inviga", "invigning", "öppna", "öppning", "nyöppna"}
#: Words that may stand between an office noun and the places it lists.
_LIST_WORDS = {
    ",",
    "och",
    "eller",
    "samt",
    "i",
    "en",
    "ett",
    "på",
    "vid",
    "inom",
    "av",
    "båda",
    "både",
    "två",
    "tre",
    "fyra",
    "fem",
}


def find_offices(ctx: DocContext) -> list[Fact]:
    """Find offices, register them as mentions, and return their partOf/locatedIn facts."""
    facts: list[Fact] = []
    seen: set[tuple[str, int]] = set()
    for agency, place, where, text, rule in _candidates(ctx):
        if not (agency.key and place.key) or (place.key, where.start) in seen:
            continue
        if gazetteers.by_id(place.key).kind == "country":  # "kontor i Sverige" is not one office
            continue
        seen.add((place.key, where.start))
        office = ctx.add(ctx.mention(where, "Office", f"office/{agency.key}@{place.key}", text))
        evidence = ctx.evidence(where, rule)
        facts.append(Fact(office, "partOf", agency, evidence))
        facts.append(Fact(office, "locatedIn", place, evidence))
    return facts


_Candidate = tuple[Mention, Mention, Span, str, str]


def _candidates(ctx: DocContext) -> Iterator[_Candidate]:
    yield from _agency_in_place(ctx)
    yield from _office_nouns(ctx)
    yield from _openings(ctx)


def _agency_of(ctx: DocContext, where: Span) -> Mention | None:
    """The agency an office phrase belongs to: the last one named before it in its paragraph,
    else the one the document is about."""
    paragraph_start = ctx.text.rfind("\n", 0, where.start_char) + 1
    before = [m for m in ctx.before(where.end_char, "Agency") if m.start >= paragraph_start]
    return before[0] if before else ctx.dominant("Agency")


def _places_after(ctx: DocContext, start: int) -> list[tuple[Token, Mention]]:
    """Places listed from token `start` on, the first after "i":
    "i Pajala, Storuman och Jokkmokk"."""
    doc = ctx.doc
    found: list[tuple[Token, Mention]] = []
    seen_i = False
    i = start
    sent_end = doc[start].sent.end if start < len(doc) else start
    while i < sent_end:
        token = doc[i]
        mention = ctx.at(token)
        if mention and mention.cls == "Place" and (seen_i or found):
            found.append((token, mention))
            span = ctx.span(mention)
            i = span.end if span is not None else i + 1
            continue
        if mention and mention.cls in ("Agency", "Organization"):
            span = ctx.span(mention)
            i = span.end if span is not None else i + 1
            continue
        if token.lower_ not in _LIST_WORDS:
            break
        seen_i = seen_i or token.lower_ == "i"
        i += 1
    return found


def _agency_in_place(ctx: DocContext) -> Iterator[_Candidate]:
    """ "Försäkringskassan i Torsby och Göteborg"."""
    doc = ctx.doc
    for agency in [m for m in ctx.mentions if m.cls == "Agency"]:
        span = ctx.span(agency)
        if span is None or span.end >= len(doc) or doc[span.end].lower_ != "i":
            continue
        for n, (token, place) in enumerate(_places_after(ctx, span.end)):
            place_span = ctx.span(place) or doc[token.i : token.i + 1]
            if n == 0:
                where = doc[span.start : place_span.end]
                yield agency, place, where, where.text, "office:agency-i-place"
            else:
                yield agency, place, place_span, "", "office:agency-i-place"


def _office_nouns(ctx: DocContext) -> Iterator[_Candidate]:
    """ "kontoren i Pajala, Storuman …", "Torsbykontoret", "Östersunds lokala försäkringscenter"."""
    doc = ctx.doc
    for token in doc:
        match = OFFICE_NOUN.search(token.lower_)
        if not match or ctx.at(token) or token.pos_ not in ("NOUN", "PROPN"):
            continue
        noun = doc[token.i : token.i + 1]
        agency = _agency_of(ctx, noun)
        if agency is None:
            continue
        compound = _compound_place(ctx, token, match.start())
        if compound:
            yield agency, compound, noun, token.text, "office:place-compound"
            continue
        genitive = _genitive_place(ctx, token)
        if genitive:
            span = ctx.span(genitive)
            if span is not None:
                where = doc[span.start : token.i + 1]
                yield agency, genitive, where, where.text, "office:place-genitive"
            continue
        for place_token, place in _places_after(ctx, token.i + 1):
            place_span = ctx.span(place) or doc[place_token.i : place_token.i + 1]
            if place_token.i == token.i + 2:  # "kontoret i Torsby" names the office
                where = doc[_noun_phrase_start(token) : place_span.end]
                yield agency, place, where, where.text, "office:noun-i-place"
            else:
                yield agency, place, place_span, "", "office:noun-i-place"


def _noun_phrase_start(noun: Token) -> int:
    """Include the adjectives before an office noun ("nationella försäkringscentret")."""
    start = noun.i
    while start > noun.sent.start and _modifies(noun.doc[start - 1]):
        start -= 1
    return start


def _modifies(token: Token) -> bool:
    """An adjective before an office noun ("lokala", "nationella"), by tag or by attachment."""
    return token.dep_ == "amod" or (token.pos_ == "ADJ" and token.is_lower)


def _compound_place(ctx: DocContext, token: Token, suffix_at: int) -> Mention | None:
    """ "Torsbykontoret": a place name glued to the office noun."""
    prefix = token.text[:suffix_at]
    entry = gazetteers.lookup(prefix) if len(prefix) > 2 else None
    if entry is None or entry.cls != "Place":
        return None
    return ctx.add(
        Mention(ctx.doc_id, token.idx, token.idx + len(token), prefix, "Place", entry.id)
    )


def _genitive_place(ctx: DocContext, token: Token) -> Mention | None:
    """ "Östersunds lokala försäkringscenter": a place in the genitive before the office noun."""
    i = token.i - 1
    while i >= token.sent.start and _modifies(token.doc[i]):
        i -= 1
    if i < token.sent.start:
        return None
    mention = ctx.at(token.doc[i])
    if mention and mention.cls == "Place" and token.doc[i].text.endswith("s"):
        return mention
    return None


def _openings(ctx: DocContext) -> Iterator[_Candidate]:
    """An agency opening something in a place has an office there: "invigde … i Visby"."""
    doc = ctx.doc
    for token in doc:
        if token.lemma_.lower() not in OPENING_LEMMAS:
            continue
        sent = token.sent
        agency = _agency_of(ctx, doc[token.i : token.i + 1])
        for i in range(token.i + 1, sent.end - 1):
            if doc[i].lower_ != "i":
                continue
            place = ctx.at(doc[i + 1])
            if agency and place and place.cls == "Place":
                yield agency, place, doc[token.i : i + 2], "", "office:opening"
                break
