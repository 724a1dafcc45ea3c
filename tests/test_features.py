"""The tok2vec embedding with the hunspell-sv signatures (graph/nlp/features.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from graph.nlp.features import lexicon_hash_embed, signature_features
from graph.nlp.hunspell import installed_dictionary_dir

ATTRS = ["NORM", "PREFIX", "SUFFIX", "SHAPE"]
WIDTH = 16


def doc(words: list[str]) -> Doc:
    return Doc(spacy.blank("sv").vocab, words=words)


def signature_column(words: list[str], directory: Path) -> list[int]:
    features = signature_features(ATTRS, directory).predict([doc(words)])[0]
    assert features.shape == (len(words), len(ATTRS) + 1)
    return [int(value) for value in features[:, -1]]


def test_words_of_one_inflection_share_a_signature_unlike_a_non_word() -> None:
    # Both definite singular forms of nouns that inflect like "bil" (bilen, bilar).
    car, boat, nonsense = signature_column(["bilen", "båten", "xqzvw"], installed_dictionary_dir())
    assert car == boat != 0
    assert nonsense == 0  # the empty signature


def test_a_capital_at_the_start_does_not_change_the_signature() -> None:
    lower, upper = signature_column(["kontoren", "Kontoren"], installed_dictionary_dir())
    assert lower == upper != 0


def test_without_the_dictionary_every_word_has_the_empty_signature(tmp_path: Path) -> None:
    with pytest.warns(UserWarning, match="no hunspell-sv dictionary"):
        assert signature_column(["kontoren", "bilen"], tmp_path) == [0, 0]


@pytest.mark.parametrize("signature_rows", [0, 50])
def test_the_embedding_gives_one_vector_per_token(signature_rows: int) -> None:
    model = lexicon_hash_embed(WIDTH, ATTRS, [100, 50, 50, 20], signature_rows)
    docs = [doc(["Myndigheten", "avvecklar", "kontoren", "."])]
    model.initialize(X=docs)
    (vectors,) = model.predict(docs)
    assert vectors.shape == (4, WIDTH)
