"""Offices: the local and national units of an agency, each its own node.

News names an office by its agency and place in several ways; each becomes an
Office mention keyed by (agency, place), with partOf → agency and
locatedIn → place:

- "Försäkringskassan i Torsby (och Göteborg)"       agency + i + places
- "kontoren i Pajala, Storuman och Jokkmokk",
  "två enheter på försäkringskassan, en i Göteborg och en i Torsby",
  "tre lokalkontor i Värmland; i Filipstad, Hagfors och Säffle",
  "nationella försäkringscentret i Östersund"       office noun … i + places
- "fyra kontor har fast bemanning (Hagfors och Hallsberg)",
  "kontor … på fem orter: Arvidsjaur, Jokkmokk …"   office noun … (places) / : places
- "medarbetarna i Karlskrona, Karlstad och Kiruna"  staff noun + i + places
- "Torsbykontoret", "Östersunds lokala försäkringscenter"   place + office noun
- "invigde … i Visby"                                an opening in a place

Where an organisation itself is, is a locatedIn of the organisation, no office:
"Riksarkivet finns i Härnösand", "SLU i Uppsala", "huvudkontoret … i Norrköping".

Places are read by one list parser (`place_list`) over the sentence's tokens:
any mix of commas, semicolons, parentheses, colons, conjunctions and repeated
prepositions between them; a county or landscape listed with towns is the
list's scope, not an office. Without an agency in the phrase, the office
belongs to the agency the sentence or, failing that, the document is about.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from graph import gazetteers
from graph.extract.context import DocContext
from graph.lang.sv.offices import (
    BEING_IN,
    LIST_CLOSERS,
    LIST_OPENERS,
    LIST_WORDS,
    LOCATED_KINDS,
    OFFICE_NOUN_ENDINGS,
    OFFICE_NOUNS_WHOLE,
    SEAT_ENDINGS,
    STAFF_NOUNS,
    WIDE_PLACE_KINDS,
)
from graph.lang.sv.staff import OF_WHICH
from graph.records import Fact, Mention

#: Opening an office somewhere: "invigde … i Visby", "öppnar ett nytt kontor i …".
OPENING_LEMMAS = {"inviga", "invigning", "öppna", "öppning", "nyöppna"}
#: Marks that open a list of places anywhere after an office noun in its sentence.
BRACKETED_OPENERS = ("(", ":")


class Listed(NamedTuple):
    """One place of a list: its mention and the tokens it covers."""

    place: Mention
    span: Span


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
    facts += _seats(ctx)
    return facts


_Candidate = tuple[Mention, Mention, Span, str, str]


def _candidates(ctx: DocContext) -> Iterator[_Candidate]:
    yield from _agency_in_place(ctx)
    yield from _office_nouns(ctx)
    yield from _staff_in_places(ctx)
    yield from _workforce_parts(ctx)
    yield from _openings(ctx)


def is_office_noun(token: Token) -> bool:
    """An office noun or a compound on one ("lokalkontoret", "asylprövningsenheterna")."""
    word = token.lower_
    return word in OFFICE_NOUNS_WHOLE or word.endswith(OFFICE_NOUN_ENDINGS)


def _agency_of(ctx: DocContext, where: Span) -> Mention | None:
    """The agency an office phrase belongs to: the last one named before it in its paragraph,
    else the one the document is about."""
    paragraph_start = ctx.text.rfind("\n", 0, where.start_char) + 1
    before = [m for m in ctx.before(where.end_char, "Agency") if m.start >= paragraph_start]
    return before[0] if before else ctx.dominant("Agency")


def place_list(ctx: DocContext, start: int, *, opened: bool = False) -> list[Listed]:
    """The places listed from token `start` on, in any punctuation: "i Pajala, Storuman och
    Jokkmokk", "i Värmland; i Filipstad och Hagfors", "(Hagfors, Hallsberg och Härnösand)",
    ": Arvidsjaur, Jokkmokk". Until a list opener ("i", "på", "(", ":") the words must be
    list words; a place counts only after one (`opened` when the caller has seen it). An
    organisation named inside ("en på försäkringskassan") is stepped over."""
    doc = ctx.doc
    found: list[Listed] = []
    i = start
    sent_end = _list_end(doc, start)
    while i < sent_end:
        token = doc[i]
        mention = ctx.at(token, "Place", "Agency", "Organization")
        span = ctx.span(mention) if mention else None
        if mention and mention.cls == "Place" and opened:
            found.append(Listed(mention, span or doc[i : i + 1]))
        elif mention and mention.cls == "Place":
            break
        elif mention is None:
            word = token.lower_
            if word in LIST_CLOSERS and found:
                break
            if word in LIST_OPENERS:
                opened = True
            elif word not in LIST_WORDS:
                break
        i = span.end if span is not None else i + 1
    return _narrowest(found)


def _list_end(doc: Doc, start: int) -> int:
    """Where a list from `start` must end: its sentence's end, or the next one's when the
    sentence ends in the colon that opens the list (the sentence splitter may cut there)."""
    if start >= len(doc):
        return start
    end = doc[start].sent.end
    if doc[end - 1].text == ":" and end - 1 <= start + 1 and end < len(doc):
        return doc[end].sent.end
    return end


def _narrowest(found: list[Listed]) -> list[Listed]:
    """A county or landscape listed with towns gives the scope of the list, not an office."""
    kinds = [gazetteers.by_id(p.place.key).kind if p.place.key else None for p in found]
    if all(kind in WIDE_PLACE_KINDS for kind in kinds):
        return found
    return [p for p, kind in zip(found, kinds, strict=True) if kind not in WIDE_PLACE_KINDS]


def _named_list(ctx: DocContext, head: Span, listed: list[Listed]) -> Iterator[tuple[Span, str]]:
    """Offices of one list: the first, right after its head ("kontoret i Torsby"), is named
    by the whole phrase; the others have no name of their own."""
    doc = ctx.doc
    for n, item in enumerate(listed):
        if n == 0 and item.span.start <= head.end + 1:
            where = doc[head.start : item.span.end]
            yield where, where.text
        else:
            yield item.span, ""


def _agency_in_place(ctx: DocContext) -> Iterator[_Candidate]:
    """ "Försäkringskassan i Torsby och Göteborg"."""
    doc = ctx.doc
    for agency in [m for m in ctx.mentions if m.cls == "Agency"]:
        span = ctx.span(agency)
        if span is None or span.end >= len(doc) or doc[span.end].lower_ != "i":
            continue
        listed = place_list(ctx, span.end)
        head = doc[span.start : span.end]
        for item, (where, text) in zip(listed, _named_list(ctx, head, listed), strict=True):
            yield agency, item.place, where, text, "office:agency-i-place"


def _seats(ctx: DocContext) -> Iterator[Fact]:
    """Where an organisation itself is: "Riksarkivet finns i Härnösand", "SLU i Uppsala",
    "huvudkontoret har sitt säte i Norrköping"."""
    doc = ctx.doc
    for org in [m for m in ctx.mentions if m.cls in ("Agency", "Organization")]:
        span = ctx.span(org)
        if org.key is None or span is None or span.end + 1 >= len(doc):
            continue
        being = doc[span.end].lower_ in BEING_IN
        located_kind = gazetteers.by_id(org.key).kind in LOCATED_KINDS
        if not being and not (located_kind and doc[span.end].lower_ == "i"):
            continue
        start = span.end + 1 if being else span.end
        for item in place_list(ctx, start):
            yield Fact(org, "locatedIn", item.place, ctx.evidence(span, "office:seat"))
    for token in doc:
        if not token.lower_.endswith(SEAT_ENDINGS) or ctx.at(token):
            continue
        agency = _agency_of(ctx, doc[token.i : token.i + 1])
        seat = _seat_place(ctx, token)
        if agency is not None and seat is not None:
            yield Fact(agency, "locatedIn", seat, ctx.evidence(token, "office:seat"))


def _seat_place(ctx: DocContext, token: Token) -> Mention | None:
    """The one place after "i" in the clause of a head-office word."""
    doc = ctx.doc
    for i in range(token.i + 1, min(token.sent.end, token.i + 6) - 1):
        if doc[i].lower_ == "i" and (place := ctx.at(doc[i + 1], "Place")) and place.key:
            return place
        if doc[i].is_punct:
            break
    return None


def _office_nouns(ctx: DocContext) -> Iterator[_Candidate]:
    """ "kontoren i Pajala, Storuman …", "kontor … (Hagfors, Hallsberg)", "Torsbykontoret",
    "Östersunds lokala försäkringscenter"."""
    doc = ctx.doc
    for token in doc:
        if not is_office_noun(token) or ctx.at(token) or token.pos_ not in ("NOUN", "PROPN"):
            continue
        if token.lower_.endswith(SEAT_ENDINGS):
            continue  # the head office is where the agency itself is (_seats)
        noun = doc[token.i : token.i + 1]
        agency = _agency_of(ctx, noun)
        if agency is None:
            continue
        compound = _compound_place(ctx, token)
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
        head = doc[_noun_phrase_start(token) : token.i + 1]
        listed = place_list(ctx, token.i + 1)
        for item, (where, text) in zip(listed, _named_list(ctx, head, listed), strict=True):
            yield agency, item.place, where, text, "office:noun-i-place"
        for item in _bracketed_lists(ctx, token):
            yield agency, item.place, item.span, "", "office:noun-listed-places"


def _bracketed_lists(ctx: DocContext, noun: Token) -> Iterator[Listed]:
    """Places in a parenthesis or after a colon later in the office noun's sentence:
    "fyra av kontoren har fast bemanning (Hagfors och Hallsberg)"."""
    doc = ctx.doc
    for i in range(noun.i + 1, min(noun.sent.end, len(doc) - 1)):
        if doc[i].text in BRACKETED_OPENERS and ctx.at(doc[i + 1], "Place"):
            yield from place_list(ctx, i)


def _staff_in_places(ctx: DocContext) -> Iterator[_Candidate]:
    """ "medarbetarna i Karlskrona, Karlstad och Kiruna": the staff of the offices there."""
    doc = ctx.doc
    for token in doc:
        if token.lower_ not in STAFF_NOUNS or token.i + 1 >= len(doc):
            continue
        if doc[token.i + 1].lower_ not in ("i", "på"):
            continue
        agency = _agency_of(ctx, doc[token.i : token.i + 1])
        if agency is None:
            continue
        for item in place_list(ctx, token.i + 1):
            yield agency, item.place, item.span, "", "office:staff-in-places"


def _workforce_parts(ctx: DocContext) -> Iterator[_Candidate]:
    """ "14 000 anställda, varav 120 i Borlänge": the part of a workforce in a place works at
    the office there."""
    doc = ctx.doc
    starts = {q.start: q for q in ctx.quantities}
    for token in doc:
        words = next((w for w in OF_WHICH if _words_at(doc, token.i, w)), None)
        part = starts.get(token.i + len(words)) if words else None
        if part is None or part.end >= token.sent.end or doc[part.end].lower_ not in ("i", "på"):
            continue
        agency = _agency_of(ctx, doc[token.i : token.i + 1])
        if agency is None:
            continue
        for item in place_list(ctx, part.end):
            yield agency, item.place, item.span, "", "office:workforce-part"


def _words_at(doc: Doc, i: int, words: tuple[str, ...]) -> bool:
    return tuple(t.lower_ for t in doc[i : i + len(words)]) == words


def _noun_phrase_start(noun: Token) -> int:
    """Include the adjectives before an office noun ("nationella försäkringscentret")."""
    start = noun.i
    while start > noun.sent.start and _modifies(noun.doc[start - 1]):
        start -= 1
    return start


def _modifies(token: Token) -> bool:
    """An adjective before an office noun ("lokala", "nationella"), by tag or by attachment."""
    return token.dep_ == "amod" or (token.pos_ == "ADJ" and token.is_lower)


def _compound_place(ctx: DocContext, token: Token) -> Mention | None:
    """ "Torsbykontoret": a place name glued to the office noun."""
    word = token.lower_
    ending = next((e for e in OFFICE_NOUN_ENDINGS if word.endswith(e)), None)
    if ending is None:
        return None
    prefix = token.text[: len(word) - len(ending)]
    entry = gazetteers.lookup(prefix) if len(prefix) > 2 else None
    if entry is None or entry.cls != "Place":
        return None
    return ctx.add(
        Mention(ctx.doc_id, token.idx, token.idx + len(prefix), prefix, "Place", entry.id)
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
