"""Small text helpers: names from IRIs, numbers as a Swedish reader writes them."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from urllib.parse import unquote

from rdflib import BNode, Literal
from rdflib.term import Node


def name_from_iri(term: Node) -> str:
    """The end of an IRI as a reader says it: `id/Lars-Åke_Brattlund` → 'Lars-Åke Brattlund'."""
    if isinstance(term, BNode):
        return "(namnlös)"
    text = str(term)
    cut = max(text.rfind("/"), text.rfind("#"))
    return unquote(text[cut + 1 :]).replace("_", " ") or text


def number(value: Node | None) -> Decimal | None:
    """A numeric literal's value; None for a missing or non-numeric one, which is left out."""
    if not isinstance(value, Literal):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def capitalised(text: str) -> str:
    """The first letter upper case, the rest as it was ('statlig myndighet' → 'Statlig ...')."""
    return text[:1].upper() + text[1:]


def shortened(text: str, limit: int) -> str:
    """At most about `limit` characters, cut at a word and marked with an ellipsis."""
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def grouped(value: int) -> str:
    """14000 -> '14 000' with a no-break space, as Swedish groups digits."""
    return f"{value:,}".replace(",", "\u00a0")


def kronor(amount: Decimal) -> str:
    """120000000 -> '120 mkr', 1200000000 -> '1,2 mdkr': as headlines abbreviate money."""
    for size, unit in ((Decimal(10) ** 9, "mdkr"), (Decimal(10) ** 6, "mkr")):
        if amount >= size:
            value = f"{amount / size:.1f}".removesuffix(".0").replace(".", ",")
            return f"{value} {unit}"
    return f"{grouped(int(amount))} kr"
