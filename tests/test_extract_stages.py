"""The stage table (graph.extract.STAGES): order, slicing, and what extract() returns."""

from __future__ import annotations

import pytest
from extract_docs import build
from parses import ANNA_LINDQVIST_LEADS, SHE_JOINED_THE_TAX_AGENCY

from graph.extract import STAGE_NAMES, STAGES, extract, run_stages
from graph.extract.context import DocContext


def context() -> DocContext:
    return DocContext(build(ANNA_LINDQVIST_LEADS, SHE_JOINED_THE_TAX_AGENCY), "doc-1")


def test_every_stage_name_is_unique_and_entities_come_first() -> None:
    assert len(set(STAGE_NAMES)) == len(STAGES)
    assert STAGE_NAMES[0] == "entities"


def test_until_stops_after_the_named_stage() -> None:
    ctx = context()
    found = run_stages(ctx, until="coref")
    assert ctx.mentions and ctx.refers_to  # entities and coref ran
    assert found.facts == []  # svo, which reads 'Hon började på Skatteverket', did not


def test_only_runs_just_the_named_stages() -> None:
    ctx = context()
    run_stages(ctx, only={"entities"})
    assert ctx.mentions
    assert ctx.refers_to == {}


def test_all_stages_give_what_extract_gives() -> None:
    ctx = context()
    found = run_stages(ctx)
    extraction = extract(context().doc, "doc-1")
    assert {(f.subject.text, f.predicate) for f in found.facts} == {
        (f.subject.text, f.predicate) for f in extraction.facts
    }
    assert ("Anna Lindqvist", "verb:börja_på") in {
        (f.subject.text, f.predicate) for f in extraction.facts
    }


def test_an_unknown_stage_name_is_refused() -> None:
    with pytest.raises(ValueError, match="no extraction stage 'role'"):
        run_stages(context(), until="role")
