"""A SPARQL syntax error told as a person can act on it: where, and the text there."""

from __future__ import annotations

import re

from graph.store.errors import first_line

#: Characters of query text shown on each side of a syntax error's position.
NEAR_WIDTH = 20
#: Longest explanation of a syntax error that stays on one readable line.
MAX_DETAIL_WIDTH = 100
_POSITION = re.compile(r"error at (\d+):(\d+):\s*(.*)", re.DOTALL)


def syntax_message(sparql: str, error: SyntaxError) -> str:
    """Oxigraph says "error at 1:8: expected ..."; say where, and show the text there."""
    found = _POSITION.search(str(error))
    if not found:
        return f"SPARQL syntax error: {first_line(error)}"
    line, column, detail = int(found[1]), int(found[2]), first_line(found[3])
    lines = sparql.splitlines() or [""]
    text = lines[min(line, len(lines)) - 1]
    # Oxigraph points where parsing stopped, often just past the mistake: show both sides,
    # starting at a whole word.
    start = max(0, column - 1 - NEAR_WIDTH)
    near = text[start : column - 1 + NEAR_WIDTH]
    if start > 0 and " " in near:
        near = near.split(" ", 1)[1]
    near = near.strip()
    where = f"line {line}, column {column}" + (f" (near {near!r})" if near else "")
    # The list of tokens Oxigraph expected can run to hundreds of characters.
    if len(detail) > MAX_DETAIL_WIDTH:
        detail = detail[:MAX_DETAIL_WIDTH].rsplit(", ", 1)[0] + ", …"
    return f"SPARQL syntax error at {where}: {detail}"
