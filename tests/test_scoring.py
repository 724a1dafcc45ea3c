"""graph.scoring.score_build: what `kg eval` runs, as a library call."""

from __future__ import annotations

from pathlib import Path

from conftest import DEV_GOLD, SeedBuild
from spacy.language import Language

from graph.layout import TURTLE_FILE
from graph.scoring import score_build


def test_inputs_are_built_and_only_their_gold_lines_scored(
    nlp: Language, gold_inputs: list[Path]
) -> None:
    one = score_build(DEV_GOLD, gold_inputs[:1], nlp=nlp)
    three = score_build(DEV_GOLD, gold_inputs, nlp=nlp)
    assert 0 < one.gold_entities < three.gold_entities
    assert min(three.entity_recall, three.fact_recall) >= 0.97  # the seed floor


def test_a_finished_build_is_scored_on_every_gold_line(seed_build: SeedBuild) -> None:
    result = score_build(DEV_GOLD, graph=seed_build.out)
    assert (
        result.gold_entities
        == score_build(DEV_GOLD, graph=seed_build.out / TURTLE_FILE).gold_entities
    )
    assert result.fact_recall >= 0.97
