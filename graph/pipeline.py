"""The build: documents → spaCy → facts → one node per thing → RDF → store and files.

`build()` is what `kg build` runs. It writes into a fresh folder beside the
target and swaps it in only when everything succeeded, so a failed build leaves
the previous graph as it was. The quads are made with Oxigraph's terms and bulk-loaded
into the store, and graph.ttl and graph.trig are streamed out of it; rdflib only holds
the merged graph the view is drawn from (`build_graph` gives rdflib's dataset for
analysis in Python).
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

import pyoxigraph as ox
from rdflib import RDF, Dataset, Graph
from spacy.language import Language

from graph import workers
from graph.cache import BuildCache, Changes
from graph.extract import extract
from graph.layout import CACHE_DIR, STORE_DIR, TRIG_FILE, TURTLE_FILE, VIEW_FILE
from graph.rdf import DocumentFacts, document_quads, to_dataset
from graph.read import Document
from graph.records import Mention
from graph.resolve import Resolution, resolve
from graph.store import merged, swap_in
from graph.store.build_folder import check_target, claimed, mark, staging_prefix
from graph.store.load import bulk_load, view_graph, write_files
from graph.store.serialize import nquads
from graph.views import write_view
from graph.vocab import ENTITY_CLASSES, KG, VERB

#: Called once per document analysed, with the document just done.
Progress = Callable[[Document], None]
#: The Swedish pipeline, or a function that loads it when the build needs it here.
Model = Language | Callable[[], Language]


class Analysis(NamedTuple):
    """One document through the language pipeline and the extractors."""

    facts: DocumentFacts
    sentences: int
    #: CPU seconds in the spaCy pipeline and in the extractors.
    nlp_seconds: float
    extract_seconds: float


class BuildSummary(NamedTuple):
    documents: int
    sentences: int
    entities: Counter[str]
    facts: Counter[str]
    seconds: float
    out: Path
    #: CPU seconds by stage: nlp, extract, resolve, store (RDF and bulk load), files, view
    #: (nlp and extract summed over the worker processes).
    stages: dict[str, float]
    #: The documents added, changed, removed and reused since the last build into `out`.
    changes: Changes


class BuildResult(NamedTuple):
    dataset: Dataset
    graph: Graph
    documents: int
    sentences: int


def analyse(
    nlp: Language, documents: Iterable[Document], progress: Progress | None = None
) -> Iterator[Analysis]:
    """Run the Swedish pipeline and the extractors on each document, in order."""
    texts = ((d.text, d) for d in documents)
    clock = time.process_time()
    for spacy_doc, document in nlp.pipe(texts, as_tuples=True, batch_size=8):
        parsed = time.process_time()
        extraction = extract(spacy_doc, document.id, document.date)
        sentences = sum(1 for _ in spacy_doc.sents)
        done = time.process_time()
        facts = DocumentFacts(document, *extraction)
        yield Analysis(facts, sentences, parsed - clock, done - parsed)
        if progress:
            progress(document)
        clock = time.process_time()


def build_graph(
    nlp: Language, documents: Sequence[Document], progress: Progress | None = None
) -> BuildResult:
    """The knowledge graph of some documents, in memory, as rdflib's dataset and merged graph."""
    analyses = list(analyse(nlp, documents, progress))
    extracted = [a.facts for a in analyses]
    dataset = to_dataset(extracted, _resolve(extracted))
    return BuildResult(dataset, merged(dataset), len(documents), sum(a.sentences for a in analyses))


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
    """Write graph.ttl, graph.trig, graph.html and store/ of an in-memory build into `out`."""
    with _staging(out) as staging:
        quads = ox.parse(nquads(result.dataset), ox.RdfFormat.N_QUADS)
        _write_build(staging, quads, defaultdict(float))


def build(
    documents: Sequence[Document],
    out: Path,
    nlp: Model,
    progress: Progress | None = None,
    *,
    jobs: int = 1,
    cluster: str | None = None,
    full: bool = False,
) -> BuildSummary:
    """Build the graph of some documents (see graph.read.read_paths) and write it to `out`.

    Documents analysed by an earlier build into `out` are taken from its cache unless
    `full`; the others are analysed here (by `nlp`, or by loaded on demand when a
    function), on `jobs` worker processes, or on the Dask cluster at `cluster`
    (``local:N`` starts one). Whichever way, the graph is the same.
    """
    started = time.perf_counter()
    stages: defaultdict[str, float] = defaultdict(float)
    out = out.resolve()
    with _staging(out) as staging:
        cache = BuildCache(None if full else out / CACHE_DIR, staging / CACHE_DIR)
        changes, todo = cache.changes(documents)
        if progress:
            for document in documents:
                if document.id in changes.reused:
                    progress(document)
        for analysis in _analyses(todo, nlp, jobs, cluster, progress):
            cache.put(analysis)
            stages["nlp"] += analysis.nlp_seconds
            stages["extract"] += analysis.extract_seconds
        clock = time.process_time()
        # Resolution reads the mentions only; the rest of each analysis waits on disk.
        mentions: list[Mention] = []
        sentences = 0
        for document in documents:
            analysis = cache.get(document)
            mentions.extend(analysis.facts.mentions)
            sentences += analysis.sentences
        resolution = resolve(mentions)
        stages["resolve"] += time.process_time() - clock
        quads = (quad for d in documents for quad in document_quads(cache.get(d).facts, resolution))
        entities, facts = _write_build(staging, quads, stages)
        cache.finish()
    return BuildSummary(
        len(documents),
        sentences,
        entities,
        facts,
        time.perf_counter() - started,
        out,
        dict(stages),
        changes,
    )


def _analyses(
    documents: Sequence[Document],
    nlp: Model,
    jobs: int,
    cluster: str | None,
    progress: Progress | None,
) -> Iterator[Analysis]:
    """The documents analysed in order, here, in worker processes, or on a cluster."""
    if not documents:
        return
    # Small inputs are split evenly, so that every worker has a share.
    batch = max(1, min(workers.BATCH, -(-len(documents) // max(jobs, 1))))
    if cluster:
        analyses = workers.on_cluster(documents, cluster, batch)
    elif jobs > 1 and len(documents) > batch:
        analyses = workers.in_processes(documents, min(jobs, -(-len(documents) // batch)), batch)
    else:
        yield from analyse(nlp if isinstance(nlp, Language) else nlp(), documents, progress)
        return
    for analysis in analyses:
        yield analysis
        if progress:
            progress(analysis.facts.document)


def _resolve(extracted: Iterable[DocumentFacts]) -> Resolution:
    return resolve(m for item in extracted for m in item.mentions)


@contextmanager
def _staging(out: Path) -> Iterator[Path]:
    """A fresh folder beside `out` that replaces it whole once the block succeeds."""
    out = out.resolve()
    check_target(out)
    with claimed(out):
        staging = Path(tempfile.mkdtemp(prefix=staging_prefix(out), dir=out.parent))
        staging.chmod(0o755)  # mkdtemp makes it private; the build is for everyone who may read it
        mark(staging)
        try:
            yield staging
            swap_in(staging, out)
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def _write_build(
    staging: Path, quads: Iterable[ox.Quad], stages: defaultdict[str, float]
) -> tuple[Counter[str], Counter[str]]:
    """Load `quads` into store/, write graph.ttl, graph.trig and graph.html from it; returns
    the entities by class and the facts by predicate."""
    clock = time.process_time()
    store, count = bulk_load(staging / STORE_DIR, quads)
    stages["store"] += time.process_time() - clock
    clock = time.process_time()
    write_files(store, staging / TURTLE_FILE, staging / TRIG_FILE)
    stages["files"] += time.process_time() - clock
    entities, facts = _counts(store)
    clock = time.process_time()
    g = view_graph(store, count)
    del store  # closes RocksDB before the folder moves
    write_view(g, staging / VIEW_FILE)
    stages["view"] += time.process_time() - clock
    return entities, facts


def _counts(store: ox.Store) -> tuple[Counter[str], Counter[str]]:
    """What `count_entities` and `count_facts` count, asked of the store."""
    classes = _CLASS_COUNTS.replace("CLASSES", " ".join(f"kg:{c}" for c in _COUNTED))
    entities = Counter(dict.fromkeys(_COUNTED, 0))
    for row in store.query(classes, prefixes=_PREFIXES):  # type: ignore[union-attr]
        entities[row["c"].value.removeprefix(str(KG))] = int(row["n"].value)
    facts: Counter[str] = Counter()
    for row in store.query(_FACT_COUNTS, prefixes=_PREFIXES):  # type: ignore[union-attr]
        iri = row["p"].value
        name = "verb:" + iri.removeprefix(str(VERB)) if iri.startswith(str(VERB)) else iri
        facts[name.removeprefix(str(KG))] = int(row["n"].value)
    return entities, facts


_COUNTED = (*ENTITY_CLASSES, "Decision", "Quote")
_PREFIXES = {"kg": str(KG), "rdf": str(RDF)}
_CLASS_COUNTS = "SELECT ?c (COUNT(?s) AS ?n) WHERE { VALUES ?c { CLASSES } ?s a ?c } GROUP BY ?c"
_FACT_COUNTS = """SELECT ?p (COUNT(?e) AS ?n) WHERE { ?e a kg:Evidence ; rdf:predicate ?p }
GROUP BY ?p"""
