"""The read-only rule of `kg query` and `kg serve`, checked before Oxigraph sees a query.

Oxigraph evaluates ``SERVICE <http://…>`` by sending the query to that host, so anyone
who can query the endpoint could make it call other machines; and an update sent as a
query gets a misleading "expected CONSTRUCT". Both are refused here, by their keywords.
SPARQL keywords are reserved words: outside strings, IRIs, comments, variables,
prefixed names and language tags, a bare ``SERVICE`` or ``INSERT`` can only be the
keyword, so a small lexer that skips those tokens decides without a full parser.
"""

from __future__ import annotations

import re

from graph.store.errors import StoreError

READ_ONLY_MESSAGE = "kg query is read-only: updates are not allowed"
SERVICE_MESSAGE = "federated SERVICE queries are not allowed"

#: Keywords that only SPARQL 1.1 Update has (LOAD fetches a remote document).
UPDATE_KEYWORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}
)
FEDERATION_KEYWORD = "SERVICE"

_TOKENS = re.compile(
    r"""
      (?P<skip>
          \#[^\n\r]*                                     # comment
        | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"            # long strings
        | '''(?:[^'\\]|\\.|'(?!''))*'''
        | "(?:[^"\\\n\r]|\\.)*"                          # short strings
        | '(?:[^'\\\n\r]|\\.)*'
        | <[^<>"{}|^`\\\x00-\x20]*>                      # IRI
        | [?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+      # variable
        | @[A-Za-z]+(?:-[A-Za-z0-9]+)*                   # language tag
        | (?:[^\W\d][\w.-]*)?:(?:[\w.:%-]|\\.)*          # prefixed name
        | _:[\w.-]*                                      # blank node label
      )
    | (?P<word>[^\W\d_]\w*)
    """,
    re.VERBOSE,
)


class RefusedQuery(StoreError):
    """A query the read-only surface does not run: an update, or a federated SERVICE."""


def keywords(sparql: str) -> set[str]:
    """The bare words of `sparql`, upper case: its keywords and function names."""
    return {found["word"].upper() for found in _TOKENS.finditer(sparql) if found["word"]}


def check_read_only(sparql: str) -> None:
    """Raise `RefusedQuery` for an update (LOAD included) or a SERVICE clause in `sparql`."""
    words = keywords(sparql)
    if words & UPDATE_KEYWORDS:
        raise RefusedQuery(READ_ONLY_MESSAGE)
    if FEDERATION_KEYWORD in words:
        raise RefusedQuery(SERVICE_MESSAGE)
