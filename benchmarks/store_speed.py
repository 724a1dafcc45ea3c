"""The store at scale: load time and size on disk, and named-query latency, Oxigraph vs rdflib.

    python benchmarks/store_speed.py [--triples 1000000] [--compare-triples 100000]

Generates a corpus shaped like a build (one named graph per document: people with
titles working for or heading agencies, offices and places, decisions with amounts
or headcounts, role nodes, three evidence rows per document; types and labels in
the default graph), then

- loads it into an Oxigraph store on disk the way `write_store` does (bulk load of
  N-Quads, then the merged default graph) and reports time and size;
- runs each named query of ontology/queries/ on it through `graph.store.run_named`
  (a supervised worker process) and on pyoxigraph in this process;
- on a smaller corpus (`--compare-triples`) runs the same queries on that store and
  on rdflib's in-memory SPARQL engine, the comparison the README records.

Latencies are medians of `--repeat` runs after one warm-up run. The figures in
benchmarks/README.md come from this script on the project machine.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pyoxigraph as ox
import rdflib

from graph.layout import STORE_DIR
from graph.store import PREFIXES, NamedQuery, named_queries, run_named
from graph.store.database import merge_into_default_graph
from graph.store.pool import QUERY_PREFIXES

BASE = "https://myndighetsgraf.se/"
KG, ID, DOC = BASE + "ns#", BASE + "id/", BASE + "doc/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
PROV = "http://www.w3.org/ns/prov#"
TITLES = ("generaldirektör", "överdirektör", "kommunikationschef", "HR-direktör", "enhetschef")
DECISION_TYPES = ("hiring", "budget request", "closure", "opening", "layoffs")
#: A fixed entity for the one query that needs one (entity: everything about it).
PARAMETERS = {"entity": {"entity": f"<{ID}agency/agency-7>"}}


def corpus(documents: int, seed: int = 1) -> bytes:
    """N-Quads of `documents` generated articles (about 52 triples each)."""
    rng = random.Random(seed)
    agencies, people, places = 200, max(documents * 4 // 5, 1), 290
    lines: list[str] = []
    typed: set[str] = set()

    def quad(s: str, p: str, o: str, g: str = "") -> None:
        lines.append(f"{s} {p} {o} {g} .\n" if g else f"{s} {p} {o} .\n")

    def entity(node: str, cls: str, label: str) -> None:
        if node not in typed:
            typed.add(node)
            quad(node, f"<{RDF}type>", f"<{KG}{cls}>")
            quad(node, f"<{RDFS}label>", f'"{label}"')

    for d in range(documents):
        doc = f"<{DOC}gen-{d:06d}>"
        g = doc
        quad(doc, f"<{RDF}type>", f"<{KG}Document>")
        quad(doc, f"<{RDFS}label>", f'"Genererad nyhet {d}"')
        a = rng.randrange(agencies)
        agency = f"<{ID}agency/agency-{a}>"
        person = f"<{ID}person/person-{rng.randrange(people)}>"
        place = f"<{ID}place/place-{rng.randrange(places)}>"
        office = f"<{ID}office/agency-{a}@{place[1:-1].rsplit('/', 1)[1]}>"
        decision = f"<{ID}decision/gen-{d:06d}-1>"
        role = f"<{ID}role/gen-{d:06d}-1>"
        entity(agency, "Agency", f"Myndighet {a}")
        entity(person, "Person", f"Person {person[1:-1].rsplit('-', 1)[1]}")
        entity(place, "Place", f"Ort {place[1:-1].rsplit('-', 1)[1]}")
        entity(office, "Office", f"Myndighet {a} kontor")
        entity(decision, "Decision", f"beslut {d}")
        title = rng.choice(TITLES)
        relation = "headOf" if title == "generaldirektör" else "worksFor"
        quad(person, f"<{KG}{relation}>", agency, g)
        quad(person, f"<{KG}jobTitle>", f'"{title}"', g)
        quad(person, f"<{KG}mentionedIn>", doc, g)
        quad(agency, f"<{KG}mentionedIn>", doc, g)
        quad(agency, f"<{KG}decided>", decision, g)
        quad(decision, f"<{KG}decisionType>", f'"{rng.choice(DECISION_TYPES)}"', g)
        if rng.random() < 0.5:
            quad(
                decision,
                f"<{KG}amountSEK>",
                f'"{rng.randrange(1, 900) * 10**6}"^^<{XSD}decimal>',
                g,
            )
        else:
            quad(decision, f"<{KG}headcount>", f'"{rng.randrange(5, 900)}"^^<{XSD}integer>', g)
        quad(office, f"<{KG}partOf>", agency, g)
        quad(office, f"<{KG}locatedIn>", place, g)
        quad(role, f"<{RDF}type>", f"<{KG}Role>", g)
        quad(role, f"<{KG}holder>", person, g)
        quad(role, f"<{KG}roleIn>", agency, g)
        quad(role, f"<{KG}roleTitle>", f'"{title}"', g)
        quad(role, f"<{KG}roleProperty>", f"<{KG}{relation}>", g)
        quad(role, f"<{KG}status>", f'"{rng.choice(("current", "former"))}"', g)
        quad(role, f"<{KG}startDate>", f'"{rng.randrange(1995, 2026)}"^^<{XSD}gYear>', g)
        for n, (s, p, o) in enumerate(
            [(person, relation, agency), (agency, "decided", decision), (office, "partOf", agency)]
        ):
            evidence = f"_:e{d}x{n}"
            quad(evidence, f"<{RDF}type>", f"<{KG}Evidence>", g)
            quad(evidence, f"<{RDF}subject>", s, g)
            quad(evidence, f"<{RDF}predicate>", f"<{KG}{p}>", g)
            quad(evidence, f"<{RDF}object>", o, g)
            quad(evidence, f"<{KG}sentence>", f'"En genererad mening {d}.{n} om myndigheten."', g)
            quad(evidence, f"<{KG}charStart>", f'"{n * 80}"^^<{XSD}integer>', g)
            quad(evidence, f"<{KG}charEnd>", f'"{n * 80 + 60}"^^<{XSD}integer>', g)
            quad(evidence, f"<{KG}rule>", '"generated"', g)
            quad(evidence, f"<{PROV}wasDerivedFrom>", doc, g)
    return "".join(lines).encode("utf-8")


def load_store(data: bytes, folder: Path) -> float:
    """Seconds to bulk-load `data` and merge the default graph, as `write_store` does."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    store = ox.Store(str(folder))
    store.bulk_load(data, ox.RdfFormat.N_QUADS)
    merge_into_default_graph(store)
    store.flush()
    del store
    return time.perf_counter() - started


def size_mib(folder: Path) -> float:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file()) / 2**20


def median_seconds(run: Callable[[], object], repeat: int) -> float:
    run()  # warm-up: caches, the worker process
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def documents_for(triples: int) -> int:
    """Documents enough for at least `triples` triples (a document gives about 52)."""
    return max(1, triples // 48)


def scale(triples: int, workdir: Path) -> tuple[Path, bytes]:
    data = corpus(documents_for(triples))
    folder = workdir / f"out-{triples}"
    seconds = load_store(data, folder / STORE_DIR)
    quads = len(ox.Store.read_only(str(folder / STORE_DIR)))
    generated = data.count(b"\n")
    print(f"\n{generated:,} triples generated ({documents_for(triples):,} documents)")
    print(f"store load (bulk load + merged default graph)  {seconds:.1f} s")
    print(f"store quads (named graphs + merged default)    {quads:,}")
    print(f"store size on disk                             {size_mib(folder / STORE_DIR):.0f} MiB")
    return folder, data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--compare-triples", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="store-bench-") as scratch:
        big, _ = scale(options.triples, Path(scratch))
        print(f"\nnamed queries on {options.triples:,} triples: median of {options.repeat}")
        print(f"{'query':<10} {'rows':>7} {'run_named':>10} {'pyoxigraph':>11}")
        store = ox.Store.read_only(str(big / STORE_DIR))
        for name, named in named_queries().items():
            values = PARAMETERS.get(name, {})
            rows = len(run_named(big, name, values).rows)
            worker = median_seconds(partial(run_named, big, name, values), options.repeat)
            direct = median_seconds(partial(_in_process, store, named, values), options.repeat)
            print(f"{name:<10} {rows:>7} {worker * 1000:>8.1f}ms {direct * 1000:>9.1f}ms")
        del store
        shutil.rmtree(big)
        compare(options.compare_triples, Path(scratch), options.repeat)


def compare(triples: int, workdir: Path, repeat: int) -> None:
    """The named queries on one corpus, on the Oxigraph store and on rdflib in memory."""
    small, data = scale(triples, workdir)
    started = time.perf_counter()
    memory = rdflib.Graph()
    for s, p, o, _ in rdflib.Dataset().parse(data=data, format="nquads").quads():
        memory.add((s, p, o))
    seconds = time.perf_counter() - started
    print(f"rdflib: merged graph of {len(memory):,} triples read in {seconds:.1f} s")
    print(f"\nnamed queries on {triples:,} triples: median of {repeat}")
    print(f"{'query':<10} {'rows':>7} {'oxigraph':>10} {'rdflib':>10} {'ratio':>7}")
    for name, named in named_queries().items():
        values = PARAMETERS.get(name, {})
        rows = len(run_named(small, name, values).rows)
        assert len(_in_rdflib(memory, named, values)) == rows, name
        oxigraph = median_seconds(partial(run_named, small, name, values), repeat)
        in_rdflib = median_seconds(partial(_in_rdflib, memory, named, values), repeat)
        times = f"{oxigraph * 1e3:>8.1f}ms {in_rdflib * 1e3:>8.1f}ms"
        print(f"{name:<10} {rows:>7} {times} {in_rdflib / oxigraph:>6.0f}x")


def _in_process(store: ox.Store, named: NamedQuery, values: dict[str, str]) -> list[object]:
    bound = {ox.Variable(key): ox.NamedNode(text.strip("<>")) for key, text in values.items()}
    answer = store.query(named.sparql, prefixes=QUERY_PREFIXES, substitutions=bound)
    return list(answer)  # type: ignore[arg-type]


def _in_rdflib(memory: rdflib.Graph, named: NamedQuery, values: dict[str, str]) -> list[object]:
    namespaces = {name: rdflib.Namespace(str(iri)) for name, iri in PREFIXES.items()}
    bound = {key: rdflib.URIRef(text.strip("<>")) for key, text in values.items()}
    return list(memory.query(named.sparql, initNs=namespaces, initBindings=bound))


if __name__ == "__main__":
    main()
