"""One node per real thing: cluster the mentions of all documents into entities.

Mentions arrive typed, some with a curated key (gazetteer entries, offices).
The rest are keyed here by their folded name, with the forms Swedish news
bends a name into: genitive -s ("Brattlunds"), case ("arbetsförmedlingen"),
and a surname or first name alone after the full name in the same document
("Brattlund" after "Lars-Åke Brattlund"); across documents, a genitive whose base
form is known ("Nils Öbergs") and spelling variants of one full name ("Ann-Marie" and
"Anne-Marie Begler", hyphen or not) are one person. Two people who share a surname in
different documents stay apart: a lone surname only ever resolves inside its
own document. Inside one document, a name that only stands for another of its names
takes that name's node (see _in_text_aliases): an abbreviation written beside the name
it shortens, a person's name that a rule typed as an organisation.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import NamedTuple

from graph.gazetteers import by_id
from graph.names import abbreviates, fold, one_spelling, people_of_one_text, slug, strip_genitive
from graph.records import Mention


class Entity(NamedTuple):
    """A real thing: its IRI path (under vocab.ID), class, names and documents."""

    id: str
    cls: str
    label: str
    alt_labels: tuple[str, ...]
    wikidata: str | None
    documents: tuple[str, ...]


class Resolution(NamedTuple):
    entities: dict[str, Entity]
    #: The entity id of every mention.
    of: dict[Mention, str]

    def entity(self, mention: Mention) -> Entity:
        return self.entities[self.of[mention]]


def _person_keys(by_doc: Iterable[Sequence[Mention]]) -> dict[Mention, str]:
    """Key people: within each document by names.people_of_one_text, then across documents
    a genitive whose base form another document writes ("Nils Öbergs" is Nils Öberg) and
    the spellings of one full name (names.one_spelling) meet."""
    full: dict[Mention, str] = {}
    for mentions in by_doc:
        of_text = people_of_one_text(m.text for m in mentions)
        full.update((m, of_text[m.text]) for m in mentions)
    full_names = {name for name in full.values() if " " in name}
    full = {
        m: name[:-1] if name.endswith("s") and name[:-1] in full_names else name
        for m, name in full.items()
    }
    spelling = one_spelling(name for name in full.values() if " " in name)
    return {m: "person/" + slug(spelling.get(name, name)) for m, name in full.items()}


def _name_keys(mentions: Sequence[Mention]) -> dict[Mention, str]:
    """Key organisations, places and projects without a curated entry by their folded name."""
    known = {fold(m.text) for m in mentions}
    return {m: f"{m.cls.lower()}/{slug(strip_genitive(fold(m.text), known))}" for m in mentions}


def _pick_label(forms: Counter[str]) -> str:
    """The canonical name among the forms seen: genitives folded ("Dan Eliassons" is
    "Dan Eliasson" when "Eliasson" is written too), then capitalised, most frequent, longest."""
    last_words = {form.split()[-1] for form in forms}
    names: Counter[str] = Counter()
    for form, n in forms.items():
        stem = form[:-1]
        genitive = form.endswith("s") and (stem in forms or stem.split()[-1] in last_words)
        names[stem if genitive else form] += n
    return max(names, key=lambda name: (name[:1].isupper(), names[name], len(name)))


def resolve(mentions: Iterable[Mention]) -> Resolution:
    """Cluster mentions into entities, one per real-world thing across all documents."""
    mentions = list(mentions)
    keys: dict[Mention, str] = {}
    by_doc: defaultdict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.key:
            keys[m] = m.key
        elif m.cls == "Person":
            by_doc[m.doc_id].append(m)
    keys.update(_person_keys(by_doc.values()))
    keys.update(_name_keys([m for m in mentions if m not in keys]))
    documents: defaultdict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        documents[m.doc_id].append(m)
    people = {key for m, key in keys.items() if m.cls == "Person"}
    for of_one_document in documents.values():
        keys.update(_in_text_aliases(of_one_document, keys, people))

    clusters: defaultdict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        clusters[keys[m]].append(m)
    entities = {key: _entity(key, members) for key, members in clusters.items()}
    return Resolution(entities, keys)


#: The classes of names an abbreviation written beside them may stand for.
_ORGANISATIONS = frozenset({"Agency", "Organization"})
#: The largest gap between a name and the abbreviation that follows it: " ", ", ", " (".
_ABBREVIATION_GAP = 2


def _in_text_aliases(
    mentions: Sequence[Mention], keys: dict[Mention, str], people: set[str]
) -> dict[Mention, str]:
    """New keys for the uncurated mentions of one document that are another of its names:
    an abbreviation right after the name it abbreviates ("Premiepensionsmyndigheten PPM",
    "Riksförsäkringsverket, RFV,"), and every later use of it; and the full name of a person
    (`people`: their keys in any document), whatever class a rule gave it."""
    by_text: dict[str, str] = {}
    ordered = sorted(mentions, key=lambda m: m.start)
    for long, short in pairwise(ordered):
        if (
            long.cls in _ORGANISATIONS
            and short.key is None
            and 0 < short.start - long.end <= _ABBREVIATION_GAP
            and abbreviates(short.text, long.text)
        ):
            by_text.setdefault(short.text, keys[long])
    aliases: dict[Mention, str] = {}
    for m in mentions:
        if m.key is not None or m.cls == "Person":
            continue
        name = fold(m.text)
        forms = (name, name[:-1]) if name.endswith("s") else (name,)
        person = [key for key in ("person/" + slug(f) for f in forms if " " in f) if key in people]
        if m.text in by_text:
            aliases[m] = by_text[m.text]
        elif person:
            aliases[m] = person[0]
    return aliases


#: The class a name key stands for (name keys begin with the class, see _name_keys).
_CLASS_OF_KEY = {
    cls.lower(): cls for cls in ("Agency", "Organization", "Place", "Person", "Project")
}


def _entity(key: str, members: list[Mention]) -> Entity:
    forms = Counter(m.text for m in members if m.text)
    curated = _curated(key)
    if curated:
        cls, label, wikidata = curated
    else:
        cls = (
            _CLASS_OF_KEY.get(key.partition("/")[0])
            or Counter(m.cls for m in members).most_common(1)[0][0]
        )
        label, wikidata = _pick_label(forms), None
    alt = tuple(sorted(f for f in forms if f != label))
    docs = tuple(sorted({m.doc_id for m in members}))
    return Entity(key, cls, label, alt, wikidata, docs)


def _curated(key: str) -> tuple[str, str, str | None] | None:
    """Class, label and Wikidata id of a gazetteer entry or an office of one."""
    if key.startswith("office/"):
        org_id, _, place_id = key.removeprefix("office/").partition("@")
        return "Office", f"{by_id(org_id).label} i {by_id(place_id).label}", None
    try:
        entry = by_id(key)
    except KeyError:
        return None
    return entry.cls, entry.label, entry.wikidata
