"""Spaced thousands in news text as one token.

Swedish writes thousands with a space between the digit groups ("14 000",
"5 478", "2 000,5"), often a no-break or thin space in scraped text. The
component `merge_spaced_numbers` merges such a run into one token whose norm
has no spaces ("14000"), so the trained pipeline sees an ordinary number.
Decimal commas ("9,3") are already one token.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

SPACED_NUMBERS = "merge_spaced_numbers"

FIRST_DIGIT_GROUP = re.compile(r"\d{1,3}")
NEXT_DIGIT_GROUP = re.compile(r"\d{3}")
LAST_DIGIT_GROUP = re.compile(r"\d{3}(,\d+)?")
# Separators between digit groups: the tokenizer keeps a plain space as
# trailing whitespace but makes a token of a no-break or thin space.
GROUP_SPACE_TOKENS = frozenset({"\u00a0", "\u202f", "\u2009"})


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
