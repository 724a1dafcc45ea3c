"""Score a pipeline on gold data: syntax on CoNLL-U, names on NER test sets, speed.

Every figure runs the pipeline on the gold tokens (words and spaces taken
from the gold Doc) and compares with spaCy's Scorer, so tokenisation errors
do not blur the tag, tree and name figures.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from spacy.language import Language
from spacy.scorer import get_ner_prf
from spacy.tokens import Doc, Span
from spacy.training import Example

from training.ner_data import LABELS

BATCH_SIZE = 256


class SeenUnseen(NamedTuple):
    """An accuracy over all gold tokens, and over the words the training data lacks."""

    tokens: int
    accuracy: float
    unseen_tokens: int
    unseen_accuracy: float


def seen_unseen(outcomes: Iterable[tuple[bool, bool]]) -> SeenUnseen:
    """Score (right, unseen) pairs, one per gold token."""
    tokens = right = unseen = unseen_right = 0
    for correct, new in outcomes:
        tokens += 1
        right += correct
        unseen += new
        unseen_right += correct and new
    return SeenUnseen(tokens, right / max(1, tokens), unseen, unseen_right / max(1, unseen))


class SyntaxScores(NamedTuple):
    """Token- and tree-level accuracies; UAS/LAS leave out punctuation (spaCy's convention)."""

    upos: float
    morph: float
    lemma: float
    uas: float
    las: float
    sentences: int
    words: int


class LabelScores(NamedTuple):
    """Exact-span precision, recall and F1 for one entity label."""

    precision: float
    recall: float
    f1: float


class NerScores(NamedTuple):
    """Per-label and micro-averaged entity scores on one test set."""

    per_label: dict[str, LabelScores]
    micro: LabelScores
    sentences: int


def gold_examples(nlp: Language, gold_docs: Iterable[Doc]) -> list[Example]:
    """Pair each gold Doc with an unannotated Doc of the same tokens."""
    return [Example(_unannotated(nlp, gold), gold) for gold in gold_docs]


def _unannotated(nlp: Language, gold: Doc) -> Doc:
    """A Doc with the tokens and spaces of `gold` and nothing else."""
    return Doc(nlp.vocab, words=[t.text for t in gold], spaces=[bool(t.whitespace_) for t in gold])


def score_syntax(nlp: Language, gold_docs: list[Doc]) -> SyntaxScores:
    """UPOS, morphology, lemma accuracy and UAS/LAS of `nlp` on gold treebank Docs."""
    scores = nlp.evaluate(gold_examples(nlp, gold_docs), batch_size=BATCH_SIZE)
    return SyntaxScores(
        upos=scores["pos_acc"],
        morph=scores["morph_acc"],
        lemma=scores["lemma_acc"],
        uas=scores["dep_uas"],
        las=scores["dep_las"],
        sentences=sum(1 for doc in gold_docs for _ in doc.sents),
        words=sum(len(doc) for doc in gold_docs),
    )


def score_ner(
    nlp: Language, gold_docs: list[Doc], *, renamed: Mapping[str, str] | None = None
) -> NerScores:
    """Precision/recall/F1 per label (PER, ORG, LOC) of `nlp` on gold NER Docs.

    `renamed` maps labels the pipeline predicts to the gold ones before
    scoring (the gazetteer rulers' "Agency" to ORG, say).
    """
    examples = gold_examples(nlp, gold_docs)
    if renamed is None:
        scores = nlp.evaluate(examples, batch_size=BATCH_SIZE)
    else:
        predicted = nlp.pipe((example.predicted for example in examples), batch_size=BATCH_SIZE)
        scores = get_ner_prf(
            Example(_rename_entities(doc, renamed), example.reference)
            for doc, example in zip(predicted, examples, strict=True)
        )
    per_type = scores["ents_per_type"] or {}
    per_label = {
        label: LabelScores(
            per_type.get(label, {}).get("p", 0.0),
            per_type.get(label, {}).get("r", 0.0),
            per_type.get(label, {}).get("f", 0.0),
        )
        for label in LABELS
    }
    micro = LabelScores(scores["ents_p"] or 0.0, scores["ents_r"] or 0.0, scores["ents_f"] or 0.0)
    return NerScores(per_label, micro, sum(1 for doc in gold_docs for _ in doc.sents))


def _rename_entities(doc: Doc, renamed: Mapping[str, str]) -> Doc:
    doc.ents = [
        Span(doc, ent.start, ent.end, label=renamed.get(ent.label_, ent.label_))
        for ent in doc.ents
    ]
    return doc


def words_per_second(nlp: Language, texts: list[str], min_seconds: float = 3.0) -> float:
    """Words per CPU second of `nlp.pipe` over `texts`, repeated for `min_seconds`.

    CPU time of this process, not wall time: on a machine shared with other
    jobs the figure then still says what one core does.
    """
    list(nlp.pipe(texts[:20]))  # warm up: first calls allocate and fill caches
    words = 0
    start = time.process_time()
    while time.process_time() - start < min_seconds:
        words += sum(len(doc) for doc in nlp.pipe(texts, batch_size=BATCH_SIZE))
    return words / (time.process_time() - start)
