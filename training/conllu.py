"""Read CoNLL-U treebanks (Universal Dependencies) into spaCy Docs.

One reader serves both the conversion of the training data and the PUD
evaluation, so gold tokens, tags, lemmas and trees are read the same way.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from spacy.tokens import Doc
from spacy.vocab import Vocab

# CoNLL-U columns (0-based), see https://universaldependencies.org/format.html
ID, FORM, LEMMA, UPOS, XPOS, FEATS, HEAD, DEPREL, _DEPS, MISC = range(10)
NO_VALUE = "_"


class Sentence(NamedTuple):
    """One CoNLL-U sentence: its id and its ordinary (non-empty, non-range) token rows."""

    sent_id: str
    rows: list[list[str]]


def read_sentences(path: Path) -> Iterator[Sentence]:
    """Yield the sentences of a .conllu file.

    Multiword ranges ("3-4") and empty nodes ("8.1", enhanced dependencies only)
    are skipped: spaCy's tokens are the syntactic words.
    """
    sent_id = ""
    rows: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# sent_id"):
            sent_id = line.split("=", 1)[1].strip()
        elif not line.strip():
            if rows:
                yield Sentence(sent_id, rows)
            sent_id, rows = "", []
        elif not line.startswith("#"):
            cols = line.split("\t")
            if cols[ID].isdigit():
                rows.append(cols)
    if rows:
        yield Sentence(sent_id, rows)


def sentences_to_doc(vocab: Vocab, sentences: list[Sentence]) -> Doc:
    """Build one gold Doc from consecutive sentences.

    Several sentences per Doc let the parser learn sentence boundaries; the
    separate trees of the sentences mark them.
    """
    words: list[str] = []
    spaces: list[bool] = []
    tags: list[str] = []
    pos: list[str] = []
    morphs: list[str] = []
    lemmas: list[str] = []
    heads: list[int] = []
    deps: list[str] = []
    for sentence in sentences:
        offset = len(words)
        for i, cols in enumerate(sentence.rows):
            words.append(cols[FORM])
            spaces.append("SpaceAfter=No" not in cols[MISC].split("|"))
            tags.append(cols[XPOS])
            pos.append(cols[UPOS])
            morphs.append("" if cols[FEATS] == NO_VALUE else cols[FEATS])
            lemmas.append(cols[LEMMA])
            head = int(cols[HEAD])
            # CoNLL-U heads are 1-based within the sentence, 0 for the root;
            # spaCy wants absolute indices, a root pointing at itself.
            heads.append(offset + i if head == 0 else offset + head - 1)
            deps.append(cols[DEPREL])
    return Doc(
        vocab,
        words=words,
        spaces=spaces,
        tags=tags,
        pos=pos,
        morphs=morphs,
        lemmas=lemmas,
        heads=heads,
        deps=deps,
    )


def read_docs(path: Path, vocab: Vocab, sentences_per_doc: int) -> list[Doc]:
    """Read a .conllu file as gold Docs of `sentences_per_doc` consecutive sentences."""
    sentences = list(read_sentences(path))
    return [
        sentences_to_doc(vocab, sentences[i : i + sentences_per_doc])
        for i in range(0, len(sentences), sentences_per_doc)
    ]
