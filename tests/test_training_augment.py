"""training.augment: news quotes and dashes for a treebank that writes ' and -."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc
from spacy.training import Example
from spacy.training.augment import dont_augment

from training.augment import orth_variants, with_news_marks

VARIANTS = {"single": [], "paired": [{"tags": ["PAD"], "variants": [["'", "'"], ["”", "”"]]}]}


def quoted() -> Doc:
    words = ["Han", "sa", "'", "nej", "'", "-", "typ", "."]
    return Doc(
        spacy.blank("sv").vocab,
        words=words,
        spaces=[True, True, False, False, True, True, False, False],
        tags=["PN", "VB", "PAD", "IN", "PAD", "MID", "AB", "MAD"],
        lemmas=["han", "säga", "'", "nej", "'", "-", "typ", "."],
        heads=[1, 1, 3, 1, 3, 6, 1, 1],
        deps=["nsubj", "ROOT", "punct", "obj", "punct", "punct", "advmod", "punct"],
    )


def test_news_marks_replace_quotes_and_dashes_and_keep_the_tree() -> None:
    gold = quoted()
    news = with_news_marks(gold)
    assert news.text == "Han sa ”nej” – typ."
    assert [t.head.i for t in news] == [t.head.i for t in gold]
    assert [t.tag_ for t in news] == [t.tag_ for t in gold]


def test_level_zero_is_no_augmenter_at_all() -> None:
    assert orth_variants(0.0, 0.0, VARIANTS) is dont_augment


def test_level_one_rewrites_every_document() -> None:
    nlp = spacy.blank("sv")
    gold = quoted()
    augment = orth_variants(1.0, 0.0, VARIANTS)
    variants = [
        next(iter(augment(nlp, Example(nlp.make_doc(gold.text), gold)))).reference
        for _ in range(20)
    ]
    assert {doc.text for doc in variants} <= {gold.text, "Han sa ”nej” - typ."}
    rewritten = [doc for doc in variants if doc.text != gold.text]
    assert rewritten
    assert [t.lemma_ for t in rewritten[0]] == ["han", "säga", "”", "nej", "”", "-", "typ", "."]
