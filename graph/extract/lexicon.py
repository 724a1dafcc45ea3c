"""Dependency labels and word tests the extractors share (the words: graph/lang/sv/).

The Swedish pipeline is trained on Universal Dependencies (UD Swedish-
Talbanken), so its labels are UD's: a subject is `nsubj`, a direct object
`obj` (not English spaCy's `dobj`), a prepositional phrase on a verb `obl`
with its preposition as `case`; English-only labels such as `pobj` or
`agent` never occur.
"""

from __future__ import annotations

from spacy.tokens import Token

from graph.lang.sv.verbs import AUXILIARY_LEMMAS, SPEECH_FORMS, SPEECH_LEMMAS

# ------------------------------------------------------------ UD dependency labels
SUBJECTS = ("nsubj", "nsubj:pass")
OBJECTS = ("obj", "iobj")
OBLIQUE = "obl"
CASE = "case"
APPOSITION = "appos"
PARTICLE = "compound:prt"
#: Clause links a subject is inherited through ("har beslutat att säga upp …").
CLAUSE_LINKS = ("xcomp", "conj", "acl", "ccomp", "advcl")


def is_speech_verb(token: Token) -> bool:
    """A verb of saying: by its form (these forms are verbs whatever the tagger says) or,
    for the rarer forms, by a verb's lemma."""
    return token.lower_ in SPEECH_FORMS or (
        token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in SPEECH_LEMMAS
    )


def subjects_of(verb: Token) -> list[Token]:
    """The subjects of a verb, or of the clause it continues ("har beslutat att säga upp …").

    A weak parse may give a verb two, or hang its subject on its auxiliary, even make the
    auxiliary the main verb ("De" → "har" in "De har tidigare arbetat med …"); callers take
    the first that names something.
    """
    for token in (verb, *verb.ancestors):
        found = [child for child in token.children if child.dep_ in SUBJECTS]
        if found:
            return found
        if token.dep_ not in CLAUSE_LINKS and token.head.lemma_ not in AUXILIARY_LEMMAS:
            break
    auxiliaries = {child.i for child in verb.children if child.dep_ in ("aux", "aux:pass")}
    return [
        t
        for t in verb.doc[verb.sent.start : verb.i]
        if t.dep_ in SUBJECTS and (t.head.i in auxiliaries or t.head.dep_ in ("aux", "aux:pass"))
    ]


def accompanies(token: Token) -> bool:
    """A name after "med" ("Tillsammans med kollegan Per Holm har hon lett …") goes with the
    subject and is not it, whatever a weak parse says."""
    before = token.doc[max(token.sent.start, token.i - 3) : token.i]
    return any(t.lower_ == "med" for t in before)
