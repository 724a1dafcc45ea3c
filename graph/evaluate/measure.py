"""Precision, recall and F1 of entities and facts, counted as the reference scorer counts.

Entities: a node that stands for no gold entity is a false hit, and so is every
node beyond the first for the same entity (one real thing, one node). Optional
gold entities are neither rewarded nor penalised.
Facts: a gold relation, attribute or decision is found when a node of its
subject carries it. Precision is counted only over predicted relations of the
curated kinds between nodes of required gold entities, because nothing outside
the gold entities is annotated.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Mapping, Sequence
from operator import attrgetter
from typing import Final, NamedTuple

from rdflib import Graph
from rdflib.term import Node

from graph.evaluate.gold import Attribute, DecisionGold, Entity, GoldFact, GoldItem, Relation
from graph.evaluate.match import Alignment
from graph.evaluate.names import LOCATED_IN, PART_OF, compared_form
from graph.evaluate.predicted import NodeName, PredictedGraph
from graph.vocab import KG, local_name

WORKS_FOR, HEAD_OF, MEMBER_OF, COLLABORATES_WITH = map(
    local_name, (KG.worksFor, KG.headOf, KG.memberOf, KG.collaboratesWith)
)
LEADS, PARTICIPATES_IN = map(local_name, (KG.leads, KG.participatesIn))
DECIDED, AMOUNT_SEK, HEADCOUNT, REQUESTED_FROM = map(
    local_name, (KG.decided, KG.amountSEK, KG.headcount, KG.requestedFrom)
)
#: The curated relations, each with the predicted relations that satisfy it in
#: the gold: whoever heads an organisation or is a member of it also works for
#: it, and a gold memberOf is met by worksFor; the others only by themselves.
#: Fact precision is counted over predicted relations of these kinds.
SATISFIED_BY: Final[Mapping[str, frozenset[str]]] = {
    WORKS_FOR: frozenset({WORKS_FOR, HEAD_OF, MEMBER_OF}),
    MEMBER_OF: frozenset({MEMBER_OF, WORKS_FOR}),
    **{
        name: frozenset({name})
        for name in (HEAD_OF, PART_OF, LOCATED_IN, LEADS, PARTICIPATES_IN, COLLABORATES_WITH)
    },
}
#: A number in a decision matches the gold within half a unit.
_NUMBER_TOLERANCE: Final = 0.5


def _number(value: Node) -> float | None:
    """The value as a finite number ("4.5E7" and "45000000" alike), or None."""
    try:
        number = float(str(value))
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _value_matches(found: Node, wanted: str | int | float) -> bool:
    if isinstance(wanted, int):
        number = _number(found)
        return number is not None and int(number) == wanted
    # Text matches whole or as whole words ("generaldirektör" in "tf generaldirektör").
    text, want = compared_form(found), compared_form(wanted)
    return text == want or re.search(rf"\b{re.escape(want)}\b", text) is not None


def _decision_agrees(alignment: Alignment, made: Node, decision: DecisionGold) -> bool:
    """The predicted decision carries every number and the counterpart that the gold gives."""
    edges = alignment.predicted.edges
    for predicate, wanted in ((AMOUNT_SEK, decision.amount_sek), (HEADCOUNT, decision.headcount)):
        numbers = [n for n in map(_number, edges[made, predicate]) if n is not None]
        if wanted is not None and not any(abs(n - wanted) < _NUMBER_TOLERANCE for n in numbers):
            return False
    wanted_from = decision.requested_from
    return wanted_from is None or bool(
        set(alignment.nodes_for(wanted_from)) & edges[made, REQUESTED_FROM]
    )


Triple = tuple[Node, str, Node]


def _satisfying(predicate: str) -> frozenset[str]:
    return SATISFIED_BY.get(predicate, frozenset({predicate}))


def _triples(alignment: Alignment, relation: Relation, predicates: frozenset[str]) -> set[Triple]:
    """The edges, between nodes of its subject and object, that would state the gold relation."""
    triples = set()
    for s in alignment.nodes_for(relation.subject):
        for o in alignment.nodes_for(relation.object):
            triples |= {(s, p, o) for p in predicates}
            # collaboratesWith is symmetric: either side may carry it.
            if relation.predicate == COLLABORATES_WITH:
                triples |= {(o, p, s) for p in predicates}
    return triples


def fact_found(alignment: Alignment, fact: GoldFact) -> bool:
    """The graph has the gold fact on a node of its subject (or actor)."""
    edges = alignment.predicted.edges
    if isinstance(fact, Relation):
        triples = _triples(alignment, fact, _satisfying(fact.predicate))
        return any(o in edges[s, p] for s, p, o in triples)
    if isinstance(fact, Attribute):
        return any(
            _value_matches(value, fact.value)
            for subject in alignment.nodes_for(fact.subject)
            for value in edges[subject, fact.predicate]
        )
    actors = {*alignment.nodes_for(fact.actor), *alignment.nodes_for(fact.also_actor or fact.actor)}
    return any(
        _decision_agrees(alignment, made, fact)
        for actor in actors
        for made in edges[actor, DECIDED]
    )


class WrongRelation(NamedTuple):
    """A predicted relation between gold entities that the gold does not license."""

    subject: NodeName
    predicate: str
    object: NodeName


def _wrong_relations(alignment: Alignment, gold: list[Relation]) -> tuple[int, list[WrongRelation]]:
    """How many curated relations join nodes of required gold entities, and which are wrong.

    A gold relation makes right what satisfies it, and for a head also
    worksFor (a head works for what they lead).
    """
    licensed = set()
    for relation in gold:
        predicates = _satisfying(relation.predicate)
        if relation.predicate == HEAD_OF:
            predicates |= {WORKS_FOR}
        licensed |= _triples(alignment, relation, predicates)
    predicted = alignment.predicted
    nodes = {node for key in alignment.required for node in alignment.nodes_of[key]}
    checked = [
        (s, p, o) for s in nodes for p in SATISFIED_BY for o in predicted.edges[s, p] & nodes
    ]
    wrong = [
        WrongRelation(predicted.name(s), p, predicted.name(o))
        for s, p, o in checked
        if (s, p, o) not in licensed
    ]
    wrong.sort(key=lambda w: (w.subject.order, w.predicate, w.object.order))
    return len(checked), wrong


class Duplicated(NamedTuple):
    """A gold entity that the graph has more than one node for."""

    entity: Entity
    nodes: tuple[NodeName, ...]


class Score(NamedTuple):
    """The measurement, with the reference scorer's field names and meanings.

    Rates are rounded to three decimals, as the reference scorer reports them.
    `gold_entities` counts the required (non-optional) ones, `duplicates` the
    nodes beyond the first for the same one, and `entity_typed_recall` the share
    of them with a node of an accepted class. The lists are complete (`as_json`
    caps them as the reference does); the last three fields are extras for
    the report, which `as_json` leaves out: the denominators of fact recall and
    precision, and the gold entities behind `duplicates` with all their nodes.
    """

    entity_precision: float
    entity_recall: float
    entity_f1: float
    entity_typed_recall: float
    fact_precision: float
    fact_recall: float
    fact_f1: float
    gold_entities: int
    pred_nodes: int
    duplicates: int
    missed_entities: tuple[Entity, ...]
    spurious_nodes: tuple[NodeName, ...]
    missed_facts: tuple[GoldFact, ...]
    wrong_relations: tuple[WrongRelation, ...]
    gold_facts: int
    checked_relations: int
    duplicated: tuple[Duplicated, ...]


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score(graph: Graph, gold: Sequence[GoldItem], docs: Collection[str] | None = None) -> Score:
    """Score the graph against the gold; with `docs`, only the gold lines of those documents.

    An empty `docs` filters nothing, as in the reference scorer; a gold line without "doc"
    is always kept.
    """
    if docs:
        # a line that names no document holds for any text built
        gold = [item for item in gold if item.doc is None or item.doc in docs]
    predicted = PredictedGraph(graph)
    alignment = Alignment(predicted, gold)
    entities, nodes_of, required = alignment.entities, alignment.nodes_of, alignment.required

    found = [key for key in required if nodes_of[key]]
    typed = [
        key
        for key in found
        if any(
            predicted.classes[n] & set(entities[key].first.accepted_classes) for n in nodes_of[key]
        )
    ]
    matched = {node for nodes in nodes_of.values() for node in nodes}
    spurious = [predicted.name(node) for node in predicted.nodes if node not in matched]
    duplicates = sum(max(0, len(nodes) - 1) for nodes in nodes_of.values())
    entity_precision = len(found) / max(1, len(found) + len(spurious) + duplicates)
    entity_recall = len(found) / max(1, len(required))

    facts = [item for item in gold if not isinstance(item, Entity)]
    missed_facts = tuple(fact for fact in facts if not fact_found(alignment, fact))
    checked, wrong = _wrong_relations(alignment, [f for f in facts if isinstance(f, Relation)])
    fact_precision = (checked - len(wrong)) / checked if checked else 0.0
    fact_recall = (len(facts) - len(missed_facts)) / max(1, len(facts))

    return Score(
        entity_precision=round(entity_precision, 3),
        entity_recall=round(entity_recall, 3),
        entity_f1=round(_f1(entity_precision, entity_recall), 3),
        entity_typed_recall=round(len(typed) / max(1, len(required)), 3),
        fact_precision=round(fact_precision, 3),
        fact_recall=round(fact_recall, 3),
        fact_f1=round(_f1(fact_precision, fact_recall), 3),
        gold_entities=len(required),
        pred_nodes=len(predicted.nodes),
        duplicates=duplicates,
        missed_entities=tuple(entities[key].first for key in required if not nodes_of[key]),
        spurious_nodes=tuple(sorted(spurious, key=attrgetter("order"))),
        missed_facts=missed_facts,
        wrong_relations=tuple(wrong),
        gold_facts=len(facts),
        checked_relations=checked,
        duplicated=tuple(
            Duplicated(entities[key].first, tuple(map(predicted.name, nodes)))
            for key, nodes in nodes_of.items()
            if len(nodes) > 1
        ),
    )
