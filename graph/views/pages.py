"""The Jinja templates of the views' pages (templates/), autoescaping everything from the graph."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

_TEMPLATE_DIR = Path(__file__).with_name("templates")


@lru_cache(maxsize=4)
def template(name: str) -> Any:
    """templates/`name`, loaded once; an undefined value is an error rather than ""."""
    env = Environment(
        loader=FileSystemLoader(_TEMPLATE_DIR), autoescape=True, undefined=StrictUndefined
    )
    return env.get_template(name)
