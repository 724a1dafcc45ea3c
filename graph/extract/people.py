"""People's names that the statistical NER missed, found by what stands around them.

Swedish news introduces people by full name, and says who they are as it does:

    after a title            enhetschefen Hans Tynelius, generaldirektören Irene Wennemo
    after a speech verb      säger Charlott Ax, berättar Marie-Louise Löfvenholm
    after "kollegan"         kollegan Martin Fransson
    before ", (tidigare) title"   Martin Holmgren, tidigare överdirektör på …
                                  (the name alone on its line, the comma opening the next)
    before a party letter    Anna Berg (V)
    as bare proper nouns     two or three capitalised PROPN in a row the NER left alone

A name is two or three capitalised words; after the first, a word the gazetteer
knows as a place may be a surname ("Anna Berg", "Per Holm").
"""

from __future__ import annotations

from spacy.lang.sv.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from graph import gazetteers
from graph.extract.lexicon import is_speech_verb

#: Words between a comma and a title that make it a former or new one ("tidigare överdirektör").
FORMER_WORDS = {"tidigare", "förre", "förra", "dåvarande", "f.d.", "nye", "nya", "ny"}
#: Nouns that, like a title, are followed by a person's name: "kollegan Martin Fransson".
NAME_CUES = {"kollegan", "kollegorna", "kollegerna", "kollega"}


def cued_names(doc: Doc) -> list[Span]:
    """Every span the cues above mark as a person's name (label PER)."""
    return _cued_names(doc) + _proper_noun_runs(doc)


def _cued_names(doc: Doc) -> list[Span]:
    titles = gazetteers.titles()
    letters = gazetteers.party_letters()
    found: list[Span] = []
    for cue in doc:
        if cue.lower_ in titles or cue.lower_ in NAME_CUES or is_speech_verb(cue):
            found.extend(_name_after(doc, cue))
        if cue.lower_ in titles:
            found.extend(_name_before(doc, cue, skip=FORMER_WORDS, separator=","))
        if (
            cue.text == "("
            and cue.i + 2 < len(doc)
            and doc[cue.i + 1].text in letters
            and doc[cue.i + 2].text == ")"
        ):
            found.extend(_name_before(doc, doc[cue.i + 1], skip=set(), separator="("))
    return found


def _proper_noun_runs(doc: Doc) -> list[Span]:
    """Two or three capitalised proper nouns in a row that neither the gazetteers nor the NER
    named: in Swedish, which capitalises only the first word of other names, that is a
    person ("Marie-Louise Löfvenholm")."""
    found: list[Span] = []
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and j - i < 4 and _bare_proper_noun(doc[j]):
            j += 1
        if 2 <= j - i <= 3 and (i == 0 or not doc[i - 1].text[:1].isupper()):
            found.append(Span(doc, i, j, label="PER"))
        i = max(j, i + 1)
    return found


def _bare_proper_noun(token: Token) -> bool:
    return token.pos_ == "PROPN" and not token.ent_type_ and is_name_word(token, True)


def _name_after(doc: Doc, cue: Token) -> list[Span]:
    """Two or three name words right after a cue, and no more."""
    end = cue.i + 1
    while end < min(cue.i + 4, len(doc)) and is_name_word(doc[end], end == cue.i + 1):
        end += 1
    if end - cue.i - 1 >= 2 and (end == len(doc) or not is_name_word(doc[end], False)):
        return [Span(doc, cue.i + 1, end, label="PER")]
    return []


def _name_before(doc: Doc, cue: Token, *, skip: set[str], separator: str) -> list[Span]:
    """Two or three name words ending right before `separator` (and a skipped word) and cue:
    "Martin Holmgren , tidigare överdirektör", "Anna Berg ( V )"."""
    i = cue.i - 1
    if i >= 0 and doc[i].lower_ in skip:
        i -= 1
    if i < 2 or doc[i].text != separator:
        return []
    end = i
    while end > 0 and doc[end - 1].is_space:
        end -= 1  # a name alone on its line, the title on the next: "Anna Berg\n, professor"
    start = end
    while start > max(end - 3, 0) and is_name_word(doc[start - 1], False):
        start -= 1
    if end - start >= 2 and is_name_word(doc[start], True):
        return [Span(doc, start, end, label="PER")]
    return []


def is_name_word(token: Token, first: bool) -> bool:
    """A capitalised word that may be part of a person's name: not a title, not a curated
    name (but a place name may be a surname after a first name)."""
    text = token.text.replace("-", "")
    curated = bool(token.ent_id_) and (first or token.ent_type_ != "Place")
    function_word = token.lower_ in STOP_WORDS and token.pos_ != "PROPN"  # "Enligt", not "Hans"
    return (
        text.isalpha()
        and token.text[0].isupper()
        and not curated
        and not function_word
        and token.lower_ not in gazetteers.titles()
    )
