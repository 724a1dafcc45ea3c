"""Names as Swedish news bends them: case, genitive -s, and people's short names.

Shared by extraction (which mention is which person within one article) and
resolution (one node per person across articles), so both agree.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
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


#: Spellings of one sound in given names: "Michael"/"Mikael", "Thomas"/"Tomas".
_SOUNDS = (("ch", "k"), ("ph", "f"), ("th", "t"), ("w", "v"), ("z", "s"))


def name_variant(full_name: str) -> str:
    """A key that spelling variants of one full name share: hyphens are spaces ("Hemström-
    Hemmingsson"), and in the given names one sound spelt two ways ("Michael"/"Mikael"),
    doubled letters and a final e ("Ann-Marie"/"Anne-Marie") do not count. The surname must
    be written the same."""
    words = fold(full_name.replace("-", " ")).split()
    if len(words) < 2:
        return " ".join(words)
    given = []
    for word in words[:-1]:
        for spelt, sound in _SOUNDS:
            word = word.replace(spelt, sound)
        word = re.sub(r"(.)\1", r"\1", word)
        given.append(word[:-1] if len(word) > 2 and word.endswith("e") else word)
    return " ".join([*given, words[-1]])


def one_spelling(full_names: Iterable[str]) -> dict[str, str]:
    """Map each full name to the spelling its variants share (see name_variant): the most
    frequent, then the first written."""
    counted = Counter(full_names)
    by_variant: defaultdict[str, list[str]] = defaultdict(list)
    for name in counted:
        by_variant[name_variant(name)].append(name)
    return {
        name: max(group, key=lambda n: counted[n])
        for group in by_variant.values()
        for name in group
    }


def people_of_one_text(written: Iterable[str]) -> dict[str, str]:
    """Map each person's name as written in one article to the folded full name it stands for.

    Genitives are folded first ("Dan Eliassons" is Dan Eliasson when the text
    also writes "Eliasson" or "Dan Eliasson"), and spelling variants of one full name
    are one ("Michael Ribbenvik" and "Mikael Ribbenvik"). A shorter name is a surname
    or first name of a full name in the same text ("Thoresson Hallgren" of "Inga
    Thoresson Hallgren") when exactly one full name has it; otherwise it stays a name
    of its own ("Andersson" with two Anderssons, or with none, is nobody we know).
    """
    written = list(written)
    names = {name: fold(name) for name in written}
    words = {word for name in names.values() for word in name.split()}
    known = set(names.values()) | words

    def bare(name: str) -> str:
        stem = name[:-1]
        if name.endswith("s") and (stem in known or stem.split()[-1] in words):
            return stem
        return name

    folded = {name: bare(f) for name, f in names.items()}
    spelling = one_spelling(folded[name] for name in written if " " in folded[name])
    folded = {name: spelling.get(f, f) for name, f in folded.items()}
    by_part: defaultdict[str, set[str]] = defaultdict(set)
    for full in set(spelling.values()):
        parts = full.split()
        for part in parts:
            by_part[part].add(full)
        for n in range(2, len(parts)):  # "thoresson hallgren" of a three-word name
            by_part[" ".join(parts[-n:])].add(full)
    return {
        name: next(iter(by_part[f])) if len(by_part.get(f, ())) == 1 else f
        for name, f in folded.items()
    }


#: Words a name's abbreviation leaves out ("ISF" of "Inspektionen för socialförsäkringen").
_UNABBREVIATED = frozenset({"för", "och", "i", "av", "på", "med", "om", "till"})


def abbreviates(short: str, name: str) -> bool:
    """Whether `short` is an abbreviation of `name` as Swedish writes them: two to six
    capitals, each word of the name giving its first letter and then, for a compound, more
    of its own letters in order ("PPM" of "Premiepensionsmyndigheten", "SSC" of "Statens
    servicecenter"); small words such as "för" may be left out."""
    if not (2 <= len(short) <= 6 and short.isalpha() and short.isupper()):
        return False
    words = fold(name.replace("-", " ")).split()
    return len(words) > 0 and _spelt_by(short.casefold(), words)


def _spelt_by(letters: str, words: list[str]) -> bool:
    if not words:
        return not letters
    word, rest = words[0], words[1:]
    if word in _UNABBREVIATED and _spelt_by(letters, rest):
        return True
    if not letters or letters[0] != word[0]:
        return False
    # The word's first letter, then any of its later letters in order, then the next word.
    for taken in range(1, len(letters) + 1):
        if taken > 1 and not _subsequence(letters[1:taken], word[1:]):
            break
        if _spelt_by(letters[taken:], rest):
            return True
    return False


def _subsequence(letters: str, text: str) -> bool:
    found = 0
    for char in letters:
        found = text.find(char, found) + 1
        if not found:
            return False
    return True
