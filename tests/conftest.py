"""Shared fixtures: the shipped Swedish model and builds of the seed articles, made once.

Loading the model takes a second or two and building the five seeds a few more,
so the pipeline tests share one build per session instead of each making its own.
Tests of what reads a build (kg query, view, export) use `tiny_build`, a build folder
written from a small hand-made graph in milliseconds. Fixtures hand out paths and
results; tests that change a build folder copy it first.

The project's modules are imported inside the fixtures: a conftest imported at
collection would otherwise stop every test file at one broken import.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, NamedTuple

import pytest

if TYPE_CHECKING:
    from spacy.language import Language

    from graph.pipeline import BuildResult, BuildSummary
    from graph.read import Document

REPO = Path(__file__).resolve().parents[1]
# training/ is a folder of the repository, not part of the installed package;
# appended, not prepended, so that `graph` still comes from the installation.
if str(REPO) not in sys.path:
    sys.path.append(str(REPO))
SEEDS = REPO / "seeds"
#: Two short articles about Försäkringskassan, written by hand (see the file's comments).
TINY_GRAPH = REPO / "tests" / "fixtures" / "golden" / "two_documents.trig"
#: The reference scorer and the dev gold live beside the repository, not in it.
SHARED_EVAL = REPO.parent / "shared" / "eval"
REFERENCE_SCORER = SHARED_EVAL / "score.py"
DEV_GOLD = SHARED_EVAL / "gold-dev.jsonl"
#: The seed articles the dev gold annotates (it says nothing about 001 and 003).
GOLD_DOCUMENTS = ("000_8adb13b578de104f", "002_36c1be6c0ebd9dcc", "004_bb64b5817bba7c47")


class SeedBuild(NamedTuple):
    """`kg build seeds --out DIR` as the library runs it."""

    summary: BuildSummary
    out: Path
    #: The documents as read, by id: the texts that evidence offsets point into.
    documents: dict[str, Document]


@pytest.fixture(scope="session")
def nlp() -> Language:
    from graph.nlp import load

    return load()


@pytest.fixture(scope="session")
def seed_build(nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> SeedBuild:
    """The five seed articles built once with the shipped model into a temporary out/."""
    from graph.pipeline import build
    from graph.read import read_paths

    out = tmp_path_factory.mktemp("seeds") / "out"
    documents = read_paths([SEEDS])
    summary = build(documents, out, nlp)
    return SeedBuild(summary, out, {d.id: d for d in documents})


@pytest.fixture(scope="session")
def tiny_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A build folder (graph.ttl, graph.trig, graph.html, store/) of TINY_GRAPH, written as
    `kg build` writes one, without the model: for the commands that read a build."""
    from graph.pipeline import BuildResult, write_outputs
    from graph.store import merged, open_dataset

    dataset = open_dataset(TINY_GRAPH)
    out = tmp_path_factory.mktemp("tiny") / "out"
    # write_outputs reads the dataset only; the counts are the file's two articles.
    write_outputs(BuildResult(dataset, merged(dataset), documents=2, sentences=4), out)
    return out


@pytest.fixture(scope="session")
def gold_inputs() -> list[Path]:
    """The seed files the dev gold annotates."""
    return [SEEDS / f"{doc_id}.txt" for doc_id in GOLD_DOCUMENTS]


@pytest.fixture(scope="session")
def gold_build(nlp: Language, gold_inputs: list[Path]) -> BuildResult:
    """The graph of the annotated seeds only, in memory: what the dev gold is scored on."""
    from graph.pipeline import build_graph
    from graph.read import read_paths

    return build_graph(nlp, read_paths(gold_inputs))


@pytest.fixture(scope="session")
def dev_gold() -> Path:
    if not DEV_GOLD.exists():
        pytest.skip(f"the dev gold {DEV_GOLD} is not beside the repository")
    return DEV_GOLD


@pytest.fixture(scope="session")
def reference_scorer() -> ModuleType:
    """../shared/eval/score.py, imported by path: the measurement outside checks make."""
    if not REFERENCE_SCORER.exists():
        pytest.skip(f"the reference scorer {REFERENCE_SCORER} is not beside the repository")
    spec = importlib.util.spec_from_file_location("reference_score", REFERENCE_SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
