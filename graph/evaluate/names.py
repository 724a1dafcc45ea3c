"""How the scorer compares names: terms by their local name, labels folded."""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from graph.vocab import ENTITY_CLASSES, KG

_LOCAL_NAME_SEPARATORS = re.compile(r"[#/:]")
#: Quote marks are dropped when folding: »Tillitslabbet« names what Tillitslabbet does.
_QUOTE_MARKS = re.compile(r"[»«\"'“”]")
_WHITE_SPACE = re.compile(r"\s+")


def local_name(term: object) -> str:
    """The part of an IRI after its last '#', '/' or ':' ("…/ns#worksFor" → "worksFor")."""
    return _LOCAL_NAME_SEPARATORS.split(str(term))[-1]


def fold(text: object) -> str:
    """A label as it is compared: NFC, case-folded, quote marks dropped, white space collapsed."""
    folded = unicodedata.normalize("NFC", str(text)).casefold()
    folded = _QUOTE_MARKS.sub("", folded)
    return _WHITE_SPACE.sub(" ", folded).strip()


#: The classes whose nodes are scored as entities.
CORE_CLASSES: Final = frozenset(ENTITY_CLASSES)
#: An office is known by these two relations (its signature), whatever it is called.
OFFICE: Final = local_name(KG.Office)
LOCATED_IN: Final = local_name(KG.locatedIn)
PART_OF: Final = local_name(KG.partOf)
