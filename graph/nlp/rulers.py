"""The curated names of ontology/gazetteers as entity rulers around the statistical NER.

`add_gazetteer_ruler` adds three EntityRulers, whose labels are class names and
whose ids are gazetteer ids; the NER after them keeps their entities and tags
the rest:

- `gazetteer_ruler`: phrase patterns matched in any case ("arbetsförmedlingen"),
  right after tokenisation;
- `gazetteer_ruler_exact`: phrase patterns matched by exact spelling (places,
  abbreviations), right after the first;
- `gazetteer_ruler_inside`: names that are also ordinary words ("Sida",
  "Vision") as token patterns after the parser, since they must not open a
  sentence and need its sentence starts.
"""

from __future__ import annotations

from typing import cast

from spacy.language import Language
from spacy.pipeline import EntityRuler

from graph import gazetteers
from graph.nlp.sentences import NEWS_SENTENCE_STARTS

GAZETTEER_RULER = "gazetteer_ruler"
NER = "ner"


def add_gazetteer_ruler(nlp: Language) -> None:
    """Add the three gazetteer rulers to `nlp`, before its statistical NER.

    Phrase patterns are fast, and as the two phrase rulers run right after
    tokenisation, adding their patterns only tokenises them.
    """
    groups = gazetteers.ruler_pattern_groups()
    any_case = _ruler(nlp, GAZETTEER_RULER, "LOWER", after=NEWS_SENTENCE_STARTS)
    any_case.add_patterns(groups.any_case)
    exact = _ruler(nlp, f"{GAZETTEER_RULER}_exact", "ORTH", after=GAZETTEER_RULER)
    exact.add_patterns(groups.exact)
    inside = _ruler(nlp, f"{GAZETTEER_RULER}_inside", "ORTH", before=NER)
    inside.add_patterns(groups.inside_sentence)


def _ruler(nlp: Language, name: str, attr: str, **where: str) -> EntityRuler:
    config = {"validate": False, "phrase_matcher_attr": attr}
    ruler = nlp.add_pipe("entity_ruler", name=name, config=config, **where)  # type: ignore[arg-type]
    return cast(EntityRuler, ruler)
