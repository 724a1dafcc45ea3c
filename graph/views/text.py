"""Small text helpers: names from IRIs, numbers as a Swedish reader writes them."""

from __future__ import annotations

import re
from collections.abc import Iterable
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


def marked(sentence: str, names: Iterable[str]) -> tuple[tuple[int, int], ...]:
    """Where `names` occur in `sentence` (any case, at the start of a word), longest first,
    as sorted non-overlapping (start, end) spans: the words of a fact that its evidence
    sentence highlights. A name inflected in the text ("Försäkringskassans") marks its stem."""
    spans: list[tuple[int, int]] = []
    lowered = sentence.lower()
    if len(lowered) != len(sentence):
        return ()  # lower-casing changed the length (a rare letter): offsets would not line up
    for name in sorted({n.lower() for n in names if n.strip()}, key=len, reverse=True):
        for found in re.finditer(re.escape(name), lowered):
            start, end = found.span()
            at_word = start == 0 or not sentence[start - 1].isalnum()
            if at_word and all(end <= s or start >= e for s, e in spans):
                spans.append((start, end))
    return tuple(sorted(spans))


def wrapped(text: str, width: int) -> str:
    """`text` in lines of about `width` characters, broken only at spaces and after hyphens:
    never inside a word, so "Kronofogdemyndigheten" stays whole however long it is."""
    pieces = re.findall(r"[^\s-]*-+|[^\s-]+", text)  # words, a hyphen kept with what it ends
    lines: list[str] = []
    line = ""
    for piece, after_hyphen in zip(pieces, _joined_by_hyphen(text, pieces), strict=True):
        joiner = "" if after_hyphen else " "
        if line and len(line) + len(joiner) + len(piece) > width:
            lines.append(line)
            line = piece
        else:
            line = f"{line}{joiner}{piece}" if line else piece
    if line:
        lines.append(line)
    return "\n".join(lines)


def _joined_by_hyphen(text: str, pieces: list[str]) -> list[bool]:
    """For each piece, whether it follows the one before without a space (after a hyphen)."""
    joined, at = [], 0
    for piece in pieces:
        start = text.index(piece, at)
        joined.append(at > 0 and start == at)
        at = start + len(piece)
    return joined
