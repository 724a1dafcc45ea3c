"""`lexicon_pos_constraint`: the dictionary's word classes as a check on the tags of unseen words.

The morphologizer learnt its tags from a small treebank; on words it never
saw it guesses from spelling and context, and in news (a quarter of whose
words Talbanken lacks) it often guesses a class the word cannot have. The
hunspell-sv dictionary (hunspell.py) knows how most of those words inflect,
and an inflection class narrows the part of speech: a form made by a noun's
definite suffix is a noun.

graph/model/config.cfg names this factory and graph/model/lexicon_pos_constraint/
holds its table, learnt from the training data by training.lexicon: for each
signature, how often the rare training words with it had each part of speech.
The component runs right after the morphologizer (the lemmatizers after it
read the tags). For a word the training data lacks, not a name, number or
punctuation, whose tag the dictionary's classes rule out, it takes the
morphologizer's best-scoring label whose part of speech they allow, so the
morphological features change with the tag.

The dictionary is read from the installed hunspell-sv package the first time
a document needs it. Without the package, the component warns once and
changes nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import numpy
import srsly
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.pipeline import Morphologizer
from spacy.tokens import Doc

from graph.nlp.hunspell import HunspellSignatures, installed_dictionary_dir, signatures_or_warning
from graph.nlp.lemmas import LEMMA_LOOKUP, LemmaLookupFallback

LEXICON_POS = "lexicon_pos_constraint"
MORPHOLOGIZER = "morphologizer"
# A share of a signature's words below this is noise (a tagging slip in the
# treebank, a rare homograph), not a part of speech the form may have.
MIN_SHARE = 0.15
# The model knows names, numbers and punctuation from their shape and place
# better than an inflection class does.
KEPT_POS = ("PROPN", "NUM", "PUNCT", "SYM")

SignatureTable = dict[str, dict[str, int]]  # signature -> part of speech -> training words


@Language.factory(
    LEXICON_POS,
    default_config={
        "morphologizer": MORPHOLOGIZER,
        "known_forms_from": LEMMA_LOOKUP,
        "min_share": MIN_SHARE,
        "dictionary": "",
    },
)
def make_lexicon_pos(
    nlp: Language,
    name: str,
    *,
    morphologizer: str,
    known_forms_from: str,
    min_share: float,
    dictionary: str,
) -> LexiconPosConstraint:
    """Create the constraint (table filled by training.lexicon).

    `dictionary` is the folder of hunspell-sv's files; empty means where pip
    installed the package.
    """
    directory = Path(dictionary) if dictionary else installed_dictionary_dir()
    return LexiconPosConstraint(nlp, name, morphologizer, known_forms_from, min_share, directory)


class LexiconPosConstraint:
    """Keep the tag of an unseen word among the parts of speech its dictionary classes allow."""

    TABLE_FILE = "signature_pos.json"

    def __init__(
        self,
        nlp: Language,
        name: str,
        morphologizer: str,
        known_forms_from: str,
        min_share: float,
        dictionary: Path,
    ) -> None:
        # The other pipes are looked up at the first document: when spaCy
        # builds this one, the morphologizer has no labels yet and the pipe
        # holding the known forms does not exist yet.
        self.nlp = nlp
        self.name = name
        self.morphologizer_name = morphologizer
        self.known_forms_from = known_forms_from
        self.min_share = min_share
        self.dictionary = dictionary
        self.table: SignatureTable = {}
        self._signatures: HunspellSignatures | None = None
        self._dictionary_checked = False
        self._known_forms: frozenset[str] | None = None
        self._label_pos: numpy.ndarray | None = None

    def set_table(self, table: SignatureTable) -> None:
        """Fill the signature table (done by training.lexicon)."""
        self.table = table

    def allowed_pos(self, signatures: Iterable[str]) -> set[str]:
        """The parts of speech that a form with these signatures may have.

        Each known signature votes with its distribution over parts of speech,
        scaled to one, so a rare class weighs as much as a common one.
        """
        pooled: defaultdict[str, float] = defaultdict(float)
        for signature in signatures:
            counts = self.table.get(signature)
            if counts:
                words = sum(counts.values())
                for pos, count in counts.items():
                    pooled[pos] += count / words
        votes = sum(pooled.values())
        return {pos for pos, share in pooled.items() if share >= self.min_share * votes}

    def __call__(self, doc: Doc) -> Doc:
        signatures = self._dictionary()
        if signatures is None or not self.table:
            return doc
        known = self._known()
        kept = {POS_IDS[pos] for pos in KEPT_POS}
        scores: numpy.ndarray | None = None
        for token in doc:
            if token.pos in kept or not token.is_alpha or token.lower_ in known:
                continue
            allowed = self.allowed_pos(signatures.lookup(token.text))
            if not allowed or token.pos_ in allowed:
                continue
            morphologizer = self._morphologizer()
            if scores is None:
                # The label scores from the tensor the tok2vec left on the doc:
                # only the morphologizer's output layer runs again.
                scores = morphologizer.model.predict([doc])[0]
            label_pos = self._labels_pos(morphologizer)
            allowed_labels = numpy.isin(label_pos, list(allowed))
            best = int(numpy.where(allowed_labels, scores[token.i], -1).argmax())
            label = morphologizer.labels[best]
            token.pos_ = str(label_pos[best])
            # spaCy's type stubs lack Token.set_morph, which the Cython class has.
            token.set_morph(morphologizer.cfg["labels_morph"][label])  # type: ignore[attr-defined]
        return doc

    def _dictionary(self) -> HunspellSignatures | None:
        if not self._dictionary_checked:
            self._dictionary_checked = True
            self._signatures = signatures_or_warning(
                self.dictionary, f"{self.name}: unseen words keep the tags the model gave them"
            )
        return self._signatures

    def _morphologizer(self) -> Morphologizer:
        morphologizer = self.nlp.get_pipe(self.morphologizer_name)
        assert isinstance(morphologizer, Morphologizer)
        return morphologizer

    def _known(self) -> frozenset[str]:
        """The training forms, lower-case: "Beslutet" is no new word after "beslutet"."""
        if self._known_forms is None:
            lookup = self.nlp.get_pipe(self.known_forms_from)
            assert isinstance(lookup, LemmaLookupFallback)
            self._known_forms = frozenset(form.lower() for form in lookup.known_forms)
        return self._known_forms

    def _labels_pos(self, morphologizer: Morphologizer) -> numpy.ndarray:
        """The part of speech of each morphologizer label, in the order of its scores."""
        if self._label_pos is None:
            pos_ids = morphologizer.cfg["labels_pos"]
            strings = self.nlp.vocab.strings
            self._label_pos = numpy.array(
                [strings[pos_ids[lab]] if pos_ids[lab] else "" for lab in morphologizer.labels]
            )
        return self._label_pos

    def to_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / self.TABLE_FILE, self.table)

    def from_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> LexiconPosConstraint:
        self.set_table(srsly.read_json(Path(path) / self.TABLE_FILE))
        return self
