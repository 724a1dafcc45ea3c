"""`myndighetsgraf.orth_variants.v1`: spaCy's orth_variants augmenter, silent at level 0.

Talbanken quotes with ' and dashes with -, Swedish news with " ” » and –;
configs/syntax.cfg gives half of the training documents the news marks
(configs/orth_variants.json) so that the model has seen them. spaCy's own
augmenter draws a random number per document even at level 0, which
reshuffles training; this one then does nothing at all, so training.steps
can switch it off and rerun the earlier steps exactly as they were trained.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example
from spacy.training.augment import create_orth_variants_augmenter, dont_augment
from spacy.util import registry

ORTH_VARIANTS = "myndighetsgraf.orth_variants.v1"
# Talbanken's quote and dash (by their XPOS) as Swedish news mostly writes them.
NEWS_MARKS = {("'", "PAD"): "”", ("-", "MID"): "–"}


@registry.augmenters(ORTH_VARIANTS)
def orth_variants(
    level: float, lower: float, orth_variants: dict[str, list[dict[str, Any]]]
) -> Callable[[Language, Example], Iterator[Example]]:
    """spaCy's `spacy.orth_variants.v1` with the same settings; no augmenter at level 0.

    spaCy's rewrites the forms only: a quote written ” would keep the lemma "'".
    A rewritten mark whose lemma was its form gets its new form as lemma.
    """
    if not level:
        return dont_augment
    augment = create_orth_variants_augmenter(level=level, lower=lower, orth_variants=orth_variants)

    def augment_with_lemmas(nlp: Language, example: Example) -> Iterator[Example]:
        for variant in augment(nlp, example):
            for old, new in zip(example.reference, variant.reference, strict=True):
                if new.text != old.text and old.lemma_ == old.text:
                    new.lemma_ = new.text
            yield variant

    return augment_with_lemmas


def with_news_marks(doc: Doc) -> Doc:
    """A copy of a gold treebank Doc with its quotes and dashes written as in news.

    The fixed counterpart of the augmenter, to measure how a model reads
    news punctuation on the dev slice.
    """
    words = [NEWS_MARKS.get((token.text, token.tag_), token.text) for token in doc]
    return Doc(
        doc.vocab,
        words=words,
        spaces=[bool(token.whitespace_) for token in doc],
        tags=[token.tag_ for token in doc],
        pos=[token.pos_ for token in doc],
        morphs=[str(token.morph) for token in doc],
        lemmas=[NEWS_MARKS.get((token.text, token.tag_), token.lemma_) for token in doc],
        heads=[token.head.i for token in doc],
        deps=[token.dep_ for token in doc],
        sent_starts=[bool(token.is_sent_start) for token in doc],
    )
