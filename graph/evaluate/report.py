"""The score for people (a table, then misses and false hits as gold lines) and as JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Final

from graph.evaluate.measure import Score
from graph.evaluate.predicted import NodeName

#: The reference scorer's numbers: the fields of Score before its lists.
_NUMBERS: Final = Score._fields[: Score._fields.index("missed_entities")]
#: How many false hits the JSON result lists, as the reference scorer does.
_JSON_SPURIOUS_LIMIT: Final = 40
_JSON_WRONG_LIMIT: Final = 30


def as_json(result: Score) -> dict[str, Any]:
    """The score as the reference scorer's --json prints it (same keys, same shapes, same caps)."""

    def first_label(name: NodeName) -> list[str]:
        return [name.folded] if name.folded is not None else []

    return {
        **{key: getattr(result, key) for key in _NUMBERS},
        "missed_entities": [entity.label for entity in result.missed_entities],
        "spurious_nodes": [n.reference_name for n in result.spurious_nodes[:_JSON_SPURIOUS_LIMIT]],
        "missed_facts": [dict(fact.source) for fact in result.missed_facts],
        "wrong_relations": [
            [first_label(w.subject), w.predicate, first_label(w.object)]
            for w in result.wrong_relations[:_JSON_WRONG_LIMIT]
        ],
    }


def _section(title: str, lines: Sequence[str]) -> list[str]:
    return ["", f"{title} ({len(lines)}):", *(f"  {line}" for line in lines)] if lines else []


def report(result: Score) -> str:
    """A small table of precision, recall and F1, then the misses and false hits as gold lines.

    A false hit is written as the gold line to add if the graph was right after all.
    """
    table = [
        ("entities", (result.entity_precision, result.entity_recall, result.entity_f1)),
        ("facts", (result.fact_precision, result.fact_recall, result.fact_f1)),
    ]
    lines = [
        f"{'':10}{'precision':>10}{'recall':>8}{'F1':>7}",
        *(f"{name:10}{p:>10.3f}{r:>8.3f}{f1:>7.3f}" for name, (p, r, f1) in table),
        "",
        f"entities: {result.gold_entities} in the gold, {result.pred_nodes} nodes predicted, "
        f"{result.duplicates} duplicate(s), typed recall {result.entity_typed_recall:.3f}",
        f"facts: {result.gold_facts} in the gold, {len(result.missed_facts)} missed; "
        f"{result.checked_relations} predicted relation(s) between gold entities, "
        f"{len(result.wrong_relations)} wrong",
    ]
    for entity, nodes in result.duplicated:
        named = ", ".join(f"{n.iri} ({n.label})" for n in nodes)
        lines.append(f"{len(nodes)} nodes for {entity.label}: {named}")
    spurious: list[dict[str, object]] = [
        {"kind": "entity", "class": n.cls, "label": n.label or n.iri, "aliases": []}
        for n in result.spurious_nodes
    ]
    wrong = [
        {
            "kind": "relation",
            "subject": s.label or s.iri,
            "predicate": p,
            "object": o.label or o.iri,
        }
        for s, p, o in result.wrong_relations
    ]
    listed = [
        *_section("missed entities", [e.as_jsonl() for e in result.missed_entities]),
        *_section("missed facts", [f.as_jsonl() for f in result.missed_facts]),
        *_section("spurious nodes", [json.dumps(n, ensure_ascii=False) for n in spurious]),
        *_section("wrong relations", [json.dumps(w, ensure_ascii=False) for w in wrong]),
    ]
    if listed:
        lines += [
            "",
            "Below in the gold's own format: a miss as its gold line; a false hit as the line",
            "to add to the gold if the graph is right after all.",
            *listed,
        ]
    return "\n".join(lines) + "\n"
