"""The curated gazetteers of ontology/gazetteers/: agencies, organisations, places, titles.

The TSV files are built by scripts/build_gazetteers.py from the registers
(see ontology/README.md for sources and licences). This module only reads
them: `entries()` for everything, `lookup()` for a name as it stands in
text, `titles()` for job titles, and `ruler_patterns()` for spaCy's
EntityRuler. Files are read once per process.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from graph.names import fold
from graph.vocab import ontology_dir

#: Gazetteer file and the vocabulary class of its entries.
ENTRY_FILES = (
    ("agencies.tsv", "Agency"),
    ("organizations.tsv", "Organization"),
    ("places.tsv", "Place"),
)

#: Token attributes of spaCy's Matcher: exact spelling, or lower-cased.
ORTH = "ORTH"
LOWER = "LOWER"


class Entry(NamedTuple):
    """One curated thing: an agency, an organisation or a place."""

    id: str  # stable ASCII slug, e.g. "agency/forsakringskassan"
    cls: str  # "Agency" | "Organization" | "Place"
    label: str  # the name as a Swedish reader writes it
    variants: tuple[str, ...]  # official name, short forms, abbreviations, old names
    wikidata: str | None  # "Q3372219"
    kind: str  # agency | university | union | party | media | county | municipality | ...
    defunct: bool
    part_of: str | None  # the id of the parent entry (a research centre's university)


class Title(NamedTuple):
    """A job title with its inflected forms."""

    title: str  # base form, lower case: "generaldirektör"
    role: str  # head | staff | politician | member
    forms: tuple[str, ...]  # "generaldirektör", "generaldirektören", "generaldirektörer", ...
    en: str  # English gloss


def gazetteer_dir() -> Path:
    return ontology_dir() / "gazetteers"


def _rows(filename: str) -> list[dict[str, str]]:
    with (gazetteer_dir() / filename).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part for part in cell.split("|") if part)


def _entry(row: dict[str, str], cls: str) -> Entry:
    return Entry(
        id=row["id"],
        cls=cls,
        label=row["label"],
        variants=_split(row["variants"]),
        wikidata=row.get("wikidata") or None,
        kind=row.get("kind") or "agency",
        defunct=row.get("status") == "defunct",
        part_of=row.get("part_of") or None,
    )


@cache
def entries() -> tuple[Entry, ...]:
    """Every agency, organisation and place, in file order."""
    return tuple(_entry(row, cls) for filename, cls in ENTRY_FILES for row in _rows(filename))


@cache
def _ids() -> dict[str, Entry]:
    return {entry.id: entry for entry in entries()}


def by_id(entry_id: str) -> Entry:
    """The entry with this id; KeyError for an unknown id."""
    return _ids()[entry_id]


def _names_by_priority() -> list[tuple[str, bool, Entry]]:
    """(name, is_label, entry) with the entry a name should resolve to first.

    Current things win over defunct ones, and an entry's own label over
    another entry's variant; otherwise the file order holds.
    """
    named = [
        (position, name, name == entry.label, entry)
        for position, entry in enumerate(entries())
        for name in (entry.label, *entry.variants)
    ]
    named.sort(key=lambda item: (item[3].defunct, not item[2], item[0]))
    return [(name, is_label, entry) for _, name, is_label, entry in named]


@cache
def _index() -> dict[str, Entry]:
    index: dict[str, Entry] = {}
    for name, _, entry in _names_by_priority():
        index.setdefault(fold(name), entry)
    return index


def lookup(name: str) -> Entry | None:
    """The entry a name stands for, or None.

    Case and white space do not matter; a Swedish genitive -s ("Försäkringskassans",
    "AF:s") is tried when the name as written is not known.
    """
    key = fold(name)
    index = _index()
    if key in index:
        return index[key]
    for suffix in (":s", "s"):
        if key.endswith(suffix) and key[: -len(suffix)] in index:
            return index[key[: -len(suffix)]]
    return None


@cache
def _titles() -> dict[str, Title]:
    forms: dict[str, Title] = {}
    for row in _rows("titles.tsv"):
        title = Title(row["title"], row["role"], _split(row["forms"]), row["en"])
        for form in title.forms:
            forms.setdefault(form.lower(), title)
    return forms


def titles() -> dict[str, Title]:
    """Every form of every title (lower case) -> its Title."""
    return dict(_titles())


@cache
def party_letters() -> dict[str, Entry]:
    """Party letters ("S", "M", "SD") -> the party.

    Kept out of the variants and the ruler: a letter names a party only in
    contexts like "Magdalena Andersson (S)", which the recogniser checks.
    """
    return {row["letter"]: by_id(row["id"]) for row in _rows("organizations.tsv") if row["letter"]}


@cache
def ordinary_words() -> frozenset[str]:
    """Lower-case forms of gazetteer names that are also ordinary Swedish words."""
    return frozenset(row["word"] for row in _rows("ordinary_words.tsv"))


# ------------------------------------------------------------ ruler patterns


def is_abbreviation(name: str) -> bool:
    """One short token with capitals inside: "AF", "JK", "IFAU", "HaV", "LiU", "Ei"."""
    if " " in name or not name[:1].isupper():
        return False
    capitals = sum(c.isupper() for c in name)
    return capitals >= 2 or len(name) <= 3


@cache
def _tokenizer() -> Any:
    # The pipeline's own tokenizer splits names the way it splits text.
    import spacy

    return spacy.blank("sv").tokenizer


def _genitives(word: str, abbreviation: bool) -> list[str]:
    """The genitives: "Försäkringskassans"; "AF:s" and, as news also writes it, "STs";
    none after s, x, z."""
    if abbreviation:
        return [word + ":s", word + "s"]
    if word[-1:].lower() in ("s", "x", "z") or not word[-1:].isalpha():
        return []
    return [word + "s"]


def _case_mode(name: str, entry: Entry) -> tuple[str, bool]:
    """(attribute, only_inside_sentence) for a name.

    Places, abbreviations and names that are also ordinary words are matched
    with their exact spelling; the latter ("Sida", "Vision", "Vara") never
    at the start of a sentence, where every word has a capital. So are the
    one-word names of defunct agencies, some of which name a kind of body
    ("Domkapitlen", "Landsarkiven"). Other agency and organisation names
    match in any case ("arbetsförmedlingen").
    """
    ordinary = fold(name) in ordinary_words()
    one_word_defunct = entry.defunct and " " not in name
    if entry.cls == "Place" or is_abbreviation(name) or ordinary or one_word_defunct:
        return ORTH, ordinary
    return LOWER, False


class SurfaceForm(NamedTuple):
    """One way a curated name is written, and how to match it."""

    entry: Entry
    words: tuple[str, ...]
    attr: str  # ORTH (exact spelling) or LOWER (any case)
    inside: bool  # only inside a sentence, never as its first word


class RulerPatterns(NamedTuple):
    """The gazetteers as EntityRuler patterns, grouped by how they match (see graph.nlp)."""

    any_case: list[dict[str, Any]]  # phrase patterns for a ruler matching on LOWER
    exact: list[dict[str, Any]]  # phrase patterns for a ruler matching on ORTH
    inside_sentence: list[dict[str, Any]]  # token patterns that need sentence starts


@cache
def _surface_forms() -> tuple[SurfaceForm, ...]:
    """Every name and its genitive; where two entries share a form, `lookup`'s choice owns it."""
    tokenizer = _tokenizer()
    forms: list[SurfaceForm] = []
    seen: set[tuple[str, ...]] = set()
    for name, _, entry in _names_by_priority():
        if len(name) < 2 or (entry.defunct and is_abbreviation(name)):
            # A defunct agency's abbreviation ("RU", "SK") mostly means something else today.
            continue
        attr, inside = _case_mode(name, entry)
        words = [token.text for token in tokenizer(name)]
        genitives = _genitives(words[-1], is_abbreviation(name))
        for form in [words, *([*words[:-1], genitive] for genitive in genitives)]:
            key = tuple(fold(word) for word in form)
            if key not in seen:
                seen.add(key)
                forms.append(SurfaceForm(entry, tuple(form), attr, inside))
    return tuple(forms)


def _token_pattern(form: SurfaceForm) -> dict[str, Any]:
    tokens: list[dict[str, Any]] = [
        {form.attr: word.lower() if form.attr == LOWER else word} for word in form.words
    ]
    if form.inside:
        tokens[0]["IS_SENT_START"] = False
    return {"label": form.entry.cls, "pattern": tokens, "id": form.entry.id}


def ruler_patterns() -> list[dict[str, Any]]:
    """Token patterns for spaCy's EntityRuler / SpanRuler, one per surface form.

    label = the class name ("Agency", "Organization", "Place"), id = the
    entry id. Each name also in its genitive.
    """
    return [_token_pattern(form) for form in _surface_forms()]


def ruler_pattern_groups() -> RulerPatterns:
    """The same forms as phrase patterns where they can be (a PhraseMatcher is many times
    faster than a Matcher with thousands of token patterns)."""
    groups = RulerPatterns([], [], [])
    for form in _surface_forms():
        if form.inside:
            groups.inside_sentence.append(_token_pattern(form))
            continue
        # the tokenizer splits the phrase as it split the name above
        phrase = {"label": form.entry.cls, "pattern": " ".join(form.words), "id": form.entry.id}
        (groups.any_case if form.attr == LOWER else groups.exact).append(phrase)
    return groups
