"""Incremental builds, worker processes and a Dask cluster: each gives the graph a fresh
build in one process gives, byte for byte (the seed build of conftest is the reference)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import SEEDS, SeedBuild
from spacy.language import Language

from graph.cache import MANIFEST_FILE
from graph.layout import CACHE_DIR, STORE_DIR, TRIG_FILE, TURTLE_FILE
from graph.pipeline import build
from graph.read import read_paths

pytestmark = pytest.mark.slow

#: An invented article, added to the inputs of a second build.
ADDED = (
    "Skatteverket öppnar ett nytt kontor i Kiruna.\n\n"
    "Generaldirektören Anna Berg säger att kontoret ska ha 40 anställda."
)
#: An invented paragraph appended to one seed article.
APPENDED = "\n\nMyndigheten meddelar att Anna Berg blir ny chef för kontoret i Gävle."


def store_quads(out: Path) -> set[ox.Quad]:
    store = ox.Store.read_only(str(out / STORE_DIR))
    return set(store)


def assert_same_build(got: Path, want: Path) -> None:
    for name in (TURTLE_FILE, TRIG_FILE):
        assert (got / name).read_bytes() == (want / name).read_bytes(), name
    assert store_quads(got) == store_quads(want)


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    return folder


def test_a_second_build_reuses_every_analysis_and_changes_nothing(
    seed_build: SeedBuild, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    shutil.copytree(seed_build.out, out)

    def no_model() -> Language:
        raise AssertionError("nothing to analyse: the model must not be loaded")

    summary = build(read_paths([SEEDS]), out, no_model)
    assert summary.changes.reused == tuple(sorted(seed_build.documents))
    assert not (summary.changes.added or summary.changes.changed or summary.changes.removed)
    assert summary.entities == seed_build.summary.entities
    assert_same_build(out, seed_build.out)


def test_an_incremental_build_equals_a_fresh_one(
    seed_build: SeedBuild, inputs: Path, nlp: Language, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    shutil.copytree(seed_build.out, out)
    first, second, *_ = sorted(inputs.glob("*.txt"))
    first.unlink()
    second.write_text(second.read_text(encoding="utf-8") + APPENDED, encoding="utf-8")
    (inputs / "nytt_kontor.txt").write_text(ADDED, encoding="utf-8")
    documents = read_paths([inputs])

    summary = build(documents, out, nlp)
    assert summary.changes.added == ("nytt_kontor",)
    assert summary.changes.changed == (second.stem,)
    assert summary.changes.removed == (first.stem,)
    assert len(summary.changes.reused) == len(seed_build.documents) - 2

    fresh = build(documents, tmp_path / "fresh", nlp, full=True)
    assert len(fresh.changes.added) == len(documents)
    assert_same_build(out, tmp_path / "fresh")
    cached = {p.name for p in (out / CACHE_DIR).iterdir()}
    assert len(cached) == len(documents) + 1 and MANIFEST_FILE in cached
    # The removed document's facts are gone from the store: it has no named graph left.
    assert not any(
        first.stem in str(g) for g in ox.Store.read_only(str(out / STORE_DIR)).named_graphs()
    )


# Worker processes are started by `kg build` in a process of its own: the pool's and the
# cluster's helper processes end with it, not with the test session.
@pytest.mark.parametrize("option", [["--jobs", "2"], ["--cluster", "local:2"]])
def test_worker_processes_build_the_same_graph(
    seed_build: SeedBuild, tmp_path: Path, option: list[str]
) -> None:
    out = tmp_path / "out"
    kg = Path(sys.executable).with_name("kg")
    done = subprocess.run(
        [kg, "build", SEEDS, "--out", out, *option], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "5 added, 0 changed, 0 removed, 0 reused" in done.stdout
    assert re.search(r"nlp \d+\.\d", done.stdout), "the workers' CPU time is counted"
    assert_same_build(out, seed_build.out)
