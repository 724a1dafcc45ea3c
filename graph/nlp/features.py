"""`myndighetsgraf.LexiconHashEmbed.v1`: the tok2vec's word features, plus the dictionary's.

spaCy's MultiHashEmbed embeds a word by its spelling (NORM, PREFIX, SUFFIX,
SHAPE). A word the treebank never had gets only its spelling and its
neighbours; this embedding adds one more column: the word's hunspell-sv
signatures (hunspell.py), which say how the dictionary inflects it ("a
definite singular of a noun of class ADGY"). Words the treebank lacks share
their signatures with words it has, so the tagger and parser learn what a
class of word does instead of what each spelling does.

graph/model/config.cfg names this architecture, so the model loads only once
this module has been imported (importing `graph.nlp` does that). The
dictionary is read from the installed hunspell-sv package on the first
document; without it, every word gets the empty signature and the model
still runs, warned once, less well on unseen words.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import cast

import numpy
from spacy.ml.featureextractor import FeatureExtractor
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import (
    HashEmbed,
    Maxout,
    Model,
    chain,
    concatenate,
    list2ragged,
    ragged2list,
    with_array,
)
from thinc.types import Floats2d, Ints2d

from graph.nlp.hunspell import HunspellSignatures, installed_dictionary_dir, signatures_or_warning

LEXICON_HASH_EMBED = "myndighetsgraf.LexiconHashEmbed.v1"
FIRST_SEED = 8  # MultiHashEmbed's: the spelling tables start as spaCy's would
SIGNATURE_SEPARATOR = " "  # signatures hold no spaces


@registry.architectures(LEXICON_HASH_EMBED)
def lexicon_hash_embed(
    width: int, attrs: list[str], rows: list[int], signature_rows: int, dictionary: str = ""
) -> Model[list[Doc], list[Floats2d]]:
    """MultiHashEmbed over `attrs` (no static vectors) plus a table for the signatures.

    `signature_rows` 0 leaves the signatures out: spaCy's MultiHashEmbed, as
    training.steps measures it. `dictionary` is the folder of hunspell-sv's
    files; empty means where pip installed the package.
    """
    if len(rows) != len(attrs):
        raise ValueError(f"Mismatched lengths: {len(rows)} rows for {len(attrs)} attrs")
    tables = [*rows, signature_rows] if signature_rows else rows
    embeddings: list[Model[Ints2d, Floats2d]] = [
        HashEmbed(width, n_rows, column=column, seed=FIRST_SEED + column, dropout=0.0)
        for column, n_rows in enumerate(tables)
    ]
    directory = Path(dictionary) if dictionary else installed_dictionary_dir()
    features = signature_features(attrs, directory) if signature_rows else FeatureExtractor(attrs)
    model: Model[list[Doc], list[Floats2d]] = chain(
        features,
        list2ragged(),
        with_array(concatenate(*embeddings)),
        with_array(Maxout(width, width * len(tables), nP=3, dropout=0.0, normalize=True)),
        ragged2list(),
    )
    return model


def signature_features(attrs: list[str], directory: Path) -> Model[list[Doc], list[Ints2d]]:
    """Per document, the hashed `attrs` of each token and, last, its hashed signatures."""
    return Model(
        "signature_features",
        _forward,
        attrs={"columns": attrs, "signature_ids": SignatureIds(directory)},
    )


def _forward(
    model: Model[list[Doc], list[Ints2d]], docs: list[Doc], is_train: bool
) -> tuple[list[Ints2d], Callable[[list[Ints2d]], list[Doc]]]:
    columns = model.attrs["columns"]
    signature_ids: SignatureIds = model.attrs["signature_ids"]
    features = []
    for doc in docs:
        spelling = doc.to_array(columns).reshape((len(doc), len(columns)))
        signatures = numpy.fromiter(
            (signature_ids.of(token.text) for token in doc), dtype="uint64", count=len(doc)
        )
        both = cast(Ints2d, numpy.hstack([spelling, signatures[:, None]]))
        features.append(model.ops.asarray2i(both, dtype="uint64"))
    return features, lambda d_features: []


class SignatureIds:
    """A word's hunspell signatures as one hash, "" (no analysis) included."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._signatures: HunspellSignatures | None = None
        self._checked = False
        # News repeats its words, and the tok2vec asks for every token.
        self.of = lru_cache(maxsize=200_000)(self._hash)

    def _hash(self, word: str) -> int:
        signatures = self._dictionary()
        found = signatures.lookup(word) if signatures is not None else frozenset()
        return get_string_id(SIGNATURE_SEPARATOR.join(sorted(found)))  # "" is 0

    def _dictionary(self) -> HunspellSignatures | None:
        if not self._checked:
            self._checked = True
            self._signatures = signatures_or_warning(
                self.directory,
                "the tok2vec sees no dictionary classes and tags unseen words less well",
            )
        return self._signatures
