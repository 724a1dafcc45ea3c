"""myndighetsgraf: knowledge graphs of Swedish public-sector news."""

from __future__ import annotations

from typing import Any

__all__ = ["load_nlp", "to_networkx"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    # `graph.load_nlp` without importing spaCy for every `import graph.x`, and
    # `graph.to_networkx` (the entity network) without importing rdflib and networkx.
    if name == "load_nlp":
        from graph.nlp import load

        return load
    if name == "to_networkx":
        from graph.network import to_networkx

        return to_networkx
    raise AttributeError(name)
