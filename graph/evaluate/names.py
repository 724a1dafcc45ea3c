"""How the scorer compares names: terms by their local name, labels folded."""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from graph.names import fold
from graph.vocab import ENTITY_CLASSES, KG, local_name

#: Quote marks are dropped when folding: »Tillitslabbet« names what Tillitslabbet does.
_QUOTE_MARKS = re.compile(r"[»«\"'“”]")


def compared_form(text: object) -> str:
    """A label as the scorer compares it: NFC, quote marks dropped, then graph.names.fold."""
    return fold(_QUOTE_MARKS.sub("", unicodedata.normalize("NFC", str(text))))


#: The classes whose nodes are scored as entities.
CORE_CLASSES: Final = frozenset(ENTITY_CLASSES)
#: An office is known by these two relations (its signature), whatever it is called.
OFFICE: Final = local_name(KG.Office)
LOCATED_IN: Final = local_name(KG.locatedIn)
PART_OF: Final = local_name(KG.partOf)
