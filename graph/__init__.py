"""myndighetsgraf: knowledge graphs of Swedish public-sector news."""

from graph.nlp import load as load_nlp

__all__ = ["load_nlp"]
__version__ = "0.1.0"
