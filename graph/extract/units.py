"""Named units inside an organisation: departments, staffs, secretariats, regions, councils.

    Försäkringskassans avdelning för analys och prognos   genitive parent + head + "för" name
    Kriminalvårdens HR-avdelning, Pensionsmyndighetens ledningsstab
                                                          genitive parent + compound head
    Migrationsverkets norra region, … vetenskapliga råd   genitive parent + adjective + head
    Migrationsverket region Mitt                          parent + head + proper name
    Seko Kriminalvård                                     a name opening with its parent's
    institutionen för medicin och hälsa vid Linköpings universitet
                                                          head + name + vid/på parent
    avdelningen för analys, universitetslektor vid institutionen för pedagogik
                           (the organisation named before it in its paragraph, or the subject)

Each unit is a mention of its own, an Office inside an agency and an Organization
inside any other organisation, keyed by its parent and its name, with partOf its
parent. A person who heads the unit heads the unit: relation rules reading a
token of "Försäkringskassans avdelning …" for an Office get the unit
(`DocContext.at` puts the first class asked for first). A unit in a place
("Migrationsverkets enhet i Flen") is left to the office rules.
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Span, Token

from graph import gazetteers
from graph.extract.context import NEVER_SUBJECT_KINDS, DocContext
from graph.extract.lexicon import CASE
from graph.lang.sv.organisations import (
    AFFILIATION_KINDS,
    NAME_JOINERS,
    NAME_OPENER,
    NAMED_ONLY,
    UNIT_HEAD_ENDINGS,
)
from graph.names import slug
from graph.records import Fact, Mention

ORGANISATIONS = ("Agency", "Organization")
#: Prepositions that put a unit inside the organisation after it.
PART_PREPOSITIONS = frozenset({"vid", "på", "inom", "hos"})
#: Definite form of a unit head → its base form, so that "avdelningen för X" and
#: "avdelning för X" are one unit.
#: Endings of verbal nouns a tagger may call verbs ("lärande", "boende").
VERBAL_NOUNS = ("ande", "ende")
BASE_FORMS = dict(zip(UNIT_HEAD_ENDINGS[1::2], UNIT_HEAD_ENDINGS[::2], strict=True))


class Unit(NamedTuple):
    span: Span
    parent: Mention
    #: The unit's own name, without its parent: "avdelning för analys och prognos".
    name: str
    rule: str


def find_units(ctx: DocContext) -> list[Fact]:
    """Register the named units of the document and return their partOf facts."""
    facts = list(_branches(ctx))
    for token in ctx.doc:
        unit = _unit_at(ctx, token)
        if unit is None:
            continue
        if unit.parent.cls == "Agency":
            owner = unit.parent.key or slug(unit.parent.text)
            mention = ctx.add(ctx.mention(unit.span, "Office", f"unit/{owner}/{slug(unit.name)}"))
        else:
            # keys of organisations are gazetteer ids; an unlisted one is known by its name
            mention = ctx.add(ctx.mention(unit.span, "Organization"))
        facts.append(Fact(mention, "partOf", unit.parent, ctx.evidence(unit.span, unit.rule)))
    return facts


def _branches(ctx: DocContext) -> list[Fact]:
    """A name that opens with a curated organisation's name is a branch of it: "Seko
    Kriminalvård" (the union's branch in the prison service)."""
    facts = []
    for m in [m for m in ctx.mentions if m.cls == "Organization" and m.key is None]:
        span = ctx.span(m)
        if span is None or len(span) < 2:
            continue
        owner = next(
            (o for o in ctx.mentions_at(span[0]) if o.key and o.cls in ORGANISATIONS), None
        )
        owner_span = ctx.span(owner) if owner else None
        if owner is None or owner.key is None or owner_span is None or owner_span.end >= span.end:
            continue
        label = gazetteers.by_id(owner.key).label
        if owner.text.endswith("s") and not label.endswith("s"):
            continue  # a genitive: "Riksbankens Jubileumsfond" is not a branch
        facts.append(Fact(m, "partOf", owner, ctx.evidence(span, "unit:branch")))
    return facts


def is_unit_head(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN") and token.lower_.endswith(UNIT_HEAD_ENDINGS)


def _unit_at(ctx: DocContext, head: Token) -> Unit | None:
    doc = ctx.doc
    if not is_unit_head(head) or ctx.at(head):
        return None
    inside = head.i > head.sent.start
    end = _name_end(ctx, head)
    own_name = head.text[:1].isupper() and "-" not in head.text
    if inside and own_name and doc[head.i + 1 : head.i + 2].text != NAME_OPENER:
        return None  # "Region Skåne": an organisation's own name, not a unit
    if (
        end < len(doc)
        and doc[end].lower_ == "i"
        and ctx.at(doc[min(end + 1, len(doc) - 1)], "Place")
    ):
        return None  # "enheten i Flen" is an office
    first = _adjectives_start(head)
    compound = head.lower_ not in BASE_FORMS and head.lower_ not in BASE_FORMS.values()
    named = end > head.i + 1 or compound
    described = first < head.i
    if head.lower_ in NAMED_ONLY and not (end > head.i + 1 or described):
        return None
    name = _base_name(doc[first:end], head)
    genitive = _genitive_parent(ctx, first)
    if genitive is not None and (named or described):
        parent_span = ctx.span(genitive)
        start = parent_span.start if parent_span is not None else first
        return Unit(doc[start:end], genitive, name, "unit:genitive-parent")
    if not named:
        return None
    before = ctx.at(doc[first - 1], *ORGANISATIONS) if first > head.sent.start else None
    if before is not None and end > head.i + 1:
        parent_span = ctx.span(before)
        start = parent_span.start if parent_span is not None else first
        return Unit(doc[start:end], before, name, "unit:parent-before")
    if end + 1 < len(doc) and (after := _parent_after(ctx, doc[end])) is not None:
        return Unit(doc[first:end], after, name, "unit:part-of-after")
    definite = head.lower_.endswith(tuple(BASE_FORMS))
    if definite and not own_name and doc[head.i + 1 : head.i + 2].text.lower() == NAME_OPENER:
        parent = _parent_in_paragraph(ctx, head)
        if parent is not None:
            return Unit(doc[first:end], parent, name, "unit:paragraph-parent")
    return None


def _parent_after(ctx: DocContext, token: Token) -> Mention | None:
    """The organisation a unit's name is followed by: "… vid Linköpings universitet", or in
    an affiliation after a comma, a university or institute ("…, Lunds universitet")."""
    after = ctx.at(token.doc[token.i + 1], *ORGANISATIONS)
    if after is None:
        return None
    if token.lower_ in PART_PREPOSITIONS:
        return after
    if token.text == "," and after.key and gazetteers.by_id(after.key).kind in AFFILIATION_KINDS:
        return after
    return None


def _name_end(ctx: DocContext, head: Token) -> int:
    """Where a unit's name after its head ends: "för" and the words of what it is for
    ("analys och prognos", "humaniora, utbildning och samhällsvetenskap"), or a proper name
    ("region Mitt")."""
    doc = ctx.doc
    i = head.i + 1
    sent_end = head.sent.end
    if i < sent_end and doc[i].text[:1].isupper() and doc[i].is_alpha and not ctx.at(doc[i]):
        return i + 1
    if i >= sent_end or doc[i].lower_ != NAME_OPENER:
        return i
    end = i
    j = i + 1
    while j < sent_end:
        token = doc[j]
        if ctx.at(token) or (token.dep_ == CASE and token.lower_ not in NAME_JOINERS):
            break
        if token.lower_ in NAME_JOINERS:
            following = doc[j + 1] if j + 1 < sent_end else None
            if following is None or not _name_word(following) or ctx.at(following):
                break
        elif not _name_word(token):
            break
        else:
            end = j + 1
        j += 1
    return end if end > i else i


def _name_word(token: Token) -> bool:
    """A word of what a unit is for: a noun or adjective, or a verbal noun in -ande/-ende
    ("lärande", "boende") whatever its tag."""
    if token.is_punct:
        return False
    return token.pos_ in ("NOUN", "ADJ", "PROPN") or token.lower_.endswith(VERBAL_NOUNS)


def _adjectives_start(head: Token) -> int:
    i = head.i
    while i > head.sent.start and head.doc[i - 1].pos_ == "ADJ" and head.doc[i - 1].is_lower:
        i -= 1
    return i


def _genitive_parent(ctx: DocContext, first: int) -> Mention | None:
    """The organisation in the genitive right before a unit ("Försäkringskassans …")."""
    if first == 0:
        return None
    token = ctx.doc[first - 1]
    parent = ctx.at(token, *ORGANISATIONS)
    if parent is None or not token.text.endswith("s"):
        return None
    span = ctx.span(parent)
    return parent if span is not None and span.end == first else None


def _parent_in_paragraph(ctx: DocContext, head: Token) -> Mention | None:
    """The organisation named last before a unit in its paragraph (not the government or a
    paper that reports), else the document's subject."""
    paragraph_start = ctx.text.rfind("\n", 0, head.idx) + 1
    for m in ctx.before(head.idx, *ORGANISATIONS):
        if m.start < paragraph_start:
            break
        if m.key and gazetteers.by_id(m.key).kind not in NEVER_SUBJECT_KINDS:
            return m
    return ctx.subject.mention if ctx.subject else None


def _base_name(span: Span, head: Token) -> str:
    """The unit's name with its head in the base form: "avdelning för analys"."""
    words = []
    for token in span:
        word = token.lower_
        if token.i == head.i:
            ending = next((e for e in BASE_FORMS if word.endswith(e)), None)
            if ending:
                word = word[: len(word) - len(ending)] + BASE_FORMS[ending]
        words.append(word)
    return " ".join(words)
