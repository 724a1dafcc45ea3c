"""The Swedish spaCy pipeline, made to hold up on scraped news text.

`load()` returns the trained pipeline shipped in graph/model/ (tags,
morphology, lemmas, dependency trees, PER/ORG/LOC names; see
training/model-card.md) with rule components around it:

- spaced_numbers.py, `merge_spaced_numbers`: "14 000", "5 478" and "2 000,5" (digit
  groups separated by a space, a no-break space or a thin space, as Swedish
  writes thousands) become one token.
- sentences.py, `news_sentence_starts` (before the parser) and
  `news_sentence_repair` (after it): the sentence boundaries follow five
  rules: (1) a newline starts a sentence, (2) a quote dash starts one, (3) a
  full stop, "?" or "!" of its own before a capital starts one unless it
  closes an initial, (4) a word right after a word never starts one, (5)
  abbreviations do not end one; the tokenizer learns a few news
  abbreviations that spaCy's Swedish exceptions lack ("ca.", "jfr.", "mkr.",
  …) for the last rule.
- rulers.py, `add_gazetteer_ruler`: the gazetteers as three EntityRulers
  before the statistical NER: any-case phrase patterns and exact phrase
  patterns right after tokenisation, names that are also ordinary words as
  token patterns after the parser.

The shipped pipeline itself contains three parts defined here: features.py's
tok2vec embedding `myndighetsgraf.LexiconHashEmbed.v1` (each word's
hunspell-sv inflection classes beside its spelling), lemmas.py's
`lemma_lookup_fallback` and lexicon.py's `lexicon_pos_constraint` (the tags
of unseen words checked against the hunspell-sv dictionary); the dictionary
is read at run time from the installed package. Importing this package
registers them, so graph/model/ loads wherever `graph.nlp` has been imported.

Nothing here touches the network: the pipeline is read from disk.
"""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language

from graph.nlp.features import LEXICON_HASH_EMBED, lexicon_hash_embed
from graph.nlp.lemmas import LEMMA_LOOKUP, LemmaLookupFallback, make_lemma_lookup
from graph.nlp.lexicon import LEXICON_POS, LexiconPosConstraint, make_lexicon_pos
from graph.nlp.rulers import GAZETTEER_RULER, add_gazetteer_ruler
from graph.nlp.sentences import (
    EXTRA_ABBREVIATIONS,
    MAY_END_SENTENCE,
    NEWS_SENTENCE_REPAIR,
    NEWS_SENTENCE_STARTS,
    SentenceRules,
    add_news_abbreviations,
    news_sentence_repair,
    news_sentence_rules,
    news_sentence_starts,
)
from graph.nlp.spaced_numbers import SPACED_NUMBERS, merge_spaced_numbers

__all__ = [
    "EXTRA_ABBREVIATIONS",
    "GAZETTEER_RULER",
    "LEMMA_LOOKUP",
    "LEXICON_HASH_EMBED",
    "LEXICON_POS",
    "MAY_END_SENTENCE",
    "MODEL_DIR",
    "NEWS_SENTENCE_REPAIR",
    "NEWS_SENTENCE_STARTS",
    "PARSER",
    "SPACED_NUMBERS",
    "LemmaLookupFallback",
    "LexiconPosConstraint",
    "SentenceRules",
    "add_gazetteer_ruler",
    "add_news_abbreviations",
    "lexicon_hash_embed",
    "load",
    "make_lemma_lookup",
    "make_lexicon_pos",
    "merge_spaced_numbers",
    "news_sentence_repair",
    "news_sentence_rules",
    "news_sentence_starts",
]

MODEL_DIR = Path(__file__).parents[1] / "model"
PARSER = "parser"


def load() -> Language:
    """Load the shipped Swedish pipeline with the news-text rules, as a fresh Language.

    Each call reads graph/model/ again (about a second) so that callers may add or
    remove pipes without affecting one another.
    """
    nlp = spacy.load(MODEL_DIR)
    add_news_abbreviations(nlp)
    nlp.add_pipe(SPACED_NUMBERS, first=True)
    nlp.add_pipe(NEWS_SENTENCE_STARTS, after=SPACED_NUMBERS)
    nlp.add_pipe(NEWS_SENTENCE_REPAIR, after=PARSER)
    add_gazetteer_ruler(nlp)
    return nlp
