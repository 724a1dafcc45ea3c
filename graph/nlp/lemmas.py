"""`lemma_lookup_fallback`: the shipped pipeline's mend for the trained lemmatizer.

graph/model/config.cfg names this factory, so the model loads only once this
module has been imported (importing `graph.nlp` does that). training.build
adds the component and fills its table; it runs right after the trained
lemmatizer.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import srsly
from simplemma.strategies.dictionaries import DefaultDictionaryFactory
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc

LEMMA_LOOKUP = "lemma_lookup_fallback"

# Word classes whose unseen forms the lookup table lemmatizes better than the
# trained edit trees; closed classes are all in the treebank already.
OPEN_CLASSES = ("NOUN", "VERB", "ADJ", "ADV")
PROPER_NOUN = "PROPN"  # a name is its own lemma, capitals and all

# How a lemma is made from a form of some part of speech: the ending cut off,
# the ending put on, the lemma's last letter ("ökade" ADJ -> "ökad" is
# ("ADJ", "e", "", "d"); the verb "öka" would be ("ADJ", "de", "", "a")).
LemmaEdit = tuple[str, str, str, str]


def lemma_edit(pos: str, form: str, lemma: str) -> LemmaEdit:
    """The edit that turns `form`, a word of part of speech `pos`, into `lemma`."""
    form, lemma = form.lower(), lemma.lower()
    kept = next(
        (i for i, (a, b) in enumerate(zip(form, lemma, strict=False)) if a != b),
        min(len(form), len(lemma)),
    )
    return (pos, form[kept:], lemma[kept:], lemma[-1:])


@Language.factory(LEMMA_LOOKUP, default_config={"pos": list(OPEN_CLASSES)})
def make_lemma_lookup(nlp: Language, name: str, *, pos: list[str]) -> LemmaLookupFallback:
    """Create the lookup fallback of the trained lemmatizer (table filled by training.build)."""
    return LemmaLookupFallback(pos)


class LemmaLookupFallback:
    """Mend the trained lemmatizer's guesses with a large lookup table.

    The trained lemmatizer learns edit trees from a small treebank. On word
    forms it never saw, capitalised forms of known words included, it often
    guesses wrong, and sometimes it builds strings that are no word at all
    ("Flickornama"). A large form-to-lemma table (spacy-lookups-data's
    Swedish table, copied into the pipeline) knows most of those words.

    - `table`: lower-case form to lemma, simplemma's entries over `own_table`'s;
    - `known_forms`: the exact forms of the training data, whose lemmas the
      trained lemmatizer learnt in the treebank's own conventions;
    - `lemmas`: every lemma of the training data and of the own table; a
      predicted lemma outside it is a failed guess;
    - `edits`: the form-to-lemma edits (`lemma_edit`) of the training data's
      open-class words. The tables know no parts of speech: for the
      adjective "född" they give the verb "föda", for the noun "försök" the
      verb "försöka". An entry whose edit the treebank never makes for the
      word's part of speech is taken for a homograph of another class, and
      the trained lemma stays if it is a word (`keeps_trained`).

    Sentence-initial capitals are not part of a common word's lemma.

    `own_table` (spacy-lookups-data's, in the pipeline) covers only about half
    of Talbanken's word types; simplemma's table (`simplemma_language`, read
    from the installed package at load time) covers nine in ten, and its
    lemmas win where both tables know a form: on the held-out Talbanken slice
    that gives the better lemmas (training.lemma_sources measures it).
    """

    TABLE_FILE = "table.json.gz"  # compressed: about 2 MB instead of 16
    KNOWN_FORMS_FILE = "known_forms.json.gz"
    TRAINING_LEMMAS_FILE = "training_lemmas.json.gz"
    SIMPLEMMA_FILE = "simplemma.json"  # {"language": "sv"}; no file: own table only
    EDITS_FILE = "edits.json"  # no file: every entry of the tables is taken

    def __init__(self, pos: Iterable[str]) -> None:
        self.pos = frozenset(pos)
        self.own_table: dict[str, str] = {}
        self.simplemma_language: str | None = None
        self.table: dict[str, str] = {}
        self.known_forms: frozenset[str] = frozenset()
        self.training_lemmas: frozenset[str] = frozenset()
        self.lemmas: frozenset[str] = frozenset()
        self.edits: frozenset[LemmaEdit] = frozenset()

    def set_data(
        self,
        table: dict[str, str],
        known_forms: Iterable[str],
        training_lemmas: Iterable[str],
        *,
        simplemma_language: str | None = None,
        edits: Iterable[LemmaEdit] = (),
    ) -> None:
        """Fill the tables and the training vocabulary (done by training.build)."""
        self.own_table = table
        self.simplemma_language = simplemma_language
        preferred = simplemma_table(simplemma_language) if simplemma_language else {}
        self.table = {**table, **preferred}
        self.known_forms = frozenset(known_forms)
        self.training_lemmas = frozenset(training_lemmas)
        self.lemmas = self.training_lemmas | frozenset(table.values())
        self.edits = frozenset(edits)

    def __call__(self, doc: Doc) -> Doc:
        # Integer POS ids and as few string attributes as possible: this runs
        # on every token and would otherwise cost a tenth of the pipeline's time.
        open_classes = {POS_IDS[pos] for pos in self.pos}
        for token in doc:
            if token.pos == POS_IDS[PROPER_NOUN]:
                continue
            looked_up = self.table.get(token.lower_)
            if looked_up is not None:
                lemma = token.lemma_
                if lemma == looked_up:
                    continue
                unseen = token.pos in open_classes and token.text not in self.known_forms
                if (unseen or lemma not in self.lemmas) and not self.keeps_trained(
                    token.pos_, token.text, lemma, looked_up
                ):
                    token.lemma_ = looked_up
                    continue
            if token.is_title:
                lemma = token.lemma_
                if lemma[:1].isupper():
                    token.lemma_ = lemma.lower()
        return doc

    def keeps_trained(self, pos: str, form: str, trained: str, looked_up: str) -> bool:
        """Whether the trained lemma beats the table's for a `pos` word `form`.

        It does for an open-class word when the treebank never makes a `pos`
        lemma the way the table's comes from the form, and the trained one is a
        word: the form itself ("född" stays "född", not the verb "föda") or a
        lemma known to the tables.
        """
        if pos not in self.pos or not self.edits or lemma_edit(pos, form, looked_up) in self.edits:
            return False
        return trained == form.lower() or trained in self.lemmas

    def to_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_gzip_json(path / self.TABLE_FILE, self.own_table)
        srsly.write_gzip_json(path / self.KNOWN_FORMS_FILE, sorted(self.known_forms))
        srsly.write_gzip_json(path / self.TRAINING_LEMMAS_FILE, sorted(self.training_lemmas))
        simplemma_file = path / self.SIMPLEMMA_FILE
        if self.simplemma_language:
            srsly.write_json(simplemma_file, {"language": self.simplemma_language})
        else:
            simplemma_file.unlink(missing_ok=True)
        edits_file = path / self.EDITS_FILE
        if self.edits:
            srsly.write_json(edits_file, sorted(self.edits))
        else:
            edits_file.unlink(missing_ok=True)

    def from_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> LemmaLookupFallback:
        path = Path(path)
        simplemma_file = path / self.SIMPLEMMA_FILE
        simplemma = srsly.read_json(simplemma_file) if simplemma_file.exists() else {}
        edits_file = path / self.EDITS_FILE
        edits = srsly.read_json(edits_file) if edits_file.exists() else []
        self.set_data(
            srsly.read_gzip_json(path / self.TABLE_FILE),
            srsly.read_gzip_json(path / self.KNOWN_FORMS_FILE),
            srsly.read_gzip_json(path / self.TRAINING_LEMMAS_FILE),
            simplemma_language=simplemma.get("language"),
            edits=(tuple(edit) for edit in edits),
        )
        return self


def simplemma_table(language: str) -> dict[str, str]:
    """simplemma's form-to-lemma table for `language`, lower-case forms only.

    The table ships inside the simplemma package (MIT), so reading it needs no
    network. As in the own table, a capitalised key is a proper name.
    """
    dictionary = DefaultDictionaryFactory().get_dictionary(language)
    return {form: lemma for form, lemma in dictionary.items() if form.islower()}
