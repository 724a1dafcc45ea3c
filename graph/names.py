"""Names as Swedish news bends them: case, genitive -s, and people's short names.

Shared by extraction (which mention is which person within one article) and
resolution (one node per person across articles), so both agree.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable

_TRANSLITERATE = str.maketrans({"å": "a", "ä": "a", "ö": "o", "æ": "ae", "ø": "o", "ü": "u"})


def fold(text: str) -> str:
    """Case- and space-folded form used to compare names."""
    return " ".join(text.casefold().split())


def slug(text: str) -> str:
    """An ASCII path segment for an IRI: "Lars-Åke Brattlund" → "lars-ake-brattlund"."""
    folded = unicodedata.normalize("NFKD", text.casefold().translate(_TRANSLITERATE))
    ascii_text = folded.encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "x"


def strip_genitive(name: str, known: set[str]) -> str:
    """Drop a genitive -s when the bare name is known too ("Quists" → "Quist")."""
    if name.endswith("s") and name[:-1] in known:
        return name[:-1]
    return name


def people_of_one_text(written: Iterable[str]) -> dict[str, str]:
    """Map each person's name as written in one article to the folded full name it stands for.

    Genitives are folded first ("Dan Eliassons" is Dan Eliasson when the text
    also writes "Eliasson" or "Dan Eliasson"). A one-word name is a surname or
    first name of a full name in the same text when exactly one full name has
    it; otherwise it stays a name of its own ("Andersson" with two Anderssons,
    or with none, is nobody we know).
    """
    names = {name: fold(name) for name in written}
    words = {word for name in names.values() for word in name.split()}
    known = set(names.values()) | words

    def bare(name: str) -> str:
        stem = name[:-1]
        if name.endswith("s") and (stem in known or stem.split()[-1] in words):
            return stem
        return name

    folded = {name: bare(f) for name, f in names.items()}
    by_part: defaultdict[str, set[str]] = defaultdict(set)
    for full in {f for f in folded.values() if " " in f}:
        for part in full.split():
            by_part[part].add(full)
    return {
        name: next(iter(by_part[f])) if " " not in f and len(by_part.get(f, ())) == 1 else f
        for name, f in folded.items()
    }
