"""The fallback: subject–verb–object facts that no curated pattern covers.

For a verb whose subject and object (obj, iobj, or an obl with its
preposition) are both entities, the fact is kept with the verb's lemma as
predicate in its own namespace ("verb:samarbeta_med"), never mixed into the
curated kg: properties. The Swedish parse uses Universal Dependencies labels.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from graph import gazetteers
from graph.extract.context import DocContext
from graph.extract.lexicon import (
    CASE,
    OBJECTS,
    OBLIQUE,
    SUBJECTS,
    is_speech_verb,
)
from graph.lang.sv.verbs import AUXILIARY_LEMMAS
from graph.records import Fact, Mention


def fallback(ctx: DocContext, curated: Iterable[Fact]) -> list[Fact]:
    covered = {(f.subject, f.object) for f in curated} | {(f.object, f.subject) for f in curated}
    facts: list[Fact] = []
    titles = gazetteers.titles()
    for verb in ctx.doc:
        light = verb.lemma_.lower() in AUXILIARY_LEMMAS  # "ha", "bli": no relation of their own
        if verb.pos_ != "VERB" or light or is_speech_verb(verb) or verb.lower_ in titles:
            continue  # speech is a Quote; a title tagged VERB ("regionchef") is a tagging slip
        subjects = [m for c in verb.children if c.dep_ in SUBJECTS if (m := _entity(ctx, c))]
        for subject in subjects:
            for child in verb.children:
                obj = _entity(ctx, child)
                if obj is None or obj == subject or (subject, obj) in covered:
                    continue
                if child.dep_ in OBJECTS:
                    predicate = f"verb:{verb.lemma_.lower()}"
                elif child.dep_ == OBLIQUE:
                    case = next((c.lower_ for c in child.children if c.dep_ == CASE), None)
                    predicate = f"verb:{verb.lemma_.lower()}" + (f"_{case}" if case else "")
                else:
                    continue
                facts.append(Fact(subject, predicate, obj, ctx.evidence(verb, "svo:" + child.dep_)))
    return facts


def _entity(ctx: DocContext, token: Token) -> Mention | None:
    return ctx.resolved(token)
