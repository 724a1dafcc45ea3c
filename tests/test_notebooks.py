"""The exploration notebooks in notebooks/ run top to bottom, as CI runs them: without Jupyter.

Each notebook's code cells run in order with plain `exec`, in one fresh namespace per
notebook, with the repository root as the working directory (so "seeds/" resolves). A cell
that raises fails the test with the notebook's name and the cell's number. The notebooks'
own `assert`s are what make a regression in the library show here.
"""

from __future__ import annotations

import json
import linecache
from pathlib import Path
from typing import Any, NamedTuple

import pytest

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
#: The notebooks users are pointed to; the glob must find at least these.
EXPECTED_NOTEBOOKS = {"01-tour.ipynb", "02-your-own-articles.ipynb"}
NBFORMAT = 4


class NotebookError(Exception):
    """A notebook cell that raised, named by notebook and cell number."""


class CodeCell(NamedTuple):
    #: The cell's place among all the notebook's cells, markdown included, counted from 1.
    number: int
    source: str


def read_notebook(path: Path) -> dict[str, Any]:
    notebook: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return notebook


def code_cells(notebook: dict[str, Any]) -> list[CodeCell]:
    """The code cells in order; a cell's source is a list of lines or one string."""
    return [
        CodeCell(number, "".join(cell["source"]))
        for number, cell in enumerate(notebook["cells"], start=1)
        if cell["cell_type"] == "code"
    ]


def run_notebook(path: Path) -> dict[str, Any]:
    """Execute the notebook's code cells in order in one fresh namespace; return the namespace.

    Raises NotebookError naming the notebook and the cell when a cell raises (a syntax
    error, such as an IPython magic, included).
    """
    namespace: dict[str, Any] = {"__name__": "__main__"}
    for cell in code_cells(read_notebook(path)):
        filename = f"{path.name}, cell {cell.number}"
        # Registered so that tracebacks show the cell's lines, as Jupyter does.
        lines = cell.source.splitlines(keepends=True)
        linecache.cache[filename] = (len(cell.source), None, lines, filename)
        try:
            exec(compile(cell.source, filename, "exec"), namespace)
        except Exception as error:
            first_line = lines[0].strip() if lines else ""
            raise NotebookError(
                f"{filename} ({first_line!r}) raised {type(error).__name__}: {error}"
            ) from error
    return namespace


def test_the_notebooks_are_found() -> None:
    assert {path.name for path in NOTEBOOKS} >= EXPECTED_NOTEBOOKS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_notebook_is_saved_without_outputs(path: Path) -> None:
    """Committed notebooks are nbformat 4 with outputs cleared, so diffs show only code and text."""
    notebook = read_notebook(path)
    assert notebook["nbformat"] == NBFORMAT
    cells = notebook["cells"]
    assert any(cell["cell_type"] == "markdown" for cell in cells), "no text for the reader"
    for number, cell in enumerate(cells, start=1):
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [], f"cell {number} has outputs"
            assert cell["execution_count"] is None, f"cell {number} has an execution count"


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_notebook_runs_top_to_bottom(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    namespace = run_notebook(path)
    # Dropping the notebook's names removes its temporary folders now rather than at exit.
    namespace.clear()


def _write_notebook(path: Path, cells: list[tuple[str, str]]) -> Path:
    notebook = {
        "cells": [
            {"cell_type": kind, "metadata": {}, "source": source.splitlines(keepends=True)}
            for kind, source in cells
        ],
        "metadata": {},
        "nbformat": NBFORMAT,
        "nbformat_minor": 4,
    }
    path.write_text(json.dumps(notebook), encoding="utf-8")
    return path


def test_runner_shares_one_namespace_and_runs_from_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data.txt").write_text("Skatteverket", encoding="utf-8")
    notebook = _write_notebook(
        tmp_path / "ok.ipynb",
        [
            ("markdown", "# Read a file"),
            ("code", "from pathlib import Path\nname = Path('data.txt').read_text()"),
            ("code", "office = name + ' i Östersund'"),
        ],
    )
    assert run_notebook(notebook)["office"] == "Skatteverket i Östersund"


def test_runner_names_the_notebook_and_cell_that_raised(tmp_path: Path) -> None:
    notebook = _write_notebook(
        tmp_path / "broken.ipynb",
        [
            ("code", "agencies = ['Försäkringskassan']"),
            ("markdown", "The second code cell is the notebook's third cell."),
            ("code", "assert 'Skatteverket' in agencies, 'Skatteverket is missing'"),
            ("code", "raise RuntimeError('a later cell ran')"),
        ],
    )
    expected = r"^broken\.ipynb, cell 3 .*AssertionError: Skatteverket is missing"
    with pytest.raises(NotebookError, match=expected):
        run_notebook(notebook)


def test_runner_reports_a_magic_as_a_syntax_error_in_its_cell(tmp_path: Path) -> None:
    notebook = _write_notebook(tmp_path / "magic.ipynb", [("code", "%time 1 + 1")])
    with pytest.raises(NotebookError, match=r"^magic\.ipynb, cell 1 .*SyntaxError"):
        run_notebook(notebook)
