"""The Swedish spaCy pipeline, made to hold up on scraped news text.

`load()` returns the trained pipeline shipped in graph/model/ (tags,
morphology, lemmas, dependency trees, PER/ORG/LOC names; see
training/model-card.md) with rule components around it:

- `merge_spaced_numbers`: "14 000", "5 478" and "2 000,5" (digit groups
  separated by a space, a no-break space or a thin space, as Swedish writes
  thousands) become one token.
- `news_sentence_starts` (before the parser) and `news_sentence_repair`
  (after it) hold the sentence boundaries to three rules: a newline (a
  paragraph break in scraped text) always starts a sentence, a dash opening
  a quote ("\u2013 Vi tidigarelägger ...") starts one, and abbreviations
  ("bl.a.", "t.ex.", "m.fl.") do not end one.

The tokenizer also learns a few news abbreviations that spaCy's Swedish
exceptions lack ("ca.", "jfr.", "mkr.", …), so their period is not read as
the end of a sentence. Decimal commas ("9,3") are already one token.

The shipped pipeline itself contains one component defined here,
`lemma_lookup_fallback`, so graph/model/ loads only after this module is
imported (load() does that).

Nothing here touches the network: the pipeline is read from disk.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple, cast

import spacy
import srsly
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.pipeline import EntityRuler
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span, Token

from graph import gazetteers

MODEL_DIR = Path(__file__).with_name("model")
PARSER = "parser"

LEMMA_LOOKUP = "lemma_lookup_fallback"
SPACED_NUMBERS = "merge_spaced_numbers"
NEWS_SENTENCE_STARTS = "news_sentence_starts"
NEWS_SENTENCE_REPAIR = "news_sentence_repair"

GAZETTEER_RULER = "gazetteer_ruler"

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

FIRST_DIGIT_GROUP = re.compile(r"\d{1,3}")
NEXT_DIGIT_GROUP = re.compile(r"\d{3}")
LAST_DIGIT_GROUP = re.compile(r"\d{3}(,\d+)?")
# Separators between digit groups: the tokenizer keeps a plain space as
# trailing whitespace but makes a token of a no-break or thin space.
GROUP_SPACE_TOKENS = frozenset({"\u00a0", "\u202f", "\u2009"})


def load() -> Language:
    """Load the shipped Swedish pipeline with the news-text rules, as a fresh Language.

    Each call reads graph/model/ again (about a second) so that callers may add or
    remove pipes without affecting one another.
    """
    nlp = spacy.load(MODEL_DIR)
    assert isinstance(nlp.tokenizer, Tokenizer)
    for abbreviation in EXTRA_ABBREVIATIONS:
        for form in (abbreviation, abbreviation.capitalize()):
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    nlp.add_pipe(SPACED_NUMBERS, first=True)
    nlp.add_pipe(NEWS_SENTENCE_STARTS, after=SPACED_NUMBERS)
    nlp.add_pipe(NEWS_SENTENCE_REPAIR, after=PARSER)
    add_gazetteer_ruler(nlp)
    return nlp


def add_gazetteer_ruler(nlp: Language) -> None:
    """The curated names of ontology/gazetteers as entity rulers before the statistical NER,
    which then keeps them and tags the rest (labels are class names, ids gazetteer ids).

    Most names are phrase patterns (fast), in two rulers: one matching in any case
    ("arbetsförmedlingen"), one by exact spelling (places, abbreviations). They run
    right after tokenisation, so adding their patterns only tokenises them. Names that
    are also ordinary words ("Sida", "Vision") must not open a sentence; they need
    the parser's sentence starts and go in a small token-pattern ruler after it.
    """
    groups = gazetteers.ruler_pattern_groups()
    any_case = _ruler(nlp, GAZETTEER_RULER, "LOWER", after=NEWS_SENTENCE_STARTS)
    any_case.add_patterns(groups.any_case)
    exact = _ruler(nlp, f"{GAZETTEER_RULER}_exact", "ORTH", after=GAZETTEER_RULER)
    exact.add_patterns(groups.exact)
    inside = _ruler(nlp, f"{GAZETTEER_RULER}_inside", "ORTH", before="ner")
    inside.add_patterns(groups.inside_sentence)


def _ruler(nlp: Language, name: str, attr: str, **where: str) -> EntityRuler:
    config = {"validate": False, "phrase_matcher_attr": attr}
    ruler = nlp.add_pipe("entity_ruler", name=name, config=config, **where)  # type: ignore[arg-type]
    return cast(EntityRuler, ruler)


@Language.component(SPACED_NUMBERS)
def merge_spaced_numbers(doc: Doc) -> Doc:
    """Merge digit groups written with spaces ("14 000") into one token.

    The merged token's norm drops the spaces ("14000"), so the trained
    pipeline sees an ordinary number.
    """
    spans = [span for span in _spaced_number_spans(doc) if len(span) > 1]
    with doc.retokenize() as retokenizer:
        for span in spans:
            norm = "".join(token.text for token in span if not token.is_space)
            retokenizer.merge(span, attrs={"NORM": norm})
    return doc


def _spaced_number_spans(doc: Doc) -> list[Span]:
    """Find the runs "d{1,3} ddd ddd[,d+]" whose groups are separated by one space."""
    spans: list[Span] = []
    i = 0
    while i < len(doc):
        end = i + 1
        if FIRST_DIGIT_GROUP.fullmatch(doc[i].text):
            end = _extend_number(doc, i)
        if end > i + 1:
            spans.append(doc[i:end])
        i = end
    return spans


def _extend_number(doc: Doc, start: int) -> int:
    """Return the end of the spaced number that begins at token `start`."""
    end = start + 1
    while True:
        last = doc[end - 1]
        if last.whitespace_ == " ":
            following = end
        elif end < len(doc) and doc[end].text in GROUP_SPACE_TOKENS:
            following = end + 1
        else:
            return end
        if following >= len(doc) or not LAST_DIGIT_GROUP.fullmatch(doc[following].text):
            return end
        end = following + 1
        if not NEXT_DIGIT_GROUP.fullmatch(doc[following].text):
            return end  # a decimal part ("000,5") closes the number


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


# Word classes whose unseen forms the lookup table lemmatizes better than the
# trained edit trees; closed classes are all in the treebank already.
OPEN_CLASSES = ("NOUN", "VERB", "ADJ", "ADV")
PROPER_NOUN = "PROPN"  # a name is its own lemma, capitals and all


@Language.factory(LEMMA_LOOKUP, default_config={"pos": list(OPEN_CLASSES)})
def make_lemma_lookup(nlp: Language, name: str, *, pos: list[str]) -> LemmaLookupFallback:
    """Create the lookup fallback of the trained lemmatizer (table filled by training.build)."""
    return LemmaLookupFallback(pos)


class LemmaLookupFallback:
    """Mend the trained lemmatizer's guesses with a large lookup table.

    The trained lemmatizer learns edit trees from a small treebank. On word
    forms it never saw, capitalised forms of known words included, it often
    guesses wrong, and sometimes it builds strings that are no word at all
    ("Flickornama"). A large form-to-lemma table (spacy-lookups-data's
    Swedish table, copied into the pipeline) knows most of those words.

    - `table`: lower-case form to lemma;
    - `known_forms`: the exact forms of the training data, whose lemmas the
      trained lemmatizer learnt in the treebank's own conventions;
    - `lemmas`: every lemma of the training data and of the table; a predicted
      lemma outside it is a failed guess.

    Sentence-initial capitals are not part of a common word's lemma.
    """

    TABLE_FILE = "table.json.gz"  # compressed: about 2 MB instead of 16
    KNOWN_FORMS_FILE = "known_forms.json.gz"
    TRAINING_LEMMAS_FILE = "training_lemmas.json.gz"

    def __init__(self, pos: Iterable[str]) -> None:
        self.pos = frozenset(pos)
        self.table: dict[str, str] = {}
        self.known_forms: frozenset[str] = frozenset()
        self.training_lemmas: frozenset[str] = frozenset()
        self.lemmas: frozenset[str] = frozenset()

    def set_data(
        self, table: dict[str, str], known_forms: Iterable[str], training_lemmas: Iterable[str]
    ) -> None:
        """Fill the table and the training vocabulary (done by training.build)."""
        self.table = table
        self.known_forms = frozenset(known_forms)
        self.training_lemmas = frozenset(training_lemmas)
        self.lemmas = self.training_lemmas | frozenset(table.values())

    def __call__(self, doc: Doc) -> Doc:
        # Integer POS ids and as few string attributes as possible: this runs
        # on every token and would otherwise cost a tenth of the pipeline's time.
        open_classes = {POS_IDS[pos] for pos in self.pos}
        for token in doc:
            if token.pos == POS_IDS[PROPER_NOUN]:
                continue
            looked_up = self.table.get(token.lower_)
            if looked_up is not None:
                lemma = token.lemma_
                if lemma == looked_up:
                    continue
                unseen = token.pos in open_classes and token.text not in self.known_forms
                if unseen or lemma not in self.lemmas:
                    token.lemma_ = looked_up
                    continue
            if token.is_title:
                lemma = token.lemma_
                if lemma[:1].isupper():
                    token.lemma_ = lemma.lower()
        return doc

    def to_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_gzip_json(path / self.TABLE_FILE, self.table)
        srsly.write_gzip_json(path / self.KNOWN_FORMS_FILE, sorted(self.known_forms))
        srsly.write_gzip_json(path / self.TRAINING_LEMMAS_FILE, sorted(self.training_lemmas))

    def from_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> LemmaLookupFallback:
        path = Path(path)
        self.set_data(
            srsly.read_gzip_json(path / self.TABLE_FILE),
            srsly.read_gzip_json(path / self.KNOWN_FORMS_FILE),
            srsly.read_gzip_json(path / self.TRAINING_LEMMAS_FILE),
        )
        return self
