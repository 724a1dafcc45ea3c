"""graph/lang/sv/ is plain data: no spaCy, no stage, nothing of ours but graph.lang."""

from __future__ import annotations

import ast
from pathlib import Path

import graph.lang.sv

LANG_DIR = Path(graph.lang.sv.__file__).parent


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    names |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    return names - {"__future__"}


def test_the_language_data_imports_no_algorithm() -> None:
    modules = sorted(LANG_DIR.glob("*.py"))
    assert len(modules) > 1
    for module in modules:
        foreign = {m for m in imported_modules(module) if not m.startswith("graph.lang")}
        assert foreign <= {"typing", "collections.abc"}, (module.name, foreign)


def test_every_data_module_says_where_its_words_came_from() -> None:
    for module in LANG_DIR.glob("*.py"):
        if module.name != "__init__.py":
            docstring = ast.get_docstring(ast.parse(module.read_text(encoding="utf-8"))) or ""
            assert "Source" in docstring or "source" in docstring, module.name
