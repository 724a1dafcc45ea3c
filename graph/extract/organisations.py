"""Organisations the gazetteers do not list, found by how Swedish names them.

- A capitalised compound on an organisation head noun ("Genomförandekommittén",
  "Arbetsmarknadsutredningen", "Länsstyrelsen"): inside a sentence, or at its start
  when the statistical NER calls it a name too. A listed organisation written
  without or with its definite ending ("Mittuniversitet") is that organisation.
- A name after a noun for a kind of organisation: "fastighetsbolaget Specialfastigheter".
- A run of capitalised words inside a sentence that is more than the names in it:
  "Seko Kriminalvård" (a union's branch), "Diös Fastigheter", "Luleå Science Park";
  a place swallowed by such a name is no place of its own.
- A name the NER tags ORG, written as a name (every word capitalised, several words):
  "Svenska Röda Korset".

What is a known person, a title or a sentence-start common noun stays what it is.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from graph import gazetteers
from graph.extract.context import DocContext
from graph.lang.sv.organisations import (
    DEFINITE_ENDINGS,
    KIND_NOUN_ENDINGS,
    ORGANISATION_HEADS,
)
from graph.records import Mention

#: The statistical NER's labels for a name.
NER_NAMES = frozenset({"ORG", "LOC", "PER", "MISC"})
HEAD_NOUNS = tuple(ORGANISATION_HEADS)


def find_organisations(ctx: DocContext) -> None:
    """Add the organisations named in the ways above to `ctx`."""
    _head_noun_names(ctx)
    _after_kind_nouns(ctx)
    _capitalised_runs(ctx)


def _head_noun_names(ctx: DocContext) -> None:
    for token in ctx.doc:
        if not _capitalised_word(token) or not token.lower_.endswith(HEAD_NOUNS):
            continue
        if token.lower_ in ORGANISATION_HEADS:
            continue  # "Kommittén", "Styrelsen": a common noun with a capital
        taken = ctx.mentions_at(token)
        if any(m.key or m.cls in ("Person", "Organization", "Agency") for m in taken):
            continue
        if _starts_clause(token) and not token.ent_type_ and token.pos_ != "PROPN":
            continue  # "Lokalutredningen visar …": a capital that only opens the sentence
        if token.lower_ in gazetteers.titles():
            continue
        for m in taken:
            ctx.discard(m)  # the NER's LOC or a bare place: a head noun names a body
        entry = _listed(token.text)
        span = ctx.doc[token.i : token.i + 1]
        owner = _genitive_before(ctx, token)
        if entry is None and owner is not None:
            ctx.discard(owner)  # "Riksbankens Jubileumsfond": the genitive is part of the name
            span = ctx.doc[token.i - 1 : token.i + 1]
        if entry is not None and entry.cls != "Place":
            ctx.add(ctx.mention(span, entry.cls, entry.id))
        elif entry is None:
            ctx.add(ctx.mention(span, "Organization"))


def _genitive_before(ctx: DocContext, token: Token) -> Mention | None:
    """A one-word name in the genitive right before a token ("Riksbankens")."""
    if token.i == 0 or token.i == token.sent.start:
        return None
    before = token.doc[token.i - 1]
    found = ctx.mentions_at(before)
    if not (_capitalised_word(before) and before.text.endswith("s")) or len(found) != 1:
        return None
    span = ctx.span(found[0])
    return found[0] if span is not None and len(span) == 1 else None


def _listed(name: str) -> gazetteers.Entry | None:
    """The gazetteer entry of a name, written with or without its definite ending or the
    space after a genitive ("Mittuniversitet", "Linköpingsuniversitet")."""
    entry = gazetteers.lookup(name)
    if entry is not None:
        return entry
    head = next((h for h in HEAD_NOUNS if name.lower().endswith(h) and len(name) > len(h)), None)
    if head is not None and name[-len(head) - 1] == "s":
        entry = gazetteers.lookup(f"{name[: -len(head)]} {name[-len(head) :]}")
        if entry is not None:
            return entry
    for ending in DEFINITE_ENDINGS:
        entry = gazetteers.lookup(name + ending) or (
            gazetteers.lookup(name[: -len(ending)]) if name.endswith(ending) else None
        )
        if entry is not None:
            return entry
    return None


def _after_kind_nouns(ctx: DocContext) -> None:
    """ "fastighetsbolaget Specialfastigheter": the capitalised words after a kind noun."""
    doc = ctx.doc
    for token in doc[:-1]:
        if not token.lower_.endswith(KIND_NOUN_ENDINGS):
            continue
        if not (token.is_lower or token.i == token.sent.start):
            continue  # "Fackförbundet" capitalised inside a sentence is a name itself
        end = token.i + 1
        while end < token.sent.end and _capitalised_word(doc[end]) and not _named(ctx, doc[end]):
            end += 1
        if end > token.i + 1:
            ctx.add(ctx.mention(doc[token.i + 1 : end], "Organization"))


def _capitalised_runs(ctx: DocContext) -> None:
    """Capitalised words in a row inside a sentence, more than the names found in them."""
    doc = ctx.doc
    i = 0
    while i < len(doc):
        token = doc[i]
        # a known name may open the sentence: "Luleå Science Park är …"
        if not _capitalised_word(token) or (_starts_clause(token) and not ctx.mentions_at(token)):
            i += 1
            continue
        end = i
        while end < token.sent.end and _capitalised_word(doc[end]):
            end += 1
        if end - i >= 2:
            _add_run(ctx, doc[i:end])
        i = max(end, i + 1)


def _add_run(ctx: DocContext, run: Span) -> None:
    inside = {m for t in run for m in ctx.mentions_at(t)}
    if any(m.cls in ("Person", "Office", "Project") for m in inside):
        return
    spans = [ctx.span(m) for m in inside]
    if any(s is None or s.start < run.start or s.end > run.end for s in spans):
        return  # a name that starts before the run or goes on after it
    if any(s is not None and (s.start, s.end) == (run.start, run.end) for s in spans):
        return  # the run is one name already
    bare = [t for t in run if not ctx.mentions_at(t)]
    if not bare or all(t.lower_ in gazetteers.titles() for t in bare):
        return  # "Diös Borlänge" is two names; "Skatteverket Generaldirektör" no name
    if all(m.cls == "Place" and m.key for m in inside) and len(inside) > 1:
        return
    if _genitive_owner(ctx, bare[0]):
        return  # "Sveriges Radios Kaliber": something of an organisation, not one
    for m in inside:
        if m.cls == "Place":
            ctx.discard(m)  # "Luleå Science Park", "Diös Fastigheter": part of the name
    ctx.add(ctx.mention(run, "Organization"))


def add_ner_organisation(ctx: DocContext, span: Span) -> bool:
    """A multi-word ORG the NER found, written as a name inside a sentence ("Svenska Röda
    Korset"), which the general name test (a proper noun in it) would throw away."""
    words = [t for t in span if t.is_alpha]
    if len(words) < 2 or _starts_clause(span[0]) or not all(_capitalised_word(t) for t in words):
        return False
    if any(ctx.mentions_at(t) for t in span):
        return False
    ctx.add(ctx.mention(span, "Organization"))
    return True


def _genitive_owner(ctx: DocContext, token: Token) -> bool:
    """Right after a curated name in the genitive ("Sveriges Radios …")."""
    if token.i == 0:
        return False
    before = token.doc[token.i - 1]
    return any(
        m.key and before.text.endswith("s") and not gazetteers.by_id(m.key).label.endswith("s")
        for m in ctx.mentions_at(before)
        if m.cls in ("Agency", "Organization")
    )


def _capitalised_word(token: Token) -> bool:
    return token.is_alpha and token.text[:1].isupper() and not token.is_upper


def _named(ctx: DocContext, token: Token) -> Mention | None:
    return next(iter(ctx.mentions_at(token)), None)


def _starts_clause(token: Token) -> bool:
    """First in its sentence, or after a mark that opens a clause (a dash, a colon, a quote)."""
    if token.is_sent_start or token.i == token.sent.start:
        return True
    before = token.doc[token.i - 1]
    return not (before.is_alpha or before.text == ",")
