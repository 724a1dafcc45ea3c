"""Typed entity mentions: gazetteer names, statistical names and names found by cues.

Sources, in order:
1. People's names their context gives away (graph/extract/people.py): after a
   title or speech verb, before ", titel" or a party letter, bare proper nouns.
2. `doc.ents`: the gazetteer rulers' curated names (label = class, id = entry)
   and the statistical NER's PER/LOC/ORG, looked up in the gazetteers too, so
   "Försäkringskassans" tagged ORG is still the agency.
3. Compounds of a place and an area noun ("Stockholmsområdet"), capitalised
   words inside a sentence the lemmatizer leaves alone ("jobbade på Solectron"),
   and organisations by how Swedish names them (graph/extract/organisations.py).
4. Projects named after a project noun: forskningsprojektet »Tillitslabbet«.
5. Names repeated later that the NER missed: a surname alone after the full
   name, a project name in lower case.
6. Short forms of an agency mentioned in the document: the institution noun its
   name ends in ("kassan" for Försäkringskassan, "verket" for Skatteverket).

What is not a name is dropped: a capitalised sentence start the tagger does not
call a proper noun, a kicker alone in its sentence ("Inviger.", but not a name on its
own line that a comma on the next introduces), a known name
glued to a common noun ("Sverigekartan"), a lone first or last name of no one
named in full.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.lang.sv.stop_words import STOP_WORDS
from spacy.tokens import Span, Token

from graph import gazetteers
from graph.extract.context import DocContext
from graph.extract.organisations import add_ner_organisation, find_organisations
from graph.extract.people import cued_names

#: Statistical NER labels → vocabulary classes; the ruler already uses class names.
NER_CLASSES = {"PER": "Person", "LOC": "Place", "ORG": "Organization"}
RULER_CLASSES = {"Agency", "Organization", "Place", "Person", "Project"}

#: Definite institution nouns that stand for an agency whose name ends in them.
#: ("myndigheten" is left out: it stands for whichever agency the text is about.)
INSTITUTION_HEADS = (
    "kassan",
    "verket",
    "förmedlingen",
    "styrelsen",
    "inspektionen",
    "nämnden",
    "institutet",
    "ombudsmannen",
    "kansliet",
)

#: Words around a name that are not part of it.
_EDGE_WORDS = {"den", "det", "de", "en", "ett", "nya", "nye", "förre", "dåvarande", "tidigare"}
_QUOTES = "»«\"'“”„’‘"
AREA_COMPOUND = re.compile(r"([A-ZÅÄÖ]\w+?)s?(området|regionen|trakten)$")
#: Endings of place names: areas, streams, streets, squares, parks.
PLACE_ENDINGS = (
    "området",
    "bäcken",
    "vägen",
    "gatan",
    "torget",
    "parken",
    "staden",
    "byn",
    "viken",
    "holmen",
    "backen",
    "udden",
    "åsen",
    "dalen",
)
#: The longest project name taken after a project noun, and what its later words may be.
MAX_NAME_WORDS = 6
NAME_POS = ("NOUN", "PROPN", "ADJ")
#: The most words a person's full name has ("Inga Thoresson Hallgren").
MAX_PERSON_WORDS = 3
PROJECT_NOUN = re.compile(r"projekt(et)?$")


def recognise(ctx: DocContext) -> None:
    """Fill `ctx` with the document's entity mentions."""
    cued = cued_names(ctx.doc)
    for span in cued:
        ctx.add(ctx.mention(span, "Person"))
    people = _person_names([*ctx.doc.ents, *cued])
    for ent in ctx.doc.ents:
        overridable = ent.label_ in NER_CLASSES or ent.label_ == "Place"
        if overridable and any(ent.start < c.end and c.start < ent.end for c in cued):
            continue  # the cue knows better: "säger Charlott Ax", "Anna Berg (V)" are people
        _add_entity(ctx, ent, people)
    _place_compounds(ctx)
    _bare_names(ctx)
    find_organisations(ctx)
    _projects(ctx)
    _repeated_names(ctx)
    _short_forms(ctx)


def _person_names(ents: Iterable[Span]) -> set[str]:
    """Full names of people in a document and their parts, genitives included (folded)."""
    names: set[str] = set()
    for ent in ents:
        words = ent.text.casefold().split()
        if ent.label_ == "PER" and len(words) > 1:
            for name in (" ".join(words), words[0], words[-1]):
                names.update((name, name + "s"))
    return names


def _add_entity(ctx: DocContext, ent: Span, people: set[str]) -> None:
    span = trim(ent)
    if span is None:
        return
    cls = (RULER_CLASSES.intersection({ent.label_}) and ent.label_) or NER_CLASSES.get(ent.label_)
    if not cls:
        return
    entry = gazetteers.by_id(ent.ent_id_) if ent.ent_id_ else _lookup(span)
    if not entry and span.text.lower().endswith(PLACE_ENDINGS):
        cls = "Place"  # "på Fyrvallaområdet": a name ending in -området names a place
    if not entry and span.text.casefold() in people:
        # the NER tagged a person's name ORG or LOC elsewhere in the text ("blir inte Brattlund")
        cls = "Person"
    if entry:
        ctx.add(ctx.mention(span, entry.cls, entry.id))
    elif _alone_in_sentence(span) and not _introduced(span):
        return  # a kicker or caption label ("Inviger."), not a name
    elif len(span) == 1 and _compound_of_a_name(span[0]):
        return  # "Sverigekartan" is a map, not a place
    elif cls == "Person" and len(span) == 1 and span.text.casefold() not in people:
        return  # news introduces people by full name; a lone word is someone named before or no one
    elif _looks_like_name(span, cls):
        ctx.add(ctx.mention(span, cls))
    elif cls == "Organization":
        add_ner_organisation(ctx, span)


def _compound_of_a_name(token: Token) -> bool:
    """A known name glued to a common noun ("Sverigekartan", "Försäkringskasseärendet"):
    Swedish compounds like this name a thing, not the named one."""
    text = token.text
    for cut in range(len(text) - 3, 3, -1):
        head, rest = text[:cut], text[cut:]
        if rest.islower() and gazetteers.lookup(head) is not None:
            return True
    return False


def _alone_in_sentence(span: Span) -> bool:
    return all(t.is_punct or t.is_space for t in span.sent if t.i < span.start or t.i >= span.end)


def _introduced(span: Span) -> bool:
    """A name alone on its line with a comma opening the next ("Anna Berg\n, doktor i …"):
    a person introduced, not a kicker."""
    after = span.end
    while after < len(span.doc) and span.doc[after].is_space:
        after += 1
    return after > span.end and after < len(span.doc) and span.doc[after].text == ","


def _lookup(span: Span) -> gazetteers.Entry | None:
    entry = gazetteers.lookup(span.text)
    # A person's name that happens to be a place ("Sundsvall" as a surname) stays a person.
    if entry and span.label_ == "PER" and entry.cls == "Place":
        return None
    return entry


def trim(span: Span) -> Span | None:
    """Drop quotes, punctuation, articles and titles from the edges of a name (a curated
    name keeps its words: the agency Diskrimineringsombudsmannen is named like its head)."""
    titles = gazetteers.titles() if not span.ent_id_ else {}
    start, end = span.start, span.end

    def junk(token: Token) -> bool:
        text = token.text.strip(_QUOTES)
        return (
            not text
            or token.is_punct
            or token.lower_ in _EDGE_WORDS
            or token.lower_ in titles
            # "Enligt Fredrik Holm" opens with a preposition ("Hans" may be a name, so by POS)
            or (token.pos_ in ("ADP", "SCONJ", "CCONJ") and token.lower_ in STOP_WORDS)
        )

    while start < end and junk(span.doc[start]):
        start += 1
    while end > start and junk(span.doc[end - 1]):
        end -= 1
    if start == end:
        return None
    return Span(span.doc, start, end, label=span.label, kb_id=span.kb_id)


def _looks_like_name(span: Span, cls: str) -> bool:
    """An unknown name: capitalised, and a proper noun or capitalised inside a sentence (where
    Swedish capitalises nothing else); a one-letter "name" is an abbreviation out of context."""
    words = [t for t in span if t.is_alpha]
    if not words or len(span.text) < 2 or not span[0].text[0].isupper():
        return False
    if cls == "Person" and _full_name(span):
        return True
    if not all(t.text[0].isupper() for t in words if t.pos_ == "PROPN"):
        return False
    inside = not span[0].is_sent_start and span.start > span.sent.start
    if not any(t.pos_ == "PROPN" or (inside and _uninflected(t)) for t in span):
        return False
    return cls != "Person" or all(t.text[0].isupper() for t in words)


def _full_name(span: Span) -> bool:
    """Two or three capitalised words, none a function word or a title: a person's full name
    whatever the tagger makes of its words ("Maria Mindhammar" tagged as an adjective and a
    noun is still a name: after its first word Swedish capitalises only names)."""
    return 2 <= len(span) <= MAX_PERSON_WORDS and all(
        t.text.replace("-", "").isalpha()
        and t.text[0].isupper()
        and not (t.lower_ in STOP_WORDS and t.pos_ != "PROPN")
        and t.lower_ not in gazetteers.titles()
        for t in span
    )


def _place_compounds(ctx: DocContext) -> None:
    """ "Stockholmsområdet", "Göteborgsregionen": a known place glued to an area noun."""
    for token in ctx.doc:
        match = AREA_COMPOUND.match(token.text)
        if not match or ctx.at(token):
            continue
        entry = gazetteers.lookup(match.group(1))
        if entry and entry.cls == "Place":
            ctx.add(ctx.mention(ctx.doc[token.i : token.i + 1], "Place"))


def _bare_names(ctx: DocContext) -> None:
    """A capitalised proper noun inside a sentence that no one named: Swedish capitalises only
    names there. Its class comes from the context, or it is left alone: a place by its ending
    ("Fyrvallaområdet", "Tavelbäcken") or after "i"; an organisation after "på"/"hos"
    ("jobbade på Solectron")."""
    doc = ctx.doc
    for token in doc:
        if ctx.at(token) or not _is_bare_name(token):
            continue
        before = doc[token.i - 1].lower_
        if token.lower_.endswith(PLACE_ENDINGS) or before == "i":
            cls = "Place"
        elif before in ("på", "hos"):
            cls = "Organization"
        else:
            continue
        ctx.add(ctx.mention(doc[token.i : token.i + 1], cls))


def _is_bare_name(token: Token) -> bool:
    if token.i == 0 or token.is_sent_start or not token.is_alpha:
        return False
    if token.pos_ != "PROPN" and not (token.pos_ == "NOUN" and _uninflected(token)):
        return False
    before = token.doc[token.i - 1]
    return (
        token.text[0].isupper()
        and not token.is_upper  # "IT", "EU": abbreviations are the gazetteers' business
        and before.is_alpha  # not after a quote, a dash or a colon, where a capital is usual
        and token.lower_ not in gazetteers.titles()
        and not _compound_of_a_name(token)
    )


def _uninflected(token: Token) -> bool:
    """A word the lemmatizer leaves as it is ("Solectron") or a place name by its ending
    ("Tavelbäcken"), unlike a common noun in a capital ("Rapporten" → "rapport")."""
    return token.lemma_.lower() == token.lower_ or token.lower_.endswith(PLACE_ENDINGS)


def _projects(ctx: DocContext) -> None:
    """A quoted or capitalised name right after a project noun is a Project."""
    doc = ctx.doc
    for token in doc:
        if not PROJECT_NOUN.search(token.lower_) or token.i + 1 >= len(doc):
            continue
        i = token.i + 1
        quoted = doc[i].text in _QUOTES
        if quoted:
            i += 1
        if quoted:
            j = i
            while j < len(doc) and doc[j].text not in _QUOTES and j - i < MAX_NAME_WORDS:
                j += 1
            if j > i and j < len(doc) and doc[j].text in _QUOTES:
                ctx.add(ctx.mention(doc[i:j], "Project"))
        elif i < len(doc) and doc[i].text[:1].isupper() and doc[i].is_alpha:
            # "projektet Framtidens förmedling": a Swedish name capitalises its first word only
            j = i + 1
            while (
                j < min(len(doc), i + MAX_NAME_WORDS)
                and doc[j].is_alpha
                and doc[j].pos_ in NAME_POS
                and not doc[j].is_stop
            ):
                j += 1
            ctx.add(ctx.mention(doc[i:j], "Project"))


def _repeated_names(ctx: DocContext) -> None:
    """Later occurrences of names already found: a full name again, a surname alone, a project
    name in another case. Only unkeyed names: the ruler finds every form of the curated ones."""
    wanted: dict[tuple[str, ...], str] = {}
    for m in list(ctx.mentions):
        if m.key:
            continue
        words = tuple(m.text.casefold().split())
        wanted[words] = m.cls
        if m.cls == "Person" and len(words) > 1:
            wanted.setdefault((words[-1],), "Person")
            wanted.setdefault((words[-1] + "s",), "Person")
    doc = ctx.doc
    # Each name is looked for where its first word is (one pass over the Doc, not one per name).
    lower = [t.lower_ for t in doc]
    starts: dict[str, list[int]] = {}
    for i, word in enumerate(lower):
        starts.setdefault(word, []).append(i)
    for words, cls in sorted(wanted.items(), key=lambda item: -len(item[0])):
        n = len(words)
        for i in starts.get(words[0], ()) if words else ():
            if tuple(lower[i : i + n]) != words or any(ctx.at(doc[j]) for j in range(i, i + n)):
                continue
            span = doc[i : i + n]
            # a person's surname must be written as a name; projects may be lower case
            if cls == "Person" and not span[0].text[0].isupper():
                continue
            ctx.add(ctx.mention(span, cls))


def _short_forms(ctx: DocContext) -> None:
    """The "kassan" after Försäkringskassan: the institution noun an agency's name ends in."""
    heads: dict[str, gazetteers.Entry] = {}
    for m in ctx.mentions:
        if m.key and m.cls in ("Agency", "Organization"):
            entry = gazetteers.by_id(m.key)
            last = entry.label.split()[-1].casefold()
            for head in INSTITUTION_HEADS:
                if last.endswith(head) and last != head:
                    heads.setdefault(head, entry)
    for token in ctx.doc:
        word = token.lower_
        short = heads.get(word) or (heads.get(word[:-1]) if word.endswith("s") else None)
        if short and not ctx.at(token) and _stands_alone(token):
            ctx.add(ctx.mention(ctx.doc[token.i : token.i + 1], short.cls, short.id))


def _stands_alone(token: Token) -> bool:
    """A short form used on its own: lower case (or quoted, or opening a sentence) and not
    the start of a longer name ("Institutet för arbetsmarknadspolitisk …" is another agency)."""
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if after is not None and after.lower_ in ("för", "vid"):
        return False
    quoted = token.i > 0 and doc[token.i - 1].text in _QUOTES
    return token.pos_ in ("NOUN", "PROPN") and (
        token.is_lower or quoted or bool(token.is_sent_start)
    )
