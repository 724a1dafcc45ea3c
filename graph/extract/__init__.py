"""From a parsed Doc to typed records: entities, facts, decisions and quotes.

The stages run in order over one `DocContext`; each later stage reads what the
earlier ones found:

    entities  → mentions (gazetteers, NER, people's name cues, short forms, projects)
    offices   → office mentions with partOf / locatedIn
    coref     → pronouns and role nouns ("myndigheten") pointed at their entity
    tags      → token tags for the Matcher patterns
    roles     → worksFor / headOf / memberOf / jobTitle
    links     → partOf, collaboratesWith, numberOfEmployees, leads, participatesIn
    decisions → Decision records
    quotes    → Quote records, and worksFor for a speaker who says "vi"
    svo       → verb:… facts for what no pattern covered

Shared word lists and UD dependency labels are in lexicon.py; Swedish numbers
and amounts in numbers.py.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from spacy.tokens import Doc

from graph.extract.context import DocContext
from graph.extract.coref import resolve_references
from graph.extract.decisions import find_decisions
from graph.extract.entities import recognise
from graph.extract.links import find_links
from graph.extract.offices import find_offices
from graph.extract.quotes import find_quotes
from graph.extract.roles import find_roles, speaking_for
from graph.extract.svo import fallback
from graph.extract.tags import tag_tokens
from graph.records import Decision, Fact, Mention, Quote


class Extraction(NamedTuple):
    mentions: list[Mention]
    facts: list[Fact]
    decisions: list[Decision]
    quotes: list[Quote]


def extract(doc: Doc, doc_id: str) -> Extraction:
    """Everything the rules find in one parsed document."""
    ctx = DocContext(doc, doc_id)
    recognise(ctx)
    facts = find_offices(ctx)
    resolve_references(ctx)
    tag_tokens(ctx)
    facts += find_roles(ctx)
    facts += find_links(ctx, facts)
    found_decisions = find_decisions(ctx, facts)
    found_quotes = find_quotes(ctx)
    facts += speaking_for(ctx, found_quotes, facts)
    facts += fallback(ctx, facts)
    return Extraction(ctx.mentions, unique(facts), found_decisions, found_quotes)


def unique(facts: Iterable[Fact]) -> list[Fact]:
    """One fact per subject, predicate, object and sentence (several rules may find it)."""
    seen: set[tuple[object, ...]] = set()
    out = []
    for fact in facts:
        key = (fact.subject, fact.predicate, fact.object, fact.evidence.start)
        if key not in seen:
            seen.add(key)
            out.append(fact)
    return out
