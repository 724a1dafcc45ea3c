"""`kg eval` as a library call: build the inputs (or open a finished build) and score it.

It sits beside graph.pipeline, not in graph.evaluate, because it builds: the
scorer itself reads only graphs and gold files.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from graph.evaluate import Score, load_gold, score

if TYPE_CHECKING:
    from spacy.language import Language


def score_build(
    gold: Path,
    inputs: Sequence[Path] = (),
    *,
    graph: Path | None = None,
    nlp: Language | None = None,
) -> Score:
    """Score `graph` (a build folder or RDF file), or else the graph of `inputs` built in memory.

    Only the gold lines of documents that were built are scored; a finished build is
    scored on every gold line. `nlp` is the pipeline (default: the shipped one).
    """
    gold_items = load_gold(gold)
    if graph is not None:
        from graph.store import open_graph

        return score(open_graph(graph), gold_items, None)
    from graph.nlp import load
    from graph.pipeline import build_graph
    from graph.read import read_paths

    documents = read_paths(list(inputs))
    built = build_graph(nlp or load(), documents)
    return score(built.graph, gold_items, {d.id for d in documents})
