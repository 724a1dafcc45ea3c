"""The lemma lookup fallback on hand-tagged Docs: which lemma wins, the trained or the table's."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from graph.nlp.lemmas import OPEN_CLASSES, LemmaEdit, LemmaLookupFallback, lemma_edit

# What the treebank shows for adjectives: "glada" -> "glad", "stort" -> "stor".
ADJECTIVE_EDITS: set[LemmaEdit] = {("ADJ", "a", "", "d"), ("ADJ", "t", "", "r")}
# The tables know no parts of speech: "född" (born) is also a form of the verb "föda".
TABLE = {"född": "föda", "glada": "glad", "stort": "stor"}


def fallback(edits: set[LemmaEdit]) -> LemmaLookupFallback:
    lookup = LemmaLookupFallback(OPEN_CLASSES)
    lookup.set_data(TABLE, known_forms=[], training_lemmas=["glad"], edits=edits)
    return lookup


def adjective(word: str, trained_lemma: str) -> Doc:
    return Doc(spacy.blank("sv").vocab, words=[word], pos=["ADJ"], lemmas=[trained_lemma])


@pytest.mark.parametrize(
    ("form", "lemma", "edit"),
    [
        ("ökade", "ökad", ("ADJ", "e", "", "d")),
        ("Ökade", "öka", ("ADJ", "de", "", "a")),
        ("stort", "stor", ("ADJ", "t", "", "r")),
        ("född", "född", ("ADJ", "", "", "d")),
    ],
)
def test_lemma_edit(form: str, lemma: str, edit: LemmaEdit) -> None:
    assert lemma_edit("ADJ", form, lemma) == edit


def test_an_entry_the_treebank_would_make_replaces_the_trained_guess() -> None:
    doc = fallback(ADJECTIVE_EDITS)(adjective("glada", "gladaa"))
    assert doc[0].lemma_ == "glad"


def test_an_entry_of_another_word_class_leaves_a_trained_word() -> None:
    # ("ADJ", "", "a", "a"): no adjective's lemma adds an "a" to the form.
    doc = fallback(ADJECTIVE_EDITS)(adjective("född", "född"))
    assert doc[0].lemma_ == "född"


def test_a_trained_guess_that_is_no_word_loses_even_to_an_odd_entry() -> None:
    doc = fallback(ADJECTIVE_EDITS)(adjective("född", "föddma"))
    assert doc[0].lemma_ == "föda"


def test_without_edits_every_entry_is_taken() -> None:
    doc = fallback(set())(adjective("född", "född"))
    assert doc[0].lemma_ == "föda"


def test_edits_survive_to_disk_and_back(tmp_path: Path) -> None:
    fallback(ADJECTIVE_EDITS).to_disk(tmp_path)
    read = LemmaLookupFallback(OPEN_CLASSES).from_disk(tmp_path)
    assert read.edits == ADJECTIVE_EDITS
    assert read(adjective("född", "född"))[0].lemma_ == "född"
