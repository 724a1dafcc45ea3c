"""myndighetsgraf: knowledge graphs of Swedish public-sector news."""

from __future__ import annotations

from typing import Any

__all__ = ["load_nlp"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    # `graph.load_nlp` without importing spaCy for every `import graph.x`.
    if name == "load_nlp":
        from graph.nlp import load

        return load
    raise AttributeError(name)
