"""Learn the table of `lexicon_pos_constraint` and add the component to the shipped pipeline.

    python -m training.lexicon

loads graph/model/, measures UPOS on the held-out Talbanken slice
(training/corpus/syntax-dev.spacy) without and with the component, adds it
right after the morphologizer with its table learnt from the training slice,
and writes the pipeline back, without training anything again, if UPOS on
the dev slice went up.
training.build calls `add_lexicon_pos` too, so a full rebuild has it.

The table says, for each hunspell-sv signature (graph/nlp/hunspell.py), how
many training words with it had each part of speech. It learns from the rare
words of the training slice only (seen at most RARE times): those are the
ones that resemble the unseen words the component deals with; the frequent
ones are mostly function words, whose classes would swamp the table.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from graph.nlp import LEMMA_LOOKUP, LEXICON_POS, MODEL_DIR, LexiconPosConstraint
from graph.nlp.hunspell import HunspellSignatures, hunspell_signatures, installed_dictionary_dir
from graph.nlp.lemmas import LemmaLookupFallback
from graph.nlp.lexicon import KEPT_POS, MORPHOLOGIZER, SignatureTable
from training import paths, scoring

RARE = 2  # a training word seen at most this often (any case) behaves like an unseen one
# The pipes that set the tags (the lexicon constraint goes between or after them).
TAGGING_PIPES = ("tok2vec", MORPHOLOGIZER)


def read_docs(corpus: Path, nlp: Language) -> list[Doc]:
    """The gold documents of a .spacy file."""
    return list(DocBin().from_disk(corpus).get_docs(nlp.vocab))


def learn_signature_table(docs: Iterable[Doc], signatures: HunspellSignatures) -> SignatureTable:
    """Signature -> part of speech -> number of rare training words (form and tag) with both."""
    tokens = [token for doc in docs for token in doc]
    frequency = Counter(token.lower_ for token in tokens)
    rare_words = {(token.text, token.pos_) for token in tokens if frequency[token.lower_] <= RARE}
    table: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for form, pos in rare_words:
        for signature in signatures.lookup(form):
            table[signature][pos] += 1
    return {signature: dict(counts) for signature, counts in sorted(table.items())}


def installed_signatures() -> HunspellSignatures:
    """The installed hunspell-sv dictionary; training cannot do without it."""
    signatures = hunspell_signatures(installed_dictionary_dir())
    if signatures is None:
        raise RuntimeError("hunspell-sv is not installed: pip install hunspell-sv")
    return signatures


def add_lexicon_pos(nlp: Language) -> None:
    """Add (or replace) the constraint right after the morphologizer, its table learnt."""
    if LEXICON_POS in nlp.pipe_names:
        nlp.remove_pipe(LEXICON_POS)
    constraint = nlp.add_pipe(LEXICON_POS, after=MORPHOLOGIZER)
    assert isinstance(constraint, LexiconPosConstraint)
    train = read_docs(paths.SYNTAX_TRAIN, nlp)
    constraint.set_table(learn_signature_table(train, installed_signatures()))


def score_upos(nlp: Language, gold: list[Doc], *, with_lexicon: bool) -> scoring.SeenUnseen:
    """UPOS of the tagging pipes (and the constraint) on the gold tokens of `gold`.

    Unseen means: a word (letters only, not a name, number or punctuation in
    the gold) whose lower-case form the training data lacks, as the component
    decides it.
    """
    lookup = nlp.get_pipe(LEMMA_LOOKUP)
    assert isinstance(lookup, LemmaLookupFallback)
    known = {form.lower() for form in lookup.known_forms}
    pipes = [*TAGGING_PIPES, LEXICON_POS] if with_lexicon else list(TAGGING_PIPES)
    return scoring.seen_unseen(_outcomes(nlp, gold, pipes, known))


def _outcomes(
    nlp: Language, gold: list[Doc], pipes: list[str], known: set[str]
) -> Iterator[tuple[bool, bool]]:
    for example in scoring.gold_examples(nlp, gold):
        doc = example.predicted
        for name in pipes:
            doc = nlp.get_pipe(name)(doc)
        for predicted, true in zip(doc, example.reference, strict=True):
            unseen = true.is_alpha and true.lower_ not in known and true.pos_ not in KEPT_POS
            yield predicted.pos_ == true.pos_, unseen


def main() -> None:
    """Measure on the dev slice, add the component to graph/model/ and write it back."""
    nlp = spacy.load(MODEL_DIR)
    add_lexicon_pos(nlp)
    dev = read_docs(paths.SYNTAX_DEV, nlp)
    before = score_upos(nlp, dev, with_lexicon=False)
    after = score_upos(nlp, dev, with_lexicon=True)
    print(f"dev slice ({before.tokens} tokens, {before.unseen_tokens} unseen words)")
    print(f"  UPOS   without {before.accuracy:.4f}  with {after.accuracy:.4f}")
    print(f"  unseen without {before.unseen_accuracy:.4f}  with {after.unseen_accuracy:.4f}")
    if after.accuracy <= before.accuracy:
        print(f"no gain on the dev slice: {MODEL_DIR} left as it was")
        return
    nlp.to_disk(MODEL_DIR)
    print(f"wrote {MODEL_DIR} with {LEXICON_POS} after {MORPHOLOGIZER}")


if __name__ == "__main__":
    main()
