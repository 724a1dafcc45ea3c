"""Read the two named-entity corpora into spaCy Docs with PER/ORG/LOC spans.

- Universal NER over Talbanken: CoNLL-style IOB2 (id, token, B-/I-/O tag, ...).
- The Swedish NER corpus (Webbnyheter 2012): token, white space, tag with tags
  0/PER/ORG/LOC/MISC, where consecutive equal tags form one entity.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from spacy.tokens import Doc
from spacy.vocab import Vocab

LABELS = ("PER", "ORG", "LOC")
OUTSIDE = "O"

TaggedSentence = list[tuple[str, str]]
"""A sentence as (token, IOB2 tag) pairs, tags restricted to LABELS."""


def read_iob2(path: Path) -> Iterator[TaggedSentence]:
    """Yield the sentences of a Universal NER .iob2 file."""
    sentence: TaggedSentence = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if not line.strip():
            if sentence:
                yield sentence
            sentence = []
            continue
        cols = line.split("\t")
        sentence.append((cols[1], _keep_known(cols[2])))
    if sentence:
        yield sentence


def read_ner_corpus(path: Path) -> Iterator[TaggedSentence]:
    """Yield the sentences of the Swedish NER corpus as IOB2.

    Its tags carry no B/I prefix: a run of equal tags is one entity. MISC is
    not one of our labels and becomes O, which also teaches the model that
    works, products and events are not ORG.
    """
    sentence: TaggedSentence = []
    previous = OUTSIDE
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if sentence:
                yield sentence
            sentence, previous = [], OUTSIDE
            continue
        # The train split separates token and tag by a tab, the test split by spaces.
        token, _, tag = line.rpartition("\t" if "\t" in line else " ")
        token = token.rstrip(" ")
        if not token.strip():
            continue  # a stray white-space character is no token
        label = tag.strip() if tag.strip() in LABELS else OUTSIDE
        iob = OUTSIDE if label == OUTSIDE else ("I-" if label == previous else "B-") + label
        sentence.append((token, iob))
        previous = label
    if sentence:
        yield sentence


def _keep_known(tag: str) -> str:
    """Map any tag outside PER/ORG/LOC to O."""
    return tag if tag[2:] in LABELS else OUTSIDE


def sentences_to_doc(vocab: Vocab, sentences: list[TaggedSentence]) -> Doc:
    """Build one gold Doc (tokens separated by spaces) from consecutive sentences."""
    words = [token for sentence in sentences for token, _ in sentence]
    tags = [tag for sentence in sentences for _, tag in sentence]
    sent_starts: list[bool | int | None] = [
        i == 0 for sentence in sentences for i in range(len(sentence))
    ]
    return Doc(vocab, words=words, ents=tags, sent_starts=sent_starts)


def group_docs(
    vocab: Vocab, sentences: Iterator[TaggedSentence], sentences_per_doc: int
) -> list[Doc]:
    """Group sentences into Docs of `sentences_per_doc` consecutive sentences."""
    listed = list(sentences)
    return [
        sentences_to_doc(vocab, listed[i : i + sentences_per_doc])
        for i in range(0, len(listed), sentences_per_doc)
    ]
