"""Speed, memory and query figures of `kg build`, written into benchmarks/README.md.

    python benchmarks/build_figures.py [--articles 60] [--sizes 1000 10000] [--dry-run]

Runs on copies of the five seed articles (each copy its own document id):

1. the bare spaCy pipeline (`nlp.pipe`) and the whole build in one process on the same
   texts: words per CPU second, the ratio, CPU seconds by stage;
2. the same build with --jobs 1 and --jobs 2: wall seconds and the speed-up;
3. the stages after the analysis (resolution, RDF, store, files, view) at each size in
   --sizes, from analyses replicated into the build cache (the analysis itself is per
   document, so its cost per article is the one measured in 1): CPU seconds per article
   and the peak resident memory of the build process;
4. `kg query` end to end (a fresh process) on the largest of those stores.

CPU seconds and ratios are what to compare: the machine may be shared. The table goes
between the `build-figures` markers of benchmarks/README.md with the machine and date.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from graph.cache import BuildCache
from graph.layout import CACHE_DIR
from graph.pipeline import Analysis, analyse, build
from graph.read import Document, read_paths
from graph.records import Evidence, Mention
from graph.store.build_folder import mark

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent / "seeds"
README = HERE / "README.md"
START, END = "<!-- build-figures:start -->", "<!-- build-figures:end -->"


def copies(n: int) -> list[Document]:
    seeds = read_paths([SEEDS])
    return [replace(seeds[i % len(seeds)], id=f"{seeds[i % len(seeds)].id}-{i}") for i in range(n)]


def words(documents: list[Document]) -> int:
    return sum(len(d.text.split()) for d in documents)


def bare_and_built(n: int, work: Path) -> dict[str, Any]:
    from graph.nlp import load

    documents = copies(n)
    nlp = load()
    list(nlp.pipe(d.text for d in copies(5)))  # warm up: lazily read tables and dictionaries
    clock = time.process_time()
    for _ in nlp.pipe((d.text for d in documents), batch_size=8):
        pass
    bare = time.process_time() - clock
    clock = time.process_time()
    summary = build(documents, work / "one", nlp, full=True)
    built = time.process_time() - clock
    return {"words": words(documents), "bare": bare, "built": built, "stages": summary.stages}


def jobs_wall(n: int, work: Path, jobs: int) -> tuple[float, float]:
    """Wall seconds and CPU seconds (all processes) of `kg build --jobs N --full`."""
    kg = Path(sys.executable).with_name("kg")
    inputs = work / "inputs"
    if not inputs.exists():
        inputs.mkdir()
        for d in copies(n):
            (inputs / f"{d.id}.txt").write_text(d.text, encoding="utf-8")
    started = time.perf_counter()
    cpu = os.times()
    subprocess.run(
        [kg, "build", inputs, "--out", work / f"jobs{jobs}", "--jobs", str(jobs), "--full"],
        check=True,
        capture_output=True,
    )
    after = os.times()
    children = after.children_user + after.children_system - cpu.children_user - cpu.children_system
    return time.perf_counter() - started, children


def _renamed(value: Any, doc_id: str) -> Any:
    """A record of one seed's analysis as if read in the document `doc_id`."""
    if isinstance(value, Mention | Evidence):
        return value._replace(doc_id=doc_id)
    if isinstance(value, Document):
        return replace(value, id=doc_id)
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        return type(value)(*(_renamed(v, doc_id) for v in value))
    if isinstance(value, list | tuple):
        return type(value)(_renamed(v, doc_id) for v in value)
    return value


def replicated_cache(size: int, out: Path) -> None:
    """out/cache/ holding `size` analyses: the seeds' own, renamed."""
    from graph.nlp import load

    seeds = read_paths([SEEDS])
    analyses = list(analyse(load(), seeds))
    documents = copies(size)
    cache = BuildCache(None, out / CACHE_DIR)
    cache.changes(documents)
    for i, document in enumerate(documents):
        seed: Analysis = analyses[i % len(seeds)]
        cache.put(_renamed(seed, document.id))
    cache.finish()
    mark(out)  # a build's folder: the next build may replace it


def after_analysis(size: int, out: Path) -> None:
    """Child process: the build of `size` copies whose analyses are all in out/cache/."""
    documents = copies(size)
    clock = time.process_time()

    def no_model() -> Any:
        raise AssertionError("every analysis is cached")

    summary = build(documents, out, no_model)
    cpu = time.process_time() - clock
    # VmHWM, not ru_maxrss: the latter starts from the parent's peak in a child process.
    status = Path("/proc/self/status").read_text().split("VmHWM:")[1]
    peak = int(status.split()[0]) / 1024
    stages = " ".join(f"{k}={v:.2f}" for k, v in summary.stages.items())
    print(f"{cpu:.3f} {peak:.0f} {stages}")


def query_latency(out: Path) -> float:
    kg = Path(sys.executable).with_name("kg")
    times = []
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run(
            [kg, "query", out, "SELECT ?l WHERE { id:agency\\/forsakringskassan rdfs:label ?l }"],
            check=True,
            capture_output=True,
        )
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def machine() -> str:
    model = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    load = os.getloadavg()[0]
    return f"{model}, {os.cpu_count()} cores, {platform.python_version()}; load {load:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--dry-run", action="store_true", help="print the table only")
    parser.add_argument("--child", nargs=2, metavar=("SIZE", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        after_analysis(int(args.child[0]), Path(args.child[1]))
        return

    started = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    where = machine()
    rows = []
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        work = Path(tmp)
        one = bare_and_built(args.articles, work)
        n_words = one["words"]
        rows.append(("articles, words", f"{args.articles}, {n_words:,}"))
        rows.append(("bare nlp.pipe", f"{n_words / one['bare']:,.0f} words per CPU s"))
        rows.append(("whole build, one process", f"{n_words / one['built']:,.0f} words per CPU s"))
        rows.append(("build / bare (CPU)", f"{one['built'] / one['bare']:.2f}×"))
        stages = ", ".join(f"{k} {v:.1f}" for k, v in one["stages"].items())
        rows.append(("CPU s by stage", stages))
        analysis_per_article = (one["stages"]["nlp"] + one["stages"]["extract"]) / args.articles
        (wall1, cpu1), (wall2, cpu2) = (jobs_wall(args.articles, work, j) for j in (1, 2))
        rows.append(
            (
                "kg build --jobs 1 / --jobs 2",
                f"wall {wall1:.1f} s / {wall2:.1f} s ({wall1 / wall2:.2f}× faster), "
                f"CPU {cpu1:.1f} s / {cpu2:.1f} s (model loads included)",
            )
        )
        largest = None
        for size in args.sizes:
            out = work / f"n{size}"
            replicated_cache(size, out)
            done = subprocess.run(
                [sys.executable, __file__, "--child", str(size), str(out)],
                check=True,
                capture_output=True,
                text=True,
            )
            cpu, peak, *stage_list = done.stdout.split()
            per_article = float(cpu) / size + analysis_per_article
            rows.append(
                (
                    f"{size:,} articles",
                    f"{per_article * 1000:.0f} CPU ms per article "
                    f"({float(cpu) / size * 1000:.1f} after the analysis: {' '.join(stage_list)}); "
                    f"peak {peak} MiB without the model",
                )
            )
            if largest:
                shutil.rmtree(largest)
            largest = out
        if largest:
            rows.append(
                (
                    f"kg query, {args.sizes[-1]:,}-article store",
                    f"{query_latency(largest):.2f} s end to end (median of 3)",
                )
            )
    table = "\n".join(
        [START, "", f"Recorded {started} on {where}.", "", "| figure | value |", "|---|---|"]
        + [f"| {k} | {v} |" for k, v in rows]
        + ["", END]
    )
    print(table)
    if not args.dry_run:
        text = README.read_text(encoding="utf-8")
        if START in text:
            head, rest = text.split(START, 1)
            text = head + table + rest.split(END, 1)[1]
        else:
            text = text.rstrip("\n") + "\n\n## The build at every size\n\n" + table + "\n"
        README.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
