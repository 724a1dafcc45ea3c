"""The build: documents → spaCy → facts → one node per thing → RDF → files and store.

`build()` is what `kg build` runs. It writes into a fresh folder beside the
target and swaps it in only when everything succeeded, so a failed build leaves
the previous graph as it was.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from rdflib import RDF, Dataset, Graph
from spacy.language import Language

from graph.extract import extract
from graph.rdf import DocumentFacts, merged, to_dataset
from graph.read import Document
from graph.resolve import resolve
from graph.store import swap_in, write_store
from graph.views import write_view
from graph.vocab import ENTITY_CLASSES, KG

#: Called once per document analysed, with the document just done.
Progress = Callable[[Document], None]


class BuildSummary(NamedTuple):
    documents: int
    sentences: int
    entities: Counter[str]
    facts: Counter[str]
    seconds: float
    out: Path


class BuildResult(NamedTuple):
    dataset: Dataset
    graph: Graph
    documents: int
    sentences: int


def analyse(
    nlp: Language, documents: Sequence[Document], progress: Progress | None = None
) -> Iterator[tuple[DocumentFacts, int]]:
    """Run the Swedish pipeline and the extractors; yield each document's facts and its
    number of sentences."""
    texts = ((d.text, d) for d in documents)
    for spacy_doc, document in nlp.pipe(texts, as_tuples=True, batch_size=8):
        found = extract(spacy_doc, document.id)
        facts = DocumentFacts(
            document=document,
            mentions=found.mentions,
            facts=found.facts,
            decisions=found.decisions,
            quotes=found.quotes,
        )
        yield facts, sum(1 for _ in spacy_doc.sents)
        if progress:
            progress(document)


def build_graph(
    nlp: Language, documents: Sequence[Document], progress: Progress | None = None
) -> BuildResult:
    """The knowledge graph of some documents, in memory."""
    extracted: list[DocumentFacts] = []
    sentences = 0
    for item, n in analyse(nlp, documents, progress):
        extracted.append(item)
        sentences += n
    resolution = resolve(m for item in extracted for m in item.mentions)
    dataset = to_dataset(extracted, resolution)
    return BuildResult(dataset, merged(dataset), len(documents), sentences)


def count_entities(g: Graph) -> Counter[str]:
    counts: Counter[str] = Counter()
    for cls in (*ENTITY_CLASSES, "Decision", "Quote"):
        counts[cls] = sum(1 for _ in g.subjects(RDF.type, KG[cls]))
    return counts


def count_facts(g: Graph) -> Counter[str]:
    """Facts per predicate, counted from the evidence nodes (one per extracted fact)."""
    return Counter(
        g.namespace_manager.normalizeUri(str(p)).removeprefix("kg:")
        for e in g.subjects(RDF.type, KG.Evidence)
        for p in g.objects(e, RDF.predicate)
    )


def write_outputs(result: BuildResult, out: Path) -> None:
    """Write graph.ttl, graph.trig, graph.html and store/ into `out`, replacing it whole."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; the build is for everyone who may read it
    try:
        result.graph.serialize(staging / "graph.ttl", format="turtle")
        result.dataset.serialize(staging / "graph.trig", format="trig")
        write_view(result.graph, staging / "graph.html")
        write_store(result.dataset, staging / "store")
        swap_in(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def build(
    documents: Sequence[Document],
    out: Path,
    nlp: Language,
    progress: Progress | None = None,
) -> BuildSummary:
    """Build the graph of some documents (see graph.read.read_paths) and write it to `out`."""
    started = time.perf_counter()
    result = build_graph(nlp, documents, progress)
    write_outputs(result, out)
    return BuildSummary(
        result.documents,
        result.sentences,
        count_entities(result.graph),
        count_facts(result.graph),
        time.perf_counter() - started,
        out,
    )
