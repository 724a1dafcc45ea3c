"""The shipped Swedish pipeline and its news-text rules, on small Swedish sentences."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from graph.nlp import LEMMA_LOOKUP, LEXICON_POS, MODEL_DIR, LemmaLookupFallback, load


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load()


def sentences(doc: Doc) -> list[str]:
    return [sent.text.strip() for sent in doc.sents]


def test_model_ships_with_its_licence() -> None:
    meta = load().meta
    assert meta["license"] == "CC BY-SA 4.0"
    assert meta["name"] == "myndighetsgraf"
    assert (MODEL_DIR / "meta.json").is_file()


def test_each_load_returns_a_fresh_pipeline(nlp: Language) -> None:
    other = load()
    other.remove_pipe("ner")
    assert "ner" in nlp.pipe_names


def test_part_of_speech(nlp: Language) -> None:
    doc = nlp("Myndigheten anställer 300 nya handläggare i Karlstad.")
    pos = {token.text: token.pos_ for token in doc}
    assert pos["Myndigheten"] == "NOUN"
    assert pos["anställer"] == "VERB"
    assert pos["300"] == "NUM"
    assert pos["nya"] == "ADJ"
    assert pos["i"] == "ADP"


def test_subject_and_object(nlp: Language) -> None:
    doc = nlp("Regeringen ger myndigheten ett nytt uppdrag.")
    verb = doc[1]
    assert doc[0].dep_ == "nsubj" and doc[0].head == verb
    assert doc[5].dep_ == "obj" and doc[5].head == verb


def test_lemmas(nlp: Language) -> None:
    doc = nlp("Myndigheterna anställer fler handläggare.")
    assert [t.lemma_ for t in doc[:3]] == ["myndighet", "anställa", "många"]


def test_lemma_lookup_knows_words_beyond_the_treebank(nlp: Language) -> None:
    assert LEMMA_LOOKUP in nlp.pipe_names
    doc = nlp("Försäkringskassan tidigarelägger utbetalningarna.")
    assert doc[1].lemma_ == "tidigarelägga"
    assert doc[2].lemma_ == "utbetalning"


def test_simplemma_lemmatizes_words_missing_from_both_tables(nlp: Language) -> None:
    # "utredare" (investigator) is neither a training form nor in
    # spacy-lookups-data's table; simplemma's table knows it. The trained
    # guess is set by hand: what the trained lemmatizer says changes with training.
    lookup = nlp.get_pipe(LEMMA_LOOKUP)
    assert isinstance(lookup, LemmaLookupFallback)
    assert "utredare" not in lookup.known_forms and "utredare" not in lookup.own_table
    doc = Doc(nlp.vocab, words=["utredare"], pos=["NOUN"], lemmas=["utred"])
    assert lookup(doc)[0].lemma_ == "utredare"


# "avvecklar" (winds up) is no form of the training data; hunspell-sv lists it
# as a verb's present tense, so the dictionary's classes rule out a noun.
UNSEEN_VERB_SENTENCE = (
    "Arbetsförmedlingen omorganiserar verksamheten och avvecklar kontoren i glesbygden."
)
UNSEEN_VERB = 4


def tagged_before_the_lexicon(nlp: Language, text: str) -> Doc:
    """`text` run through the pipes before the lexicon constraint."""
    doc = nlp.make_doc(text)
    for _, pipe in nlp.pipeline[: nlp.pipe_names.index(LEXICON_POS)]:
        doc = pipe(doc)
    return doc


def test_lexicon_corrects_the_tag_of_an_unseen_word(nlp: Language) -> None:
    lookup = nlp.get_pipe(LEMMA_LOOKUP)
    assert isinstance(lookup, LemmaLookupFallback)
    assert "avvecklar" not in {form.lower() for form in lookup.known_forms}
    doc = tagged_before_the_lexicon(nlp, UNSEEN_VERB_SENTENCE)
    doc[UNSEEN_VERB].pos_ = "NOUN"  # the guess the dictionary rules out
    verb = nlp.get_pipe(LEXICON_POS)(doc)[UNSEEN_VERB]
    assert verb.pos_ == "VERB"
    assert verb.morph.get("Tense") == ["Pres"]  # the features follow the new tag


def test_the_lexicon_keeps_a_tag_the_dictionary_allows(nlp: Language) -> None:
    doc = tagged_before_the_lexicon(nlp, UNSEEN_VERB_SENTENCE)
    tags = [token.pos_ for token in doc]
    assert [token.pos_ for token in nlp.get_pipe(LEXICON_POS)(doc)] == tags


def test_without_the_dictionary_the_pipeline_still_tags(tmp_path: Path) -> None:
    missing = {
        "components": {
            LEXICON_POS: {"dictionary": str(tmp_path)},
            "tok2vec": {"model": {"embed": {"dictionary": str(tmp_path)}}},
            "ner": {"model": {"tok2vec": {"embed": {"dictionary": str(tmp_path)}}}},
        }
    }
    without = spacy.load(MODEL_DIR, config=missing)
    with pytest.warns(UserWarning, match="no hunspell-sv dictionary"):
        doc = without(UNSEEN_VERB_SENTENCE)
    with without.select_pipes(disable=[LEXICON_POS]):
        unchecked = without(UNSEEN_VERB_SENTENCE)
    assert [token.pos_ for token in doc] == [token.pos_ for token in unchecked]
    assert all(token.pos_ for token in doc) and doc[-1].pos_ == "PUNCT"


def test_person_name(nlp: Language) -> None:
    doc = nlp("\u2013 Vi måste bli bättre, säger Anna Svensson, chef på kontoret i Torsby.")
    assert ("Anna Svensson", "PER") in {(ent.text, ent.label_) for ent in doc.ents}


def test_newline_starts_a_sentence(nlp: Language) -> None:
    doc = nlp("Kontoret i Torsby har tolv anställda\nFler ska anställas under hösten")
    assert sentences(doc) == [
        "Kontoret i Torsby har tolv anställda",
        "Fler ska anställas under hösten",
    ]


def test_quote_dash_starts_a_sentence(nlp: Language) -> None:
    doc = nlp("Det sade chefen i går. \u2013 Vi tidigarelägger rekryteringen, säger hon.")
    assert sentences(doc)[-1] == "\u2013 Vi tidigarelägger rekryteringen, säger hon."


def test_dash_between_words_is_no_sentence_start(nlp: Language) -> None:
    doc = nlp("Tåget mellan Stockholm \u2013 Göteborg var försenat.")
    assert len(sentences(doc)) == 1


@pytest.mark.parametrize("abbreviation", ["bl.a.", "t.ex.", "m.fl.", "ca."])
def test_abbreviations_do_not_end_sentences(nlp: Language, abbreviation: str) -> None:
    doc = nlp(f"Myndigheten har {abbreviation} Skatteverket som partner. Det sade chefen.")
    assert len(sentences(doc)) == 2
    assert abbreviation in [t.text for t in doc]


def test_spaced_numbers_are_one_token(nlp: Language) -> None:
    doc = nlp("Myndigheten har 14 000 anställda, varav 5 478 i Stockholm och 2\u00a0000 i Luleå.")
    texts = [t.text for t in doc]
    assert "14 000" in texts
    assert "5 478" in texts
    assert "2\u00a0000" in texts
    assert doc[texts.index("14 000")].norm_ == "14000"


def test_small_numbers_side_by_side_stay_apart(nlp: Language) -> None:
    texts = [t.text for t in nlp("Matchen slutade 3 2 och år 2019 200 personer.")]
    assert texts[2:4] == ["3", "2"]
    assert "2019" in texts and "200" in texts


def test_decimal_comma_is_one_token(nlp: Language) -> None:
    texts = [t.text for t in nlp("Arbetslösheten steg till 9,3 procent.")]
    assert "9,3" in texts
