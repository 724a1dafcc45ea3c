"""Score a built graph against a gold file: the measurement behind `kg eval`.

It is the measurement that outside checks make with the reference scorer
(``../shared/eval/score.py GRAPH.ttl GOLD.jsonl``), and it gives the same
numbers; the tests run the two side by side. Read it in this order:

- gold.py: the gold file, read into typed records and checked line by line;
- names.py: terms are compared by local name ("…/ns#worksFor" is "worksFor"),
  so a graph scores the same whatever namespace it writes them in, and labels
  after folding (case, white space, quote marks);
- predicted.py: the built graph as the scorer sees it;
- match.py: which predicted nodes stand for which gold entity;
- measure.py: precision, recall and F1 of entities and facts (`score`);
- report.py: the score as a table with gold lines to paste, or as the reference's JSON.
"""

from graph.evaluate.gold import (
    Attribute,
    DecisionGold,
    Entity,
    EvalError,
    GoldFact,
    GoldItem,
    OfficeSignature,
    Relation,
    gold_documents,
    load_gold,
    parse_gold,
)
from graph.evaluate.measure import Score, score
from graph.evaluate.report import as_json, report

__all__ = [
    "Attribute",
    "DecisionGold",
    "Entity",
    "EvalError",
    "GoldFact",
    "GoldItem",
    "OfficeSignature",
    "Relation",
    "Score",
    "as_json",
    "gold_documents",
    "load_gold",
    "parse_gold",
    "report",
    "score",
]
