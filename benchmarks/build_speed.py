"""How fast `kg build` runs and how much memory it takes, on copies of the seed articles.

    python benchmarks/build_speed.py [--copies 20]

Prints documents, words, seconds per stage (read, analyse, resolve + RDF,
write), words per second end to end and the peak resident memory. The figures
recorded in benchmarks/README.md come from this script on the project machine.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from graph.nlp import load
from graph.pipeline import build_graph, write_outputs
from graph.read import read_paths

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=20, help="copies of the five seeds")
    copies = parser.parse_args().copies

    started = time.perf_counter()
    seeds = read_paths([SEEDS])
    documents = [replace(d, id=f"{d.id}-{n}") for n in range(copies) for d in seeds]
    read = time.perf_counter()
    nlp = load()
    loaded = time.perf_counter()
    result = build_graph(nlp, documents)
    built = time.perf_counter()
    with tempfile.TemporaryDirectory() as out:
        write_outputs(result, Path(out) / "out")
    written = time.perf_counter()

    words = sum(len(d.text.split()) for d in documents)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"documents          {len(documents)}")
    print(f"words              {words}")
    print(f"triples            {len(result.graph)}")
    print(f"read               {read - started:.2f} s")
    print(f"load model         {loaded - read:.2f} s")
    print(f"analyse + resolve  {built - loaded:.2f} s  ({words / (built - loaded):.0f} words/s)")
    print(f"write outputs      {written - built:.2f} s")
    print(f"peak memory        {peak_mib:.0f} MiB")


if __name__ == "__main__":
    main()
