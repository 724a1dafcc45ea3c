"""Sentence boundaries for scraped news text.

`news_sentence_rules` reads the boundaries a tokenized Doc must have:

1. a newline (a paragraph break in scraped text) starts a sentence;
2. a dash opening a quote ("\u2013 Vi tidigarelägger ...") starts one;
3. a full stop, "?" or "!" of its own before a capital starts one, unless it
   closes an initial ("J. Svensson");
4. a word right after a word never starts one ("kollegan Martin Fransson");
5. abbreviations ("bl.a.", "t.ex.", "m.fl.") do not end one.

Two components apply them around the parser: `news_sentence_starts` presets
the starts before it, `news_sentence_repair` joins what it still split.
`add_news_abbreviations` teaches the tokenizer a few news abbreviations that
spaCy's Swedish exceptions lack ("ca.", "jfr.", "mkr.", …), so their period
stays inside the token and is not read as the end of a sentence.
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Token

NEWS_SENTENCE_STARTS = "news_sentence_starts"
NEWS_SENTENCE_REPAIR = "news_sentence_repair"

# Abbreviations missing from spaCy's Swedish tokenizer exceptions that news
# writes before numbers and names, so their period never ends a sentence.
EXTRA_ABBREVIATIONS = ("ca.", "nr.", "jfr.", "enl.", "pga.", "mdr.", "mkr.", "mnkr.", "tkr.")

# Abbreviations that are also common at the very end of a sentence: after
# them a capitalised word is left to the parser to judge.
MAY_END_SENTENCE = frozenset({"m.fl.", "osv.", "o.s.v.", "etc.", "m.m.", "mm."})

SENTENCE_ENDS = frozenset({".", "?", "!"})
QUOTE_DASHES = frozenset({"\u2013", "\u2014", "-"})  # en dash, em dash, hyphen
# Tokens after which a dash opens a new utterance rather than joining words.
BEFORE_QUOTE_DASH = frozenset({".", "!", "?", "…", ":", '"', "”", "»"})


def add_news_abbreviations(nlp: Language) -> None:
    """Keep the period of `EXTRA_ABBREVIATIONS` (lower case and capitalised) in their token."""
    assert isinstance(nlp.tokenizer, Tokenizer)
    for abbreviation in EXTRA_ABBREVIATIONS:
        for form in (abbreviation, abbreviation.capitalize()):
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])


class SentenceRules(NamedTuple):
    """Token indices that must start a sentence and ones that must not."""

    starts: list[int]
    non_starts: list[int]


def news_sentence_rules(doc: Doc) -> SentenceRules:
    """Apply the news-text sentence rules to a tokenized Doc.

    A newline starts a sentence at the next word (the newline itself stays
    with the sentence before); a quote dash starts one and the word after it
    continues it; a full stop, "?" or "!" of its own followed by a capital
    starts one ("… bakom projektet. De har …"), unless it closes an initial
    ("J. Svensson"); a word right after a word never starts one, nor does
    any other dash or the word after it; the word after an abbreviation
    continues the sentence.
    """
    starts: set[int] = set()
    non_starts: set[int] = set()
    for token in doc:
        if token.is_space and "\n" in token.text:
            following = token.i
            while following < len(doc) and doc[following].is_space:
                non_starts.add(following)
                following += 1
            if following < len(doc):
                starts.add(following)
        elif token.text in QUOTE_DASHES and _opens_quote(token):
            starts.add(token.i)
            non_starts.add(token.i + 1)
        elif token.text in QUOTE_DASHES:
            # A dash inside a sentence ("Stockholm – Göteborg") joins, never splits.
            non_starts.update(i for i in (token.i, token.i + 1) if i < len(doc))
        elif _ends_sentence(token):
            starts.add(token.i + 1)
        elif token.i > 0 and (token.is_alpha or token.like_num) and doc[token.i - 1].is_alpha:
            non_starts.add(token.i)  # a word right after a word: "kollegan Martin Fransson"
        elif _is_abbreviation(token) and token.i + 1 < len(doc):
            following_token = doc[token.i + 1]
            if not (token.lower_ in MAY_END_SENTENCE and following_token.is_title):
                non_starts.add(following_token.i)
    # A rule that starts a sentence wins; the first token always starts one.
    non_starts -= starts | {0}
    return SentenceRules(sorted(starts), sorted(non_starts))


def _ends_sentence(token: Token) -> bool:
    """A sentence-final stop: a token of its own (an abbreviation keeps its period inside
    its token), after a word that is not a lone initial, before white space and a capital."""
    doc = token.doc
    if token.text not in SENTENCE_ENDS or token.i == 0 or token.i + 1 >= len(doc):
        return False
    before, after = doc[token.i - 1], doc[token.i + 1]
    initial = len(before.text) == 1 and before.text.isupper()
    return bool(token.whitespace_) and after.text[:1].isupper() and not initial


@Language.component(NEWS_SENTENCE_STARTS)
def news_sentence_starts(doc: Doc) -> Doc:
    """Preset the sentence starts of `news_sentence_rules` before the parser runs.

    The parser keeps the starts set to True; where one is set to False it may
    still leave two roots, which `news_sentence_repair` mends.
    """
    rules = news_sentence_rules(doc)
    for i in rules.starts:
        doc[i].is_sent_start = True
    for i in rules.non_starts:
        doc[i].is_sent_start = False
    return doc


@Language.component(NEWS_SENTENCE_REPAIR)
def news_sentence_repair(doc: Doc) -> Doc:
    """Join sentences the parser split where `news_sentence_rules` forbids it.

    The root of the shorter sentence is attached to the root of the longer
    one, as "punct" for a dash or a newline and as the unspecified "dep"
    otherwise, so each sentence stays one tree.
    """
    for i in news_sentence_rules(doc).non_starts:
        if doc[i].is_sent_start:
            shorter, longer = sorted((doc[i - 1].sent, doc[i].sent), key=len)
            dependent = shorter.root
            dependent.head = longer.root
            dependent.dep_ = "punct" if dependent.is_punct or dependent.is_space else "dep"
    return doc


def _opens_quote(dash: Token) -> bool:
    """Whether a dash opens a quotation: it follows a sentence end and precedes a capital."""
    doc = dash.doc
    if dash.i + 1 >= len(doc) or not doc[dash.i + 1].text[:1].isupper():
        return False
    previous = dash.i - 1
    while previous >= 0 and doc[previous].is_space and "\n" not in doc[previous].text:
        previous -= 1
    return (
        previous < 0
        or doc[previous].text in BEFORE_QUOTE_DASH
        or (doc[previous].is_space and "\n" in doc[previous].text)
    )


def _is_abbreviation(token: Token) -> bool:
    """Whether a token is a dotted abbreviation such as "bl.a." or "t.ex."."""
    return len(token) > 1 and token.text.endswith(".") and any(c.isalpha() for c in token.text)
