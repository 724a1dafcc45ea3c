"""Convert the shared data sets into spaCy's binary training files.

    python -m training.convert

writes training/corpus/: the Talbanken syntax train/dev split, the NER
train/dev sets and the raw sentences used for pretraining. PUD and the two
NER test splits are not converted: only training/evaluate.py reads them.
"""

from __future__ import annotations

from pathlib import Path

import spacy
import srsly
from spacy.tokens import Doc, DocBin

from training import conllu, ner_data, paths

SENTENCES_PER_DOC = 10
# Every DEV_EVERY-th group of sentences is the dev slice (10 %) for picking checkpoints.
DEV_EVERY = 10


def split_dev(docs: list[Doc]) -> tuple[list[Doc], list[Doc]]:
    """Split Docs into (train, dev), taking every DEV_EVERY-th Doc for dev.

    Spreading the dev slice over the whole treebank keeps all its genres in both halves.
    """
    train = [doc for i, doc in enumerate(docs) if i % DEV_EVERY != DEV_EVERY - 1]
    dev = [doc for i, doc in enumerate(docs) if i % DEV_EVERY == DEV_EVERY - 1]
    return train, dev


def save(docs: list[Doc], path: Path) -> None:
    """Write Docs to a .spacy file and say how much went in."""
    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs, store_user_data=False).to_disk(path)
    words = sum(len(doc) for doc in docs)
    print(f"{path.relative_to(paths.REPO_DIR)}: {len(docs)} docs, {words} words")


def convert() -> None:
    """Write every training file under training/corpus/."""
    vocab = spacy.blank("sv").vocab
    talbanken = [
        doc for path in paths.TALBANKEN for doc in conllu.read_docs(path, vocab, SENTENCES_PER_DOC)
    ]
    syntax_train, syntax_dev = split_dev(talbanken)
    save(syntax_train, paths.SYNTAX_TRAIN)
    save(syntax_dev, paths.SYNTAX_DEV)

    uner_train = ner_data.group_docs(vocab, ner_data.read_iob2(paths.UNER_TRAIN), SENTENCES_PER_DOC)
    news_train = ner_data.group_docs(
        vocab, ner_data.read_ner_corpus(paths.NER_CORPUS_TRAIN), SENTENCES_PER_DOC
    )
    # UNER's dev split holds only 23 names, too few to pick checkpoints by:
    # 10 % of the news corpus joins it.
    news_train, news_dev = split_dev(news_train)
    uner_dev = ner_data.group_docs(vocab, ner_data.read_iob2(paths.UNER_DEV), SENTENCES_PER_DOC)
    save(uner_train + news_train, paths.NER_TRAIN)
    save(uner_dev + news_dev, paths.NER_DEV)

    # Raw text for `spacy pretrain`: the sentences of the training sets
    # (CC BY / CC BY-SA, so weights learnt from them may ship).
    raw = [
        {"text": sent.text} for doc in uner_train + news_train + syntax_train for sent in doc.sents
    ]
    srsly.write_jsonl(paths.RAW_TEXT, raw)
    print(f"{paths.RAW_TEXT.relative_to(paths.REPO_DIR)}: {len(raw)} sentences")


if __name__ == "__main__":
    convert()
