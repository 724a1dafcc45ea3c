"""Job titles in text, by list and by shape.

A title is a curated one (ontology/gazetteers/titles.tsv, any inflected form) or a
compound whose last part is a title head of graph.lang.sv.titles ("kriminalvårdschefen",
"HR-direktör", "arbetsmiljöinspektör") and whose first part the Swedish dictionary
(hunspell-sv) knows as a word, a word with a linking -s, two such words, or, before a
hyphen, an abbreviation. Words in front that belong to the title are kept as written
("ställföreträdande generaldirektör", "t.f. rikspolischef"), and a coordination is one
title ("justitie- och migrationsministern"). The title's role says which relation its
holder has to the organisation named with it.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import NamedTuple

from spacy.tokens import Doc, Token

from graph import gazetteers
from graph.lang.sv.inflection import inflect
from graph.lang.sv.titles import (
    COMPOUND_HEADS,
    DEPUTY,
    LOCAL_CHAIRS,
    MODIFIERS,
    ONLY_IN_COMPOUNDS,
    PERSON_PREPOSITIONS,
    PLAIN_CHIEFS,
    TITLE_JOINERS,
    UNIT_HEADS,
)
from graph.nlp.hunspell import (
    HunspellSignatures,
    installed_dictionary_dir,
    signatures_or_warning,
)
from graph.records import Mention

#: Roles a title gives (curated titles.tsv uses the first four; "unit-head" heads a unit).
HEAD = "head"
UNIT_HEAD = "unit-head"
STAFF = "staff"
MEMBER = "member"
POLITICIAN = "politician"
#: A compound's first part shorter than this is no word of its own ("för" + "råd").
MIN_PART = 3
#: A first part before a hyphen of at most this many letters is an abbreviation ("HR-").
MAX_ABBREVIATION = 5
LINKING_S = "s"
HYPHEN = "-"


class TitleMention(NamedTuple):
    """A title in a document: tokens [start, end), written as a title is recorded."""

    start: int
    end: int
    #: Lower case, base form, modifiers kept: "ställföreträdande generaldirektör".
    title: str
    #: The title itself without its modifiers, base form: "generaldirektör".
    head: str
    role: str
    #: In the curated list (the precise core) rather than found by its shape.
    curated: bool
    #: A compound's first part as written, lower case: "kriminalvårds" ("" for no compound).
    first_part: str = ""


class _Word(NamedTuple):
    base: str
    role: str
    curated: bool
    first_part: str = ""


def find_titles(doc: Doc) -> Iterator[TitleMention]:
    """Every title of the document, in text order; a title's tokens are never another's."""
    i = 0
    while i < len(doc):
        word = title_word(doc[i].text)
        if word is None:
            i += 1
            continue
        start, parts = _coordinated(doc, i)
        start, modifiers, deputy = _modified(doc, start)
        role = STAFF if deputy and word.role in (HEAD, UNIT_HEAD) else word.role
        head = " ".join([*parts, word.base]).replace(" ,", ",")
        title = " ".join([*modifiers, head])
        yield TitleMention(start, i + 1, title, head, role, word.curated, word.first_part)
        i += 1


@cache
def title_word(text: str) -> _Word | None:
    """The title a single word is (any inflected form), or None."""
    lower = text.lower()
    curated = gazetteers.titles().get(lower)
    if curated is not None:
        role = UNIT_HEAD if curated.title in UNIT_HEADS else curated.role
        return _Word(curated.title, role, True, _compound_first_part(curated.title))
    for form, base, role in _head_forms():
        if lower == form and base not in ONLY_IN_COMPOUNDS:
            return _Word(base, role, False)
        if lower.endswith(form) and len(lower) > len(form):
            prefix = lower[: -len(form)]
            if _first_part(prefix):
                return _Word(prefix + base, role, False, prefix)
    return None


def _compound_first_part(title: str) -> str:
    """ "rikspolis" of "rikspolischef": what comes before a compound head, if anything."""
    for base in COMPOUND_HEADS:
        if title.endswith(base) and len(title) > len(base):
            return title[: -len(base)]
    return ""


@cache
def _head_forms() -> tuple[tuple[str, str, str], ...]:
    """(form, base, role) of every compound head, longest form first."""
    forms = {
        form: (base, role)
        for base, (role, paradigm) in COMPOUND_HEADS.items()
        for form in inflect(base, paradigm)
    }
    return tuple(
        (form, base, role)
        for form, (base, role) in sorted(forms.items(), key=lambda item: -len(item[0]))
    )


def _first_part(prefix: str) -> bool:
    """Whether a compound's first part is a word (or an abbreviation before a hyphen)."""
    if prefix.endswith(HYPHEN):
        part = prefix[:-1]
        return part.isalpha() and (len(part) <= MAX_ABBREVIATION or _word_or_linked(part))
    if _word_or_linked(prefix):
        return True
    return any(
        _word_or_linked(prefix[:cut]) and _word_or_linked(prefix[cut:])
        for cut in range(MIN_PART, len(prefix) - MIN_PART + 1)
    )


def _word_or_linked(part: str) -> bool:
    """A word, or a word with the linking -s of Swedish compounds ("utvecklings")."""
    if len(part) < MIN_PART:
        return False
    return _is_word(part) or (part.endswith(LINKING_S) and _is_word(part[:-1]))


def _is_word(part: str) -> bool:
    dictionary = _dictionary()
    return dictionary is not None and part in dictionary.stems


@cache
def _dictionary() -> HunspellSignatures | None:
    return signatures_or_warning(installed_dictionary_dir(), "only curated titles are found")


def _coordinated(doc: Doc, i: int) -> tuple[int, list[str]]:
    """Where a coordinated title starts, and its first parts: "justitie- och"."""
    start = i
    parts: list[str] = []
    while (
        start >= 2
        and doc[start - 1].lower_ in TITLE_JOINERS
        and doc[start - 2].text.endswith(HYPHEN)
        and len(doc[start - 2].text) > 1
    ):
        parts[:0] = [doc[start - 2].lower_, doc[start - 1].lower_]
        start -= 2
    return start, parts


def _modified(doc: Doc, start: int) -> tuple[int, list[str], bool]:
    """Modifiers written before a title ("t.f.", "ställföreträdande"), and whether one makes
    the holder a deputy."""
    modifiers: list[str] = []
    deputy = False
    while start > 0:
        before = doc[start - 1]
        if before.text == "." and start > 1 and doc[start - 2].lower_ + "." in MODIFIERS:
            before = doc[start - 2]
            key, step = before.lower_ + ".", 2
        else:
            key, step = before.lower_, 1
        if key not in MODIFIERS:
            break
        base, effect = MODIFIERS[key]
        modifiers.insert(0, base)
        deputy = deputy or effect == DEPUTY
        start -= step
    return start, modifiers, deputy


#: Organisation kinds whose people are members rather than employees.
MEMBERSHIP_KINDS = {"union", "confederation", "party"}
UNION_KINDS = {"union", "confederation"}


def relation(title: TitleMention | None, org: Mention, preposition: str | None = None) -> str:
    """The relation a title gives its holder to the organisation named with it, tied by a
    preposition or (None) a genitive: a plain "chef på X" is a manager at X, "chef för X" its
    head (and "chef på" a unit heads the unit)."""
    if title and title.role == HEAD:
        # "chef på avdelningen" heads the unit, "chef på Skatteverket" is one of its managers
        at = preposition in PERSON_PREPOSITIONS and title.head in PLAIN_CHIEFS
        return "worksFor" if at and org.cls != "Office" else "headOf"
    if title and title.role == UNIT_HEAD:
        # a regional or unit head leads an office of the organisation, not the organisation
        return "headOf" if org.cls == "Office" else "worksFor"
    if title and title.role == MEMBER:
        return "memberOf"
    if _kind(org) in MEMBERSHIP_KINDS:
        return "memberOf"
    return "worksFor"


def local_chair(title: TitleMention | None, org: Mention, preposition: str | None) -> bool:
    """ "ordförande för ST inom Trafikverket": the chair of a union's local branch, a member of
    the union, not its head (the union's own head is "förbundsordförande", "ST:s ordförande")."""
    return (
        title is not None
        and title.head in LOCAL_CHAIRS
        and preposition is not None
        and _kind(org) in UNION_KINDS
    )


def _kind(org: Mention) -> str | None:
    if org.key and org.cls == "Organization":
        return gazetteers.by_id(org.key).kind
    return None


def title_at(token: Token) -> TitleMention | None:
    """The title a token is part of, once tags.tag_tokens has run."""
    found: TitleMention | None = token._.get(TITLE_EXTENSION)
    return found


TITLE_EXTENSION = "kg_title"
if not Token.has_extension(TITLE_EXTENSION):
    Token.set_extension(TITLE_EXTENSION, default=None)
