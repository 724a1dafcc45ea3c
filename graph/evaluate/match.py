"""Which predicted nodes stand for which gold entity.

A node stands for a gold entity when one of its labels equals the gold label or
an alias after folding, or, for an office, when it is locatedIn the gold place
and partOf the gold organisation. Gold entities with the same folded label are
one thing, whichever documents name them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from rdflib.term import Node

from graph.evaluate.gold import Entity, GoldItem
from graph.evaluate.names import LOCATED_IN, OFFICE, PART_OF, compared_form
from graph.evaluate.predicted import PredictedGraph


class MergedEntity(NamedTuple):
    """A gold entity: its first mention, the folded names of all, optional if all are."""

    first: Entity
    names: frozenset[str]
    optional: bool


def merge_entities(gold: Iterable[GoldItem]) -> dict[str, MergedEntity]:
    """The gold's entities by folded label, in the order they first appear."""
    merged: dict[str, MergedEntity] = {}
    for item in gold:
        if isinstance(item, Entity):
            key = compared_form(item.label)
            names = {key, *map(compared_form, item.aliases)}
            # Class, accepted classes and signature stay those of the first mention.
            known = merged.get(key, MergedEntity(item, frozenset(), item.optional))
            merged[key] = known._replace(
                names=known.names | names, optional=known.optional and item.optional
            )
    return merged


def stands_for(predicted: PredictedGraph, node: Node, entity: MergedEntity) -> bool:
    """The node is one for the gold entity: by a label, or for an office by its signature."""
    if predicted.labels[node] & entity.names:
        return True
    signature = entity.first.signature
    return (
        signature is not None
        and OFFICE in predicted.classes[node]
        and all(
            any(
                compared_form(label) in predicted.labels[target]
                for target in predicted.edges[node, link]
            )
            for link, label in zip((LOCATED_IN, PART_OF), signature, strict=True)
        )
    )


class Alignment:
    """The gold entities, each with the nodes that stand for it (more than one: duplicates)."""

    def __init__(self, predicted: PredictedGraph, gold: Iterable[GoldItem]) -> None:
        self.predicted = predicted
        self.entities = merge_entities(gold)
        self.nodes_of = {
            key: [node for node in predicted.nodes if stands_for(predicted, node, entity)]
            for key, entity in self.entities.items()
        }
        #: The gold entities that count (not optional).
        self.required = [key for key, entity in self.entities.items() if not entity.optional]

    def nodes_for(self, label: str) -> list[Node]:
        """The nodes a fact's label names: the gold entity's nodes, else any node so labelled."""
        key = compared_form(label)
        if key in self.entities:
            return self.nodes_of[key]
        return [node for node in self.predicted.nodes if key in self.predicted.labels[node]]
