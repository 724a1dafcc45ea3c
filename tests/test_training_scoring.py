"""training.scoring's name scores, with a rule pipeline instead of a trained one."""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from training.scoring import score_ner


def ruler_pipeline() -> Language:
    nlp = spacy.blank("sv")
    nlp.add_pipe("entity_ruler").add_patterns(  # type: ignore[attr-defined]
        [{"label": "Agency", "pattern": "Skatteverket"}, {"label": "PER", "pattern": "Anna"}]
    )
    return nlp


def gold(nlp: Language) -> list[Doc]:
    words = ["Anna", "ringde", "Skatteverket", "."]
    doc = Doc(nlp.vocab, words=words, sent_starts=[True, False, False, False])
    doc.ents = [Span(doc, 0, 1, label="PER"), Span(doc, 2, 3, label="ORG")]
    return [doc]


def test_a_label_outside_the_test_set_counts_as_wrong() -> None:
    nlp = ruler_pipeline()
    scores = score_ner(nlp, gold(nlp))
    assert scores.per_label["PER"].f1 == 1.0
    assert scores.per_label["ORG"].recall == 0.0
    assert scores.micro.f1 == 0.5


def test_renamed_labels_are_scored_as_the_gold_ones() -> None:
    nlp = ruler_pipeline()
    scores = score_ner(nlp, gold(nlp), renamed={"Agency": "ORG"})
    assert scores.per_label["ORG"].f1 == 1.0
    assert scores.micro.f1 == 1.0
