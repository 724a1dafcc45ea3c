"""What every extractor needs to know about one parsed document.

The entity stage fills a `DocContext` with the mentions it found; relation,
decision and quote rules then ask it which mention a token belongs to and
turn the sentence they fired in into evidence.

The subject stage (`find_subject`, right after the entities) sets
`ctx.subject`: the organisation the document is about, or None when the text
does not make it plain. Later stages use it for words with no antecedent of
their own ("myndigheten" in the first sentence, "De har 14 000 anställda",
"vi" in a press release's own voice); coref puts what it resolves into
`ctx.refers_to`, so most rules only ever call `ctx.resolved(token)`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from graph import gazetteers
from graph.extract.numbers import Quantity, find_quantities
from graph.names import fold, people_of_one_text
from graph.records import Evidence, Fact, Mention

#: Facts that tie a person to an organisation.
AFFILIATIONS = ("worksFor", "headOf", "memberOf")
#: Gazetteer kinds that are named around an agency's news without being what it is about
#: (the government that appoints, the paper that reports).
NEVER_SUBJECT_KINDS = frozenset({"government", "parliament", "media"})
#: How many paragraphs open a text (a headline and its lead).
OPENING_PARAGRAPHS = 2


class Subject(NamedTuple):
    """The organisation a document is about (its publisher, or the agency a story covers)."""

    #: Its first mention in the text (an Agency or Organization).
    mention: Mention
    #: How often the text names it (short forms such as "kassan" included).
    times: int
    #: Why it was chosen: "opening" (named most, and in the headline or lead),
    #: "majority" (named far more than any other) or "only" (the one organisation named).
    reason: str


@dataclass
class DocContext:
    doc: Doc
    doc_id: str
    mentions: list[Mention] = field(default_factory=list)
    #: Pronouns and role nouns ("han", "myndigheten") resolved to the mention they stand for.
    refers_to: dict[int, Mention] = field(default_factory=dict)
    #: The organisation the document is about, once the subject stage has run.
    subject: Subject | None = None
    #: The article's date as the document gives it (a JSON Lines `date`), or None.
    date: str | None = None
    _by_token: dict[int, list[Mention]] = field(default_factory=dict)
    _people: tuple[tuple[str, ...], dict[str, str]] = field(
        default_factory=lambda: ((), {}), init=False
    )
    #: The document text (spaCy's Doc.text joins every token on each call).
    text: str = field(init=False)

    def __post_init__(self) -> None:
        self.text = self.doc.text

    @cached_property
    def quantities(self) -> list[Quantity]:
        """The amounts, counts and durations of the document (graph.extract.numbers)."""
        return find_quantities(self.doc)

    @cached_property
    def sentences(self) -> list[Span]:
        return list(self.doc.sents)

    def add(self, mention: Mention) -> Mention:
        """Register a mention; an office may cover the tokens of its agency and place too."""
        if mention not in self.mentions:
            self.mentions.append(mention)
            span = self.span(mention)
            for token in span if span is not None else ():
                self._by_token.setdefault(token.i, []).append(mention)
        return mention

    def discard(self, mention: Mention) -> None:
        """Take back a mention a later, better reading replaces (a "place" that is the first
        word of a company's name)."""
        if mention in self.mentions:
            self.mentions.remove(mention)
            for found in self._by_token.values():
                if mention in found:
                    found.remove(mention)

    def span(self, mention: Mention) -> Span | None:
        return self.doc.char_span(mention.start, mention.end, alignment_mode="expand")

    def mentions_at(self, token: Token) -> list[Mention]:
        return self._by_token.get(token.i, [])

    def at(self, token: Token, *classes: str) -> Mention | None:
        """The first mention a token is part of, if any; asked for some classes, one of the
        first class listed that has one ("Office" first: the unit "Försäkringskassans
        avdelning för analys" over the agency its first word names) and of that class the
        widest."""
        here = self._by_token.get(token.i, ())
        if not classes:
            return here[0] if here else None
        for cls in classes:
            of_class = [m for m in here if m.cls == cls]
            if of_class:  # the widest: "Seko Kriminalvård" over the "Seko" inside it
                return max(of_class, key=lambda m: m.end - m.start)
        return None

    def resolved(self, token: Token, *classes: str) -> Mention | None:
        """The mention a token is part of or, for a pronoun or role noun, stands for."""
        mention = self.at(token, *classes) or self.refers_to.get(token.i)
        return mention if mention and (not classes or mention.cls in classes) else None

    def in_span(self, span: Span, *classes: str) -> list[Mention]:
        """Mentions starting inside a span, in text order, optionally of some classes."""
        found = [
            m
            for m in self.mentions
            if span.start_char <= m.start < span.end_char and (not classes or m.cls in classes)
        ]
        return sorted(found, key=lambda m: m.start)

    def before(self, position: int, *classes: str) -> list[Mention]:
        """Mentions ending before a character offset, nearest first."""
        found = [m for m in self.mentions if m.end <= position and m.cls in classes]
        return sorted(found, key=lambda m: -m.end)

    def identity(self, mention: Mention) -> str:
        """Who or what a mention stands for within this document, for comparing mentions:
        the curated key if any; for a person the full name a short name stands for
        ("Brattlund", "Brattlunds" and "Lars-Åke Brattlund" agree; "Lars Berg" and
        "Anna Berg" do not); else the folded name."""
        if mention.key:
            return mention.key
        if mention.cls != "Person":
            return fold(mention.text)
        return "person:" + self._full_names().get(mention.text, fold(mention.text))

    def _full_names(self) -> dict[str, str]:
        """names.people_of_one_text over the people found so far, worked out again only
        when a person has been added (identity is asked for inside loops over facts)."""
        written = tuple(m.text for m in self.mentions if m.cls == "Person")
        if self._people[0] != written:
            self._people = (written, people_of_one_text(written))
        return self._people[1]

    def affiliations(self, person: Mention, facts: Iterable[Fact]) -> list[Mention]:
        """The organisations the facts so far say a person works for, heads or belongs to."""
        who = self.identity(person)
        return list(
            dict.fromkeys(
                f.object
                for f in facts
                if f.predicate in AFFILIATIONS
                and isinstance(f.object, Mention)
                and self.identity(f.subject) == who
            )
        )

    def dominant(self, *classes: str) -> Mention | None:
        """The first mention of the most mentioned keyed entity of some classes ("the" agency
        an article is about)."""
        keyed = [m for m in self.mentions if m.cls in classes and m.key]
        if not keyed:
            return None
        key, _ = Counter(m.key for m in keyed).most_common(1)[0]
        return next(m for m in keyed if m.key == key)

    def evidence(self, where: Span | Token, rule: str, *, passage: Span | None = None) -> Evidence:
        """The sentence around a span or token (or a whole passage, such as a quote's
        paragraph), with its offsets in the document; surrounding white space left out."""
        whole = passage if passage is not None else where.sent
        start, end = whole.start_char, whole.end_char
        text = self.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return Evidence(self.doc_id, text[start:end], start, end, rule)

    def mention(
        self, span: Span, cls: str, key: str | None = None, text: str | None = None
    ) -> Mention:
        """A mention for a span of this document (not yet registered).

        `text` overrides the written form; "" marks a mention with no name of its
        own (the second office in "Försäkringskassan i Torsby och Göteborg").
        """
        written = span.text if text is None else text
        return Mention(self.doc_id, span.start_char, span.end_char, written, cls, key)


def find_subject(ctx: DocContext) -> Subject | None:
    """The organisation a document is about, conservatively: a wrong guess costs more than none.

    Counted over the agencies and organisations named (curated ones, and others named twice
    or more), by identity. The most named wins only if no other is named as often, and it is
    also named in the opening paragraphs, or at least three times and twice as often as the
    next; a text that names a single organisation (twice, or once in its opening) is about it.
    """
    counts: Counter[str] = Counter()
    first: dict[str, Mention] = {}
    for m in ctx.mentions:
        if m.cls not in ("Agency", "Organization") or not m.text:
            continue
        if m.key and gazetteers.by_id(m.key).kind in NEVER_SUBJECT_KINDS:
            continue
        who = ctx.identity(m)
        counts[who] += 1
        if who not in first or m.start < first[who].start:
            first[who] = m
    opening = _opening_end(ctx.text)
    if len(counts) == 1:
        ((top, n),) = counts.items()
        # named once, it must be named early: a passing mention is not what a text is about
        plain = n > 1 or (first[top].key is not None and first[top].start < opening)
        return Subject(first[top], n, "only") if plain else None
    counts = Counter({who: n for who, n in counts.items() if first[who].key or n > 1})
    ranked = counts.most_common(2)
    if not ranked:
        return None
    (top, n), second = ranked[0], (ranked[1][1] if len(ranked) > 1 else 0)
    if n == second:
        return None
    if first[top].start < opening:
        return Subject(first[top], n, "opening")
    if n >= 3 and n >= 2 * second:
        return Subject(first[top], n, "majority")
    return None


def _opening_end(text: str) -> int:
    """Where the opening paragraphs (headline and lead) end."""
    end = 0
    for _ in range(OPENING_PARAGRAPHS):
        while end < len(text) and text[end].isspace():
            end += 1
        newline = text.find("\n", end)
        if newline < 0:
            return len(text)
        end = newline
    return end
