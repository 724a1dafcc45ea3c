"""Hand-built parsed Docs for the extractor tests: the annotations of a parse, no model.

A sentence is written as a table, one token a row, the way one reads a parse:

    0  Skatteverkets    PROPN  Skatteverket     1  nmod:poss  B-Agency=agency/skatteverket
    1  generaldirektör  NOUN   generaldirektör  5  nsubj
    2  Katrin           PROPN  Katrin           1  appos      B-PER
    3  Westling         PROPN  Westling         2  flat:name  I-PER

Columns: index in the sentence, word, universal POS tag, lemma ("_" for the
word as written), head (an index in the same sentence; the root points at
itself with the label ROOT), dependency label (Universal Dependencies, as the
Swedish parse gives them) and, optionally, the entity as an IOB tag whose
label is a class of the gazetteer ruler ("B-Agency=agency/skatteverket",
with the gazetteer id after "=") or of the statistical NER ("B-PER").

`build` joins sentences into one Doc on the vocabulary of `spacy.blank("sv")`;
`PARAGRAPH` between two sentences ends a paragraph with a newline, which stays
with the sentence before it, as the pipeline's news sentence rules have it.
Spaces follow Swedish typography: none before closing punctuation, none
inside parentheses or »guillemets«.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import NamedTuple

import spacy
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from graph.extract import run_stages
from graph.extract.context import DocContext
from graph.records import Evidence, Fact, Mention, Value

#: Put between two sentences of `build` to end a paragraph.
PARAGRAPH = "\n"
#: Tokens written straight after the token before them.
_NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "«", PARAGRAPH}
#: Tokens written straight before the token after them.
_NO_SPACE_AFTER = {"(", "»", PARAGRAPH}
_OUTSIDE = "O"
_ROOT = "ROOT"


class Row(NamedTuple):
    """One token of a hand-written parse; `head` is absolute once the sentence is placed."""

    word: str
    pos: str
    lemma: str
    head: int
    dep: str
    entity: str


class _Entity(NamedTuple):
    start: int
    end: int
    label: str
    gazetteer_id: str


@cache
def vocab() -> Vocab:
    """The Swedish vocabulary every test Doc shares."""
    return spacy.blank("sv").vocab


def sentence_rows(table: str, offset: int) -> list[Row]:
    """The rows of one sentence table, heads moved by `offset` to document indices."""
    rows: list[Row] = []
    for line in table.strip().splitlines():
        cells = line.split()
        index, word, pos, lemma, head, dep = cells[:6]
        if int(index) != len(rows):
            raise ValueError(f"row {len(rows)} is numbered {index}: {line!r}")
        if (dep == _ROOT) != (int(head) == len(rows)):
            raise ValueError(f"only the root points at itself: {line!r}")
        entity = cells[6] if len(cells) > 6 else _OUTSIDE
        rows.append(
            Row(word, pos, word if lemma == "_" else lemma, int(head) + offset, dep, entity)
        )
    return rows


def _newline(sentence: list[Row]) -> Row:
    """The newline that ends a paragraph, attached to its sentence's root."""
    root = next(row.head for row in sentence if row.dep == _ROOT)
    return Row(PARAGRAPH, "SPACE", PARAGRAPH, root, "dep", _OUTSIDE)


def _spaces(words: list[str]) -> list[bool]:
    return [
        i + 1 < len(words) and word not in _NO_SPACE_AFTER and words[i + 1] not in _NO_SPACE_BEFORE
        for i, word in enumerate(words)
    ]


def _entities(rows: list[Row]) -> list[_Entity]:
    """The entity spans of IOB tags; "B-Agency=agency/skatteverket" carries a gazetteer id."""
    found: list[_Entity] = []
    for i, row in enumerate(rows):
        if row.entity == _OUTSIDE:
            continue
        iob, _, rest = row.entity.partition("-")
        label, _, gazetteer_id = rest.partition("=")
        if iob == "B":
            found.append(_Entity(i, i + 1, label, gazetteer_id))
        elif iob == "I" and found and found[-1].end == i and found[-1].label == label:
            found[-1] = found[-1]._replace(end=i + 1)
        else:
            raise ValueError(f"{row.entity} at {row.word!r} continues no entity")
    return found


def build(*sentences: str) -> Doc:
    """A parsed Doc of sentence tables (and `PARAGRAPH` marks), in order."""
    rows: list[Row] = []
    starts: list[int] = []
    for table in sentences:
        if table == PARAGRAPH:
            sentence = rows[starts[-1] :]
            rows.append(_newline(sentence))
            continue
        starts.append(len(rows))
        rows.extend(sentence_rows(table, offset=len(rows)))
    words = [row.word for row in rows]
    doc = Doc(
        vocab(),
        words=words,
        spaces=_spaces(words),
        pos=[row.pos for row in rows],
        lemmas=[row.lemma for row in rows],
        heads=[row.head for row in rows],
        deps=[row.dep for row in rows],
        sent_starts=[i in starts for i in range(len(rows))],
    )
    doc.ents = [
        Span(doc, e.start, e.end, label=e.label, span_id=e.gazetteer_id) for e in _entities(rows)
    ]
    return doc


# ------------------------------------------------------------ reading results


def named(mentions: Iterable[Mention], text: str) -> Mention:
    """The one mention written `text`."""
    found = [m for m in mentions if m.text == text]
    if len(found) != 1:
        raise AssertionError(f"{len(found)} mentions written {text!r}: {list(mentions)}")
    return found[0]


def written(value: Value) -> object:
    """An entity object as its text, a literal as itself."""
    return value.text if isinstance(value, Mention) else value


def triples(facts: Iterable[Fact]) -> set[tuple[str, str, object]]:
    """Facts as (subject text, predicate, object text or value)."""
    return {(f.subject.text, f.predicate, written(f.object)) for f in facts}


def read_back(doc: Doc, evidence: Evidence) -> bool:
    """Whether evidence names a whole sentence of the document by its offsets."""
    return evidence.sentence == doc.text[evidence.start : evidence.end] and any(
        s.start_char == evidence.start and s.end_char == evidence.end for s in doc.sents
    )


def stage_facts(stage: str, *sentences: str) -> list[Fact]:
    """The facts one extraction stage that reads token tags adds, after the stages up to tags."""
    ctx = DocContext(build(*sentences), "doc-1")
    run_stages(ctx, until="tags")
    return run_stages(ctx, only={stage}).facts
