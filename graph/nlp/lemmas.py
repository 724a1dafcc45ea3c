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
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc

LEMMA_LOOKUP = "lemma_lookup_fallback"

# Word classes whose unseen forms the lookup table lemmatizes better than the
# trained edit trees; closed classes are all in the treebank already.
OPEN_CLASSES = ("NOUN", "VERB", "ADJ", "ADV")
PROPER_NOUN = "PROPN"  # a name is its own lemma, capitals and all


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

    - `table`: lower-case form to lemma;
    - `known_forms`: the exact forms of the training data, whose lemmas the
      trained lemmatizer learnt in the treebank's own conventions;
    - `lemmas`: every lemma of the training data and of the table; a predicted
      lemma outside it is a failed guess.

    Sentence-initial capitals are not part of a common word's lemma.
    """

    TABLE_FILE = "table.json.gz"  # compressed: about 2 MB instead of 16
    KNOWN_FORMS_FILE = "known_forms.json.gz"
    TRAINING_LEMMAS_FILE = "training_lemmas.json.gz"

    def __init__(self, pos: Iterable[str]) -> None:
        self.pos = frozenset(pos)
        self.table: dict[str, str] = {}
        self.known_forms: frozenset[str] = frozenset()
        self.training_lemmas: frozenset[str] = frozenset()
        self.lemmas: frozenset[str] = frozenset()

    def set_data(
        self, table: dict[str, str], known_forms: Iterable[str], training_lemmas: Iterable[str]
    ) -> None:
        """Fill the table and the training vocabulary (done by training.build)."""
        self.table = table
        self.known_forms = frozenset(known_forms)
        self.training_lemmas = frozenset(training_lemmas)
        self.lemmas = self.training_lemmas | frozenset(table.values())

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
                if unseen or lemma not in self.lemmas:
                    token.lemma_ = looked_up
                    continue
            if token.is_title:
                lemma = token.lemma_
                if lemma[:1].isupper():
                    token.lemma_ = lemma.lower()
        return doc

    def to_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_gzip_json(path / self.TABLE_FILE, self.table)
        srsly.write_gzip_json(path / self.KNOWN_FORMS_FILE, sorted(self.known_forms))
        srsly.write_gzip_json(path / self.TRAINING_LEMMAS_FILE, sorted(self.training_lemmas))

    def from_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> LemmaLookupFallback:
        path = Path(path)
        self.set_data(
            srsly.read_gzip_json(path / self.TABLE_FILE),
            srsly.read_gzip_json(path / self.KNOWN_FORMS_FILE),
            srsly.read_gzip_json(path / self.TRAINING_LEMMAS_FILE),
        )
        return self
