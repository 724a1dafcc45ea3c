"""The one error the store raises, and how its messages keep to one line."""

from __future__ import annotations

from graph.errors import KgError


class StoreError(KgError):
    """A problem the user can fix, told in one line (missing graph, bad query, server down)."""


def first_line(error: BaseException | str) -> str:
    """The first line of a message: parsers and servers often go on for screens."""
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
