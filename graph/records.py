"""Typed records that the extractors return and the rdf stage turns into triples.

Offsets are character offsets into the document text as read (after
boilerplate removal), so `text[start:end]` gives back what the record names.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple


class Evidence(NamedTuple):
    """Where a fact was read: the sentence, its offsets, and the rule that fired."""

    doc_id: str
    sentence: str
    start: int
    end: int
    rule: str


class Mention(NamedTuple):
    """A name in the text that stands for an entity of one of the vocabulary's classes."""

    doc_id: str
    start: int
    end: int
    text: str
    cls: str
    #: Gazetteer id when the name is a curated entry ("agency/forsakringskassan").
    key: str | None = None


#: A fact's object: another entity, or a literal value (title, count, ...).
Value = Mention | str | int | Decimal


class Fact(NamedTuple):
    """subject --predicate--> object, with the sentence it came from.

    `predicate` is a local name of the kg: vocabulary ("worksFor") or, for the
    subject-verb-object fallback, "verb:" and the verb's lemma.
    """

    subject: Mention
    predicate: str
    object: Value
    evidence: Evidence


class Decision(NamedTuple):
    """Something an organisation decided or asked for, with its numbers."""

    actor: Mention
    kind: str
    summary: str
    evidence: Evidence
    amount_sek: Decimal | None = None
    headcount: int | None = None
    requested_from: Mention | None = None
    time: str | None = None
    #: Other sentences that report the same decision (merged into this one).
    more_evidence: tuple[Evidence, ...] = ()
    #: A second actor: who received the money the actor gave ("regeringen ger
    #: Försäkringskassan 445 miljoner").
    also_actor: Mention | None = None
    #: The offices or places a closure, opening or move acts on.
    concerns: tuple[Mention, ...] = ()


class Quote(NamedTuple):
    """Something a person said, as written."""

    speaker: Mention
    text: str
    evidence: Evidence


class Role(NamedTuple):
    """A post a person holds or held in an organisation, as one sentence tells it.

    `start` and `end` are as precise as the text: the lexical form of an xsd:gYear ("2012"),
    gYearMonth ("2018-04"), date ("2019-05-01") or, with no year to read them against,
    gMonthDay ("--05-01") or gMonth ("--04").
    """

    holder: Mention
    organisation: Mention
    #: The plain relation the post gives: "headOf", "worksFor" or "memberOf".
    relation: str
    #: Lower case as written, like a jobTitle fact; None when the sentence names no title.
    title: str | None
    #: "current" (held when the text was written, perhaps ending soon) or "former".
    status: str
    start: str | None
    end: str | None
    evidence: Evidence
