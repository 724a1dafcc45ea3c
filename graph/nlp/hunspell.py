"""Inflection-class signatures of Swedish word forms, read from the hunspell-sv dictionary.

Hunspell stores no part of speech. What it stores is which inflection class
(suffix flag) a stem takes: "katt/ADGY" means katt, katten, kattens, katter,
... A form's *signature* says how the dictionary produces it:
"<suffix flag>|<l: or C:><the stem's class flags>", or "bare|..." for a stem
listed as it is ("D|l:ADGY" is the definite singular of a lower-case noun of
class ADGY). lexicon.py learns which parts of speech each signature stands for.

The dictionary is the PyPI package hunspell-sv (LGPL-3.0), installed as plain
files under the environment's share/hunspell/; it is read there at run time,
never copied. Reading takes about half a second, analysing a form some tens
of microseconds: the suffix rules are indexed by the ending they add, so a
form is analysed by undoing only the rules whose ending it has, instead of
expanding the dictionary's million forms.
"""

from __future__ import annotations

import re
import sysconfig
import warnings
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import metadata
from pathlib import Path

DISTRIBUTION = "hunspell-sv"
AFFIX_FILE = "sv_SE.aff"
# The plain dictionary and the one of forms listed whole (mostly compounds);
# both use the affix rules of sv_SE.aff.
DICTIONARY_FILES = ("sv_SE.dic", "sv_SE_expanded.dic")

# Flags that say where a word may stand in a compound, or mark suggestions and
# forbidden words: not its word class, so not part of a signature.
NON_CLASS_FLAGS = frozenset("WXUYZ!%¤0123456789-:>)b")
NEED_AFFIX = "¤"  # the stem is no word by itself
ONLY_IN_COMPOUND = "Z"  # the stem (or the suffixed form) appears only inside compounds
BARE = "bare"
BARE_LOWER = "bare|l:"  # listed without any flag: says nothing about the class


def installed_dictionary_dir() -> Path:
    """Where pip installed hunspell-sv's files (the environment's share/hunspell/ by default)."""
    try:
        files = metadata.distribution(DISTRIBUTION).files or []
    except metadata.PackageNotFoundError:
        files = []
    for file in files:
        if file.name == AFFIX_FILE:
            return Path(str(file.locate())).resolve().parent
    return Path(sysconfig.get_path("data")) / "share" / "hunspell"


@dataclass(frozen=True)
class SuffixRule:
    """One SFX line of the affix file: strip `strip` from a stem matching `condition`, add `add`."""

    flag: str
    strip: str
    add: str
    condition: re.Pattern[str]


def read_suffix_rules(affix_file: Path) -> list[SuffixRule]:
    """The suffix rules that make whole words (sv_SE.aff uses no prefix rules)."""
    rules = []
    for line in affix_file.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) < 5 or parts[0] != "SFX":
            continue
        flag, strip, add_and_flags, condition = parts[1:5]
        add, _, continuation = add_and_flags.partition("/")
        if ONLY_IN_COMPOUND in continuation:
            continue
        rules.append(
            SuffixRule(
                flag,
                "" if strip == "0" else strip,
                "" if add == "0" else add,
                re.compile(f"(?:{condition})$"),
            )
        )
    return rules


def class_flags(flags: str) -> str:
    """The inflection-class part of a stem's flags, in a stable order."""
    return "".join(sorted(flag for flag in flags if flag not in NON_CLASS_FLAGS))


class HunspellSignatures:
    """The signatures of word forms, from the dictionary files in one directory."""

    def __init__(self, directory: Path) -> None:
        self.rules_by_ending: dict[str, list[SuffixRule]] = defaultdict(list)
        for rule in read_suffix_rules(directory / AFFIX_FILE):
            self.rules_by_ending[rule.add].append(rule)
        self.longest_ending = max(len(ending) for ending in self.rules_by_ending)
        self.stems: dict[str, list[str]] = defaultdict(list)
        for name in DICTIONARY_FILES:
            lines = (directory / name).read_text(encoding="utf-8").splitlines()
            for line in lines[1:]:  # the first line is the entry count
                word, _, flags = line.partition("/")
                if word:
                    self.stems[word].append(flags)
        # News repeats its words: remember the analyses of the recent ones.
        self.signatures = lru_cache(maxsize=100_000)(self._signatures)

    def lookup(self, word: str) -> frozenset[str]:
        """The signatures of `word` as written, else lower-case, else capitalised."""
        return (
            self.signatures(word)
            or self.signatures(word.lower())
            or self.signatures(word.capitalize())
        )

    def _signatures(self, form: str) -> frozenset[str]:
        found: set[str] = set()
        for flags in self.stems.get(form, ()):
            if NEED_AFFIX not in flags and ONLY_IN_COMPOUND not in flags:
                found.add(f"{BARE}|{_case(form)}{class_flags(flags)}")
        for length in range(min(self.longest_ending, len(form)) + 1):
            ending = form[len(form) - length :]
            for rule in self.rules_by_ending.get(ending, ()):
                stem = form[: len(form) - length] + rule.strip
                for flags in self.stems.get(stem, ()):
                    if rule.flag in flags and rule.condition.search(stem):
                        found.add(f"{rule.flag}|{_case(stem)}{class_flags(flags)}")
        # A flagless listing says nothing once the form also comes from a class.
        if len(found) > 1:
            found = {signature for signature in found if signature != BARE_LOWER} or found
        return frozenset(found)


def _case(stem: str) -> str:
    """A capitalised entry is a name (Johan, Sverige): keep that in the signature."""
    return "C:" if stem[:1].isupper() else "l:"


def signatures_or_warning(directory: Path, without: str) -> HunspellSignatures | None:
    """The dictionary in `directory`; if it is missing, None and a warning ending in `without`."""
    signatures = hunspell_signatures(directory)
    if signatures is None:
        warnings.warn(
            f"no hunspell-sv dictionary in {directory} (pip install hunspell-sv); {without}",
            stacklevel=3,
        )
    return signatures


@cache
def hunspell_signatures(directory: Path) -> HunspellSignatures | None:
    """The dictionary in `directory`, read once per process; None when its files are missing."""
    needed = [directory / name for name in (AFFIX_FILE, *DICTIONARY_FILES)]
    if not all(path.is_file() for path in needed):
        return None
    return HunspellSignatures(directory)
