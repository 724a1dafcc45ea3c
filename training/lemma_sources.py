"""Choose the lemma tables of `lemma_lookup_fallback` on the held-out Talbanken slice.

    python -m training.lemma_sources

loads graph/model/, runs the pipes up to the trained lemmatizer once on the
gold tokens of training/corpus/syntax-dev.spacy, then measures lemma
accuracy with the fallback fed each of three tables: spacy-lookups-data's
alone, simplemma's filling its gaps, simplemma's preferred; and the last
with the trained lemma kept where the table's entry makes the lemma in a way
the treebank never does for the word's part of speech. If the last beats the
others, it writes only the fallback's data (graph/model/lemma_lookup_fallback/)
back, without training anything again. training.build makes the same choices
on a full rebuild.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from graph.nlp import LEMMA_LOOKUP, MODEL_DIR, LemmaLookupFallback
from graph.nlp.lemmas import OPEN_CLASSES, LemmaEdit, lemma_edit, simplemma_table
from training import paths, scoring
from training.lexicon import read_docs

SIMPLEMMA_LANGUAGE = "sv"
NAME_POS = "PROPN"


class TrainingVocabulary(NamedTuple):
    """What the fallback needs to know of the treebank the lemmatizer learnt from."""

    forms: set[str]  # exact case
    lemmas: set[str]
    edits: set[LemmaEdit]  # of the open-class words


def training_vocabulary(trained_on: Path) -> TrainingVocabulary:
    """The word forms, lemmas and open-class lemma edits in a .spacy training file."""
    docs = list(DocBin().from_disk(trained_on).get_docs(spacy.blank("sv").vocab))
    tokens = [token for doc in docs for token in doc]
    return TrainingVocabulary(
        forms={token.text for token in tokens},
        lemmas={token.lemma_ for token in tokens},
        edits={
            lemma_edit(token.pos_, token.text, token.lemma_)
            for token in tokens
            if token.pos_ in OPEN_CLASSES
        },
    )


class TrainedLemmas(NamedTuple):
    """A dev document tagged and lemmatized by the trained pipes, with its gold twin."""

    predicted: Doc
    trained_lemmas: list[str]
    gold: Doc


def trained_lemmas(nlp: Language, gold: list[Doc]) -> list[TrainedLemmas]:
    """Run the pipes before the fallback on the gold tokens, keeping the trained lemmas."""
    before = nlp.pipe_names[: nlp.pipe_names.index(LEMMA_LOOKUP)]
    documents = []
    for example in scoring.gold_examples(nlp, gold):
        doc = example.predicted
        for name in before:
            doc = nlp.get_pipe(name)(doc)
        documents.append(TrainedLemmas(doc, [token.lemma_ for token in doc], example.reference))
    return documents


def score_lemmas(
    fallback: LemmaLookupFallback, documents: list[TrainedLemmas]
) -> scoring.SeenUnseen:
    """Lemma accuracy after `fallback` mends the trained lemmas.

    Unseen means: a word (letters only, not a name in the gold) whose
    lower-case form the training data lacks.
    """
    known = {form.lower() for form in fallback.known_forms}
    return scoring.seen_unseen(_outcomes(fallback, documents, known))


def _outcomes(
    fallback: LemmaLookupFallback, documents: list[TrainedLemmas], known: set[str]
) -> Iterator[tuple[bool, bool]]:
    for predicted, lemmas, gold in documents:
        for token, lemma in zip(predicted, lemmas, strict=True):
            token.lemma_ = lemma  # every table starts from the trained guesses
        fallback(predicted)
        for token, true in zip(predicted, gold, strict=True):
            unseen = true.is_alpha and true.lower_ not in known and true.pos_ != NAME_POS
            yield token.lemma_ == true.lemma_, unseen


def main() -> None:
    """Measure the tables on the dev slice; keep simplemma preferred and filtered if better."""
    nlp = spacy.load(MODEL_DIR)
    fallback = nlp.get_pipe(LEMMA_LOOKUP)
    assert isinstance(fallback, LemmaLookupFallback)
    own, forms, lemmas = fallback.own_table, fallback.known_forms, fallback.training_lemmas
    documents = trained_lemmas(nlp, read_docs(paths.SYNTAX_DEV, nlp))
    simplemma = simplemma_table(SIMPLEMMA_LANGUAGE)

    fallback.set_data(own, forms, lemmas)
    alone = score_lemmas(fallback, documents)
    fallback.set_data({**simplemma, **own}, forms, lemmas)
    filling = score_lemmas(fallback, documents)
    fallback.set_data(own, forms, lemmas, simplemma_language=SIMPLEMMA_LANGUAGE)
    preferred = score_lemmas(fallback, documents)
    edits = training_vocabulary(paths.SYNTAX_TRAIN).edits
    fallback.set_data(own, forms, lemmas, simplemma_language=SIMPLEMMA_LANGUAGE, edits=edits)
    filtered = score_lemmas(fallback, documents)

    print(f"dev slice ({alone.tokens} tokens, {alone.unseen_tokens} unseen words): lemma, unseen")
    for name, score in [
        ("own table", alone),
        ("simplemma fills", filling),
        ("simplemma preferred", preferred),
        ("  and edits checked", filtered),
    ]:
        print(f"  {name:<20} {score.accuracy:.4f}  {score.unseen_accuracy:.4f}")
    if filtered.accuracy <= max(alone.accuracy, preferred.accuracy):
        print(f"no gain on the dev slice: {MODEL_DIR} left as it was")
        return
    fallback.to_disk(MODEL_DIR / LEMMA_LOOKUP)
    print(f"wrote {MODEL_DIR / LEMMA_LOOKUP} with simplemma's table preferred, edits checked")


if __name__ == "__main__":
    main()
