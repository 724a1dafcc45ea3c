"""Imports point down only (DESIGN.md, "Layering"): each part of `graph` imports parts below it.

Every import of a `graph` module counts, inside functions too (a lazy import is still a
dependency); only those under `if TYPE_CHECKING:` do not, since they never run.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "graph"

#: The floors of the package, lowest first. A part may import parts on lower floors and
#: its own modules, nothing on its floor or above. The build (pipeline, its cache and its
#: worker processes) is one part: a worker runs the pipeline's analysis, which hands
#: documents to the workers.
FLOORS: tuple[tuple[str, ...], ...] = (
    ("errors", "layout", "prefixes"),
    ("names", "vocab", "records", "lang"),
    ("read", "store", "gazetteers", "shapes", "views", "evaluate"),
    ("nlp", "resolve"),
    ("extract",),
    ("rdf", "network"),
    ("export",),
    ("build",),
    ("scoring",),
    ("cli", "__init__"),
)
BUILD = {"pipeline": "build", "cache": "build", "workers": "build"}
FLOOR = {part: n for n, parts in enumerate(FLOORS) for part in parts}


def part(module: str) -> str:
    """The part of the package a dotted module name belongs to: "graph.store.files" → "store"."""
    name = module.split(".")[1] if "." in module else "__init__"
    return BUILD.get(name, name)


def module_name(path: Path, package: Path = PACKAGE) -> str:
    relative = path.relative_to(package.parent).with_suffix("")
    return ".".join(relative.parts).removesuffix(".__init__")


def type_checking_only(tree: ast.Module) -> set[int]:
    """ids of the nodes under an `if TYPE_CHECKING:`."""
    return {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
        for inner in ast.walk(node)
    }


def imported(path: Path) -> set[str]:
    """The `graph` modules that the file at `path` imports when it runs."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = type_checking_only(tree)
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "graph":  # `from graph import workers`
                found |= {f"graph.{alias.name}" for alias in node.names}
            elif node.module.startswith("graph."):
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("graph.")}
    return found


def upward_imports(path: Path, package: Path = PACKAGE) -> list[str]:
    here = part(module_name(path, package))
    return [
        target
        for target in sorted(imported(path))
        if part(target) != here and FLOOR[part(target)] >= FLOOR[here]
    ]


SOURCES = sorted(PACKAGE.rglob("*.py"))


def test_every_part_of_the_package_is_on_a_floor() -> None:
    parts = {part(module_name(path)) for path in SOURCES}
    assert parts <= set(FLOOR), f"not on a floor: {sorted(parts - set(FLOOR))}"


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: module_name(path))
def test_imports_point_down(path: Path) -> None:
    assert upward_imports(path) == [], f"{module_name(path)} imports above or beside itself"


def test_an_import_beside_or_above_is_found(tmp_path: Path) -> None:
    store = tmp_path / "graph" / "store"
    store.mkdir(parents=True)
    files = store / "files.py"
    files.write_text(
        "from typing import TYPE_CHECKING\n"
        "from graph.errors import KgError\n"
        "from graph.store.errors import StoreError\n"
        "if TYPE_CHECKING:\n    from graph.pipeline import Analysis\n"
        "def union():\n    from graph.rdf import merged\n"
        "from graph import views\n",
        encoding="utf-8",
    )
    assert upward_imports(files, tmp_path / "graph") == ["graph.rdf", "graph.views"]
