"""`kg --help` starts quickly: the command line imports no heavy library before a command runs.

Checked by what a fresh interpreter has imported after the help is printed, not by a
clock (the time is recorded in benchmarks/README.md).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

#: The libraries that take most of a start-up: none is needed to print help.
HEAVY = ("networkx", "rdflib", "pyoxigraph", "pyvis", "spacy", "IPython", "jinja2", "dask")

PROBE = f"""
import json, sys
from graph.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)), file=sys.stderr)
"""


def imported_by(*args: str) -> tuple[str, list[str]]:
    """The help `kg ARGS` printed, and the heavy libraries imported by then."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=True
    )
    return done.stdout, json.loads(done.stderr.splitlines()[-1])


@pytest.mark.parametrize("args", [["--help"], ["query", "--help"], ["export", "--help"]])
def test_help_imports_no_heavy_library(args: list[str]) -> None:
    shown, heavy = imported_by(*args)
    assert shown.startswith("Usage:")
    assert heavy == []


def test_the_probe_sees_a_heavy_import() -> None:
    _, heavy = imported_by("query", "--list")  # reads the named queries through the store
    assert "pyoxigraph" in heavy


def test_a_query_loads_no_rdflib(tiny_build: Path) -> None:
    """`kg query` prints its answer from plain cells (rdflib costs more than the query)."""
    shown, heavy = imported_by(
        "query", str(tiny_build), "SELECT ?l WHERE { ?a a kg:Agency ; rdfs:label ?l }"
    )
    assert shown.splitlines()[2:] == ["Försäkringskassan", "(1 row)"]
    assert heavy == ["pyoxigraph"]
