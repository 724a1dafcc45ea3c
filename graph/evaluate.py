"""Score a built graph against a gold file: the measurement behind `kg eval`.

It is the measurement that outside checks make with the reference scorer
(``../shared/eval/score.py GRAPH.ttl GOLD.jsonl``), and it gives the same
numbers; the tests run the two side by side. In short:

Entities
    A predicted node is a subject whose rdf:type, closed over the
    rdfs:subClassOf statements the graph itself makes, is one of the core
    classes. It stands for a gold entity when one of its labels equals the
    gold label or an alias after folding (case, white space, quote marks), or,
    for an office, when it is locatedIn the gold place and partOf the gold
    organisation. Gold entities with the same folded label are one thing,
    whichever documents name them. A node that stands for no gold entity is a
    false hit, and so is every node beyond the first for the same entity (one
    real thing, one node). Optional gold entities are neither rewarded nor
    penalised.
Facts
    Recall: a gold relation, attribute or decision is found when a node of
    its subject carries it. Precision is counted only over predicted relations
    of the curated kinds between nodes of required gold entities, because
    nothing outside the gold entities is annotated.

Terms are compared by local name ("…/ns#worksFor" is "worksFor"), so a graph
scores the same whatever namespace it writes them in.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, NamedTuple

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import FOAF, SKOS
from rdflib.term import Node

from graph.vocab import ENTITY_CLASSES, KG

# ---------------------------------------------------------------------------
# Names and text
# ---------------------------------------------------------------------------

_LOCAL_NAME_SEPARATORS = re.compile(r"[#/:]")
#: Quote marks are dropped when folding: »Tillitslabbet« names what Tillitslabbet does.
_QUOTE_MARKS = re.compile(r"[»«\"'“”]")
_WHITE_SPACE = re.compile(r"\s+")


def local_name(term: object) -> str:
    """The part of an IRI after its last '#', '/' or ':' ("…/ns#worksFor" → "worksFor")."""
    return _LOCAL_NAME_SEPARATORS.split(str(term))[-1]


def fold(text: object) -> str:
    """A label as it is compared: NFC, case-folded, quote marks dropped, white space collapsed."""
    folded = unicodedata.normalize("NFC", str(text)).casefold()
    folded = _QUOTE_MARKS.sub("", folded)
    return _WHITE_SPACE.sub(" ", folded).strip()


def _names(*terms: URIRef) -> frozenset[str]:
    return frozenset(local_name(term) for term in terms)


#: The classes whose nodes are scored as entities.
CORE_CLASSES: Final = frozenset(ENTITY_CLASSES)
#: Predicates whose literal objects name a node (schema:name counts like foaf:name).
LABEL_PREDICATES: Final = _names(
    RDFS.label, SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel, FOAF.name
)
OFFICE: Final = local_name(KG.Office)
LOCATED_IN: Final = local_name(KG.locatedIn)
PART_OF: Final = local_name(KG.partOf)
WORKS_FOR: Final = local_name(KG.worksFor)
HEAD_OF: Final = local_name(KG.headOf)
COLLABORATES_WITH: Final = local_name(KG.collaboratesWith)
DECIDED: Final = local_name(KG.decided)
AMOUNT_SEK: Final = local_name(KG.amountSEK)
HEADCOUNT: Final = local_name(KG.headcount)
REQUESTED_FROM: Final = local_name(KG.requestedFrom)

#: The curated relations, each with the predicted relations that satisfy it in
#: the gold: whoever heads an organisation or is a member of it also works for
#: it, and a gold memberOf is met by worksFor. Fact precision is counted over
#: predicted relations of these kinds.
SATISFIED_BY: Final[Mapping[str, frozenset[str]]] = {
    WORKS_FOR: _names(KG.worksFor, KG.headOf, KG.memberOf),
    local_name(KG.memberOf): _names(KG.memberOf, KG.worksFor),
    HEAD_OF: _names(KG.headOf),
    PART_OF: _names(KG.partOf),
    LOCATED_IN: _names(KG.locatedIn),
    local_name(KG.leads): _names(KG.leads),
    local_name(KG.participatesIn): _names(KG.participatesIn),
    COLLABORATES_WITH: _names(KG.collaboratesWith),
}

#: A number in a decision matches the gold within half a unit.
_NUMBER_TOLERANCE: Final = 0.5
#: How many false hits the JSON result lists, as the reference scorer does.
_JSON_SPURIOUS_LIMIT: Final = 40
_JSON_WRONG_LIMIT: Final = 30

# ---------------------------------------------------------------------------
# The gold file
# ---------------------------------------------------------------------------

JsonObject = Mapping[str, Any]


class EvalError(Exception):
    """A gold file that cannot be read, with one line saying where and why."""


@dataclass(frozen=True, kw_only=True)
class GoldLine:
    """What every gold record keeps of its line: the document, the line number, the JSON."""

    doc: str | None
    line: int
    #: The line's JSON object as written (reports echo it so it can be pasted back).
    source: JsonObject = field(compare=False, repr=False)

    def as_jsonl(self) -> str:
        """The record as its gold line."""
        return json.dumps(self.source, ensure_ascii=False)


class OfficeSignature(NamedTuple):
    """An office known by where it is and whose it is, whatever it is called."""

    located_in: str
    part_of: str


@dataclass(frozen=True)
class Entity(GoldLine):
    """A named thing that the graph should have one node for."""

    label: str
    cls: str
    aliases: tuple[str, ...] = ()
    #: The classes that count as typed right (the gold's "classes", else its "class").
    accepted_classes: tuple[str, ...] = ()
    optional: bool = False
    signature: OfficeSignature | None = None


@dataclass(frozen=True)
class Relation(GoldLine):
    """subject --predicate--> object between two named things."""

    subject: str
    predicate: str
    object: str


@dataclass(frozen=True)
class Attribute(GoldLine):
    """subject --predicate--> a literal value (a title, a count)."""

    subject: str
    predicate: str
    #: A whole number is compared as a number, anything else as folded text.
    value: str | int | float


@dataclass(frozen=True)
class DecisionGold(GoldLine):
    """A decision that the actor (or also_actor) took, with the numbers it must carry."""

    actor: str
    amount_sek: float | None = None
    headcount: float | None = None
    requested_from: str | None = None
    also_actor: str | None = None


GoldItem = Entity | Relation | Attribute | DecisionGold
GoldFact = Relation | Attribute | DecisionGold


class _Fields:
    """One gold line's JSON object, read field by field; errors name the line."""

    def __init__(self, obj: JsonObject, kind: str, where: str, line: int) -> None:
        self.obj = obj
        self.kind = kind
        self.where = where
        self.line = line

    def error(self, problem: str) -> EvalError:
        return EvalError(f"{self.where}: {problem}")

    def get(self, name: str, required: bool) -> Any:
        if name not in self.obj:
            if required:
                raise self.error(f"missing field {name!r} for kind {self.kind!r}")
            return None
        value = self.obj[name]
        # null is refused rather than read as "absent": the reference scorer
        # reads a key that is there as a value (a null amount misses every decision).
        if value is None:
            raise self.error(f"field {name!r} is null; leave it out instead")
        return value

    @staticmethod
    def _is_text(value: object) -> bool:
        return isinstance(value, str) and bool(value.strip())

    def text(self, name: str) -> str:
        value = self.get(name, required=True)
        if not self._is_text(value):
            raise self.error(f"field {name!r} must be a non-empty string, not {value!r}")
        return str(value)

    def optional_text(self, name: str) -> str | None:
        return self.text(name) if name in self.obj else None

    def texts(self, name: str) -> tuple[str, ...] | None:
        value = self.get(name, required=False)
        if value is None:
            return None
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.error(f"field {name!r} must be a list of strings, not {value!r}")
        return tuple(value)

    def number(self, name: str) -> float | None:
        value = self.get(name, required=False)
        # bool is an int in Python; a gold `true` is a slip, not a count.
        if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)):
            raise self.error(f"field {name!r} must be a number, not {value!r}")
        return value

    def flag(self, name: str) -> bool:
        value = self.get(name, required=False)
        if value is not None and not isinstance(value, bool):
            raise self.error(f"field {name!r} must be true or false, not {value!r}")
        return bool(value)

    def entity_class(self, value: str, name: str) -> str:
        if value not in CORE_CLASSES:
            known = ", ".join(ENTITY_CLASSES)
            raise self.error(f"field {name!r}: unknown class {value!r} (one of {known})")
        return value

    def predicate(self) -> str:
        value = self.text("predicate")
        # A local name of the vocabulary, as the graph is read by local names.
        if local_name(value) != value or value not in KG:
            raise self.error(f"field 'predicate': {value!r} is not a term of the kg: vocabulary")
        return value

    def common(self) -> dict[str, Any]:
        """The GoldLine fields."""
        return {"doc": self.optional_text("doc"), "line": self.line, "source": self.obj}


def _entity(fields: _Fields) -> Entity:
    cls = fields.entity_class(fields.text("class"), "class")
    classes = fields.texts("classes")
    return Entity(
        label=fields.text("label"),
        cls=cls,
        aliases=fields.texts("aliases") or (),
        accepted_classes=tuple(fields.entity_class(c, "classes") for c in classes)
        if classes is not None
        else (cls,),
        optional=fields.flag("optional"),
        signature=_signature(fields),
        **fields.common(),
    )


def _signature(fields: _Fields) -> OfficeSignature | None:
    if "signature" not in fields.obj:
        return None
    value = fields.obj["signature"]
    if not isinstance(value, dict):
        raise fields.error(f"field 'signature' must be an object, not {value!r}")
    inner = _Fields(value, "signature", fields.where, fields.line)
    return OfficeSignature(inner.text(LOCATED_IN), inner.text(PART_OF))


def _relation(fields: _Fields) -> Relation:
    return Relation(
        subject=fields.text("subject"),
        predicate=fields.predicate(),
        object=fields.text("object"),
        **fields.common(),
    )


def _attribute(fields: _Fields) -> Attribute:
    value = fields.get("value", required=True)
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise fields.error(f"field 'value' must be a string or a number, not {value!r}")
    return Attribute(
        subject=fields.text("subject"),
        predicate=fields.predicate(),
        value=value,
        **fields.common(),
    )


def _decision(fields: _Fields) -> DecisionGold:
    return DecisionGold(
        actor=fields.text("actor"),
        amount_sek=fields.number("amountSEK"),
        headcount=fields.number("headcount"),
        requested_from=fields.optional_text("requestedFrom"),
        also_actor=fields.optional_text("alsoActor"),
        **fields.common(),
    )


_PARSERS: Final[Mapping[str, Callable[[_Fields], GoldItem]]] = {
    "entity": _entity,
    "relation": _relation,
    "attribute": _attribute,
    "decision": _decision,
}


def _parse_line(text: str, where: str, number: int) -> GoldItem:
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as err:
        raise EvalError(f"{where}: not valid JSON ({err.msg} at column {err.colno})") from err
    if not isinstance(obj, dict):
        raise EvalError(f"{where}: a gold line must be a JSON object, not {type(obj).__name__}")
    if "kind" not in obj:
        raise EvalError(f"{where}: missing field 'kind'")
    kind = obj["kind"]
    if not isinstance(kind, str) or kind not in _PARSERS:
        known = ", ".join(_PARSERS)
        raise EvalError(f"{where}: unknown kind {kind!r} (one of {known})")
    return _PARSERS[kind](_Fields(obj, kind, where, number))


def parse_gold(lines: Iterable[str], name: str = "gold") -> list[GoldItem]:
    """Gold records from JSON Lines text; blank lines are skipped; `name` is used in errors."""
    return [
        _parse_line(text, f"{name} line {number}", number)
        for number, text in enumerate(lines, start=1)
        if text.strip()
    ]


def load_gold(path: Path) -> list[GoldItem]:
    """The records of a gold JSONL file, checked: an EvalError names the first bad line."""
    try:
        # utf-8-sig: a byte-order mark written by an editor is not part of line 1.
        with path.open(encoding="utf-8-sig") as lines:
            return parse_gold(lines, str(path))
    except (OSError, UnicodeDecodeError) as err:
        raise EvalError(f"cannot read gold file {path}: {err}") from err


def gold_documents(gold: Iterable[GoldItem]) -> set[str]:
    """The "doc" ids that the gold covers."""
    return {item.doc for item in gold if item.doc is not None}


# ---------------------------------------------------------------------------
# The predicted graph
# ---------------------------------------------------------------------------


class NodeName(NamedTuple):
    """How a report names a predicted node."""

    iri: str
    #: Its smallest folded label: the name the reference scorer gives it.
    folded: str | None
    #: A label as written (its rdfs:label if it has one).
    label: str | None
    #: Its most specific core class.
    cls: str | None

    @property
    def reference_name(self) -> str:
        """The folded label, or the IRI of an unlabelled node."""
        return self.folded if self.folded is not None else self.iri


def _superclass_closure(graph: Graph) -> Callable[[str], frozenset[str]]:
    """A class's local name → it and all its superclasses, by the graph's rdfs:subClassOf."""
    parents: dict[str, set[str]] = defaultdict(set)
    for child, _, parent in graph.triples((None, RDFS.subClassOf, None)):
        parents[local_name(child)].add(local_name(parent))

    def closure(name: str) -> frozenset[str]:
        seen: set[str] = set()
        todo = [name]
        while todo:
            current = todo.pop()
            if current not in seen:
                seen.add(current)
                todo.extend(parents.get(current, ()))
        return frozenset(seen)

    return closure


class PredictedGraph:
    """A built graph as the scorer sees it: typed nodes, their labels, their edges by local name."""

    def __init__(self, graph: Graph) -> None:
        closure = _superclass_closure(graph)
        classes: dict[Node, set[str]] = {}
        asserted: dict[Node, set[str]] = defaultdict(set)
        for node, _, cls in graph.triples((None, RDF.type, None)):
            classes.setdefault(node, set()).update(closure(local_name(cls)))
            asserted[node].add(local_name(cls))
        labels: dict[Node, set[str]] = defaultdict(set)
        written: dict[Node, set[str]] = defaultdict(set)
        edges: dict[Node, dict[str, set[Node]]] = defaultdict(lambda: defaultdict(set))
        for subject, predicate, obj in graph:
            name = local_name(predicate)
            edges[subject][name].add(obj)
            if name in LABEL_PREDICATES and isinstance(obj, Literal):
                labels[subject].add(fold(obj))
                if predicate == RDFS.label:
                    written[subject].add(str(obj))
        #: The nodes scored as entities, in the graph's order.
        self.nodes: tuple[Node, ...] = tuple(n for n, cs in classes.items() if cs & CORE_CLASSES)
        self._classes = {node: frozenset(cs) for node, cs in classes.items()}
        self._asserted = asserted
        self._labels = {node: frozenset(ls) for node, ls in labels.items()}
        self._written = written
        self._edges = edges

    def classes(self, node: Node) -> frozenset[str]:
        """The node's classes, closed over rdfs:subClassOf."""
        return self._classes.get(node, frozenset())

    def core_classes(self, node: Node) -> frozenset[str]:
        return self.classes(node) & CORE_CLASSES

    def labels(self, node: Node) -> frozenset[str]:
        """The node's folded labels."""
        return self._labels.get(node, frozenset())

    def objects(self, node: Node, predicate: str) -> frozenset[Node]:
        """What the node points to by predicates with this local name."""
        if node not in self._edges:
            return frozenset()
        return frozenset(self._edges[node].get(predicate, ()))

    def nodes_labelled(self, folded: str) -> list[Node]:
        """The predicted nodes with this folded label."""
        return [node for node in self.nodes if folded in self.labels(node)]

    def name(self, node: Node) -> NodeName:
        labels = self.labels(node)
        written = self._written.get(node)
        # The asserted class is the specific one (Agency, not also Organization).
        asserted = self._asserted.get(node, set()) & CORE_CLASSES
        candidates = asserted or self.core_classes(node)
        return NodeName(
            iri=str(node),
            folded=min(labels) if labels else None,
            label=min(written) if written else (min(labels) if labels else None),
            cls=next((c for c in ENTITY_CLASSES if c in candidates), None),
        )


# ---------------------------------------------------------------------------
# Matching gold entities to nodes
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class MergedEntity:
    """A gold entity with every document's mention of it merged (keyed by folded label)."""

    first: Entity
    #: Folded label and aliases of every mention.
    names: frozenset[str]
    #: Optional only when every mention is.
    optional: bool


def merge_entities(gold: Iterable[GoldItem]) -> dict[str, MergedEntity]:
    """The gold's entities by folded label, in the order they first appear.

    Class, accepted classes and signature come from the first mention; the
    names are those of all mentions.
    """
    merged: dict[str, MergedEntity] = {}
    for item in gold:
        if not isinstance(item, Entity):
            continue
        key = fold(item.label)
        names = {key} | {fold(alias) for alias in item.aliases}
        if key in merged:
            known = merged[key]
            merged[key] = MergedEntity(
                known.first, known.names | names, known.optional and item.optional
            )
        else:
            merged[key] = MergedEntity(item, frozenset(names), item.optional)
    return merged


def _is_office_of(predicted: PredictedGraph, node: Node, signature: OfficeSignature) -> bool:
    """The node is an office located in the signature's place and part of its organisation."""

    def points_to(predicate: str, label: str) -> bool:
        return any(
            fold(label) in predicted.labels(target) for target in predicted.objects(node, predicate)
        )

    return (
        OFFICE in predicted.classes(node)
        and points_to(LOCATED_IN, signature.located_in)
        and points_to(PART_OF, signature.part_of)
    )


def stands_for(predicted: PredictedGraph, node: Node, entity: MergedEntity) -> bool:
    """The node is one for the gold entity: by a label, or for an office by its signature."""
    if predicted.labels(node) & entity.names:
        return True
    signature = entity.first.signature
    return signature is not None and _is_office_of(predicted, node, signature)


class Alignment:
    """Which predicted nodes stand for which gold entity."""

    def __init__(self, predicted: PredictedGraph, entities: Mapping[str, MergedEntity]) -> None:
        self.predicted = predicted
        self.entities = entities
        #: Gold key → every node that stands for it (more than one is a duplicate).
        self.nodes_of: dict[str, list[Node]] = {key: [] for key in entities}
        #: The nodes that stand for some gold entity.
        self.matched: set[Node] = set()
        for node in predicted.nodes:
            for key, entity in entities.items():
                if stands_for(predicted, node, entity):
                    self.matched.add(node)
                    self.nodes_of[key].append(node)

    def required(self) -> list[str]:
        """The keys of the gold entities that count (not optional)."""
        return [key for key, entity in self.entities.items() if not entity.optional]

    def nodes_for(self, label: str) -> list[Node]:
        """The nodes a fact's label names: the gold entity's nodes, else any node so labelled."""
        key = fold(label)
        if key in self.entities:
            return self.nodes_of[key]
        return self.predicted.nodes_labelled(key)


# ---------------------------------------------------------------------------
# Finding gold facts (recall)
# ---------------------------------------------------------------------------


def _relation_found(alignment: Alignment, relation: Relation) -> bool:
    predicted = alignment.predicted
    satisfying = SATISFIED_BY.get(relation.predicate, frozenset({relation.predicate}))
    objects = set(alignment.nodes_for(relation.object))
    for subject in alignment.nodes_for(relation.subject):
        if any(objects & predicted.objects(subject, p) for p in satisfying):
            return True
        # collaboratesWith is symmetric: either side may carry it.
        if relation.predicate == COLLABORATES_WITH and any(
            subject in predicted.objects(o, COLLABORATES_WITH) for o in objects
        ):
            return True
    return False


def _value_matches(found: Node, wanted: str | int | float) -> bool:
    if isinstance(wanted, int):
        try:
            return int(float(str(found))) == wanted
        except (ValueError, OverflowError):
            return False
    # Text matches whole or as whole words ("generaldirektör" in "tf generaldirektör").
    text, want = fold(found), fold(wanted)
    return text == want or re.search(rf"\b{re.escape(want)}\b", text) is not None


def _attribute_found(alignment: Alignment, attribute: Attribute) -> bool:
    return any(
        _value_matches(value, attribute.value)
        for subject in alignment.nodes_for(attribute.subject)
        for value in alignment.predicted.objects(subject, attribute.predicate)
    )


def _numbers(values: Iterable[Node]) -> list[float]:
    numbers = []
    for value in values:
        try:
            numbers.append(float(str(value)))
        except ValueError:
            continue
    return numbers


def _decision_agrees(alignment: Alignment, made: Node, decision: DecisionGold) -> bool:
    """The predicted decision carries every number and counterpart that the gold gives."""
    predicted = alignment.predicted
    for predicate, wanted in ((AMOUNT_SEK, decision.amount_sek), (HEADCOUNT, decision.headcount)):
        if wanted is not None and not any(
            abs(number - wanted) < _NUMBER_TOLERANCE
            for number in _numbers(predicted.objects(made, predicate))
        ):
            return False
    if decision.requested_from is not None:
        counterparts = set(alignment.nodes_for(decision.requested_from))
        return bool(counterparts & predicted.objects(made, REQUESTED_FROM))
    return True


def _decision_found(alignment: Alignment, decision: DecisionGold) -> bool:
    actors = set(alignment.nodes_for(decision.actor))
    actors |= set(alignment.nodes_for(decision.also_actor or decision.actor))
    return any(
        _decision_agrees(alignment, made, decision)
        for actor in actors
        for made in alignment.predicted.objects(actor, DECIDED)
    )


def fact_found(alignment: Alignment, fact: GoldFact) -> bool:
    """The graph has the gold fact on a node of its subject (or actor)."""
    if isinstance(fact, Relation):
        return _relation_found(alignment, fact)
    if isinstance(fact, Attribute):
        return _attribute_found(alignment, fact)
    return _decision_found(alignment, fact)


# ---------------------------------------------------------------------------
# Judging predicted relations (precision)
# ---------------------------------------------------------------------------

Triple = tuple[Node, str, Node]


class WrongRelation(NamedTuple):
    """A predicted relation between gold entities that the gold does not license."""

    subject: NodeName
    predicate: str
    object: NodeName


def licensed_predicates(gold_predicate: str) -> frozenset[str]:
    """Predicted relations that a gold relation makes right: those that satisfy it,
    and for a head also worksFor (a head works for what they lead)."""
    licensed = SATISFIED_BY.get(gold_predicate, frozenset({gold_predicate}))
    return licensed | {WORKS_FOR} if gold_predicate == HEAD_OF else licensed


def _licensed_triples(alignment: Alignment, relations: Iterable[Relation]) -> set[Triple]:
    licensed: set[Triple] = set()
    for relation in relations:
        predicates = licensed_predicates(relation.predicate)
        for subject in alignment.nodes_for(relation.subject):
            for obj in alignment.nodes_for(relation.object):
                for predicate in predicates:
                    licensed.add((subject, predicate, obj))
                    if relation.predicate == COLLABORATES_WITH:
                        licensed.add((obj, predicate, subject))
    return licensed


class RelationCheck(NamedTuple):
    """The predicted relations between gold entities: how many, and which are wrong."""

    checked: int
    wrong: list[WrongRelation]


def check_relations(alignment: Alignment, relations: Iterable[Relation]) -> RelationCheck:
    """Every curated relation between nodes of required gold entities, judged by the gold."""
    predicted = alignment.predicted
    gold_nodes = {node for key in alignment.required() for node in alignment.nodes_of[key]}
    licensed = _licensed_triples(alignment, relations)
    checked, wrong = 0, []
    for subject in gold_nodes:
        for predicate in SATISFIED_BY:
            for obj in predicted.objects(subject, predicate) & gold_nodes:
                checked += 1
                if (subject, predicate, obj) not in licensed:
                    wrong.append(
                        WrongRelation(predicted.name(subject), predicate, predicted.name(obj))
                    )
    wrong.sort(key=_wrong_order)
    return RelationCheck(checked, wrong)


def _wrong_order(wrong: WrongRelation) -> tuple[str, str, str, str, str]:
    return (
        wrong.subject.folded or "",
        wrong.predicate,
        wrong.object.folded or "",
        wrong.subject.iri,
        wrong.object.iri,
    )


# ---------------------------------------------------------------------------
# The score
# ---------------------------------------------------------------------------


class Duplicated(NamedTuple):
    """A gold entity that the graph has more than one node for."""

    entity: Entity
    nodes: tuple[NodeName, ...]


class Score(NamedTuple):
    """The measurement, with the reference scorer's field names and meanings.

    Rates are rounded to three decimals, as the reference scorer reports them.
    The lists are complete (`as_json` caps them as the reference does); the
    last three fields are extras for the report, which `as_json` leaves out.
    """

    entity_precision: float
    entity_recall: float
    entity_f1: float
    #: Share of required gold entities with a node of an accepted class.
    entity_typed_recall: float
    fact_precision: float
    fact_recall: float
    fact_f1: float
    #: Required (non-optional) gold entities.
    gold_entities: int
    pred_nodes: int
    #: Nodes beyond the first for the same gold entity.
    duplicates: int
    missed_entities: tuple[Entity, ...]
    #: Nodes that stand for no gold entity, in the order of their names.
    spurious_nodes: tuple[NodeName, ...]
    missed_facts: tuple[GoldFact, ...]
    wrong_relations: tuple[WrongRelation, ...]
    #: Gold facts (relations, attributes, decisions): the recall's denominator.
    gold_facts: int
    #: Predicted relations between gold entities: the fact precision's denominator.
    checked_relations: int
    #: The gold entities behind `duplicates`, each with all its nodes.
    duplicated: tuple[Duplicated, ...]


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score(graph: Graph, gold: Sequence[GoldItem], docs: Collection[str] | None = None) -> Score:
    """Score the merged graph against the gold; with `docs`, only the gold lines of those documents.

    An empty `docs` filters nothing, as in the reference scorer.
    """
    if docs:
        gold = [item for item in gold if item.doc in docs]
    predicted = PredictedGraph(graph)
    alignment = Alignment(predicted, merge_entities(gold))

    required = alignment.required()
    found = [key for key in required if alignment.nodes_of[key]]
    typed = [
        key
        for key in found
        if any(
            predicted.core_classes(node) & set(alignment.entities[key].first.accepted_classes)
            for node in alignment.nodes_of[key]
        )
    ]
    unmatched = [node for node in predicted.nodes if node not in alignment.matched]
    duplicates = sum(max(0, len(nodes) - 1) for nodes in alignment.nodes_of.values())
    entity_precision = len(found) / max(1, len(found) + len(unmatched) + duplicates)
    entity_recall = len(found) / max(1, len(required))

    facts = [item for item in gold if not isinstance(item, Entity)]
    missed_facts = tuple(fact for fact in facts if not fact_found(alignment, fact))
    relations = [fact for fact in facts if isinstance(fact, Relation)]
    check = check_relations(alignment, relations)
    fact_precision = (check.checked - len(check.wrong)) / check.checked if check.checked else 0.0
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
        missed_entities=tuple(
            alignment.entities[key].first for key in required if not alignment.nodes_of[key]
        ),
        spurious_nodes=tuple(
            sorted((predicted.name(node) for node in unmatched), key=_spurious_order)
        ),
        missed_facts=missed_facts,
        wrong_relations=tuple(check.wrong),
        gold_facts=len(facts),
        checked_relations=check.checked,
        duplicated=tuple(
            Duplicated(alignment.entities[key].first, tuple(map(predicted.name, nodes)))
            for key, nodes in alignment.nodes_of.items()
            if len(nodes) > 1
        ),
    )


def _spurious_order(name: NodeName) -> tuple[str, str]:
    return (name.reference_name, name.iri)


# ---------------------------------------------------------------------------
# Reporting
# ---------------------------------------------------------------------------


def as_json(result: Score) -> dict[str, Any]:
    """The score as the reference scorer's --json prints it (same keys, same shapes, same caps)."""

    def first_label(name: NodeName) -> list[str]:
        return [name.folded] if name.folded is not None else []

    return {
        "entity_precision": result.entity_precision,
        "entity_recall": result.entity_recall,
        "entity_f1": result.entity_f1,
        "entity_typed_recall": result.entity_typed_recall,
        "fact_precision": result.fact_precision,
        "fact_recall": result.fact_recall,
        "fact_f1": result.fact_f1,
        "gold_entities": result.gold_entities,
        "pred_nodes": result.pred_nodes,
        "duplicates": result.duplicates,
        "missed_entities": [entity.label for entity in result.missed_entities],
        "spurious_nodes": [
            name.reference_name for name in result.spurious_nodes[:_JSON_SPURIOUS_LIMIT]
        ],
        "missed_facts": [dict(fact.source) for fact in result.missed_facts],
        "wrong_relations": [
            [first_label(w.subject), w.predicate, first_label(w.object)]
            for w in result.wrong_relations[:_JSON_WRONG_LIMIT]
        ],
    }


def _gold_line(obj: Mapping[str, object]) -> str:
    return json.dumps(obj, ensure_ascii=False)


def _node_as_gold(name: NodeName) -> str:
    """A false-hit node as an entity line (paste it into the gold if the graph was right)."""
    return _gold_line(
        {"kind": "entity", "class": name.cls, "label": name.label or name.iri, "aliases": []}
    )


def _relation_as_gold(wrong: WrongRelation) -> str:
    """A wrong relation as a relation line (paste it into the gold if the graph was right)."""
    return _gold_line(
        {
            "kind": "relation",
            "subject": wrong.subject.label or wrong.subject.iri,
            "predicate": wrong.predicate,
            "object": wrong.object.label or wrong.object.iri,
        }
    )


def _section(title: str, lines: Sequence[str]) -> list[str]:
    return ["", f"{title} ({len(lines)}):", *(f"  {line}" for line in lines)] if lines else []


def report(result: Score) -> str:
    """A small table of precision, recall and F1, then the misses and false hits as gold lines."""
    lines = [
        f"{'':10}{'precision':>10}{'recall':>8}{'F1':>7}",
        f"{'entities':10}{result.entity_precision:>10.3f}{result.entity_recall:>8.3f}"
        f"{result.entity_f1:>7.3f}",
        f"{'facts':10}{result.fact_precision:>10.3f}{result.fact_recall:>8.3f}"
        f"{result.fact_f1:>7.3f}",
        "",
        f"entities: {result.gold_entities} in the gold, {result.pred_nodes} nodes predicted, "
        f"{result.duplicates} duplicate(s), typed recall {result.entity_typed_recall:.3f}",
        f"facts: {result.gold_facts} in the gold, {len(result.missed_facts)} missed; "
        f"{result.checked_relations} predicted relation(s) between gold entities, "
        f"{len(result.wrong_relations)} wrong",
    ]
    for duplicated in result.duplicated:
        nodes = ", ".join(f"{n.iri} ({n.label})" for n in duplicated.nodes)
        lines.append(f"{len(duplicated.nodes)} nodes for {duplicated.entity.label}: {nodes}")
    listed = [
        *_section("missed entities", [e.as_jsonl() for e in result.missed_entities]),
        *_section("missed facts", [f.as_jsonl() for f in result.missed_facts]),
        *_section("spurious nodes", [_node_as_gold(n) for n in result.spurious_nodes]),
        *_section("wrong relations", [_relation_as_gold(w) for w in result.wrong_relations]),
    ]
    if listed:
        lines += [
            "",
            "Below in the gold's own format: a miss as its gold line; a false hit as the line",
            "to add to the gold if the graph is right after all.",
            *listed,
        ]
    return "\n".join(lines) + "\n"
